"""Bodies abolished or merged in 2025 that texts still name, and where the library says who does their work now.

Used by article pages (a note under the text) and by `manage.py legal_check`.
"""

import datetime as dt
import re
from dataclasses import dataclass

from lantoa.legal.models import Provision

DISTRICT = "cấp huyện không còn từ 01/07/2025 (chính quyền địa phương hai cấp); việc của cấp huyện nay do UBND cấp xã hoặc cấp tỉnh làm"
DISTRICT_ENDS = dt.date(2025, 7, 1)
MINISTRY_ENDS = dt.date(2025, 3, 1)

# name → (from when it no longer exists, who does the work now)
DEFUNCT_BODIES = {
    "UBND cấp huyện": (DISTRICT_ENDS, DISTRICT),
    "Ủy ban nhân dân cấp huyện": (DISTRICT_ENDS, DISTRICT),
    "Bộ Lao động - Thương binh và Xã hội": (MINISTRY_ENDS, "nay là Bộ Nội vụ (hợp nhất từ 01/03/2025)"),
    "Sở Lao động - Thương binh và Xã hội": (MINISTRY_ENDS, "nay là Sở Nội vụ (hợp nhất từ 01/03/2025)"),
    "Phòng Lao động": (
        DISTRICT_ENDS,
        "cấp huyện không còn từ 01/07/2025; nay do UBND cấp xã (phòng văn hóa - xã hội) làm",
    ),
}
# The decrees of the two-level local government in the home-affairs (labour) field.
SUCCESSOR_TEXTS = ("128/2025/NĐ-CP", "129/2025/NĐ-CP")


@dataclass(frozen=True)
class BodyNote:
    provision: Provision  # the khoản (or article) naming the body
    name: str
    note: str
    successors: tuple[Provision, ...]  # articles of the successor decrees that name this provision


def bodies_named(text: str, *, on: dt.date | None = None) -> list[tuple[str, str]]:
    """Abolished bodies the text names without saying who replaced them ("… (nay là Bộ Nội vụ)" is fine)."""
    return [
        (name, note)
        for name, (ends, note) in DEFUNCT_BODIES.items()
        if (on is None or on >= ends) and re.search(rf"{re.escape(name)}(?!\s*\(nay là)", text)
    ]


def successors_of(provision: Provision) -> tuple[Provision, ...]:
    """Articles of NĐ 128/2025, 129/2025 that name this provision's article ("… khoản 3 Điều 202 Bộ luật Lao
    động", "… Điều 95 Nghị định số 145/2020/NĐ-CP"), so a reader is sent to the rule that says who acts now."""
    article = provision.article or provision
    document = provision.document
    names = "|".join(re.escape(name) for name in (document.number, document.title) if name)
    pattern = re.compile(rf"Điều\s+{re.escape(article.number)}\b,?\s+(?:của\s+)?(?:{names})")
    candidates = Provision.objects.filter(
        document__number__in=SUCCESSOR_TEXTS, text__contains=f"Điều {article.number}"
    ).select_related("document", "article")
    found = {(p.article or p).pk: (p.article or p) for p in candidates if pattern.search(p.text)}
    return tuple(sorted(found.values(), key=lambda p: (p.document.number, p.position)))


def notes_for(*, parts: list[tuple[Provision, str]], on: dt.date) -> list[BodyNote]:
    """Notes for the provisions (with their wording on `on`) that name a body gone by then."""
    notes: list[BodyNote] = []
    for provision, text in parts:
        if provision.document.number in SUCCESSOR_TEXTS:
            continue
        named = bodies_named(text, on=on)
        if named:
            successors = successors_of(provision)
            notes.extend(BodyNote(provision, name, note, successors) for name, note in named)
    return notes
