"""The report categories and hotspot weights the platform starts with; officials edit them afterwards.

`catalogue_ensure` runs after every `migrate` (and after test databases are flushed) and only adds missing rows,
so edits made in the admin are never overwritten.
"""

from typing import Any

# slug, name, severity 1–3, days to first reply, days to resolve
CATEGORIES = [
    ("luong-cham-thieu", "Lương chậm, thiếu", 3, 2, 10),
    ("khong-dong-bhxh", "Không đóng bảo hiểm xã hội", 3, 3, 20),
    ("lam-them-qua-muc", "Làm thêm giờ quá mức", 2, 3, 15),
    ("an-toan-lao-dong", "An toàn lao động", 3, 1, 7),
    ("bua-an-ca", "Bữa ăn ca", 1, 3, 15),
    ("nha-o", "Nhà ở", 1, 5, 30),
    ("ky-luat-sa-thai", "Kỷ luật, sa thải", 3, 2, 15),
    ("quay-roi", "Quấy rối", 3, 1, 10),
    ("de-xuat-nguyen-vong", "Đề xuất – nguyện vọng", 1, 7, 30),
    ("khac", "Khác", 1, 5, 30),
]

# slug, label, value, help
PARAMETERS = [
    (
        "w_report_severity",
        "Phản ánh, theo mức độ nghiêm trọng",
        1.0,
        "Mỗi phản ánh trong tuần cộng mức độ (1–3) × trọng số.",
    ),
    ("w_overdue_case", "Phản ánh quá hạn chưa xử lý", 1.5, "Mỗi phản ánh còn mở đã quá hạn vào cuối tuần."),
    (
        "w_survey_dissatisfied",
        "Phiếu khảo sát không hài lòng",
        0.5,
        "Mỗi phiếu có câu trả lời mức 1–2 trên thang 5 trong tuần; mỗi doanh nghiệp tính tối đa 5 phiếu một ngày.",
    ),
    (
        "w_dialogue_overdue",
        "Quá hạn đối thoại định kỳ",
        2.0,
        "Mỗi sự việc quá hạn đối thoại (nhập tay hoặc từ hoạt động).",
    ),
    ("w_late_wages", "Chậm, nợ lương (cán bộ ghi nhận)", 4.0, "Mỗi sự việc chậm, nợ lương được ghi nhận trong tuần."),
    ("w_mass_layoff", "Cắt giảm lao động hàng loạt", 5.0, "Mỗi đợt cắt giảm được ghi nhận trong tuần."),
    ("w_work_stoppage", "Ngừng việc tập thể", 8.0, "Mỗi lần ngừng việc tập thể được ghi nhận trong tuần."),
    ("w_other_event", "Dấu hiệu khác do cán bộ ghi nhận", 1.0, "Mỗi sự việc khác được ghi nhận trong tuần."),
    (
        "w_rumour_spreading",
        "Tin đồn về lương, việc làm lan rộng",
        1.0,
        "Mỗi lượt hỏi trong tuần về tin đồn đã có người hỏi.",
    ),
    ("w_mood_falling", "Tâm trạng công nhân đi xuống", 2.0, "Tâm trạng ghi nhận trong tuần thấp hơn bốn tuần trước."),
    (
        "threshold_enterprise",
        "Ngưỡng cảnh báo doanh nghiệp",
        10.0,
        "Chỉ số tuần từ ngưỡng này và đang tăng thì cảnh báo.",
    ),
    (
        "threshold_zone",
        "Ngưỡng cảnh báo khu, cụm công nghiệp",
        20.0,
        "Chỉ số tuần của khu, cụm từ ngưỡng này và đang tăng thì cảnh báo.",
    ),
    (
        "trend_factor",
        "Hệ số tăng so với trung bình 3 tuần trước",
        1.5,
        "Đang tăng: chỉ số tuần ≥ hệ số × trung bình 3 tuần trước.",
    ),
]


def catalogue_ensure(**_signal_kwargs: Any) -> None:
    from lantoa.voice.models import Category, HotspotParameter

    for order, (slug, name, severity, first, resolve) in enumerate(CATEGORIES):
        Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "severity": severity,
                "first_reply_days": first,
                "resolution_days": resolve,
                "order": order,
            },
        )
    for order, (slug, label, value, help_text) in enumerate(PARAMETERS):
        HotspotParameter.objects.get_or_create(
            slug=slug, defaults={"label": label, "value": value, "help_text": help_text, "order": order}
        )
