"""Shapes of the calculators' input: money as 5.310.000 or 5310000, dates dd/mm/yyyy, months mm/yyyy."""

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.calculators.numbers import parse_decimal, parse_money
from lantoa.calculators.rules.leave import CONDITION_KEYS
from lantoa.calculators.rules.overtime import WageBasis
from lantoa.calculators.rules.severance import JOB_LOSS, SEVERANCE
from lantoa.calculators.rules.wages import PAY_DAY, PAY_HOUR, PAY_MONTH, PAY_PIECE, PAY_WEEK
from lantoa.core.dates import DateField
from lantoa.orgs.models import OrgUnit

MAX_MONEY = 10_000_000_000
MAX_HOURS = Decimal(744)  # hours in a 31-day month
REGION_CHOICES = [
    ("", _("– theo xã, phường hoặc doanh nghiệp –")),
    ("1", "Vùng I"),
    ("2", "Vùng II"),
    ("3", "Vùng III"),
    ("4", "Vùng IV"),
]


class MoneyField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "4.730.000"}))
        super().__init__(**kwargs)

    def clean(self, value: str) -> int | None:
        value = super().clean(value)
        if not value:
            return None
        amount = parse_money(value)
        if amount <= 0 or amount > MAX_MONEY:
            raise ValidationError(_("Số tiền phải lớn hơn 0 và không quá 10 tỷ đồng."), code="money_out_of_range")
        return amount


class NumberField(forms.CharField):
    """Hours, days or months: "2,5" or "2.5"; blank means 0 unless the field is required."""

    def __init__(self, *, maximum: Decimal = MAX_HOURS, blank_is_none: bool = False, **kwargs: Any) -> None:
        self.maximum, self.blank_is_none = maximum, blank_is_none
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "0"}))
        super().__init__(**kwargs)

    def clean(self, value: str) -> Decimal | None:
        value = super().clean(value)
        if not value:
            return None if self.blank_is_none else Decimal(0)
        number = parse_decimal(value)
        if number > self.maximum:
            raise ValidationError(
                _("Số này quá lớn (tối đa %(max)s)."), code="number_too_large", params={"max": self.maximum}
            )
        return number


class MoneyListField(forms.CharField):
    """One amount a month, up to `most`: "7.000.000; 7.500.000" (semicolons or new lines between them)."""

    def __init__(self, *, most: int, **kwargs: Any) -> None:
        self.most = most
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"placeholder": "7.000.000; 7.500.000"}))
        super().__init__(**kwargs)

    def clean(self, value: str) -> tuple[int, ...]:
        value = super().clean(value)
        parts = [part.strip() for part in re.split(r"[;\n]", value or "") if part.strip()]
        amounts = tuple(parse_money(part) for part in parts)
        if len(amounts) > self.most:
            raise ValidationError(_("Nhập tối đa %(most)s tháng."), code="too_many_months", params={"most": self.most})
        if any(not 0 < amount <= MAX_MONEY for amount in amounts):
            raise ValidationError(_("Số tiền phải lớn hơn 0 và không quá 10 tỷ đồng."), code="money_out_of_range")
        return amounts


class CountField(forms.IntegerField):
    """Months or years that may be left blank: blank counts as 0."""

    def __init__(self, *, maximum: int, **kwargs: Any) -> None:
        super().__init__(min_value=0, max_value=maximum, initial=0, required=False, **kwargs)

    def clean(self, value: Any) -> int:
        count = super().clean(value)
        return 0 if count is None else count


class VnDateField(DateField):
    """A typed date (see `core.dates`) in a text box that a phone's numeric keypad fills in."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})
        )
        super().__init__(**kwargs)


class MonthField(forms.DateField):
    input_formats = ["%m/%Y", "%m-%Y", "%Y-%m"]
    default_error_messages = {"invalid": _("Hãy nhập tháng theo dạng tháng/năm, ví dụ 01/2026.")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", forms.DateInput(format="%m/%Y", attrs={"placeholder": "mm/yyyy", "inputmode": "numeric"})
        )
        super().__init__(**kwargs)


def _communes() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Xã, phường, đặc khu nơi công ty hoạt động"),
        queryset=OrgUnit.objects.filter(kind__in=OrgUnit.COMMUNE_KINDS).order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("– chọn xã, phường –"),
    )


def _region() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=_("Hoặc chọn vùng lương tối thiểu"), choices=REGION_CHOICES, coerce=int, empty_value=None, required=False
    )


def _hired_on() -> forms.DateField:
    return VnDateField(label=_("Ngày bạn được tuyển dụng (không bắt buộc)"), required=False)


def _region_2025() -> forms.TypedChoiceField:
    """Nghị định 293/2025 Điều 5 khoản 5: a worker hired by 31/12/2025 keeps that day's higher minimum."""
    return forms.TypedChoiceField(
        label=_("Vùng lương tối thiểu nơi làm việc ngày 31/12/2025 (nếu được tuyển trước năm 2026)"),
        choices=[("", _("– không rõ hoặc không đổi –")), *REGION_CHOICES[1:]],
        coerce=int,
        empty_value=None,
        required=False,
    )


def today() -> dt.date:
    return timezone.localdate()


class MinimumWageForm(forms.Form):
    on = VnDateField(label=_("Ngày cần kiểm tra"), initial=today)
    basis = forms.ChoiceField(
        label=_("Bạn được trả lương"),
        choices=[
            (PAY_MONTH, _("Theo tháng")),
            (PAY_HOUR, _("Theo giờ")),
            (PAY_WEEK, _("Theo tuần")),
            (PAY_DAY, _("Theo ngày")),
            (PAY_PIECE, _("Theo sản phẩm, khoán (nhập tiền làm trong giờ bình thường của cả tháng)")),
        ],
        initial=PAY_MONTH,
        widget=forms.RadioSelect,
    )
    wage = MoneyField(label=_("Mức lương theo công việc (đồng)"))
    normal_days = NumberField(
        label=_("Số ngày làm việc bình thường trong tháng (khi trả lương theo ngày)"),
        maximum=Decimal(31),
        blank_is_none=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "26"}),
    )
    commune = _communes()
    region = _region()
    hired_on = _hired_on()
    region_2025 = _region_2025()

    def clean_normal_days(self) -> Decimal:
        days = self.cleaned_data["normal_days"]
        if days is not None and days <= 0:
            raise ValidationError(_("Số này phải lớn hơn 0."), code="number_zero")
        return days or Decimal(26)


class ArrearsForm(forms.Form):
    start = MonthField(label=_("Từ tháng"))
    end = MonthField(label=_("Đến tháng"))
    wage = MoneyField(label=_("Lương tháng công ty đã trả (đồng)"))
    commune = _communes()
    region = _region()
    hired_on = _hired_on()
    region_2025 = _region_2025()


class OvertimeForm(forms.Form):
    on = VnDateField(label=_("Ngày làm thêm (để áp dụng quy định đúng thời điểm)"), initial=today)
    wage_basis = forms.ChoiceField(
        label=_("Lương bạn nhập là"),
        choices=[
            (WageBasis.MONTH, _("Lương tháng")),
            (WageBasis.HOUR, _("Lương giờ")),
            (WageBasis.PIECE, _("Đơn giá một sản phẩm (lương theo sản phẩm)")),
        ],
        initial=WageBasis.MONTH,
        widget=forms.RadioSelect,
    )
    wage = MoneyField(label=_("Tiền lương hoặc đơn giá (đồng)"))
    normal_days = NumberField(label=_("Số ngày làm việc bình thường trong tháng"), initial="26", maximum=Decimal(31))
    normal_hours = NumberField(label=_("Số giờ làm việc bình thường một ngày"), initial="8", maximum=Decimal(24))
    weekday_hours = NumberField(label=_("Làm thêm ngày thường, ban ngày"))
    weekday_night_hours = NumberField(label=_("Làm thêm ngày thường, ban đêm (22 giờ – 6 giờ)"))
    rest_hours = NumberField(label=_("Làm thêm ngày nghỉ hằng tuần, ban ngày"))
    rest_night_hours = NumberField(label=_("Làm thêm ngày nghỉ hằng tuần, ban đêm"))
    holiday_hours = NumberField(label=_("Làm thêm ngày lễ, tết, ban ngày"))
    holiday_night_hours = NumberField(label=_("Làm thêm ngày lễ, tết, ban đêm"))
    night_hours = NumberField(label=_("Làm ca đêm trong giờ bình thường (không phải làm thêm)"))
    day_overtime_before_night = forms.BooleanField(
        label=_("Trước khi làm thêm ban đêm, hôm đó tôi đã làm thêm ban ngày"), required=False
    )
    holiday_paid_days = NumberField(
        label=_("Số ngày lễ, tết đã đi làm (chỉ nhập nếu bạn hưởng lương theo ngày)"), maximum=Decimal(31)
    )
    longest_weekday_overtime = NumberField(
        label=_("Một ngày thường làm thêm nhiều nhất bao nhiêu giờ?"), blank_is_none=True, maximum=Decimal(24)
    )
    longest_rest_day_overtime = NumberField(
        label=_("Một ngày nghỉ, ngày lễ làm thêm nhiều nhất bao nhiêu giờ?"), blank_is_none=True, maximum=Decimal(24)
    )
    weekly_schedule = forms.BooleanField(label=_("Công ty quy định giờ làm theo tuần"), required=False)
    month_overtime_hours = NumberField(
        label=_("Tổng số giờ làm thêm trong tháng (lương theo sản phẩm: nhập để kiểm tra giới hạn 40 giờ)"),
        blank_is_none=True,
        maximum=Decimal(744),
    )
    year_overtime_hours = NumberField(
        label=_("Tổng giờ làm thêm từ đầu năm (kể cả tháng này)"), blank_is_none=True, maximum=Decimal(8784)
    )
    special_sector = forms.BooleanField(
        label=_(
            "Ngành được làm thêm đến 300 giờ/năm (dệt, may, da, giày, điện, điện tử, chế biến nông, lâm, thủy sản…)"
        ),
        required=False,
    )

    def clean_normal_hours(self) -> Decimal:
        return self._positive("normal_hours")

    def clean_normal_days(self) -> Decimal:
        return self._positive("normal_days")

    def _positive(self, name: str) -> Decimal:
        value = self.cleaned_data[name]
        if value <= 0:
            raise ValidationError(_("Số này phải lớn hơn 0."), code="number_zero")
        return value


class LeaveForm(forms.Form):
    started_on = VnDateField(label=_("Ngày bắt đầu làm việc cho công ty"))
    year = forms.IntegerField(
        label=_("Năm cần tính"),
        min_value=2021,
        max_value=2100,
        initial=lambda: today().year,
        error_messages={"min_value": _("Công cụ tính theo Bộ luật Lao động 2019, từ năm 2021.")},
    )
    condition = forms.ChoiceField(
        label=_("Điều kiện làm việc"),
        choices=[
            ("normal", _("Bình thường")),
            ("heavy", _("Nặng nhọc, độc hại, nguy hiểm; hoặc chưa thành niên; hoặc người khuyết tật")),
            ("special", _("Đặc biệt nặng nhọc, độc hại, nguy hiểm")),
        ],
        initial="normal",
    )
    ended_on = VnDateField(label=_("Ngày làm việc cuối cùng (nếu nghỉ việc trong năm)"), required=False)
    days_taken = NumberField(label=_("Số ngày phép đã nghỉ trong năm"), blank_is_none=True, maximum=Decimal(366))
    monthly_wage = MoneyField(label=_("Lương tháng trước khi nghỉ việc (để tính tiền ngày chưa nghỉ)"), required=False)
    normal_days = NumberField(label=_("Số ngày làm việc bình thường trong tháng"), initial="26", maximum=Decimal(31))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("condition") not in CONDITION_KEYS:
            raise ValidationError(_("Hãy chọn điều kiện làm việc."), code="condition_missing")
        if data.get("monthly_wage") and not data.get("normal_days"):
            self.add_error("normal_days", ValidationError(_("Số này phải lớn hơn 0."), code="number_zero"))
        return data


class SeveranceForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Bạn nghỉ việc vì"),
        choices=[
            (
                SEVERANCE,
                _(
                    "Hết hạn hợp đồng, hai bên thỏa thuận, bạn hoặc công ty chấm dứt hợp đồng đúng luật… (trợ cấp thôi việc)"
                ),
            ),
            (
                JOB_LOSS,
                _("Công ty thay đổi cơ cấu, công nghệ, vì lý do kinh tế, sáp nhập, chia tách (trợ cấp mất việc làm)"),
            ),
        ],
        initial=SEVERANCE,
        widget=forms.RadioSelect,
    )
    reason = forms.ChoiceField(
        label=_("Hợp đồng chấm dứt trong trường hợp đặc biệt nào?"),
        choices=[
            ("", _("Không thuộc trường hợp nào dưới đây")),
            ("dismissal", _("Bị kỷ luật sa thải")),
            ("probation", _("Thử việc không đạt, hoặc một bên hủy thỏa thuận thử việc")),
            ("abandoned", _("Công ty chấm dứt vì tự ý bỏ việc 05 ngày làm việc liên tục không có lý do chính đáng")),
            ("pension", _("Đã đủ điều kiện hưởng lương hưu")),
            ("foreign", _("Người nước ngoài bị trục xuất hoặc giấy phép lao động hết hiệu lực")),
        ],
        required=False,
    )
    started_on = VnDateField(label=_("Ngày bắt đầu làm việc cho công ty"))
    ended_on = VnDateField(label=_("Ngày làm việc cuối cùng"))
    average_wage = MoneyField(label=_("Lương bình quân 6 tháng cuối theo hợp đồng (đồng)"))
    insured_months = forms.IntegerField(
        label=_("Số tháng đã đóng bảo hiểm thất nghiệp ở công ty này"), min_value=0, max_value=1200, initial=0
    )
    paid_months = CountField(label=_("Số tháng đã được trả trợ cấp thôi việc, mất việc trước đây"), maximum=1200)


class InsuranceForm(forms.Form):
    start = MonthField(label=_("Tháng đóng"))
    end = MonthField(label=_("Đến tháng (nếu muốn tính nhiều tháng)"), required=False)
    salary = MoneyField(label=_("Tiền lương tháng đóng bảo hiểm (đồng)"))
    commune = _communes()
    region = _region()


class UnemploymentForm(forms.Form):
    job_ended_on = VnDateField(label=_("Ngày chấm dứt hợp đồng lao động"))
    contribution_months = forms.IntegerField(
        label=_("Số tháng đã đóng bảo hiểm thất nghiệp mà chưa hưởng trợ cấp"), min_value=0, max_value=720
    )
    average_wage = MoneyField(label=_("Tiền lương bình quân 6 tháng đóng bảo hiểm thất nghiệp gần nhất (đồng)"))
    filed_on = VnDateField(label=_("Ngày nộp đủ hồ sơ (nếu đã nộp)"), required=False)
    commune = _communes()
    region = _region()
