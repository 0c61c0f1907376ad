"""Repairing the spellings of chat Vietnamese ("teen code"): the shorthand words of ``data/chat_spellings.txt``
("vc" for việc, "trc" for trước) are replaced, and words no article uses are respelled by the patterns of chat
typing ("lươg" for lương, "jờ" for giờ, "fải" for phải) when the respelled form is a word of the law, so real
words are never changed."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

from .text import fold, syllables

CHAT_SPELLINGS_PATH: Path = Path(__file__).parent / "data" / "chat_spellings.txt"

# Each rewrites a folded syllable one way chat typing departs from the standard spelling.
_REWRITES: tuple[Callable[[str], str], ...] = (
    lambda w: re.sub(r"(?<=[aeiouy])g$", "ng", w),  # dropped n of a final ng: hàg, côg, lươg
    lambda w: re.sub(r"(?<=[aeiouy])k$", "nh", w),  # final nh as k: mìk, nhanh as nhak
    lambda w: re.sub(r"nk$", "nh", w),
    lambda w: re.sub(r"ck$", "ch", w),
    lambda w: re.sub(r"^f", "ph", w),
    lambda w: re.sub(r"^j", "gi", w),
    lambda w: re.sub(r"^w", "qu", w),
    lambda w: re.sub(r"^z", "d", w),
    lambda w: re.sub(r"^z", "gi", w),
    lambda w: re.sub(r"^z", "v", w),
    lambda w: re.sub(r"^dz", "d", w),
    lambda w: re.sub(r"^k(?=[aou])", "c", w),
    lambda w: re.sub(r"(.)\1+$", r"\1", w),  # drawn-out endings: nhaaa, đii
)
_DIGITS_AND_LETTERS = re.compile(r"\d+|[^\W\d]+", re.UNICODE)
# A unit after a number that means something else on its own: "300k" is 300 nghìn, while a lone "k" is không.
_UNITS_AFTER_NUMBERS = {"k": "nghìn"}


def split_units(tokens: list[str]) -> list[str]:
    """Split numbers from letters written together ("4tr9", "8h", "16t"), so each part is a word of its own, and
    read a unit after a number as that unit ("300k", "300 k": 300 nghìn)."""
    split: list[str] = []
    for token in tokens:
        parts = _DIGITS_AND_LETTERS.findall(token)
        split.extend(parts if len(parts) > 1 and "".join(parts) == token else [token])
    return [
        _UNITS_AFTER_NUMBERS.get(part, part) if i and split[i - 1].isdigit() else part for i, part in enumerate(split)
    ]


@functools.cache
def chat_spellings(path: Path = CHAT_SPELLINGS_PATH) -> dict[str, list[str]]:
    """Shorthand word as typed (lower case) -> the standard words; ``#`` starts a comment."""
    spellings: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if "=" not in line:
            continue
        typed, standard = (part.strip() for part in line.split("=", 1))
        for form in typed.split(","):
            if form.strip() and standard:
                spellings[form.strip().lower()] = syllables(standard)
    return spellings


def repair(tokens: list[str], known: Collection[str], shorthand: Mapping[str, list[str]] | None = None) -> list[str]:
    """``tokens`` with shorthand words replaced, then each word unknown to ``known`` (folded words) replaced by
    the first respelling that is known; a respelled word loses its tone marks (it is matched folded)."""
    shorthand = chat_spellings() if shorthand is None else shorthand
    repaired: list[str] = []
    for token in tokens:
        if token.lower() in shorthand:
            repaired.extend(shorthand[token.lower()])
            continue
        folded = fold(token)
        if folded in known or len(folded) < 2 or folded.isdigit():
            repaired.append(token)
            continue
        candidates = (rewrite(folded) for rewrite in _REWRITES)
        repaired.append(next((c for c in candidates if c != folded and c in known), token))
    return repaired
