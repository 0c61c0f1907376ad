"""The hotspot board: weekly scores in the user's scope, why each warns, trends, and a grouping by commune."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from lantoa.orgs import access
from lantoa.orgs.models import OrgUnit, User
from lantoa.voice.models import HotspotParameter, HotspotScore
from lantoa.voice.services.hotspots import parameters, weight_of

SIGNAL_LABELS = {
    "report_severity": _("Phản ánh (theo mức độ)"),
    "overdue_case": _("Phản ánh quá hạn"),
    "survey_dissatisfied": _("Khảo sát không hài lòng"),
    "dialogue_overdue": _("Quá hạn đối thoại"),
    "late_wages": _("Chậm, nợ lương"),
    "mass_layoff": _("Cắt giảm lao động"),
    "work_stoppage": _("Ngừng việc tập thể"),
    "other_event": _("Dấu hiệu khác"),
    "rumour_spreading": _("Tin đồn về lương, việc làm lan rộng"),
    "mood_falling": _("Tâm trạng đi xuống"),
}
TREND_SPAN = 8


@dataclass
class Reason:
    label: str
    count: int
    points: float


@dataclass
class BoardRow:
    score: HotspotScore
    reasons: list[Reason]
    trend: list[float]
    commune: OrgUnit | None

    @property
    def sparkline(self) -> str:
        """SVG polyline points for the last weeks, scaled to a 100 × 20 box."""
        top = max([*self.trend, 1.0])
        step = 100 / max(len(self.trend) - 1, 1)
        return " ".join(f"{i * step:.1f},{20 - value / top * 18:.1f}" for i, value in enumerate(self.trend))

    @property
    def trend_text(self) -> str:
        return _("từ trung bình %(before)s (3 tuần trước) lên %(now)s") % {
            "before": f"{self.score.previous_mean:.1f}".replace(".", ","),
            "now": f"{self.score.score:.1f}".replace(".", ","),
        }


@dataclass
class CommuneGroup:
    commune: OrgUnit | None
    rows: list[BoardRow] = field(default_factory=list)

    @property
    def warning_count(self) -> int:
        return sum(row.score.is_warning for row in self.rows)

    @property
    def top_score(self) -> float:
        return max((row.score.score for row in self.rows), default=0)


def reasons_for(score: HotspotScore, params: dict[str, float]) -> list[Reason]:
    reasons = [
        Reason(label=str(SIGNAL_LABELS.get(name, name)), count=count, points=round(weight_of(params, name) * count, 1))
        for name, count in score.signals.items()
    ]
    return sorted(reasons, key=lambda reason: -reason.points)


def board_for_user(*, user: User, week_on: dt.date, warnings_only: bool = False) -> list[BoardRow]:
    scope = access.scope_q(user, "voice.view_warnings", path_fields=("unit__path",))
    found = HotspotScore.objects.filter(scope, week_on=week_on).select_related("unit", "unit__commune")
    if warnings_only:
        found = found.filter(is_warning=True)
    scores = list(found.order_by("-is_warning", "-score")[:300])
    since = week_on - dt.timedelta(weeks=TREND_SPAN - 1)
    history: dict[int, dict[dt.date, float]] = defaultdict(dict)
    for unit_id, week, value in HotspotScore.objects.filter(
        unit_id__in=[score.unit_id for score in scores], week_on__gte=since, week_on__lte=week_on
    ).values_list("unit_id", "week_on", "score"):
        history[unit_id][week] = value
    weeks = [since + dt.timedelta(weeks=i) for i in range(TREND_SPAN)]
    params = parameters()
    return [
        BoardRow(
            score=score,
            reasons=reasons_for(score, params),
            trend=[history[score.unit_id].get(week, 0.0) for week in weeks],
            commune=score.unit.commune,
        )
        for score in scores
    ]


def board_by_commune(rows: list[BoardRow]) -> list[CommuneGroup]:
    groups: dict[int | None, CommuneGroup] = {}
    for row in rows:
        key = row.commune.pk if row.commune else None
        groups.setdefault(key, CommuneGroup(commune=row.commune)).rows.append(row)
    return sorted(groups.values(), key=lambda group: (-group.warning_count, -group.top_score))


def parameters_list() -> list[HotspotParameter]:
    return list(HotspotParameter.objects.all())
