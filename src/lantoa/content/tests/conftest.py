import shutil
from pathlib import Path

import pytest

from lantoa.content import services
from lantoa.content.importers import SEED_DIR
from lantoa.content.models import LessonPage

SAMPLE = ("01-hop-dong-phai-bang-van-ban.toml", "35-chi-thi-58-la-gi.toml")


@pytest.fixture
def seed_sample(tmp_path: Path) -> Path:
    """Two real seed lessons: one citing the Labour Code, one on Directive 58."""
    for name in SAMPLE:
        shutil.copy(SEED_DIR / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def lessons(db: None, seed_sample: Path) -> dict[str, LessonPage]:
    result = services.lessons_import(folder=seed_sample)
    assert not result.problems
    return {page.slug: page for page in LessonPage.objects.all()}
