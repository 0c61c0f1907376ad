from django.contrib import admin

from lantoa.national.models import ProvinceKey, ProvinceReturn


@admin.register(ProvinceKey)
class ProvinceKeyAdmin(admin.ModelAdmin):
    list_display = ["province_code", "province_name", "added_at"]


@admin.register(ProvinceReturn)
class ProvinceReturnAdmin(admin.ModelAdmin):
    list_display = ["period_code", "province_code", "province_name", "generated_at", "imported_at"]
    list_filter = ["period_code"]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False  # returns arrive only through national_import, which verifies the signature

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False
