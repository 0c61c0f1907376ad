"""What every import reports: its counts and the problems it found, one shape for every app's importer."""

from dataclasses import dataclass, field
from typing import Generic, TypeVar

P = TypeVar("P")  # the app's own Problem: where in the file, and what is wrong there


@dataclass
class ImportResult(Generic[P]):
    """Rows created, updated and left unchanged, and the problems found; apps extend it with what else they report."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[P] = field(default_factory=list)
