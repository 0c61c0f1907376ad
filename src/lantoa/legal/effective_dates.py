"""Staggered entry into force, read from an act's own *Điều khoản thi hành* (pure: text in, dates out).

"Quy định … tại các khoản 3, 16, 17 … Điều 1 của Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2025"
puts those khoản of the act in force before the act's own date; the amendments they make take that date.
"""

import datetime as dt
import re
from dataclasses import dataclass

from lantoa.legal import importers

OWN_PROVISIONS = re.compile(r"(?:của|tại)\s+(?:Luật|Bộ luật|Nghị định|Pháp lệnh)\s+này")


@dataclass(frozen=True)
class EarlyDate:
    slug: str  # a provision of the act itself: "dieu-1-khoan-16"
    effective_on: dt.date
    source_slug: str  # the khoản of the effect article saying so
    sentence: str


def early_dates_in(*, lines: list[tuple[str, str]], act_date: dt.date | None) -> list[EarlyDate]:
    """Provisions of the act that the effect article (as (slug, paragraph) lines) puts in force on another date.

    A paragraph naming its own act's provisions ("… tại khoản 16 Điều 1 của Luật này …") and a date other than the
    act's gives each of them that date; "Luật này có hiệu lực … trừ quy định tại khoản 2 … Điều này" names none.
    """
    found: list[EarlyDate] = []
    for slug, text in lines:
        match = importers.EFFECTIVE.search(text)
        day = importers._vn_date(match)
        if match is None or day is None or day == act_date:
            continue
        before_date = text[: match.start()]
        pieces = OWN_PROVISIONS.split(before_date)[:-1]
        for piece in pieces:
            segment = piece[piece.rfind(" tại ") + 5 :] if " tại " in piece else piece
            for target in importers.provision_targets(segment):
                found.append(EarlyDate(target, day, slug, text))
    return found


def date_for(source_slug: str, early: list[EarlyDate]) -> EarlyDate | None:
    """The early date covering a provision of the act (the khoản itself or one of its điểm)."""
    return next((e for e in early if source_slug == e.slug or source_slug.startswith(f"{e.slug}-")), None)
