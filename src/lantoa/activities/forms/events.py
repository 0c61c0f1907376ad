import datetime as dt
from typing import Any, TypedDict, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lantoa.activities.forms import DATETIME_INPUT_FORMATS, DateTimeInput, count_field, offer
from lantoa.activities.models import Event, Propagandist

MATERIAL_LABELS = {
    "banner_count": _("Pano, băng rôn"),
    "poster_count": _("Áp phích"),
    "loudspeaker_count": _("Lượt phát loa, truyền thanh nội bộ"),
    "leaflet_count": _("Tờ rơi, tờ gấp"),
}


class MaterialsMixin(forms.Form):
    banner_count = count_field(MATERIAL_LABELS["banner_count"])
    poster_count = count_field(MATERIAL_LABELS["poster_count"])
    loudspeaker_count = count_field(MATERIAL_LABELS["loudspeaker_count"])
    leaflet_count = count_field(MATERIAL_LABELS["leaflet_count"])

    def materials(self) -> dict[str, int]:
        return {field: self.cleaned_data.get(field) or 0 for field in MATERIAL_LABELS}


class EventFields(TypedDict):
    """Keyword arguments for `services.events.event_create` (without the place and who records it)."""

    kind: str
    title: str
    topic: str
    venue: str
    starts_at: dt.datetime
    shift: str
    presenters: QuerySet[Propagandist]
    planned_attendance: int
    unscanned_attendance: int
    result_note: str
    materials: dict[str, int]


class EventForm(MaterialsMixin):
    field_order = [
        *("place", "kind", "title", "topic", "venue", "starts_at", "shift", "planned_attendance", "presenters"),
        *("unscanned_attendance", "result_note", *MATERIAL_LABELS),
    ]
    place = forms.ChoiceField(label=_("Nơi tổ chức"))
    kind = forms.ChoiceField(label=_("Hình thức"), choices=Event.Kind.choices)
    title = forms.CharField(label=_("Tên hoạt động"), max_length=200)
    topic = forms.CharField(label=_("Nội dung, chủ đề"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    venue = forms.CharField(label=_("Địa điểm"), max_length=200, required=False)
    starts_at = forms.DateTimeField(
        label=_("Thời gian bắt đầu"), input_formats=DATETIME_INPUT_FORMATS, widget=DateTimeInput()
    )
    shift = forms.ChoiceField(label=_("Bố trí theo ca làm việc"), choices=Event.Shift.choices)
    planned_attendance = count_field(_("Số người dự kiến"))
    presenters: "forms.ModelMultipleChoiceField[Propagandist]" = forms.ModelMultipleChoiceField(
        label=_("Người trình bày (lực lượng tuyên truyền)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    unscanned_attendance = count_field(_("Số người dự không quét mã (đếm tay)"))
    result_note = forms.CharField(label=_("Kết quả, ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(
        self, *args: Any, places: list[tuple[str, str]], presenters: QuerySet[Propagandist], held: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["place"]).choices = places
        offer(self, "presenters", presenters)
        if not held:
            for name in ("unscanned_attendance", "result_note"):
                del self.fields[name]

    def event_fields(self) -> EventFields:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "title": data["title"],
            "topic": data["topic"],
            "venue": data["venue"],
            "starts_at": data["starts_at"],
            "shift": data["shift"],
            "presenters": data["presenters"],
            "planned_attendance": data.get("planned_attendance") or 0,
            "unscanned_attendance": data.get("unscanned_attendance") or 0,
            "result_note": data.get("result_note", ""),
            "materials": self.materials(),
        }


class EventHeldForm(MaterialsMixin):
    unscanned_attendance = count_field(_("Số người dự không quét mã (đếm tay)"))
    result_note = forms.CharField(label=_("Kết quả, ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class EventPhotoForm(forms.Form):
    image = forms.ImageField(label=_("Ảnh hoạt động"))
    caption = forms.CharField(label=_("Chú thích"), max_length=200, required=False)


class EventFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả")), *Event.Status.choices]
    )
    kind = forms.ChoiceField(label=_("Hình thức"), required=False, choices=[("", _("Tất cả")), *Event.Kind.choices])
