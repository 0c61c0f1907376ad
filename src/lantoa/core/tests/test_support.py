import pytest

from lantoa.core.tests.support import require


def test_a_missing_requirement_fails_under_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="the shared corpus absent"):
        require(False, "the shared corpus")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        require(False, "the shared corpus")
    require(True, "the shared corpus")
