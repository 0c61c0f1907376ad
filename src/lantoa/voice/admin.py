"""Reference data officials may tune: categories (deadlines, severity) and hotspot weights. Reports are not here:
they are read only through the audited case pages."""

from django.contrib import admin

from lantoa.voice.models import Category, HotspotParameter


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "severity", "first_reply_days", "resolution_days", "order")
    list_editable = ("severity", "first_reply_days", "resolution_days", "order")
    readonly_fields = ("slug",)


@admin.register(HotspotParameter)
class HotspotParameterAdmin(admin.ModelAdmin):
    list_display = ("label", "slug", "value")
    list_editable = ("value",)
    readonly_fields = ("slug",)
