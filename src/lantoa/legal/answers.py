"""What the answer page shows for a ranked article: a short plain answer first, then the khoản that answers.

The short answer is the part of a handbook or FAQ entry explaining the article that shares most with the question
(a paragraph with the list it introduces, so "12 ngày" or "200%" shows); the khoản is scored on the question's
words and on that explanation's, with its điểm, never cut at "… như sau:".
"""

import functools
import re
from dataclasses import dataclass

from lantoa.legal import selectors
from lantoa.legal.models import HandbookEntry, Provision
from lantoa.legal.retrieval import QueryWords
from lantoa.legal.retrieval.text import bigrams, fold, normalize  # the ranking's (cached): marks and scores agree
from lantoa.legal.services.handbook import answer_paragraphs

WORD = re.compile(r"\w+%?")
FIGURE = re.compile(r"\d")
EXPLANATION_WEIGHT = 0.5  # the explanation's words count half as much as the question's own


@dataclass
class Passage:
    """The khoản (with its điểm) or article text that best answers the question, matched words marked."""

    slug: str
    label: str
    pieces: list[tuple[str, bool]]  # (text, is_match) of the khoản's own line
    points: list[list[tuple[str, bool]]]  # its điểm, each marked the same way

    @property
    def text(self) -> str:
        """The plain text: the khoản line, then its điểm one a line."""
        return "\n".join("".join(piece for piece, _ in line) for line in [self.pieces, *self.points])


@dataclass
class Lead:
    """The short plain answer: an entry's question and the blocks of its answer that answer this question."""

    entry: HandbookEntry
    blocks: list[dict]  # answer_paragraphs blocks: {"kind": "p", "text"} / {"kind": "ul", "items"}

    @property
    def text(self) -> str:
        return "\n".join(_block_text(block) for block in self.blocks)


def marked(text: str, terms: QueryWords) -> list[tuple[str, bool]]:
    pieces: list[tuple[str, bool]] = []
    position = 0
    words = _words(text)
    for i, (start, end, lowered, folded) in enumerate(words):
        before = words[i - 1][3] if i else ""
        after = words[i + 1][3] if i + 1 < len(words) else ""
        if terms.marks_folded_word(lowered, folded, before, after):
            if start > position:
                pieces.append((text[position:start], False))
            pieces.append((text[start:end], True))
            position = end
    pieces.append((text[position:], False))
    return [piece for piece in pieces if piece[0]]


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, normalised, folded) of each word of a text ("200%" judged as "200"), kept per text: the same
    khoản are marked for many questions."""
    found = []
    for match in WORD.finditer(text):
        lowered = normalize(match.group().rstrip("%"))
        found.append((match.start(), match.end(), lowered, fold(lowered)))
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def _folded(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The distinct folded words and word pairs of a text, kept per text: the same khoản and entries answer many
    questions, and folding them again was most of the time picking a passage took."""
    folded = [fold(word) for word in WORD.findall(text)]
    return frozenset(folded), frozenset(bigrams(folded))


def overlap(text: str, terms: QueryWords) -> float:
    """Each distinct shared word pair and word, weighted by its IDF ("mang thai" says more than "người")."""
    words, pairs = _folded(text)
    return sum(terms.pairs[p] for p in pairs if p in terms.pairs) + sum(
        terms.words[w] for w in words if w in terms.words
    )


def _block_text(block: dict) -> str:
    return block.get("text") or "\n".join(block["items"])


def lead_pick(*, entries: list[HandbookEntry], terms: QueryWords, scores: list[float] | None = None) -> Lead | None:
    """The entry explaining the article that best answers the question (`scores`: the index's score of each entry,
    the one that ranked the article; else the words shared), cut to the block that answers it: a paragraph and the
    list it introduces are one block; of equal blocks, one with a figure ("12 ngày", "200%") wins."""
    if not entries:
        return None
    if scores is None:
        scores = [overlap(f"{e.question}\n{e.keywords}\n{e.answer}", terms) for e in entries]
    entry = entries[max(range(len(entries)), key=scores.__getitem__)]
    groups = _answer_groups(entry.answer)
    if not groups:
        return Lead(entry, [])
    blocks, _text, _figure = max(groups, key=lambda group: (overlap(group[1], terms), group[2]))
    return Lead(entry, list(blocks))


@functools.lru_cache(maxsize=4096)
def _answer_groups(answer: str) -> tuple[tuple[tuple[dict, ...], str, bool], ...]:
    """An entry's answer cut into blocks that answer alone (a paragraph with the list it introduces), each with its
    text and whether it states a figure; kept per answer text: the same entries lead the answers to many questions.
    The blocks are shared between answers: read, never changed."""
    groups: list[list[dict]] = []
    for block in answer_paragraphs(answer):
        if block["kind"] == "ul" and groups and groups[-1][-1]["kind"] == "p":
            groups[-1].append(block)  # the list and the sentence introducing it
        else:
            groups.append([block])
    found = []
    for group in groups:
        text = "\n".join(_block_text(b) for b in group)
        found.append((tuple(group), text, bool(FIGURE.search(text))))
    return tuple(found)


def _introduces_list(text: str) -> bool:
    """A sentence ending "… như sau:" or "… sau đây:" says nothing until the list it introduces."""
    return text.rstrip().endswith(":")


def _candidates(article: Provision, wording: "selectors.ArticleOnDate") -> list[tuple[Provision, str, list[str]]]:
    """(provision, its own text, its listed lines) for the article's intro and each khoản in force on the day. A
    khoản lists its điểm; an intro lists the điểm set directly under the article and, when it introduces a list,
    the khoản (with their điểm) too, so a passage never stops at "… như sau:"."""
    intro: tuple[Provision, str, list[str]] | None = (article, wording.intro.text, []) if wording.intro.text else None
    found: list[tuple[Provision, str, list[str]]] = [intro] if intro else []
    if wording.replaced_whole is not None:
        return found
    lists_clauses = intro is not None and _introduces_list(intro[1])
    by_clause: dict[int | None, tuple[Provision, str, list[str]]] = {article.pk: intro} if intro else {}
    for row in wording.parts:
        if row.repealed:
            continue
        part = row.provision
        owner = by_clause.get(part.parent_id) if part.kind == "point" else None
        line = f"{part.number}) {row.text}" if part.kind == "point" else f"{part.number}. {row.text}"
        if intro is not None and lists_clauses and owner is not intro:
            intro[2].append(line)
        if owner is not None:
            owner[2].append(line)
            continue
        found.append((part, row.text, []))
        if part.kind == "clause" and part.pk is not None:
            by_clause[part.pk] = found[-1]
    return found


Candidate = tuple[Provision, str, tuple[str, ...], str]  # provision, its own text, its listed lines, all joined


def passage_candidates(article: Provision, wording: "selectors.ArticleOnDate") -> list[Candidate]:
    """The passages `passage_pick` chooses from, with their whole text: they depend on the article's wording on the
    day only, so a caller may keep them with the wording."""
    return [(p, text, tuple(points), "\n".join([text, *points])) for p, text, points in _candidates(article, wording)]


def passage_pick(
    *,
    article: Provision,
    wording: "selectors.ArticleOnDate",
    terms: QueryWords,
    explained: QueryWords | None = None,
    candidates: list[Candidate] | None = None,
) -> Passage:
    """The khoản, worded as on the day asked, that shares most with the question and, at half weight, with the
    short answer shown above it (`explained`: its words as the index weighs them); a repealed khoản never is.
    `candidates`: `passage_candidates` of this article and wording, when the caller kept them."""
    if candidates is None:
        candidates = passage_candidates(article, wording)
    if not candidates:
        return Passage(article.slug, article.label, [(article.title, False)], [])

    def score(candidate: Candidate) -> float:
        text = candidate[3]
        return overlap(text, terms) + (EXPLANATION_WEIGHT * overlap(text, explained) if explained else 0.0)

    provision, text, points, _whole = max(candidates, key=score)
    label = article.label if provision is article else provision.label
    return Passage(provision.slug, label, marked(text, terms), [marked(point, terms) for point in points])
