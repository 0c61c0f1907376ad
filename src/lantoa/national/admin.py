from django.contrib import admin
from django.http import HttpRequest

from lantoa.national.models import ProvinceKey, ProvinceReturn


@admin.register(ProvinceKey)
class ProvinceKeyAdmin(admin.ModelAdmin):
    list_display = ["province_code", "province_name", "added_at"]


@admin.register(ProvinceReturn)
class ProvinceReturnAdmin(admin.ModelAdmin):
    list_display = ["period_code", "province_code", "province_name", "generated_at", "imported_at"]
    list_filter = ["period_code"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # returns arrive only through national_import, which verifies the signature

    def has_change_permission(self, request: HttpRequest, obj: ProvinceReturn | None = None) -> bool:
        return False
