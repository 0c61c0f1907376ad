"""Adviser follow-up codes: as strong as voice receipts, kept only as a keyed hash, old codes still open their question."""

import hashlib
import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import Http404
from pytest_django import DjangoAssertNumQueries, Settings

from lantoa.legal import selectors
from lantoa.legal.models import AdviserQuestion
from lantoa.legal.services import questions
from lantoa.orgs.models import OrgUnit
from lantoa.voice.privacy import receipts_masked

QUESTION = "Hợp đồng thử việc được kéo dài bao lâu theo luật?"
CODE_SHAPE = re.compile(rf"[{questions.CODE_ALPHABET}]{{4}}(?:-[{questions.CODE_ALPHABET}]{{4}}){{4}}")


def test_a_code_has_100_random_bits_and_only_its_keyed_hash_is_stored(province: OrgUnit) -> None:
    receipts = [questions.question_ask(text=QUESTION) for _ in range(3)]
    assert all(CODE_SHAPE.fullmatch(receipt.code) for receipt in receipts)
    assert len({receipt.code for receipt in receipts}) == 3
    assert len(questions.CODE_ALPHABET) ** (questions.CODE_GROUPS * questions.GROUP_SIZE) == 2**100
    for receipt in receipts:
        stored = AdviserQuestion.objects.get(pk=receipt.question.pk).code_hash
        plain = hashlib.sha256(receipt.code.replace("-", "").encode()).hexdigest()
        assert stored.startswith("hmac$") and plain not in stored and receipt.code.replace("-", "") not in stored


def test_the_hash_is_keyed_with_the_site_salt(province: OrgUnit, settings: Settings) -> None:
    receipt = questions.question_ask(text=QUESTION)
    assert selectors.question_for_code(code=receipt.code).pk == receipt.question.pk
    settings.VOICE_RECEIPT_SALT = "another-site-salt-of-enough-length"
    with pytest.raises(Http404):
        selectors.question_for_code(code=receipt.code)


def test_a_code_typed_loosely_still_opens_its_question(province: OrgUnit) -> None:
    receipt = questions.question_ask(text=QUESTION)
    typed = " " + receipt.code.lower().replace("-", " ") + " "
    assert selectors.question_for_code(code=typed).pk == receipt.question.pk


def test_a_code_is_masked_in_logs_like_a_receipt(province: OrgUnit) -> None:
    receipt = questions.question_ask(text=QUESTION)
    assert receipt.code not in receipts_masked(f"POST /phap-luat/tu-van/xem/ code={receipt.code}")


@pytest.mark.parametrize("kind", ["right", "wrong", "malformed"])
def test_every_lookup_runs_the_same_single_query(
    province: OrgUnit, django_assert_num_queries: DjangoAssertNumQueries, kind: str
) -> None:
    receipt = questions.question_ask(text=QUESTION)
    code = {"right": receipt.code, "wrong": questions.code_new(), "malformed": "ABCD"}[kind]
    with django_assert_num_queries(1):
        try:
            selectors.question_for_code(code=code)
        except Http404:
            assert kind != "right"


@pytest.mark.django_db(transaction=True)
def test_questions_asked_before_keyed_codes_are_re_keyed_and_open_with_their_old_code(province: OrgUnit) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([("legal", "0007_widen_adviser_code_hash")])
    old_apps = executor.loader.project_state([("legal", "0007_widen_adviser_code_hash")]).apps
    Question = old_apps.get_model("legal", "AdviserQuestion")
    old_code = "K7PA-3MXQ"  # 8 signs, stored as its plain SHA-256 as the old code did
    Question.objects.create(
        unit_id=province.pk,
        question=QUESTION,
        code_hash=hashlib.sha256(b"K7PA3MXQ").hexdigest(),
        due_at="2026-01-10T00:00:00+07:00",
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    stored = AdviserQuestion.objects.get()
    assert stored.code_hash.startswith("hmac$")
    assert hashlib.sha256(b"K7PA3MXQ").hexdigest() not in stored.code_hash
    assert selectors.question_for_code(code=old_code.lower()).pk == stored.pk
    # Running the re-keying again leaves keyed rows alone.
    from importlib import import_module

    import_module("lantoa.legal.migrations.0008_adviser_codes_keyed").rekey(old_apps, None)
    assert AdviserQuestion.objects.get().code_hash == stored.code_hash
