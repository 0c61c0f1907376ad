"""The weekly hotspot index per enterprise and per KCN/CCN, from documented signals with editable weights.

Signals for week [Monday, next Monday), counted per enterprise:
- report_severity: sum of the category severity (1–3) of reports received;
- overdue_case: reports still open at the week's end and past a deadline (first reply or resolution);
- survey_dissatisfied: survey sheets with an answer of 1–2 on the 1–5 scale, at most SURVEY_SHEETS_PER_DAY per
  enterprise and day: a burst of stuffed answers (however many addresses send it) moves the index by a few points at
  most, so only dissatisfaction spread over several days can carry a warning;
- late_wages, mass_layoff, work_stoppage, dialogue_overdue, other_event: facts officials entered;
- rumour_spreading, mood_falling: from opinion (claims about wages or layoffs asked more than once; notes' mood down);
- dialogue_overdue also comes from any app declaring `hotspot_signals = {"dialogue_overdue": "dotted.path"}` on its
  AppConfig: a function `(start: date, end: date) -> {enterprise_id: count}` (how activities plugs in).
Index = Σ weight × signal. A unit warns when the index reaches its threshold, is rising (≥ trend factor × the mean of
the previous three weeks) and rests on at least two records, so a lone complaint or a lone fact never warns alone.
A KCN/CCN's signals are the sums over its enterprises, with its own threshold.
"""

import datetime as dt
from collections import defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from lantoa.core.registry import declared, period_bounds
from lantoa.core.text import clean_line
from lantoa.orgs import access
from lantoa.orgs.models import Enterprise, OrgUnit, User
from lantoa.voice.models import HotspotEvent, HotspotParameter, HotspotScore, Report, SurveyResponse

SIGNALS = (
    "report_severity",
    "overdue_case",
    "survey_dissatisfied",
    "dialogue_overdue",
    "late_wages",
    "mass_layoff",
    "work_stoppage",
    "other_event",
    "rumour_spreading",
    "mood_falling",
)
EVENT_SIGNALS: dict[str, str] = {
    HotspotEvent.Kind.LATE_WAGES: "late_wages",
    HotspotEvent.Kind.MASS_LAYOFF: "mass_layoff",
    HotspotEvent.Kind.WORK_STOPPAGE: "work_stoppage",
    HotspotEvent.Kind.DIALOGUE_OVERDUE: "dialogue_overdue",
    HotspotEvent.Kind.OTHER: "other_event",
}
TREND_WEEKS = 3
MIN_RECORDS = 2
SURVEY_SHEETS_PER_DAY = 5


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def parameters() -> dict[str, float]:
    values = dict(HotspotParameter.objects.values_list("slug", "value"))
    return values


def weight_of(params: dict[str, float], signal: str) -> float:
    slug = "w_report_severity" if signal == "report_severity" else f"w_{signal}"
    return params.get(slug, 0.0)


def score_of(signals: dict[str, int], params: dict[str, float]) -> float:
    return round(sum(weight_of(params, name) * count for name, count in signals.items()), 2)


def _records(signals: dict[str, int], report_count: int) -> int:
    others = sum(count for name, count in signals.items() if name != "report_severity")
    return report_count + others


def week_signals(*, week_on: dt.date) -> tuple[dict[int, dict[str, int]], dict[int, int]]:
    """({enterprise_id: {signal: count}}, {enterprise_id: reports received}) for the week starting `week_on`."""
    start, end = period_bounds(week_on, week_on + dt.timedelta(days=6))
    signals: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(SIGNALS, 0))
    report_counts: dict[int, int] = {}
    received = Report.objects.filter(enterprise__isnull=False, created_at__gte=start, created_at__lt=end)
    for received_row in received.values("enterprise_id").annotate(severity=Sum("category__severity"), n=Count("pk")):
        signals[received_row["enterprise_id"]]["report_severity"] = received_row["severity"]
        report_counts[received_row["enterprise_id"]] = received_row["n"]
    # Overdue as of the week's end, or as of now for the running week (a deadline still ahead is not late yet).
    cutoff = min(end, timezone.now())
    still_open = Report.objects.filter(enterprise__isnull=False, created_at__lt=cutoff).exclude(
        status=Report.Status.MERGED
    )
    still_open = still_open.filter(Q(closed_at__isnull=True) | Q(closed_at__gte=cutoff))
    late = still_open.filter(
        (Q(first_reply_due_at__lt=cutoff) & (Q(first_replied_at__isnull=True) | Q(first_replied_at__gte=cutoff)))
        | Q(resolve_due_at__lt=cutoff)
    )
    for late_row in late.values("enterprise_id").annotate(n=Count("pk")):
        signals[late_row["enterprise_id"]]["overdue_case"] = late_row["n"]
    unhappy = SurveyResponse.objects.filter(
        enterprise__isnull=False,
        created_on__gte=week_on,
        created_on__lt=week_on + dt.timedelta(days=7),
        answers__scale_value__lte=2,
    )
    for day_row in unhappy.values("enterprise_id", "created_on").annotate(n=Count("pk", distinct=True)):
        signals[day_row["enterprise_id"]]["survey_dissatisfied"] += min(day_row["n"], SURVEY_SHEETS_PER_DAY)
    events = HotspotEvent.objects.filter(occurred_on__gte=week_on, occurred_on__lt=week_on + dt.timedelta(days=7))
    for event_row in events.values("enterprise_id", "kind").annotate(n=Count("pk")):
        signals[event_row["enterprise_id"]][EVENT_SIGNALS[event_row["kind"]]] += event_row["n"]
    for _config, sources in declared("hotspot_signals"):
        for name, path in sources.items():
            if name not in SIGNALS:
                continue
            for enterprise_id, count in import_string(path)(start=week_on, end=week_on + dt.timedelta(days=6)).items():
                signals[enterprise_id][name] += count
    return dict(signals), report_counts


def _previous_mean(unit_id: int, week_on: dt.date) -> float:
    since = week_on - dt.timedelta(weeks=TREND_WEEKS)
    scores = HotspotScore.objects.filter(unit_id=unit_id, week_on__gte=since, week_on__lt=week_on)
    return round(sum(scores.values_list("score", flat=True)) / TREND_WEEKS, 2)


def _warns(score: float, previous_mean: float, records: int, threshold: float, params: dict[str, float]) -> bool:
    rising = score >= params.get("trend_factor", 1.5) * previous_mean
    return score >= threshold and rising and records >= MIN_RECORDS


@transaction.atomic
def hotspot_week_compute(*, week_on: dt.date) -> list[HotspotScore]:
    """(Re)compute the index of every enterprise and KCN/CCN with a signal in the week; idempotent."""
    week_on = week_start(week_on)
    params = parameters()
    signals, report_counts = week_signals(week_on=week_on)
    enterprises = Enterprise.objects.select_related("unit", "zone").in_bulk(list(signals))
    zones: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(SIGNALS, 0))
    zone_reports: dict[int, int] = defaultdict(int)
    zone_units: dict[int, OrgUnit] = {}
    rows: list[tuple[OrgUnit, dict[str, int], int, float]] = []
    for enterprise_id, counts in signals.items():
        enterprise = enterprises.get(enterprise_id)
        if enterprise is None:
            continue
        rows.append(
            (enterprise.unit, counts, report_counts.get(enterprise_id, 0), params.get("threshold_enterprise", 10))
        )
        if enterprise.zone is not None:
            zone_units[enterprise.zone.pk] = enterprise.zone
            zone_reports[enterprise.zone.pk] += report_counts.get(enterprise_id, 0)
            for name, count in counts.items():
                zones[enterprise.zone.pk][name] += count
    for zone_id, counts in zones.items():
        rows.append((zone_units[zone_id], counts, zone_reports[zone_id], params.get("threshold_zone", 20)))
    HotspotScore.objects.filter(week_on=week_on).delete()
    scores = []
    for unit, counts, reports, threshold in rows:
        score = score_of(counts, params)
        previous_mean = _previous_mean(unit.pk, week_on)
        scores.append(
            HotspotScore(
                unit=unit,
                week_on=week_on,
                score=score,
                signals={name: count for name, count in counts.items() if count},
                previous_mean=previous_mean,
                is_warning=_warns(score, previous_mean, _records(counts, reports), threshold, params),
            )
        )
    return HotspotScore.objects.bulk_create(scores)


@transaction.atomic
def hotspot_event_record(
    *, user: User, enterprise: Enterprise, kind: str, occurred_on: dt.date, workers_affected: int = 0, note: str = ""
) -> HotspotEvent:
    if not access.can(user, "voice.view_warnings", enterprise):
        raise PermissionDenied
    if kind not in HotspotEvent.Kind.values:
        raise ValidationError(_("Loại sự việc không hợp lệ."), code="event_kind_invalid")
    return HotspotEvent.objects.create(
        enterprise=enterprise,
        kind=kind,
        occurred_on=occurred_on,
        workers_affected=workers_affected,
        note=clean_line(note),
        created_by=user,
    )


@transaction.atomic
def hotspot_parameters_update(*, user: User, values: dict[str, float], province: OrgUnit) -> int:
    """Province-wide weights and thresholds: only for holders of voice.view_warnings over the whole province."""
    if not access.can(user, "voice.view_warnings", province):
        raise PermissionDenied
    changed = 0
    for parameter in HotspotParameter.objects.filter(slug__in=list(values)):
        value = values[parameter.slug]
        if value < 0:
            raise ValidationError(_("Trọng số và ngưỡng không được âm."), code="parameter_negative")
        if parameter.value != value:
            parameter.value = value
            parameter.save(update_fields=["value"])
            changed += 1
    return changed
