"""Forms of the social-insurance benefits: one-time social insurance, sickness, maternity and the rest after them."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.calculators.forms import CountField, MoneyField, MoneyListField, NumberField, VnDateField, today
from lantoa.calculators.rules import lump_sum, maternity, recovery


class LumpSumForm(forms.Form):
    decided_on = VnDateField(label=_("Ngày xin hưởng (ngày cơ quan bảo hiểm xã hội giải quyết)"), initial=today)
    case = forms.ChoiceField(
        label=_("Trường hợp của bạn"),
        choices=[
            (lump_sum.LEFT_JOB, _("Nghỉ việc, không đóng bảo hiểm xã hội bắt buộc hay tự nguyện")),
            (lump_sum.RETIREMENT_AGE, _("Đủ tuổi nghỉ hưu mà chưa đủ số năm đóng để hưởng lương hưu")),
            (lump_sum.ABROAD, _("Ra nước ngoài để định cư")),
            (lump_sum.ILLNESS, _("Đang mắc ung thư, bại liệt, xơ gan mất bù, lao nặng, AIDS")),
            (lump_sum.DISABILITY, _("Suy giảm khả năng lao động từ 81% trở lên, hoặc khuyết tật đặc biệt nặng")),
        ],
        initial=lump_sum.LEFT_JOB,
        widget=forms.RadioSelect,
    )
    months_before_2014 = CountField(
        label=_("Số tháng đóng bảo hiểm xã hội trước năm 2014"), maximum=lump_sum.MAX_MONTHS
    )
    months_from_2014 = forms.IntegerField(
        label=_("Số tháng đóng bảo hiểm xã hội từ năm 2014"), min_value=0, max_value=lump_sum.MAX_MONTHS
    )
    average_wage = MoneyField(label=_("Mức bình quân tiền lương tháng đóng bảo hiểm xã hội (đồng)"))
    paid_before_july_2025 = forms.BooleanField(
        label=_("Tôi có thời gian đóng bảo hiểm xã hội trước ngày 01/07/2025"), required=False, initial=True
    )
    months_without_insurance = CountField(
        label=_("Số tháng liên tục gần nhất không đóng bảo hiểm xã hội (khi nghỉ việc)"), maximum=1200
    )


class SicknessForm(forms.Form):
    on = VnDateField(label=_("Ngày bắt đầu nghỉ"), initial=today)
    wage = MoneyField(label=_("Tiền lương đóng bảo hiểm xã hội của tháng trước (đồng)"))
    days_off = NumberField(
        label=_("Số ngày làm việc nghỉ (từ 01/07/2025 có thể nhập nửa ngày: 2,5)"),
        required=True,
        maximum=Decimal(366),
    )
    days_used = NumberField(label=_("Số ngày đã hưởng cùng chế độ từ đầu năm"), maximum=Decimal(366))
    insured_years = CountField(label=_("Số năm đã đóng bảo hiểm xã hội bắt buộc"), maximum=60)
    heavy_work = forms.BooleanField(
        label=_(
            "Làm nghề nặng nhọc, độc hại, nguy hiểm hoặc ở vùng đặc biệt khó khăn (nghỉ trước 01/07/2025: nơi có phụ "
            "cấp khu vực hệ số từ 0,7)"
        ),
        required=False,
    )
    child_age = forms.IntegerField(
        label=_("Nghỉ chăm con ốm: tuổi của con (bỏ trống nếu bạn bị ốm)"), min_value=0, max_value=17, required=False
    )
    long_term = forms.BooleanField(
        label=_("Bệnh thuộc danh mục bệnh cần chữa trị dài ngày của Bộ Y tế (tính phần hưởng tiếp từ 01/07/2025)"),
        required=False,
    )


class MaternityForm(forms.Form):
    event = forms.TypedChoiceField(
        label=_("Trường hợp hưởng chế độ thai sản"),
        choices=[
            (maternity.BIRTH, _("Sinh con")),
            (maternity.PRENATAL, _("Nghỉ đi khám thai")),
            (
                maternity.MISCARRIAGE,
                _("Sảy thai, nạo, hút thai, phá thai, thai chết lưu (từ 01/07/2025 cả thai ngoài tử cung)"),
            ),
            (maternity.ADOPTION, _("Nhận nuôi con nuôi dưới 6 tháng tuổi")),
            (maternity.SURROGACY, _("Người mẹ nhờ mang thai hộ nhận con (từ 01/07/2025)")),
            (maternity.CHILD_DIED, _("Sinh con mà con chết sau khi sinh (mẹ)")),
            (
                maternity.MOTHER_DIED,
                _("Mẹ chết hoặc không đủ sức khỏe chăm con sau khi sinh: cha hoặc người trực tiếp nuôi dưỡng hưởng"),
            ),
            (maternity.SURROGATE_BIRTH, _("Lao động nữ mang thai hộ sinh con (từ 01/07/2025)")),
            (
                maternity.SURROGACY_CARER,
                _(
                    "Người mẹ nhờ mang thai hộ chết hoặc không đủ sức khỏe chăm con: chồng hoặc người trực tiếp nuôi "
                    "dưỡng hưởng (từ 01/07/2025)"
                ),
            ),
            (maternity.IUD, _("Đặt vòng tránh thai")),
            (maternity.STERILISATION, _("Triệt sản")),
        ],
        initial=maternity.BIRTH,
        empty_value=maternity.BIRTH,
        required=False,
        widget=forms.RadioSelect,
    )
    parent = forms.TypedChoiceField(
        label=_("Bạn là"),
        choices=[
            (maternity.MOTHER, _("Người mẹ sinh con")),
            (
                maternity.FATHER,
                _("Người chồng (vợ sinh con, mang thai hộ, nhờ mang thai hộ, hoặc sảy thai, thai chết từ 22 tuần)"),
            ),
        ],
        initial=maternity.MOTHER,
        empty_value=maternity.MOTHER,
        required=False,
        widget=forms.RadioSelect,
    )
    born_on = VnDateField(
        label=_(
            "Ngày sinh con, hoặc ngày xảy ra sự việc (sảy thai, nhận con nuôi hoặc nhận con nhờ mang thai hộ, đặt vòng, khám thai lần đầu)"
        )
    )
    leave_from = VnDateField(
        label=_("Ngày bắt đầu nghỉ, nếu khác ngày trên (mẹ được nghỉ trước khi sinh tối đa 2 tháng)"), required=False
    )
    average_wage = MoneyField(
        label=_("Mức bình quân tiền lương đóng bảo hiểm xã hội 6 tháng gần nhất (đồng)"), required=False
    )
    monthly_wages = MoneyListField(
        label=_(
            "Hoặc tiền lương đóng bảo hiểm xã hội từng tháng của 6 tháng gần nhất, cách nhau bằng dấu chấm phẩy "
            "(đóng chưa đủ 6 tháng: nhập các tháng đã đóng)"
        ),
        most=6,
    )
    months_paid_last_12 = forms.IntegerField(
        label=_("Số tháng đóng bảo hiểm xã hội bắt buộc trong 12 tháng trước khi sinh hoặc nhận con nuôi"),
        min_value=0,
        max_value=12,
        required=False,
    )
    months_paid_total = CountField(label=_("Tổng số tháng đã đóng bảo hiểm xã hội bắt buộc"), maximum=720)
    children = forms.IntegerField(
        label=_("Số con sinh ra hoặc nhận nuôi"), min_value=1, max_value=10, initial=1, required=False
    )
    rested_for_pregnancy = forms.BooleanField(
        label=_("Mẹ phải nghỉ dưỡng thai theo chỉ định của bác sĩ"), required=False
    )
    infertility_treatment = forms.BooleanField(
        label=_("Mẹ phải nghỉ việc để điều trị vô sinh (sinh từ 01/07/2025)"), required=False
    )
    months_paid_last_24 = forms.IntegerField(
        label=_("Điều trị vô sinh: số tháng đóng bảo hiểm xã hội bắt buộc trong 24 tháng trước khi sinh"),
        min_value=0,
        max_value=24,
        required=False,
    )
    weeks_pregnant = forms.IntegerField(
        label=_("Sảy thai, phá thai, thai chết lưu: tuổi thai (số tuần)"), min_value=0, max_value=45, required=False
    )
    days_off = NumberField(
        label=_(
            "Số ngày nghỉ theo chỉ định của cơ sở y tế (khám thai: số ngày làm việc nghỉ; bỏ trống: số ngày tối đa)"
        ),
        maximum=Decimal(366),
        blank_is_none=True,
    )
    far_or_pathology = forms.BooleanField(
        label=_("Khám thai trước 01/07/2025: ở xa cơ sở y tế, có bệnh lý hoặc thai không bình thường"),
        required=False,
    )
    child_born_on = VnDateField(label=_("Nhận con nuôi, nhận con nhờ mang thai hộ: ngày sinh của con"), required=False)
    surrogate_qualifies = forms.BooleanField(
        label=_("Nhờ mang thai hộ: người mang thai hộ đủ điều kiện hưởng trợ cấp một lần khi sinh con"), required=False
    )
    caesarean_or_premature = forms.BooleanField(
        label=_("Vợ sinh phải phẫu thuật hoặc sinh con dưới 32 tuần tuổi"), required=False
    )
    mother_qualifies = forms.BooleanField(
        label=_("Vợ đủ điều kiện hưởng chế độ thai sản khi sinh con, mang thai hộ hoặc nhờ mang thai hộ"),
        required=False,
        initial=True,
    )
    commissioning_unqualified = forms.BooleanField(
        label=_(
            "Vợ mang thai hộ: người mẹ nhờ mang thai hộ và chồng của người đó đều không tham gia bảo hiểm xã hội bắt "
            "buộc hoặc không đủ điều kiện nhận trợ cấp một lần"
        ),
        required=False,
    )
    only_father_insured = forms.BooleanField(
        label=_("Chỉ mình tôi tham gia bảo hiểm xã hội (vợ không tham gia)"), required=False
    )

    happened_on = VnDateField(
        label=_(
            "Ngày mẹ chết hoặc được cơ sở y tế xác nhận không đủ sức khỏe chăm con; ngày con chết; ngày giao con cho "
            "bên nhờ mang thai hộ"
        ),
        required=False,
    )
    mother_status = forms.TypedChoiceField(
        label=_("Bảo hiểm xã hội bắt buộc của người mẹ"),
        choices=[
            (maternity.QUALIFIED, _("Có tham gia và đủ điều kiện hưởng chế độ thai sản")),
            (maternity.NOT_QUALIFIED, _("Có tham gia nhưng chưa đủ điều kiện")),
            (maternity.UNINSURED, _("Không tham gia (chỉ cha tham gia)")),
        ],
        initial=maternity.QUALIFIED,
        empty_value=maternity.QUALIFIED,
        required=False,
        widget=forms.RadioSelect,
    )
    carer_status = forms.TypedChoiceField(
        label=_("Cha hoặc người trực tiếp nuôi dưỡng"),
        choices=[
            (maternity.ON_LEAVE, _("Có tham gia bảo hiểm xã hội và nghỉ việc chăm con")),
            (maternity.WORKING, _("Có tham gia bảo hiểm xã hội nhưng vẫn đi làm")),
            (maternity.UNINSURED, _("Không tham gia bảo hiểm xã hội")),
        ],
        initial=maternity.ON_LEAVE,
        empty_value=maternity.ON_LEAVE,
        required=False,
        widget=forms.RadioSelect,
    )
    mother_unfit = forms.BooleanField(
        label=_("Mẹ còn sống nhưng cơ sở khám bệnh, chữa bệnh xác nhận không đủ sức khỏe chăm con"), required=False
    )

    def clean_children(self) -> int:
        return self.cleaned_data["children"] or 1


class RecoveryForm(forms.Form):
    after = forms.ChoiceField(
        label=_("Nghỉ dưỡng sức sau"),
        choices=[(recovery.SICKNESS, _("Ốm đau")), (recovery.MATERNITY, _("Thai sản"))],
        initial=recovery.SICKNESS,
        widget=forms.RadioSelect,
    )
    on = VnDateField(label=_("Ngày bắt đầu nghỉ dưỡng sức"), initial=today)
    case = forms.TypedChoiceField(
        label=_("Trường hợp"),
        choices=[
            (recovery.LONG_TERM, _("Sau ốm đau: bệnh cần chữa trị dài ngày (tối đa 10 ngày)")),
            (recovery.SURGERY, _("Sau ốm đau: phải phẫu thuật (tối đa 07 ngày)")),
            (recovery.MULTIPLE, _("Sau thai sản: sinh một lần từ hai con trở lên (tối đa 10 ngày)")),
            (recovery.CAESAREAN, _("Sau thai sản: sinh con phải phẫu thuật (tối đa 07 ngày)")),
            (recovery.OTHER, _("Trường hợp khác (tối đa 05 ngày)")),
        ],
        initial=recovery.OTHER,
        empty_value=recovery.OTHER,
        required=False,
        widget=forms.RadioSelect,
    )
    days_off = NumberField(
        label=_("Số ngày nghỉ được quyết định (bỏ trống: số ngày tối đa)"), maximum=Decimal(10), blank_is_none=True
    )
    leave_ended_on = VnDateField(label=_("Ngày cuối cùng hưởng chế độ ốm đau hoặc thai sản"), required=False)
    sick_days = NumberField(
        label=_("Sau ốm đau, từ 01/07/2025: số ngày đã nghỉ hưởng chế độ ốm đau trong năm"), maximum=Decimal(366)
    )
    sick_days_used_up = forms.BooleanField(
        label=_("Sau ốm đau, trước 01/07/2025: đã nghỉ hết số ngày ốm đau tối đa của năm"), required=False
    )
    rest_days_used = CountField(label=_("Sau ốm đau: số ngày dưỡng sức đã nghỉ trong năm"), maximum=10)
    maternity_leave = forms.TypedChoiceField(
        label=_("Sau thai sản: chế độ vừa hưởng"),
        choices=[
            (recovery.BIRTH, _("Sinh con (kể cả khi con chết sau khi sinh)")),
            (recovery.MISCARRIAGE, _("Sảy thai, nạo, hút thai, phá thai, thai chết lưu")),
            (recovery.SURROGATE, _("Mang thai hộ sinh con (từ 01/07/2025)")),
            ("other", _("Trường hợp khác (khám thai, nhận con nuôi, đặt vòng, người cha…)")),
        ],
        initial=recovery.BIRTH,
        empty_value=recovery.BIRTH,
        required=False,
        widget=forms.RadioSelect,
    )
    returned_early = forms.BooleanField(
        label=_("Sau sinh con: đã trở lại làm việc trước khi hết thời gian nghỉ sinh con"), required=False
    )
    contract_ended_before_birth = forms.BooleanField(
        label=_(
            "Mang thai hộ sinh con: đã chấm dứt hợp đồng lao động, hợp đồng làm việc hoặc thôi việc trước khi sinh"
        ),
        required=False,
    )
