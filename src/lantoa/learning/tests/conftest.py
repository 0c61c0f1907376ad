import shutil
from pathlib import Path

import pytest

from lantoa.content import services as content_services
from lantoa.content.importers import SEED_DIR
from lantoa.content.models import LessonPage
from lantoa.learning import services


@pytest.fixture
def lesson(db: None, tmp_path: Path) -> LessonPage:
    """The seed lesson on written contracts, with its 4 questions in the bank."""
    shutil.copy(SEED_DIR / "01-hop-dong-phai-bang-van-ban.toml", tmp_path)
    content_services.lessons_import(folder=tmp_path)
    services.questions_import(folder=tmp_path)
    return LessonPage.objects.get(slug="hop-dong-phai-bang-van-ban")


def right_answers(lesson: LessonPage) -> dict[str, list[str]]:
    return {
        f"q{question.pk}": [str(choice.pk) for choice in question.choices.all() if choice.is_correct]
        for question in lesson.questions.all()
    }
