"""What every import reports: its counts and the problems it found, one shape for every app's importer."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, Self, TypeVar

P = TypeVar("P")  # the app's own Problem: where in the file, and what is wrong there


@dataclass
class ImportResult(Generic[P]):
    """Rows created, updated and left unchanged, and the problems found; apps extend it with what else they report."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[P] = field(default_factory=list)


class CappedProblems(list[P]):
    """The first `cap` problems, kept in the order found, and an exact count of all of them.

    A huge bad file has a problem in every cell: keeping (and storing in a job's summary) hundreds of thousands
    of messages helps nobody. `append` and `extend` keep at most `cap`; `total` counts every one added. `add` takes
    a function that builds the problem, called only while there is room, so no message is built past the cap.
    """

    def __init__(self, problems: Iterable[P] = (), *, cap: int) -> None:
        super().__init__()
        self.cap = cap
        self.not_kept = 0
        self.extend(problems)

    def append(self, problem: P) -> None:
        if len(self) < self.cap:
            super().append(problem)
        else:
            self.not_kept += 1

    def add(self, build: Callable[[], P]) -> None:
        if len(self) < self.cap:
            super().append(build())
        else:
            self.not_kept += 1

    def extend(self, problems: Iterable[P]) -> None:
        for problem in problems:
            self.append(problem)

    # `+=` keeps the cap too; list types it against `__add__`, which still returns a plain list
    def __iadd__(self, problems: Iterable[P]) -> Self:  # type: ignore[override,misc]
        self.extend(problems)
        return self

    @property
    def total(self) -> int:
        return len(self) + self.not_kept
