"""What a unit's report says, laid out once for DOCX, HTML/PDF and XLSX (Hướng dẫn 36-HD/VPTW)."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.formats import vn_date, vn_number
from lantoa.orgs.models import OrgUnit
from lantoa.plans.models import UnitReport
from lantoa.plans.selectors.links import records_url

PROVINCE_PARTY = "TỈNH ỦY AN GIANG"
PLACE = "An Giang"


@dataclass(frozen=True)
class Issuer:
    superior: str
    body: str
    symbol: str
    signer_on_behalf: str


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[object]]
    links: list[str] = field(default_factory=list)

    @property
    def linked_rows(self) -> list[tuple[list[object], str]]:
        return [(row, self.links[i] if i < len(self.links) else "") for i, row in enumerate(self.rows)]


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass
class ReportDocument:
    issuer: Issuer
    number: str
    place_date: str
    kind_title: str
    subject: str
    sections: list[Section]
    recipients: list[str]
    signer_on_behalf: str
    signer_title: str
    signer_name: str
    file_stem: str
    unit_name: str
    period_label: str


def issuer_of(unit: OrgUnit) -> Issuer:
    """The issuing body printed at top left: a party body, its superior above it."""
    scope = unit.scope_root
    if scope.kind == OrgUnit.Kind.PROVINCE:
        return Issuer(PROVINCE_PARTY, "BAN TUYÊN GIÁO VÀ DÂN VẬN", "BTGDVTU", "T/M BAN TUYÊN GIÁO VÀ DÂN VẬN")
    if scope.is_commune_level:
        return Issuer("ĐẢNG BỘ TỈNH AN GIANG", f"ĐẢNG ỦY {scope.name.upper()}", "ĐU", "T/M BAN THƯỜNG VỤ")
    commune = scope.commune.name.upper() if scope.commune is not None else PROVINCE_PARTY
    return Issuer(f"ĐẢNG ỦY {commune}", f"CHI BỘ {scope.name.upper()}", "CB", "T/M CHI ỦY")


def place_date(report: UnitReport) -> str:
    moment = report.submitted_at or report.drafted_at
    return place_line(timezone.localtime(moment).date() if moment else None)


def place_line(day: dt.date | None) -> str:
    """The place and date line under the party heading (blanks to fill by hand when there is no day yet)."""
    if day is None:
        return f"{PLACE}, ngày     tháng     năm     "
    # Hướng dẫn 36: days below 10 and months below 3 take a leading zero.
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{PLACE}, ngày {day.day:02d} tháng {month} năm {day.year}"


def cell_text(value: object) -> str:
    """Numbers as a Vietnamese reader writes them (1.234), dates as dd/mm/yyyy; everything else as it is."""
    if isinstance(value, int) and not isinstance(value, bool):
        return vn_number(value)
    if isinstance(value, dt.date):
        return vn_date(value)
    return str(value)


def _figure_table(report: UnitReport, links: bool) -> Table:
    headers = [
        _("TT"),
        _("Chỉ tiêu"),
        _("Đơn vị tính"),
        _("Kết quả kỳ này"),
        _("Kỳ trước"),
        _("Chỉ tiêu phấn đấu"),
        _("Đạt (%)"),
    ]
    rows, urls = [], []
    for number, figure in enumerate(report.figures.select_related("indicator"), start=1):
        percent = figure.percent_of_target
        rows.append(
            [
                number,
                figure.indicator.name,
                figure.indicator.measure,
                figure.value if figure.value is not None else _("chưa có số liệu"),
                figure.previous if figure.previous is not None else "–",
                figure.target if figure.target is not None else "–",
                percent if percent is not None else "–",
            ]
        )
        urls.append(records_url(indicator=figure.indicator, unit=report.unit, period=report.period) if links else "")
    return Table(_("Kết quả thực hiện các chỉ tiêu"), headers, rows, urls)


def _task_table(tasks: list) -> Table:
    headers = [_("Mục"), _("Nhiệm vụ"), _("Hạn"), _("Tình trạng"), _("Kết quả")]
    rows = [[t.section, t.title, t.due_on or "", t.get_status_display(), t.progress_note] for t in tasks]
    return Table(_("Nhiệm vụ được giao"), headers, rows)


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def report_document(report: UnitReport, *, tasks: list, links: bool = False) -> ReportDocument:
    issuer = issuer_of(report.unit)
    number = f"Số {report.number}" if report.number else f"Số      -BC/{issuer.symbol}"
    sections = [
        Section(_("I. TÌNH HÌNH CHUNG"), _paragraphs(report.situation)),
        Section(
            _("II. KẾT QUẢ THỰC HIỆN"), _paragraphs(report.results), [_figure_table(report, links), _task_table(tasks)]
        ),
        Section(_("III. HẠN CHẾ, NGUYÊN NHÂN"), _paragraphs(report.shortcomings)),
        Section(_("IV. NHIỆM VỤ THỜI GIAN TỚI"), _paragraphs(report.next_steps)),
    ]
    return ReportDocument(
        issuer=issuer,
        number=number,
        place_date=place_date(report),
        kind_title=_("BÁO CÁO"),
        subject=report.title,
        sections=sections,
        recipients=_paragraphs(report.recipients),
        signer_on_behalf=issuer.signer_on_behalf,
        signer_title=report.signer_title,
        signer_name=report.signer_name,
        file_stem=f"bao-cao-{report.unit.code}-{report.period.code}".lower(),
        unit_name=report.unit.name,
        period_label=report.period.label,
    )
