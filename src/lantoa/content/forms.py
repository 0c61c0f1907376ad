from wagtail.admin.forms import WagtailAdminPageForm

from lantoa.core.text import slugify_vi


class PageSlugForm(WagtailAdminPageForm):
    """Page addresses are Vietnamese without diacritics: "Phiếu lương" → /phieu-luong/ (đ → d, which Django drops)."""

    def clean_slug(self) -> str:
        return slugify_vi(self.cleaned_data.get("slug", ""))
