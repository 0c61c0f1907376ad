"""Rumour desk personas (the library's small fixture documents, a desk officer) and thought notes of one week."""

import datetime as dt
from collections.abc import Callable, Sequence

import pytest

from lantoa.legal.models import Provision
from lantoa.legal.tests.factories import import_library
from lantoa.opinion.models import ThoughtNote, Topic
from lantoa.opinion.services import notes as note_services
from lantoa.orgs.models import Enterprise, OrgUnit, Role, User

NOTE_WEEK = dt.date(2026, 11, 2)


@pytest.fixture
def library(db: None) -> None:
    import_library()


@pytest.fixture
def bhxh_article(library: None) -> Provision:
    return Provision.objects.get(document__number="41/2024/QH15", kind=Provision.Kind.ARTICLE, number="1")


@pytest.fixture
def desk_officer(propaganda_board: OrgUnit, make_official: Callable[..., User]) -> User:
    return make_official(unit=propaganda_board, role=Role.MONITOR, name="Cán bộ Ban Tuyên giáo")


@pytest.fixture
def record_note(db: None) -> Callable[..., ThoughtNote]:
    """Record a note on the week of 2 November 2026, about "Rút BHXH một lần" unless other topics are named."""

    def record(
        user: User,
        enterprise: Enterprise,
        *,
        topics: Sequence[str] = ("Rút BHXH một lần",),
        mood: int = 2,
        concerned: int = 40,
        quotes: str = "",
    ) -> ThoughtNote:
        return note_services.note_record(
            user=user,
            enterprise=enterprise,
            period_start=NOTE_WEEK,
            period_end=NOTE_WEEK + dt.timedelta(days=6),
            topics=list(Topic.objects.filter(name__in=topics)),
            mood=mood,
            concerned=concerned,
            quotes=quotes,
        )

    return record
