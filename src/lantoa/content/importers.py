"""Parse seed lesson files (TOML, one lesson a file) into plain rows and problems; writes nothing."""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lantoa.content.topics import SEGMENTS, TOPICS
from lantoa.core.text import clean_line, nfc

SEED_DIR = Path(__file__).parent / "seed" / "lessons"
TEXT_KEYS = ("situation", "rule", "what_to_do", "where_to_get_help")
QUIZ_KINDS = ("single", "multiple", "true_false")


@dataclass(frozen=True)
class Problem:
    file: str
    message: str


@dataclass
class LessonRow:
    slug: str
    title: str
    topic: str
    segments: list[str]
    minutes: int
    summary: str
    texts: dict[str, str]
    citations: list[dict[str, str]]
    quiz: list[dict] = field(default_factory=list)
    file: str = ""


def _text(value: object) -> str:
    return "\n".join(line.rstrip() for line in nfc(str(value)).strip().splitlines())


def lesson_parse(path: Path) -> tuple[LessonRow | None, list[Problem]]:
    name = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return None, [Problem(name, f"not valid TOML: {error}")]
    problems = [
        Problem(name, f"missing key {key!r}")
        for key in ("slug", "title", "topic", "summary", *TEXT_KEYS)
        if not data.get(key)
    ]
    if problems:
        return None, problems
    if data["topic"] not in TOPICS:
        problems.append(Problem(name, f"unknown topic {data['topic']!r}"))
    problems += [
        Problem(name, f"unknown segment {slug!r}") for slug in data.get("segments", []) if slug not in SEGMENTS
    ]
    citations = [
        {key: clean_line(str(citation.get(key, ""))) for key in ("doc_number", "article", "clause", "note")}
        for citation in data.get("citations", [])
    ]
    if not citations or any(not citation["doc_number"] for citation in citations):
        problems.append(Problem(name, "every lesson needs at least one citation with a doc_number"))
    quiz = []
    for number, question in enumerate(data.get("quiz", []), start=1):
        choices = [clean_line(str(choice)) for choice in question.get("choices", [])]
        correct = sorted(set(question.get("correct", [])))
        kind = question.get("kind", "")
        if kind not in QUIZ_KINDS:
            problems.append(Problem(name, f"quiz {number}: unknown kind {kind!r}"))
        if len(choices) < 2 or not correct or any(not 0 <= index < len(choices) for index in correct):
            problems.append(Problem(name, f"quiz {number}: needs ≥ 2 choices and correct indexes among them"))
        if kind != "multiple" and len(correct) != 1:
            problems.append(Problem(name, f"quiz {number}: a {kind} question has exactly one correct choice"))
        quiz.append(
            {
                "kind": kind,
                "prompt": clean_line(str(question.get("prompt", ""))),
                "choices": choices,
                "correct": correct,
                "explanation": _text(question.get("explanation", "")),
                "cite_doc": clean_line(str(question.get("cite_doc", ""))),
                "cite_article": clean_line(str(question.get("cite_article", ""))),
            }
        )
    row = LessonRow(
        slug=clean_line(data["slug"]),
        title=clean_line(data["title"]),
        topic=data["topic"],
        segments=list(data.get("segments", [])),
        minutes=int(data.get("minutes", 2)),
        summary=clean_line(data["summary"]),
        texts={key: _text(data[key]) for key in TEXT_KEYS},
        citations=citations,
        quiz=quiz,
        file=name,
    )
    return (None if problems else row), problems


def lessons_parse(folder: Path = SEED_DIR) -> tuple[list[LessonRow], list[Problem]]:
    rows, problems = [], []
    for path in sorted(folder.glob("*.toml")):
        row, found = lesson_parse(path)
        problems += found
        if row:
            rows.append(row)
    return rows, problems
