from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from lantoa.legal.models import Amendment
from lantoa.legal.tasks import index_build_later


@admin.register(Amendment)
class AmendmentAdmin(admin.ModelAdmin):
    """Editors enter or correct what the parser could not read, always citing the amending provision."""

    list_display = ("target_number", "target_slug", "kind", "effective_on", "source", "origin")
    list_filter = ("kind", "origin", "target_number")
    search_fields = ("target_number", "target_slug", "text", "source__document__number")
    raw_id_fields = ("source", "target")
    readonly_fields = ("target",)
    fieldsets = (
        (_("Văn bản sửa đổi"), {"fields": ("source", "effective_on", "note")}),
        (_("Điều khoản bị sửa đổi"), {"fields": ("target_number", "target_slug", "target", "kind")}),
        (_("Nội dung"), {"fields": ("text", "old_phrase", "new_phrase")}),
    )

    def save_model(self, request: HttpRequest, obj: Amendment, form: forms.ModelForm, change: bool) -> None:
        # An editor's row survives re-imports: parsed rows are replaced, an editor's are kept.
        obj.origin = Amendment.Origin.EDITOR
        super().save_model(request, obj, form, change)
        from lantoa.legal.services.library import amendments_apply

        amendments_apply()
        index_build_later()  # the index holds the wording in force

    def delete_model(self, request: HttpRequest, obj: Amendment) -> None:
        super().delete_model(request, obj)
        index_build_later()
