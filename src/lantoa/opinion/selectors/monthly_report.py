"""The monthly "Báo cáo tình hình tư tưởng công nhân" of a unit, laid out for plans' party-format DOCX.

Every figure carries a number, (1), (2)…; the annex lists the records behind each number by kind, reference, date
and enterprise, never a worker or a reporter. A figure about workers shows only where the roll-up rule holds
(`notes.enough_sources`: at least five enterprises or five reporters, a report or an answer sheet counting as one
reporter); records behind a figure held back are not listed either, so the annex cannot undo the rule. The quotes of
the notes behind a topic shown follow the topics, each with its note's reference (`GN-…`) and no enterprise; a topic
held back shows none of its quotes.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.formats import vn_number
from lantoa.opinion.models import Claim, Clarification, Recommendation, ThoughtNote
from lantoa.opinion.selectors import note_series
from lantoa.opinion.selectors.notes import MIN_SOURCES, RollupRow, enough_sources, report_units_for_user
from lantoa.opinion.selectors.recommendations import state_of
from lantoa.orgs.models import OrgUnit
from lantoa.plans.selectors.documents import ReportDocument, Section, Table, issuer_of, place_line
from lantoa.voice.models import Report, Survey, SurveyAnswer, SurveyQuestion, SurveyResponse

# A report is read on paper: past this many quotes a topic says how many more its notes hold.
QUOTES_PER_TOPIC = 8


def _audit_held(what: str) -> str:
    """Why a figure on enough sources is not printed, in the report's words."""
    return _(
        "%(what)s đủ nguồn nhưng chưa nêu: cùng với các số liệu đã nêu trong báo cáo này hoặc ở trang tổng hợp ghi "
        "nhận, có thể suy ra từ đó số liệu của dưới %(k)s doanh nghiệp hoặc người ghi nhận."
    ) % {"what": what, "k": MIN_SOURCES}


@dataclass(frozen=True)
class Record:
    kind: str
    ref: str
    day: dt.date | str
    place: str


@dataclass
class Annex:
    """Numbers figures in the order they appear and keeps the records behind each."""

    figures: list[list[Record]] = field(default_factory=list)

    def cite(self, records: list[Record]) -> str:
        self.figures.append(records)
        return f"({len(self.figures)})"

    def table(self) -> Table:
        headers = [_("Số liệu"), _("Loại hồ sơ"), _("Mã hồ sơ"), _("Ngày"), _("Doanh nghiệp, cơ quan")]
        rows: list[list[object]] = [
            [f"({number})", record.kind, record.ref, record.day, record.place]
            for number, records in enumerate(self.figures, start=1)
            for record in records
        ]
        return Table(_("Hồ sơ nguồn của từng số liệu"), headers, rows)


def month_bounds(month: dt.date) -> tuple[dt.date, dt.date]:
    first = month.replace(day=1)
    return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


def _aware(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _note_record(note: ThoughtNote) -> Record:
    # The reference only: a note's week and enterprise would split a month's figure into the cells the roll-up holds
    # back (and tie a quote, by its reference, to a workplace).
    return Record(_("Ghi nhận tư tưởng"), f"GN-{note.pk}", "—", "—")


def _mood_label(mean: float) -> str:
    return str(ThoughtNote.Mood(min(5, max(1, round(mean)))).label)


def _row_of(label: str, notes: list[ThoughtNote]) -> RollupRow:
    mean = round(sum(n.mood for n in notes) / len(notes), 1)
    return RollupRow(label, len(notes), sum(n.concerned for n in notes), mean, tuple(notes))


def _notes_sections(unit: OrgUnit, start: dt.date, view: note_series.ReaderView, annex: Annex) -> list[Section]:
    # The month's notes as the roll-up series counts them (a week in the month of its Monday), audited with every
    # table of the series the same reader sees (`note_series.reader_view`): a figure shows only where it stands on
    # MIN_SOURCES sources and nothing held back here or there can be worked out from both.
    total = note_series.report_cell(unit.path, note_series.REPORT_TOTAL, start)
    notes = view.reports.get(total, [])
    general = Section(_("I. TÌNH HÌNH CHUNG"))
    if total in view.shown_reports:
        mean = sum(n.mood for n in notes) / len(notes)
        general.paragraphs.append(
            _(
                "Trong tháng, có %(notes)s lượt ghi nhận tình hình tư tưởng tại %(enterprises)s doanh nghiệp; tâm "
                "trạng chung của công nhân bình quân %(mood)s/5 (%(label)s) %(code)s."
            )
            % {
                "notes": vn_number(len(notes)),
                "enterprises": vn_number(len({n.enterprise_id for n in notes})),
                "mood": f"{mean:.1f}".replace(".", ","),
                "label": _mood_label(mean).lower(),
                "code": annex.cite([_note_record(n) for n in notes]),
            }
        )
    elif notes and note_series.Figure.of(notes).sources >= MIN_SOURCES:
        general.paragraphs.append(_audit_held(_("Số liệu chung của tháng")))
    else:
        general.paragraphs.append(
            _(
                "Trong tháng, ghi nhận tình hình tư tưởng chưa đủ %(k)s doanh nghiệp hoặc %(k)s người ghi nhận nên chưa nêu số liệu chung."
            )
            % {"k": MIN_SOURCES}
        )
    topics = Section(_("II. NHỮNG VẤN ĐỀ CÔNG NHÂN QUAN TÂM"))
    cells = sorted(
        (cell for cell in view.reports if cell[0] == total[0] and cell[3] == start and cell != total),
        key=lambda cell: cell[2],
    )
    rows = [_row_of(cell[2], view.reports[cell]) for cell in cells if cell in view.shown_reports]
    few = sum(1 for cell in cells if note_series.Figure.of(view.reports[cell]).sources < MIN_SOURCES)
    table = Table(
        _("Chủ đề công nhân bàn tán"),
        [_("TT"), _("Chủ đề"), _("Số ghi nhận"), _("Số người quan tâm"), _("Tâm trạng (1–5)"), _("Số liệu")],
        [],
    )
    shown: list[tuple[RollupRow, str]] = []
    for number, row in enumerate(sorted(rows, key=lambda r: -r.concerned), start=1):
        code = annex.cite([_note_record(n) for n in row.records])
        table.rows.append([number, row.label, row.notes, row.concerned, str(row.mean_mood).replace(".", ","), code])
        shown.append((row, code))
    _add_rollup(
        topics,
        table,
        few,
        none_enough=_("Chưa có chủ đề nào đủ số nguồn để tổng hợp."),
        held_back=_("%(n)s chủ đề chưa nêu vì có dưới %(k)s doanh nghiệp hoặc người ghi nhận."),
    )
    if audited := len(cells) - len(rows) - few:
        topics.paragraphs.append(_audit_held(_("%(n)s chủ đề") % {"n": audited}))
    return [general, topics, _quotes_section(shown)] if shown else [general, topics]


def _quote_lines(text: str) -> list[str]:
    """The short quotes of a note, one a line, without list marks or quotation marks around them."""
    lines = (line.strip().lstrip("-–•*").strip().strip("\"“”'").strip() for line in text.splitlines())
    return [line for line in lines if line]


def _quotes_section(shown: list[tuple[RollupRow, str]]) -> Section:
    """Quotes of the notes behind the topics shown in II (so only where the roll-up rule holds), by topic, each with
    its note's reference and never its enterprise. A note's quotes appear once, under its most discussed topic."""
    section = Section(_("Ý kiến tiêu biểu của công nhân (theo chủ đề ở mục II)"))
    placed: set[int] = set()
    for row, code in shown:
        quotes = [(note, quote) for note in row.records if note.pk not in placed for quote in _quote_lines(note.quotes)]
        placed.update(note.pk for note in row.records)
        if not quotes:
            continue
        section.paragraphs.append(_("Về “%(topic)s” %(code)s:") % {"topic": row.label, "code": code})
        section.paragraphs += [f"– “{quote}” ({_note_record(note).ref})." for note, quote in quotes[:QUOTES_PER_TOPIC]]
        if len(quotes) > QUOTES_PER_TOPIC:
            section.paragraphs.append(
                _("Còn %(n)s ý kiến khác trong các ghi nhận của chủ đề này.")
                % {"n": vn_number(len(quotes) - QUOTES_PER_TOPIC)}
            )
    if not section.paragraphs:
        section.paragraphs.append(_("Các ghi nhận của những chủ đề trên chưa ghi ý kiến nào của công nhân."))
    return section


def _add_rollup(section: Section, table: Table, held: int, *, none_enough: str, held_back: str) -> None:
    """Adds the table, or says no row had enough sources; `held_back` says how many rows the roll-up rule hid."""
    if table.rows:
        section.tables.append(table)
    else:
        section.paragraphs.append(none_enough)
    if held:
        section.paragraphs.append(held_back % {"n": held, "k": MIN_SOURCES})


def _counted(
    rows: dict[str, list[tuple[int | None, Record]]], title: str, headers: list[str], annex: Annex
) -> tuple[Table, int]:
    """A table of labelled counts; a row whose records come from fewer than the rule's sources is held back."""
    table, held = Table(title, [_("TT"), *headers, _("Số doanh nghiệp"), _("Số liệu")], []), 0
    for label, items in sorted(rows.items(), key=lambda pair: -len(pair[1])):
        if not enough_sources(enterprises=(e for e, _r in items if e), reporters=(r.ref for _e, r in items)):
            held += 1
            continue
        enterprises = len({e for e, _r in items if e})
        table.rows.append([len(table.rows) + 1, label, len(items), enterprises, annex.cite([r for _e, r in items])])
    return table, held


def _voice_section(unit: OrgUnit, start: dt.date, end: dt.date, annex: Annex) -> Section:
    section = Section(_("III. PHẢN ÁNH CỦA NGƯỜI LAO ĐỘNG"))
    received = (
        Report.objects.filter(created_at__gte=_aware(start), created_at__lt=_aware(end + dt.timedelta(days=1)))
        .filter(Q(unit__path__startswith=unit.path) | Q(enterprise__unit__path__startswith=unit.path))
        .select_related("category", "enterprise__unit")
        .order_by("created_at")
    )
    rows: dict[str, list[tuple[int | None, Record]]] = defaultdict(list)
    for report in received:
        place = report.enterprise.unit.name if report.enterprise else "—"
        record = Record(_("Phản ánh"), f"PA-{report.pk}", timezone.localdate(report.created_at), place)
        rows[report.category.name].append((report.enterprise_id, record))
    table, held = _counted(rows, _("Phản ánh tiếp nhận theo loại"), [_("Loại phản ánh"), _("Số phản ánh")], annex)
    _add_rollup(
        section,
        table,
        held,
        none_enough=_("Chưa có loại phản ánh nào đủ số nguồn để tổng hợp."),
        held_back=_("%(n)s loại phản ánh chưa nêu vì có dưới %(k)s phản ánh hoặc doanh nghiệp."),
    )
    return section


def _survey_section(unit: OrgUnit, start: dt.date, end: dt.date, annex: Annex) -> Section:
    section = Section(_("IV. KẾT QUẢ KHẢO SÁT"))
    responses = (
        SurveyResponse.objects.filter(
            created_on__gte=start, created_on__lte=end, survey__unit__path__startswith=unit.path
        )
        .select_related("survey", "enterprise__unit")
        .order_by("created_on", "pk")
    )
    by_survey: dict[Survey, list[SurveyResponse]] = defaultdict(list)
    for response in responses:
        by_survey[response.survey].append(response)
    table = Table(
        _("Phiếu khảo sát nhận trong tháng"),
        [_("TT"), _("Khảo sát"), _("Số phiếu"), _("Mức hài lòng bình quân (1–5)"), _("Số liệu")],
        [],
    )
    held = 0
    for survey, sheets in by_survey.items():
        if not enough_sources(enterprises=(s.enterprise_id for s in sheets if s.enterprise_id), reporters=sheets):
            held += 1
            continue
        mean = SurveyAnswer.objects.filter(
            response__in=sheets, question__kind=SurveyQuestion.Kind.SCALE, scale_value__isnull=False
        ).aggregate(mean=Avg("scale_value"))["mean"]
        records = [
            Record(_("Phiếu khảo sát"), f"KS-{s.pk}", s.created_on, s.enterprise.unit.name if s.enterprise else "—")
            for s in sheets
        ]
        score = f"{mean:.1f}".replace(".", ",") if mean is not None else "–"
        table.rows.append([len(table.rows) + 1, survey.title, len(sheets), score, annex.cite(records)])
    _add_rollup(
        section,
        table,
        held,
        none_enough=_("Chưa có khảo sát nào đủ số phiếu để tổng hợp."),
        held_back=_("%(n)s khảo sát chưa nêu vì có dưới %(k)s phiếu hoặc doanh nghiệp."),
    )
    return section


def _rumour_section(unit: OrgUnit, start: dt.date, end: dt.date, annex: Annex) -> Section:
    section = Section(_("V. TIN ĐỒN VÀ THÔNG TIN CHÍNH THỨC"))
    since, until = _aware(start), _aware(end + dt.timedelta(days=1))
    claims = list(
        Claim.objects.filter(created_at__gte=since, created_at__lt=until, enterprise__unit__path__startswith=unit.path)
        .select_related("enterprise__unit")
        .order_by("created_at")
    )
    if claims and enough_sources(enterprises=(c.enterprise_id for c in claims), reporters=claims):
        records = [
            Record(
                _("Tin cần kiểm chứng"),
                f"TD-{c.pk}",
                timezone.localdate(c.created_at),
                c.enterprise.unit.name if c.enterprise else "—",
            )
            for c in claims
        ]
        section.paragraphs.append(
            _("Công nhân các doanh nghiệp gửi %(n)s tin cần kiểm chứng %(code)s.")
            % {"n": vn_number(len(claims)), "code": annex.cite(records)}
        )
    else:
        section.paragraphs.append(
            _("Tin cần kiểm chứng từ công nhân chưa đủ %(k)s tin hoặc doanh nghiệp nên chưa nêu số.")
            % {"k": MIN_SOURCES}
        )
    published = Clarification.objects.filter(published_at__gte=since, published_at__lt=until).order_by("published_at")
    table = Table(
        _("Thông tin chính thức đã đăng trong tháng"), [_("TT"), _("Tin được hỏi"), _("Kết luận"), _("Số liệu")], []
    )
    for item in published:
        record = Record(_("Thông tin chính thức"), item.slug, timezone.localdate(item.published_at), item.unit.name)
        table.rows.append([len(table.rows) + 1, item.claim, item.get_verdict_display(), annex.cite([record])])
    if table.rows:
        section.tables.append(table)
    return section


def _recommendation_section(unit: OrgUnit, start: dt.date, end: dt.date, annex: Annex) -> Section:
    section = Section(_("VI. KIẾN NGHỊ VÀ KẾT QUẢ TRẢ LỜI"))
    raised = list(
        Recommendation.objects.filter(raised_on__gte=start, raised_on__lte=end, unit__path__startswith=unit.path)
        .select_related("addressee_unit")
        .order_by("raised_on", "pk")
    )
    if not raised:
        section.paragraphs.append(_("Trong tháng, đơn vị chưa gửi kiến nghị nào."))
        return section
    states: dict[str, list[Record]] = defaultdict(list)
    for row in raised:
        states[state_of(row, today=end)].append(Record(_("Kiến nghị"), f"KN-{row.pk}", row.raised_on, row.addressee))
    labels = {
        "answered": _("đã được trả lời đúng hạn"),
        "answered_late": _("được trả lời sau hạn"),
        "open": _("đang chờ trả lời, còn hạn"),
        "overdue": _("quá hạn chưa trả lời"),
    }
    parts = [
        f"{vn_number(len(states[key]))} {label} {annex.cite(states[key])}"
        for key, label in labels.items()
        if states[key]
    ]
    section.paragraphs.append(
        _("Đơn vị gửi %(n)s kiến nghị tới các cơ quan: %(parts)s.")
        % {"n": vn_number(len(raised)), "parts": "; ".join(parts)}
    )
    return section


def _recipient_above(unit: OrgUnit) -> str:
    """The body a unit reports to: the province's standing committee for the province, else the province's Board."""
    if unit.scope_root.kind == OrgUnit.Kind.PROVINCE:
        return _("- Thường trực Tỉnh ủy (để báo cáo),")
    return _("- Ban Tuyên giáo và Dân vận Tỉnh ủy (để báo cáo),")


def monthly_report(*, unit: OrgUnit, month: dt.date, reader: object, today: dt.date | None = None) -> ReportDocument:
    """The report of `unit` as `reader` may read it: its figures about notes are audited with what the same reader
    sees on the roll-up page, so the report is drafted for one reader and handed to that reader only."""
    if unit not in report_units_for_user(user=reader):
        raise PermissionDenied
    start, end = month_bounds(month)
    annex = Annex()
    view = note_series.view_of(reader, start=start, end=start, grain="month")
    sections = [
        *_notes_sections(unit, start, view, annex),
        _voice_section(unit, start, end, annex),
        _survey_section(unit, start, end, annex),
        _rumour_section(unit, start, end, annex),
        _recommendation_section(unit, start, end, annex),
        Section(
            _("VII. NHẬN ĐỊNH VÀ ĐỀ XUẤT"),
            [_("(Đơn vị bổ sung nhận định, dự báo và đề xuất trước khi trình ký.)")],
        ),
    ]
    annex_section = Section(
        _("PHỤ LỤC: HỒ SƠ NGUỒN CỦA SỐ LIỆU"),
        [
            _(
                "Mỗi số liệu trong báo cáo dẫn tới các hồ sơ dưới đây; không có tên hay thông tin nhận diện người lao động. "
                "Ghi nhận tư tưởng chỉ nêu mã, không nêu tuần và doanh nghiệp, để không tách được số liệu đã nêu thành "
                "những số liệu chưa đủ nguồn."
            )
        ],
    )
    if annex.figures:
        annex_section.tables.append(annex.table())
    issuer = issuer_of(unit)
    period = f"{start.month:02d}/{start.year}"
    return ReportDocument(
        issuer=issuer,
        number=f"Số      -BC/{issuer.symbol}",
        place_date=place_line(today or timezone.localdate()),
        kind_title=_("BÁO CÁO"),
        subject=_("Tình hình tư tưởng công nhân tháng %(period)s") % {"period": period},
        sections=[*sections, annex_section],
        recipients=[_recipient_above(unit), _("- Lưu văn phòng.")],
        signer_on_behalf=issuer.signer_on_behalf,
        signer_title="",
        signer_name="",
        file_stem=f"bao-cao-tu-tuong-{unit.code}-{start.year}-{start.month:02d}".lower(),
        unit_name=unit.name,
        period_label=period,
    )
