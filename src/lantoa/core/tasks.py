"""Background tasks shared by every app (the worker runs them: `manage.py db_worker`)."""

from django.conf import settings
from django.core.management import call_command
from django.utils.translation import gettext_lazy as _
from django_tasks import task

# what each timer does, in the words of the office's jobs page: one label per timer of TASKS_SCHEDULE
TIMER_LABELS = {
    "legal_index": _("Cập nhật chỉ mục tra cứu pháp luật"),
    "plans_sync": _("Cập nhật chỉ tiêu và kỳ báo cáo"),
    "plans_figures": _("Tính số liệu chỉ tiêu cho bảng điều khiển"),
    "compute_hotspots": _("Tính cảnh báo sớm điểm nóng"),
    "escalate_voice_cases": _("Chuyển cấp phản ánh quá hạn"),
    "plans_remind": _("Nhắc việc kế hoạch"),
    "reach_rollup": _("Tổng hợp độ bao phủ tuyên truyền"),
    "purge_voice_cases": _("Xóa phản ánh hết hạn lưu"),
    "purge_job_files": _("Xóa tệp của công việc đã xong"),
    "public_files": _("Tạo áp phích, đề cương, giấy chứng nhận còn thiếu"),
}


def timer_names() -> list[str]:
    return [entry[0] for entry in settings.TASKS_SCHEDULE]


@task()
def run_timer(name: str) -> None:
    """Run one of the timers listed in TASKS_SCHEDULE (their management commands stay the single home of the work)."""
    if name not in timer_names():
        raise ValueError(f"unknown timer {name!r}")
    call_command(name)
