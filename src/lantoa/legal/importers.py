"""Pure parsers for law texts: rows and problems (with line numbers), no database.

Formats: JSONL (one article a record, as `laws.jsonl`) and plain text (one paragraph a line, with Chương/Mục/Điều
headings, as published). Every article body is split into khoản ("1. …") and điểm ("a) …").
"""

import datetime as dt
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from django.utils.translation import gettext as _

from lantoa.core.text import clean_line, nfc, slugify_vi

if TYPE_CHECKING:
    from lxml import etree

ARTICLE_HEAD = re.compile(r"^Điều\s+(\d+[a-z]?)\s*[.:]\s*(.*)$")
CLAUSE = re.compile(r"^(\d{1,3})\.(?!\d)\s*(.*)$")
POINT = re.compile(r"^([a-zđ])\)\s*(.*)$")
PART = re.compile(r"^(?:PHẦN|Phần)\s+(?:THỨ\s+)?([^\s.]+)\.?\s*(.*)$")
CHAPTER = re.compile(r"^(?:CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\.?\s*(.*)$")
SECTION = re.compile(r"^(?:MỤC|Mục)\s+(\d+)\.?\s*(.*)$")
# The closing formula and what follows an act's last article (signature, "Nơi nhận", annexes).
CLOSING = re.compile(
    r"^((Bộ\s+)?[Ll]uật này (đã )?được Quốc hội|Nơi nhận|TM\.|CHỦ TỊCH|Phụ lục|PHỤ LỤC|\s*\|\s*CHỦ TỊCH)"
)
NUMBER_LINE = re.compile(r"^(?:Bộ luật|Luật|Nghị định|Thông tư|Nghị quyết)?\s*[Ss]ố\s*:\s*(\S+)")
PLACE_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
ENACTS = re.compile(r"^(?:Quốc hội|Chính phủ) ban hành\s+(.+?)[.,]?$")
PASSED_ON = re.compile(r"thông qua ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
EFFECTIVE = re.compile(r"có hiệu lực(?: thi hành)?\s+(?:kể\s+)?từ ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
FILE_NUMBER = re.compile(r"(\d+)-(\d{4})-(QH\d+|ND-CP|TT-[A-Z]+)", re.IGNORECASE)
DOC_NUMBER = re.compile(r"\b(\d+/\d{4}/(?:QH\d+|NĐ-CP|TT-[A-ZĐ]+|NQ-[A-ZĐ]+))\b")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# An amending act quotes the new wording (“Điều 7a. …”, "9. …"): quoted lines are never headings, articles or khoản.
QUOTE_OPEN = re.compile(r'^["“]')
QUOTE_CLOSE = re.compile(r'["”][.;,]*$')


def quotation_step(text: str, *, inside: bool) -> tuple[bool, bool]:
    """(this line is quoted, a quotation is still open after it)."""
    if inside:
        return True, not QUOTE_CLOSE.search(text)
    if QUOTE_OPEN.match(text):
        return True, not QUOTE_CLOSE.search(text[1:])
    return False, False


# A law of a thousand articles unpacks to a few MB of Word XML; beyond this a file is a bomb, not a law.
DOCX_MAX_UNPACKED_BYTES = 64 * 1024 * 1024
DOCX_READ_CHUNK = 64 * 1024


class UnreadableFile(ValueError):
    """A file that cannot be read as its format says: reported as a Problem naming the file, never a traceback."""


@dataclass(frozen=True)
class Problem:
    line: int
    message: str
    column: int = 1
    is_error: bool = True


@dataclass
class DocumentRow:
    number: str
    doc_type: str = ""
    title: str = ""
    issued_on: dt.date | None = None
    effective_on: dt.date | None = None
    status: str = "current"
    source: str = ""
    issuer: str = ""
    # The act an amending law names in its enacting formula ("… của Luật Bảo hiểm y tế số 25/2008/QH12 …").
    amends_number: str = ""

    @property
    def slug(self) -> str:
        return slugify_vi(self.number)


@dataclass
class ProvisionRow:
    kind: str
    number: str
    slug: str
    parent_slug: str
    title: str
    text: str
    line: int
    article_slug: str = ""


@dataclass
class ParsedDocument:
    document: DocumentRow
    provisions: list[ProvisionRow] = field(default_factory=list)
    has_structure: bool = False  # Chương/Mục known (text files); JSONL leaves an existing structure alone


@dataclass
class ParseResult:
    documents: list[ParsedDocument] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]


def issuer_for(number: str) -> str:
    if "/QH" in number:
        return "Quốc hội"
    if "NĐ-CP" in number:
        return "Chính phủ"
    return ""


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _vn_date(match: re.Match | None) -> dt.date | None:
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_effect_article(title: str) -> bool:
    """ "Hiệu lực thi hành" or "Điều khoản thi hành": where an act says when it and its repeals take effect."""
    return "hiệu lực" in title.lower() or "khoản thi hành" in title.lower()


def is_heading_line(line: str) -> bool:
    """A Chương/Mục/Phần heading or an all-capitals title line (never part of an article's text)."""
    stripped = line.strip()
    if CHAPTER.match(stripped) or SECTION.match(stripped) or PART.match(stripped):
        return True
    letters = [ch for ch in stripped if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters) and "|" not in stripped


def article_body(
    *, article_number: str, lines: list[tuple[int, str]], problems: list[Problem]
) -> tuple[str, list[ProvisionRow]]:
    """The article's own text (before its first khoản) and its khoản/điểm rows.

    Trailing heading lines (a next chapter glued on) are dropped and reported as warnings.
    """
    lines = [(number, clean_line(text)) for number, text in lines if clean_line(text)]
    while lines and is_heading_line(lines[-1][1]):
        line_number, text = lines.pop()
        problems.append(
            Problem(
                line_number,
                _("Điều %(article)s: bỏ dòng tiêu đề dính ở cuối: «%(text)s»")
                % {"article": article_number, "text": text},
                is_error=False,
            )
        )
    article_slug = f"dieu-{article_number.lower()}"
    rows: list[ProvisionRow] = []
    intro: list[str] = []
    clause: ProvisionRow | None = None
    point: ProvisionRow | None = None
    seen_clauses: list[int] = []
    in_quote = False
    for line_number, text in lines:
        quoted, in_quote = quotation_step(text, inside=in_quote)
        if quoted:
            owner = point or clause or (rows[-1] if rows else None)
            if owner is None:
                intro.append(text)
            else:
                owner.text += "\n" + text
            continue
        clause_match = CLAUSE.match(text)
        point_match = POINT.match(text)
        if clause_match:
            number = clause_match.group(1)
            if seen_clauses and int(number) != seen_clauses[-1] + 1:
                problems.append(
                    Problem(
                        line_number,
                        _("Điều %(article)s: khoản %(number)s sau khoản %(previous)s")
                        % {"article": article_number, "number": number, "previous": seen_clauses[-1]},
                        is_error=False,
                    )
                )
            if int(number) in seen_clauses:
                clause = None
                intro_target = rows[-1] if rows else None
                if intro_target:
                    intro_target.text += "\n" + text
                continue
            seen_clauses.append(int(number))
            clause = ProvisionRow(
                "clause",
                number,
                f"{article_slug}-khoan-{number}",
                article_slug,
                "",
                clause_match.group(2),
                line_number,
                article_slug,
            )
            point = None
            rows.append(clause)
        elif point_match:
            letter = point_match.group(1)
            point_parent = clause.slug if clause is not None else article_slug
            slug = f"{point_parent}-diem-{slugify_vi(letter)}"
            if any(row.slug == slug for row in rows):
                (point or clause or rows[-1]).text += "\n" + text
                continue
            point = ProvisionRow(
                "point", letter, slug, point_parent, "", point_match.group(2), line_number, article_slug
            )
            rows.append(point)
        elif point is not None:
            point.text += "\n" + text
        elif clause is not None:
            clause.text += "\n" + text
        else:
            intro.append(text)
    return "\n".join(intro), rows


def _check_articles(articles: list[tuple[int, str]], problems: list[Problem], label: str) -> None:
    """Duplicate and missing article numbers are errors: importing them would make wrong permalinks."""
    seen: dict[str, int] = {}
    # A file may hold an extract (Điều 105–107): gaps count from its first article.
    previous = int(re.sub(r"\D", "", articles[0][1]) or 1) - 1 if articles else 0
    for line_number, number in articles:
        if number in seen:
            problems.append(
                Problem(
                    line_number,
                    _("%(doc)s: Điều %(number)s trùng (đã có ở dòng %(line)s)")
                    % {"doc": label, "number": number, "line": seen[number]},
                )
            )
            continue
        seen[number] = line_number
        digits = int(re.sub(r"\D", "", number) or 0)
        if number.isdigit() and digits > previous + 1:
            missing = ", ".join(str(n) for n in range(previous + 1, digits))
            problems.append(
                Problem(
                    line_number,
                    _("%(doc)s: thiếu Điều %(missing)s (trước Điều %(number)s)")
                    % {"doc": label, "missing": missing, "number": number},
                )
            )
        previous = max(previous, digits)


def parse_jsonl(path: Path) -> ParseResult:
    result = ParseResult()
    by_number: dict[str, ParsedDocument] = {}
    articles: dict[str, list[tuple[int, str]]] = {}
    with path.open(encoding="utf-8") as handle:
        for line_number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(nfc(raw))
                number = clean_line(record["doc_number"])
                article_match = re.match(r"^Điều\s+(\d+[a-z]?)$", clean_line(record["article"]))
                text = record["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                result.problems.append(Problem(line_number, _("Dòng không đọc được: %(error)s") % {"error": error}))
                continue
            if not article_match:
                result.problems.append(
                    Problem(line_number, _("Số điều không hợp lệ: «%(article)s»") % {"article": record["article"]})
                )
                continue
            parsed = by_number.get(number)
            if parsed is None:
                try:
                    document = DocumentRow(
                        number=number,
                        doc_type=clean_line(record.get("doc_type", "")),
                        title=clean_line(record.get("doc_title", "")),
                        issued_on=_date(record.get("issued")),
                        effective_on=_date(record.get("effective")),
                        status=record.get("status", "current"),
                        source=path.name,
                        issuer=issuer_for(number),
                    )
                except ValueError as error:
                    result.problems.append(Problem(line_number, _("Ngày không hợp lệ: %(error)s") % {"error": error}))
                    continue
                parsed = by_number[number] = ParsedDocument(document)
                result.documents.append(parsed)
            article_number = article_match.group(1)
            articles.setdefault(number, []).append((line_number, article_number))
            body_lines = text.split("\n")
            if body_lines and ARTICLE_HEAD.match(body_lines[0].strip()):
                body_lines = body_lines[1:]
            _add_article(
                parsed,
                number=article_number,
                title=clean_line(record.get("article_title", "")),
                lines=[(line_number, text) for text in body_lines],
                parent_slug="",
                line=line_number,
                problems=result.problems,
            )
    for number, seen in articles.items():
        _check_articles(seen, result.problems, number)
    return result


def _add_article(
    parsed: ParsedDocument,
    *,
    number: str,
    title: str,
    lines: list[tuple[int, str]],
    parent_slug: str,
    line: int,
    problems: list[Problem],
) -> None:
    intro, children = article_body(article_number=number, lines=lines, problems=problems)
    slug = f"dieu-{number.lower()}"
    parsed.provisions.append(ProvisionRow("article", number, slug, parent_slug, title, intro, line, ""))
    parsed.provisions.extend(children)


def _roman(value: str) -> int:
    if value.isdigit():
        return int(value)
    total = 0
    for ch, following in zip(value, [*value[1:], ""], strict=True):
        amount = ROMAN.get(ch, 0)
        total += -amount if following and ROMAN.get(following, 0) > amount else amount
    return total


def _number_from_name(name: str) -> str:
    match = FILE_NUMBER.search(name)
    if not match:
        return ""
    suffix = match.group(3).upper().replace("ND-CP", "NĐ-CP")
    return f"{match.group(1)}/{match.group(2)}/{suffix}"


def parse_text(path: Path, *, number: str = "") -> ParseResult:
    """A law as published, one paragraph a line: letterhead, Phần/Chương/Mục headings, Điều, closing formula."""
    return parse_paragraphs(nfc(path.read_text("utf-8")).splitlines(), name=path.name, number=number)


def docx_paragraphs(path: Path) -> list[str]:
    """Paragraphs of a Word file in order; a table row becomes one line, cells joined by " | ".

    Only `word/document.xml` is inflated, through `_CappedMember`, which counts the bytes actually inflated (whatever
    the zip's headers declare) and stops at `DOCX_MAX_UNPACKED_BYTES`. It is parsed as a stream: each paragraph or
    table of the body is read and freed, so memory holds the lines read and one block, never the whole document tree
    (python-docx built it: 1.2 GB for a 58 MB document). Entities are not expanded and no DTD or network is read."""
    from lxml import etree

    not_docx = UnreadableFile(_("Tệp %(name)s không phải tệp Word .docx đọc được.") % {"name": path.name})
    try:
        with zipfile.ZipFile(path) as package:
            if DOCX_BODY not in package.namelist():
                raise not_docx
            with package.open(DOCX_BODY) as member:
                return _docx_stream_lines(_CappedMember(member, name=path.name))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, etree.XMLSyntaxError, EOFError, NotImplementedError) as error:
        raise not_docx from error
    except (ValueError, RuntimeError) as error:  # a damaged or encrypted member, an unknown compression
        if isinstance(error, UnreadableFile):
            raise
        raise not_docx from error


def _docx_stream_lines(stream: "_CappedMember") -> list[str]:
    from lxml import etree

    lines: list[str] = []
    blocks = etree.iterparse(
        stream,
        events=("end",),
        tag=(W_NS + "p", W_NS + "tbl"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    for _event, block in blocks:
        parent = block.getparent()
        if parent is None or parent.tag != W_BODY:
            continue  # a paragraph inside a table: read with its row
        lines += _docx_block_lines(block)
        block.clear()
        while block.getprevious() is not None:
            del parent[0]
    return lines


W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_BODY = W_NS + "body"
DOCX_BODY = "word/document.xml"


def _docx_text(element: "etree._Element") -> str:
    return "".join(node.text or "" for node in element.iter() if isinstance(node.tag, str) and node.tag.endswith("}t"))


def _docx_block_lines(block: "etree._Element") -> list[str]:
    if block.tag == W_NS + "p":
        return [_docx_text(block)]
    if block.tag == W_NS + "tbl":
        return [
            " | ".join(_docx_text(cell) for cell in row if cell.tag == W_NS + "tc") for row in block.iter(W_NS + "tr")
        ]
    return []


class DocxTooLarge(UnreadableFile):
    """A .docx whose Word document inflates past `DOCX_MAX_UNPACKED_BYTES`: a zip bomb, not a law."""


class _CappedMember:
    """A zip member read in chunks, counting the bytes it actually inflates to and refusing past the limit."""

    def __init__(self, member: IO[bytes], *, name: str) -> None:
        self.member, self.name, self.count = member, name, 0

    def read(self, size: int = -1) -> bytes:
        chunk = self.member.read(DOCX_READ_CHUNK if size is None or size < 0 else min(size, DOCX_READ_CHUNK))
        self.count += len(chunk)
        if self.count > DOCX_MAX_UNPACKED_BYTES:
            raise DocxTooLarge(
                _("Tệp %(name)s giải nén ra quá %(mb)s MB, không đọc.")
                % {"name": self.name, "mb": DOCX_MAX_UNPACKED_BYTES >> 20}
            )
        return chunk


def html_paragraphs(path: Path) -> list[str]:
    """Text of block elements (p, div, li, h1–h6, tr) of an HTML page, one a line; scripts and styles dropped."""
    from lxml import html as lxml_html

    # Law pages here are UTF-8; lxml would otherwise guess Latin-1 for a page without a charset declaration.
    tree = lxml_html.fromstring(path.read_bytes(), parser=lxml_html.HTMLParser(encoding="utf-8"))
    for node in tree.xpath("//script|//style|//nav|//header|//footer"):
        node.drop_tree()
    lines: list[str] = []
    for node in tree.iter("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"):
        if node.tag == "tr":
            lines.append(" | ".join(cell.text_content() for cell in node if cell.tag in {"td", "th"}))
        elif not any(ancestor.tag in {"p", "li", "tr"} for ancestor in node.iterancestors()):
            lines.append(node.text_content())
    return lines


def parse_paragraphs(paragraphs: list[str], *, name: str, number: str = "") -> ParseResult:
    """The structure parser for any source that yields one paragraph a line (text, Word, HTML)."""
    path = Path(name)
    result = ParseResult()
    lines = [(index, clean_line(nfc(text))) for index, text in enumerate(paragraphs, 1)]
    header: list[str] = []
    position = 0
    while position < len(lines) and not (
        ARTICLE_HEAD.match(lines[position][1]) or CHAPTER.match(lines[position][1]) or PART.match(lines[position][1])
    ):
        header.append(lines[position][1])
        position += 1
    document = DocumentRow(number=number, source=path.name)
    for text in header:
        if not document.amends_number and ENACTS.match(text) and (found := DOC_NUMBER.search(text)):
            document.amends_number = found.group(1)
        if not document.number and (match := NUMBER_LINE.match(text)):
            document.number = match.group(1)
        if not document.issued_on and text.startswith(("Hà Nội", "ngày")):
            document.issued_on = _vn_date(PLACE_DATE.search(text))
        if match := ENACTS.match(text):
            document.title = match.group(1)
    document.number = document.number or _number_from_name(path.name)
    if not document.number:
        result.problems.append(Problem(1, _("Không xác định được số hiệu văn bản (dùng --number).")))
        return result
    document.issuer = issuer_for(document.number)
    document.doc_type = (
        "Nghị định" if "NĐ-CP" in document.number else ("Bộ luật" if "Bộ luật" in " ".join(header) else "Luật")
    )
    parsed = ParsedDocument(document, has_structure=True)
    result.documents.append(parsed)
    containers = {"part": "", "chapter": "", "section": ""}
    articles: list[tuple[int, str]] = []
    current: tuple[int, str, str] | None = None  # line, number, title
    body: list[tuple[int, str]] = []
    pending_title: ProvisionRow | None = None
    in_quote = False

    def flush() -> None:
        if current:
            parent = containers["section"] or containers["chapter"] or containers["part"]
            _add_article(
                parsed,
                number=current[1],
                title=current[2],
                lines=body,
                parent_slug=parent,
                line=current[0],
                problems=result.problems,
            )

    for line_number, text in lines[position:]:
        if not text:
            continue
        quoted, in_quote = quotation_step(text, inside=in_quote)
        if quoted and current is not None:
            body.append((line_number, text))
            continue
        if CLOSING.match(text):
            if match := PASSED_ON.search(text):
                document.issued_on = document.issued_on or _vn_date(match)
            break
        heading = None
        for kind, pattern in (("part", PART), ("chapter", CHAPTER), ("section", SECTION)):
            if match := pattern.match(text):
                heading = (kind, match)
                break
        if heading:
            flush()
            current, body = None, []
            kind, match = heading
            label = str(_roman(match.group(1).upper())) if kind != "section" else match.group(1)
            slug = f"{ {'part': 'phan', 'chapter': 'chuong', 'section': 'muc'}[kind] }-{label}".replace(" ", "")
            if kind == "section":
                slug = f"{containers['chapter']}-{slug}" if containers["chapter"] else slug
                parent = containers["chapter"] or containers["part"]
            else:
                parent = containers["part"] if kind == "chapter" else ""
                if kind == "part":
                    containers["chapter"] = ""
                containers["section"] = ""
            if any(row.slug == slug for row in parsed.provisions):
                result.problems.append(
                    Problem(
                        line_number,
                        _("%(text)s: số chương/mục trùng với một tiêu đề trước đó") % {"text": text},
                        is_error=False,
                    )
                )
                slug = f"{slug}-{line_number}"
            containers[kind] = slug
            pending_title = ProvisionRow(kind, match.group(1), slug, parent, match.group(2), "", line_number)
            parsed.provisions.append(pending_title)
            continue
        if match := ARTICLE_HEAD.match(text):
            flush()
            pending_title = None
            current, body = (line_number, match.group(1), match.group(2)), []
            articles.append((line_number, match.group(1)))
            continue
        if current is None:
            # The title line under "Chương II"; anything else before the first article is preamble.
            if pending_title is not None and not pending_title.title:
                pending_title.title = text
            continue
        if current is not None:
            body.append((line_number, text))
            match = EFFECTIVE.search(text)
            if match and is_effect_article(current[2]) and not document.effective_on:
                document.effective_on = _vn_date(match)
    flush()
    for row in parsed.provisions:
        if row.kind in {"part", "chapter", "section"}:
            row.title = _title_case(row.title)
    _check_articles(articles, result.problems, document.number)
    return result


def _title_case(value: str) -> str:
    letters = [ch for ch in value if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        value = value.lower()
        return value[:1].upper() + value[1:]
    return value


def detect_format(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    return {"jsonl": "jsonl", "txt": "txt", "docx": "docx", "html": "html", "htm": "html"}.get(suffix, "")


def parse(path: Path, *, fmt: str = "auto", number: str = "") -> ParseResult:
    try:
        return _parse_format(path, fmt=fmt, number=number)
    except UnicodeDecodeError:
        message = _("Tệp %(name)s không phải văn bản UTF-8. Hãy lưu lại tệp với bảng mã UTF-8.") % {"name": path.name}
    except UnreadableFile as error:
        message = str(error)
    result = ParseResult()
    result.problems.append(Problem(1, message))
    return result


def _parse_format(path: Path, *, fmt: str, number: str) -> ParseResult:
    fmt = detect_format(path) if fmt == "auto" else fmt
    if fmt == "jsonl":
        return parse_jsonl(path)
    if fmt == "txt":
        return parse_text(path, number=number)
    if fmt == "docx":
        return parse_paragraphs(docx_paragraphs(path), name=path.name, number=number)
    if fmt == "html":
        return parse_paragraphs(html_paragraphs(path), name=path.name, number=number)
    result = ParseResult()
    result.problems.append(Problem(1, _("Chưa hỗ trợ định dạng «%(fmt)s».") % {"fmt": fmt or path.suffix}))
    return result


# -- relations stated by a document's own "Hiệu lực thi hành" article ------------------------------------

REPEAL_SENTENCE = re.compile(r"hết hiệu lực")
WHOLE_ACT = re.compile(
    r"^(?:\d+\.\s*)?(?:(?:Bộ\s+)?[Ll]uật|Nghị định|Pháp lệnh)\b[^;:]*?\bsố\s+(\d+/\d{4}/[A-ZĐ0-9-]+)"
)
PARTS_OF_ACT = re.compile(r"^(?:\d+\.\s*)?Các quy định\b")


@dataclass(frozen=True)
class RelationRow:
    kind: str  # "replaces" | "amends"
    target_number: str
    target_articles: tuple[str, ...] = ()
    note: str = ""


def relations_in(text: str) -> list[RelationRow]:
    """Acts this article says stop applying when the document takes effect.

    "Luật Bảo hiểm xã hội số 58/2014/QH13 … hết hiệu lực" replaces the whole act; "Các quy định … các điều 104, 105
    … của Luật … số 58/2014/QH13 hết hiệu lực" repeals named articles of it (an amendment).
    """
    rows: list[RelationRow] = []
    for sentence in text.split("\n"):
        if not REPEAL_SENTENCE.search(sentence) or ("kể từ ngày" not in sentence and "từ ngày" not in sentence):
            continue
        if match := WHOLE_ACT.match(sentence.strip()):
            rows.append(RelationRow("replaces", match.group(1), note=sentence.strip()))
        elif PARTS_OF_ACT.match(sentence.strip()):
            for number in dict.fromkeys(DOC_NUMBER.findall(sentence)):
                before = sentence.split(number)[0]
                segment = before[before.rfind(";") + 1 :]
                whole = re.findall(r"các điều\s+([\d,\s]+(?:và\s+\d+)?)", segment)
                numbers = [n for chunk in whole for n in re.findall(r"\d+", chunk)]
                rows.append(RelationRow("amends", number, tuple(numbers), sentence.strip()))
    return rows


# -- amendments between provisions, read from the amending act's own wording ------------------------------

INSTRUCTION = re.compile(
    r"^(?:\d+[a-z]?\.\s*|[a-zđ]\)\s*)?(Sửa đổi, bổ sung|Sửa đổi|Bổ sung|Thay thế|Thay|Bãi bỏ)\s+(.+?)\s*[.;:]?$"
)
PHRASE = re.compile(r"cụm từ\s+[\"“](.+?)[\"”]\s+bằng cụm từ\s+[\"“](.+?)[\"”](?:\s+tại\s+(.+))?")
ACT_NAMED = re.compile(r"của\s+(?:Bộ\s+)?(?:[Ll]uật|Nghị định|Pháp lệnh)\b[^;:]*?\bsố\s+(\d+/\d{4}/[A-ZĐ0-9-]+)")
ARTICLE_REF = re.compile(r"\b[Đđ]iều\s+(\d+[a-z]?)\b")
LETTERS = re.compile(r"\b(?:các\s+)?điểm\s+((?:[a-zđ](?:\s*,\s*|\s+và\s+))*[a-zđ])\b")
CLAUSES = re.compile(r"\b(?:các\s+)?khoản\s+((?:\d+[a-z]?(?:\s*,\s*|\s+và\s+))*\d+[a-z]?)\b")
ARTICLE_LIST = re.compile(r"\bcác điều\s+((?:\d+[a-z]?(?:\s*,\s*|\s+và\s+))*\d+[a-z]?)")
ARTICLE_RANGE = re.compile(r"\b[Đđ]iều\s+(\d+)\s+đến\s+[Đđ]iều\s+(\d+)")
SECTION_REF = re.compile(r"\bMục\s+(\d+)\s+Chương\s+([IVXLC]+|\d+)")
CHAPTER_REF = re.compile(r"\bChương\s+([IVXLC]+|\d+)")


@dataclass(frozen=True)
class AmendmentRow:
    """One change an amending provision makes: `target_slug` of act `target_number` (see models.Amendment)."""

    source_slug: str
    kind: str  # "amend" | "add" | "repeal" | "replace_phrase"
    target_number: str
    target_slug: str
    text: str = ""
    old_phrase: str = ""
    new_phrase: str = ""


def _numbers(pattern: re.Pattern, text: str) -> list[str]:
    return [n for chunk in pattern.findall(text) for n in re.split(r"\s*,\s*|\s+và\s+", chunk) if n]


def provision_targets(spec: str, *, article: str = "") -> list[str]:
    """Slugs named by "khoản 2 và khoản 3 Điều 8", "điểm b khoản 2 Điều 44", "Mục 3 Chương III", "các điều 104, 105"…

    A list naming several articles ("khoản 3 Điều 18, khoản 1 Điều 25") is read chunk by chunk, each chunk ending
    with its "Điều N"; `article` is the article already named by the enclosing instruction.
    """
    slugs: list[str] = []
    for match in SECTION_REF.finditer(spec):
        slugs.append(f"chuong-{_roman(match.group(2).upper())}-muc-{match.group(1)}")
    spec = SECTION_REF.sub(" ", spec)
    for first, last in ARTICLE_RANGE.findall(spec):
        slugs.extend(f"dieu-{n}" for n in range(int(first), int(last) + 1))
    spec = ARTICLE_RANGE.sub(" ", spec)
    slugs.extend(f"dieu-{n.lower()}" for n in _numbers(ARTICLE_LIST, spec))
    spec = ARTICLE_LIST.sub(" ", spec)
    slugs.extend(f"chuong-{_roman(n.upper())}" for n in CHAPTER_REF.findall(spec))
    # Split on each "Điều N": the text before it (since the previous one) qualifies it.
    previous = 0
    chunks: list[tuple[str, str]] = []
    for match in ARTICLE_REF.finditer(spec):
        chunks.append((spec[previous : match.start()], match.group(1)))
        previous = match.end()
    rest = spec[previous:]
    if article and (CLAUSES.search(rest) or LETTERS.search(rest)):
        chunks.append((rest, article))
    for words, number in chunks:
        base = f"dieu-{number.lower()}"
        if "vào sau" in words:
            words = words.split("vào sau")[0]
        point_chunks = re.findall(r"((?:các\s+)?điểm\s+[^k]*?)\s*khoản\s+(\d+[a-z]?)", words)
        for letters, clause in point_chunks:
            slugs.extend(f"{base}-khoan-{clause}-diem-{slugify_vi(x)}" for x in _numbers(LETTERS, letters))
        words = re.sub(r"(?:các\s+)?điểm\s+[^k]*?\s*khoản\s+\d+[a-z]?", " ", words)
        clauses = _numbers(CLAUSES, words)
        if clauses:
            slugs.extend(f"{base}-khoan-{n}" for n in clauses)
        elif not point_chunks:
            slugs.append(base)
    return list(dict.fromkeys(slugs))


def _split_wording(text: str, slugs: list[str]) -> dict[str, str]:
    """The quoted wording of "khoản 3 và khoản 4": each part starts at its own "3." / "b)" / "Điều 48b."."""
    if len(slugs) == 1:
        return {slugs[0]: text}
    heads = []
    for slug in slugs:
        last = slug.rsplit("-", 1)[-1]
        if "-diem-" in slug:
            heads.append(rf"^{re.escape(last)}\)")
        elif "-khoan-" in slug:
            heads.append(rf"^{re.escape(last)}\.")
        else:
            heads.append(rf"^Điều\s+{re.escape(last)}\b")
    lines = text.split("\n")
    parts: dict[str, list[str]] = {}
    current = slugs[0]
    for line in lines:
        for slug, head in zip(slugs, heads, strict=True):
            if re.match(head, line, re.IGNORECASE):
                current = slug
                break
        parts.setdefault(current, []).append(line)
    return {slug: "\n".join(lines) for slug, lines in parts.items()}


def _unquote(lines: list[str]) -> str:
    text = "\n".join(lines).strip()
    text = QUOTE_OPEN.sub("", text)
    return re.sub(r"[\"”][.;,]*$", "", text).strip()


def amendments_in(*, lines: list[tuple[str, str]], default_target: str = "") -> list[AmendmentRow]:
    """Changes stated by an amending article, given as (source provision slug, paragraph) in reading order.

    Reads "Sửa đổi, bổ sung khoản 1 Điều 43 như sau:" followed by the quoted new wording, "Bổ sung khoản 9 vào
    sau khoản 8 Điều 2", "Bãi bỏ khoản 2 Điều 17 của Luật … số 39/2009/QH12", "Thay cụm từ "A" bằng cụm từ "B"
    tại …". The act is the one the instruction names, else the one named by the enclosing khoản, else
    `default_target` (the act named in the amending law's enacting formula).
    """
    rows: list[AmendmentRow] = []
    act_by_depth: dict[int, str] = {}
    article_by_depth: dict[int, str] = {}
    pending: list[tuple[str, str, list[str]]] = []  # kind, target act, slugs waiting for a quotation
    source = ""
    quoted: list[str] = []
    in_quote = False

    def close_quote() -> None:
        if not pending or not quoted:
            return
        kind, act, slugs = pending.pop(0)
        for slug, wording in _split_wording(_unquote(quoted), slugs).items():
            rows.append(AmendmentRow(source, kind, act, slug, text=wording))

    for slug, raw in lines:
        text = clean_line(raw)
        if not text:
            continue
        is_quoted, still_open = quotation_step(text, inside=in_quote)
        if is_quoted:
            quoted.append(text)
            in_quote = still_open
            if not in_quote:
                close_quote()
                quoted = []
            continue
        pending = []
        source = slug
        depth = 2 if "-diem-" in slug else 1 if "-khoan-" in slug else 0
        for deeper in [d for d in act_by_depth if d >= depth]:
            del act_by_depth[deeper]
        for deeper in [d for d in article_by_depth if d >= depth]:
            del article_by_depth[deeper]
        named = ACT_NAMED.search(text)
        act = (
            named.group(1)
            if named
            else next((act_by_depth[d] for d in sorted(act_by_depth, reverse=True) if d < depth), default_target)
        )
        match = INSTRUCTION.match(text)
        if not match or not act:
            continue
        verb, spec = match.groups()
        spec = ACT_NAMED.split(spec)[0] if named else spec
        spec = spec.replace(" như sau", "")
        if re.search(r"\bmột số\b", spec):
            act_by_depth[depth] = act
            if found := ARTICLE_REF.search(spec):
                article_by_depth[depth] = found.group(1)
            continue
        article = next((article_by_depth[d] for d in sorted(article_by_depth, reverse=True) if d < depth), "")
        if phrase := PHRASE.search(text):
            old, new, where = phrase.groups()
            act_by_depth[depth] = act
            for target in provision_targets(where or "", article=article) if where else []:
                rows.append(AmendmentRow(source, "replace_phrase", act, target, old_phrase=old, new_phrase=new))
            continue
        if "cụm từ" in spec:
            act_by_depth[depth] = act
            continue
        targets = provision_targets(spec, article=article)
        if not targets:
            continue
        if verb == "Bãi bỏ":
            rows.extend(AmendmentRow(source, "repeal", act, target) for target in targets)
        else:
            pending = [("add" if verb == "Bổ sung" else "amend", act, targets)]
    return rows


def repeals_in(*, slug: str, text: str) -> list[AmendmentRow]:
    """Provisions of other acts this "Hiệu lực thi hành" paragraph ends: "Các quy định … tại Mục 3 Chương III,
    khoản 4 Điều 84, … các điều 104, 105 … của Luật … số 58/2014/QH13 hết hiệu lực …"."""
    rows: list[AmendmentRow] = []
    for sentence in text.split("\n"):
        if not (REPEAL_SENTENCE.search(sentence) and PARTS_OF_ACT.match(sentence.strip())):
            continue
        for number in dict.fromkeys(DOC_NUMBER.findall(sentence)):
            before = sentence.split(number)[0]
            segment = before[before.rfind(";") + 1 :]
            segment = segment[segment.find(" tại ") + 4 :] if " tại " in segment else segment
            segment = re.split(r"\s+của\s+(?:Bộ\s+)?(?:[Ll]uật|Nghị định)", segment)[0]
            rows.extend(AmendmentRow(slug, "repeal", number, target) for target in provision_targets(segment))
    return rows


def article_lines(rows: list[ProvisionRow], article_slug: str) -> list[tuple[str, str]]:
    """An article's paragraphs in reading order, each with the slug of the provision holding it."""
    lines: list[tuple[str, str]] = []
    for row in rows:
        if row.slug == article_slug:
            lines.extend((row.slug, text) for text in row.text.split("\n") if text)
        elif row.article_slug == article_slug:
            first, *rest = row.text.split("\n")
            lines.append((row.slug, f"{row.number}. {first}" if row.kind == "clause" else f"{row.number}) {first}"))
            lines.extend((row.slug, text) for text in rest)
    return lines
