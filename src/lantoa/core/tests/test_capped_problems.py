"""An import's problems past the cap are counted, never built."""

import functools

from lantoa.core.imports import CappedProblems


def test_capped_problems_build_only_what_they_keep_and_count_everything():
    built: list[int] = []

    def problem(number: int) -> str:
        built.append(number)
        return f"vấn đề {number}"

    problems: CappedProblems[str] = CappedProblems(cap=3)
    for number in range(10):
        problems.add(functools.partial(problem, number))
    problems.append("vấn đề đã có sẵn")
    assert list(problems) == ["vấn đề 0", "vấn đề 1", "vấn đề 2"]
    assert built == [0, 1, 2]
    assert (problems.total, problems.not_kept) == (11, 8)
