"""Normalising, diacritic folding and tokenising Vietnamese text."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence

from lantoa.core.text import fold as text_fold
from lantoa.core.text import nfc

_TOKEN_RE = re.compile(r"\w+|%", re.UNICODE)  # "%" is a word: "8%" reads "8 phần trăm"

# fmt: off
# Question fillers that carry no legal meaning, dropped from queries (their syllable pairs are kept).
QUERY_STOPWORDS: frozenset[str] = frozenset(
    [
        "thì", "mà", "là", "gì", "hả", "hay", "không", "ko", "k", "kg", "hok", "có", "được", "đc", "dc", "bị",
        "mình", "em", "tôi", "anh", "chị", "hỏi", "cho", "với", "những", "của", "và", "hoặc", "nào", "sao",
        "luôn", "rồi", "hết", "ơi", "ạ", "nhé", "nha", "nhỉ", "vậy", "thế", "đây", "đó", "này", "kia", "phải",
        "như", "vì", "nếu", "khi", "để", "sẽ", "đang", "đã", "vẫn", "cũng", "lại", "ra", "vô", "vào", "lên",
        "xuống", "mấy", "bao", "nhiêu", "họ", "ai", "ở", "ta", "bạn", "giúp", "xin", "cảm", "ơn",
    ]
)
# Unaccented forms that are only fillers; "cho", "toi", "the", "xuong" etc. are left out because without
# diacritics they are also content words (chờ, tối, thẻ, xưởng).
_FOLDED_FILLERS: frozenset[str] = frozenset(
    [
        "thi", "ma", "la", "gi", "ha", "hay", "khong", "ko", "k", "kg", "hok", "co", "duoc", "dc", "bi", "minh",
        "em", "voi", "nhung", "cua", "va", "hoac", "nao", "sao", "luon", "roi", "het", "oi", "a", "nhe", "nha",
        "nhi", "vay", "nay", "kia", "phai", "nhu", "neu", "khi", "se", "lai", "ra", "vao", "len", "nhieu", "ai",
        "o", "ta", "ban", "giup", "xin",
    ]
)
# Folded filler phrases whose words are content words on their own ("bao" in bảo hiểm).
_FILLER_PHRASES: tuple[tuple[str, ...], ...] = (
    ("bao", "nhieu"), ("bao", "lau"), ("the", "nao"), ("co", "dung"), ("dung", "khong"), ("dung", "luat"),
    ("duoc", "khong"), ("phai", "khong"), ("co", "phai"), ("vay", "thi"), ("cho", "hoi"),
)
# fmt: on


def content_mask(tokens: Sequence[str], *, typed_unaccented: bool | None = None) -> list[bool]:
    """True for tokens that carry meaning. Text typed with diacritics is judged as written; text without any
    is judged by the folded filler list, which leaves out forms that are ambiguous once unaccented.
    ``typed_unaccented``: how the question was typed, when ``tokens`` are no longer as typed (shorthand repaired
    into accented words: "ko" is "không", yet "co duoc" around it was typed unaccented); None judges ``tokens``."""
    folded = [fold(t) for t in tokens]
    if typed_unaccented is None:
        typed_unaccented = folded == [t.lower() for t in tokens]
    fillers = _FOLDED_FILLERS if typed_unaccented else QUERY_STOPWORDS
    keep = [(ftok if typed_unaccented else tok) not in fillers for tok, ftok in zip(tokens, folded, strict=True)]
    for i in range(len(folded)):
        for phrase in _FILLER_PHRASES:
            if tuple(folded[i : i + len(phrase)]) == phrase:
                keep[i : i + len(phrase)] = [False] * len(phrase)
    return keep


def normalize(text: str) -> str:
    """NFC-normalise and lower-case; the old/new tone-mark placements are unified by NFC composition."""
    return nfc(text).lower()


# core's folding, cached: the index calls it mostly on single syllables, of which a language has a few thousand.
fold = functools.lru_cache(maxsize=1 << 17)(text_fold)


def has_diacritics(text: str) -> bool:
    return fold(text) != text.lower()


def syllables(text: str) -> list[str]:
    """Split into lower-cased syllables (Vietnamese writes one syllable per space-separated token)."""
    return _TOKEN_RE.findall(normalize(text))


def token_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, folded token) over the original text, for highlighting."""
    for match in _TOKEN_RE.finditer(text):
        yield match.start(), match.end(), fold(match.group())


def bigrams(tokens: Sequence[str]) -> list[str]:
    """Adjacent syllable pairs: most Vietnamese words are two syllables, so pairs approximate word segmentation."""
    return [f"{a}_{b}" for a, b in itertools.pairwise(tokens)]
