from django.contrib import admin

from lantoa.learning.models import Contest, Question


@admin.register(Contest)
class ContestAdmin(admin.ModelAdmin):
    list_display = ("title", "starts_at", "ends_at", "time_limit_minutes", "question_count")
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("eligible_units",)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("prompt", "topic", "kind", "is_active")
    list_filter = ("topic", "kind", "is_active")
    search_fields = ("prompt",)
