from django.contrib import admin

from lantoa.opinion.models import Citation, Clarification


class CitationInline(admin.TabularInline):
    model = Citation
    raw_id_fields = ("provision",)
    extra = 0


@admin.register(Clarification)
class ClarificationAdmin(admin.ModelAdmin):
    list_display = ("claim", "verdict", "published_at")
    list_filter = ("verdict",)
    inlines = (CitationInline,)
    raw_id_fields = ("group", "published_by")
