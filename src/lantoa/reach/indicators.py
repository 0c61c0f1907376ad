import datetime as dt
from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from lantoa.core.registry import IndicatorSource
from lantoa.reach import selectors
from lantoa.reach.models import Kind


def _values(kind: str) -> Callable[..., dict[int, int]]:
    def values(*, start: dt.date, end: dt.date) -> dict[int, int]:
        # What the hourly roll-up stored (up to `selectors.counted_until()`); a read never counts events itself.
        return selectors.counts_by_unit(kind=kind, start=start, end=end)

    return values


def indicator_sources() -> list[IndicatorSource]:
    return [
        IndicatorSource(
            "reach.lessons_completed",
            _("Lượt học xong bài (có làm bài kiểm tra)"),
            _("lượt"),
            _values(Kind.COMPLETED),
            "reach:coverage",
        ),
        IndicatorSource(
            "reach.quiz_passed", _("Lượt đạt bài kiểm tra"), _("lượt"), _values(Kind.QUIZ_PASSED), "reach:coverage"
        ),
        IndicatorSource(
            "reach.workers_reached",
            _("Người lao động được tiếp cận (thiết bị, mỗi quý)"),
            _("người"),
            _values(Kind.REACHED),
            "reach:coverage",
        ),
        IndicatorSource("reach.lesson_views", _("Lượt xem bài học"), _("lượt"), _values(Kind.VIEWED), "reach:coverage"),
    ]
