from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lantoa.core.security import account_lock_lift
from lantoa.orgs.models import Enterprise, Membership, MinimumWageZone, OrgUnit, Person, User


@admin.register(User)
class AccountAdmin(UserAdmin):
    actions = ["login_unlock"]

    @admin.action(description=_("Mở khóa đăng nhập bằng mật khẩu (khóa do nhập sai nhiều lần)"))
    def login_unlock(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        lifted = sum(account_lock_lift(username=user.username) for user in queryset)
        self.message_user(
            request,
            ngettext("Đã mở khóa %(count)s tài khoản.", "Đã mở khóa %(count)s tài khoản.", lifted) % {"count": lifted},
        )


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "parent", "is_border", "is_island")
    list_filter = ("kind", "is_border", "is_island", "is_demo")
    search_fields = ("name", "code")
    list_editable = ("is_border", "is_island")
    autocomplete_fields = ("parent", "commune")
    readonly_fields = ("path",)


@admin.register(Enterprise)
class EnterpriseAdmin(admin.ModelAdmin):
    list_display = ("unit", "tax_code", "ownership", "commune", "zone", "worker_count", "minimum_wage_region")
    list_filter = ("ownership", "minimum_wage_region", "in_zone", "is_sme", "is_migrant_heavy")
    search_fields = ("unit__name", "tax_code")
    readonly_fields = (
        "public_code",
        "minimum_wage_region",
        "in_zone",
        "is_migrant_heavy",
        "is_border",
        "is_island",
        "is_rural",
        "is_sme",
    )


@admin.register(MinimumWageZone)
class MinimumWageZoneAdmin(admin.ModelAdmin):
    list_display = ("commune", "region", "valid_from", "valid_to", "source")
    list_filter = ("region",)
    search_fields = ("commune__name",)


class MembershipInline(admin.TabularInline):
    model = Membership
    autocomplete_fields = ("unit",)
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("full_name", "phone", "user")
    search_fields = ("full_name", "phone")
    inlines = [MembershipInline]
