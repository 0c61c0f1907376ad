"""Demo content: the seed lessons under /bai-hoc/, published (marked official only once a reviewer approves)."""

from lantoa.content import services


def load(*, logins: list[tuple[str, str, str]]) -> str:
    result = services.lessons_import()
    if result.problems:
        raise RuntimeError("; ".join(f"{p.file}: {p.message}" for p in result.problems))
    return f"lessons created={result.created} updated={result.updated} unchanged={result.unchanged}"
