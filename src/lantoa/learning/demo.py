"""Demo question bank: each seed lesson's quiz (the lessons come first, from content's demo loader)."""

from lantoa.learning import services


def load(*, logins: list[tuple[str, str, str]]) -> str:
    result = services.questions_import()
    if result.problems:
        raise RuntimeError("; ".join(f"{p.file}: {p.message}" for p in result.problems))
    return f"questions created={result.created} updated={result.updated} unchanged={result.unchanged}"
