"""The editable synonym/abbreviation dictionary and its application to queries."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

from .text import fold, syllables

DEFAULT_SYNONYMS_PATH: Path = Path(__file__).parent / "data" / "synonyms.txt"


def load_synonyms(path: Path | str = DEFAULT_SYNONYMS_PATH) -> dict[str, str]:
    """Read ``lhs[, lhs...] = rhs`` lines; ``#`` starts a comment. Later lines override earlier ones."""
    mapping: dict[str, str] = {}
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or "=" not in line:
            continue
        lhs, rhs = (part.strip() for part in line.split("=", 1))
        if not rhs:
            continue
        for alias in lhs.split(","):
            if alias.strip():
                mapping[alias.strip()] = rhs
    return mapping


def _same_word(typed: str, entry: str) -> bool:
    # Unaccented typing matches any accented entry ("de" ~ "đẻ"), but a word typed with diacritics must match
    # exactly, or "để" (to) would expand like "đẻ" (give birth).
    return typed == entry or (typed == fold(typed) and fold(entry) == typed)


def homographs(mapping: Mapping[str, str], doc_frequency: Mapping[str, int]) -> set[str]:
    """The one-word entries of ``mapping`` that are not the most frequent word of their folded spelling in the
    corpus (``doc_frequency``: accented word -> number of articles using it)."""
    commonest: dict[str, tuple[int, str]] = {}
    for word, frequency in doc_frequency.items():
        folded = fold(word)
        if frequency > commonest.get(folded, (0, ""))[0]:
            commonest[folded] = (frequency, word)
    entries = {words[0] for lhs in mapping for words in [syllables(lhs)] if len(words) == 1}
    return {word for word in entries if commonest.get(fold(word), (0, word))[1] != word}


class SynonymExpander:
    """Finds dictionary phrases in a query and yields their expansions, longest match first.

    ``homographs`` are one-word entries that a word typed without diacritics must not match, because it more
    likely stands for another word folding alike ("de" is mostly "để", seldom "đẻ")."""

    def __init__(self, mapping: Mapping[str, str], homographs: Collection[str] = ()) -> None:
        self._homographs = frozenset(homographs)
        self._rules: dict[tuple[str, ...], list[tuple[list[str], list[str]]]] = {}
        for lhs, rhs in mapping.items():
            words = syllables(lhs)
            if words:
                self._rules.setdefault(tuple(fold(w) for w in words), []).append((words, syllables(rhs)))
        self._max_len = max((len(k) for k in self._rules), default=0)

    def _match(self, tokens: list[str], folded: list[str], start: int, length: int) -> list[str] | None:
        for words, rhs in self._rules.get(tuple(folded[start : start + length]), ()):
            if length == 1 and words[0] in self._homographs and tokens[start] != words[0]:
                continue
            if all(_same_word(t, w) for t, w in zip(tokens[start : start + length], words, strict=True)):
                return rhs
        return None

    def expand(self, tokens: list[str]) -> list[tuple[int, int, list[str]]]:
        """Return (start, matched length, expansion syllables) for the longest dictionary phrases in ``tokens``."""
        tokens = [t.lower() for t in tokens]
        folded = [fold(t) for t in tokens]
        found: list[tuple[int, int, list[str]]] = []
        i = 0
        while i < len(folded):
            for length in range(min(self._max_len, len(folded) - i), 0, -1):
                rhs = self._match(tokens, folded, i, length)
                if rhs is not None:
                    found.append((i, length, rhs))
                    i += length
                    break
            else:
                i += 1
        return found
