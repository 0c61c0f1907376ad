"""Loading and editing the effective-dated labour parameters."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from lantoa.calculators import selectors, services
from lantoa.calculators.models import LabourParameter

Key = LabourParameter.Key


def test_parameters_load_is_idempotent(db):
    first = services.parameters_load()
    second = services.parameters_load()
    assert first.created == LabourParameter.objects.count() > 40
    assert (second.created, second.updated, second.unchanged) == (0, 0, first.created)


def test_parameters_load_keeps_an_administrators_correction_unless_asked_to_overwrite(db):
    services.parameters_load()
    row = LabourParameter.objects.get(key=Key.MIN_WAGE_MONTH, region=1, valid_from=dt.date(2026, 1, 1))
    row.value = Decimal(5_400_000)
    row.save()
    assert services.parameters_load().kept == 1
    row.refresh_from_db()
    assert row.value == 5_400_000
    assert services.parameters_load(overwrite=True).updated == 1
    row.refresh_from_db()
    assert row.value == 5_310_000


def test_load_labour_parameters_command_reports_counts(db, capsys):
    call_command("load_labour_parameters")
    assert "created=" in capsys.readouterr().out


def test_stored_book_finds_the_rule_in_force_on_a_date(db):
    services.parameters_load()
    book = selectors.parameter_book()
    assert book.get(Key.MIN_WAGE_MONTH, on=dt.date(2025, 12, 31), region=3).value == 3_860_000
    assert book.get(Key.MIN_WAGE_MONTH, on=dt.date(2026, 1, 1), region=3).value == 4_140_000
    reference = book.get(Key.REFERENCE_LEVEL, on=dt.date(2026, 1, 1))
    assert reference.value == 2_340_000 and reference.citation.needs_confirmation
    unemployment = book.get(Key.UI_WORKER, on=dt.date(2026, 1, 1))
    assert "tối đa 1%" in unemployment.citation.note


def test_article_path_points_to_the_law_library_permalink(db):
    services.parameters_load()
    row = LabourParameter.objects.filter(key=Key.OT_WEEKDAY).get()
    assert row.article_path == "/phap-luat/45-2019-qh14/dieu-98"
    decree = LabourParameter.objects.filter(key=Key.MIN_WAGE_HOUR, region=1, valid_from=dt.date(2026, 1, 1)).get()
    assert decree.article_path == "/phap-luat/293-2025-nd-cp/dieu-3"


def test_period_check_refuses_an_overlapping_period(db):
    services.parameters_load()
    with pytest.raises(ValidationError) as error:
        services.parameter_period_check(key=Key.MIN_WAGE_MONTH, region=2, valid_from=dt.date(2025, 6, 1), valid_to=None)
    assert error.value.code == "period_overlap"


def test_period_check_accepts_a_new_rule_after_the_old_one_is_closed(db):
    services.parameters_load()
    LabourParameter.objects.filter(key=Key.OT_MONTH).update(valid_to=dt.date(2026, 12, 31))
    services.parameter_period_check(key=Key.OT_MONTH, region=None, valid_from=dt.date(2027, 1, 1), valid_to=None)


@pytest.mark.parametrize(
    ("key", "region", "start", "end", "code"),
    [
        (Key.MIN_WAGE_MONTH, None, dt.date(2030, 1, 1), None, "region_mismatch"),
        (Key.OT_MONTH, 2, dt.date(2030, 1, 1), None, "region_mismatch"),
        (Key.OT_MONTH, None, dt.date(2030, 1, 1), dt.date(2029, 1, 1), "period_reversed"),
    ],
)
def test_period_check_refuses_bad_shapes(db, key, region, start, end, code):
    with pytest.raises(ValidationError) as error:
        services.parameter_period_check(key=key, region=region, valid_from=start, valid_to=end)
    assert error.value.code == code


def test_admin_form_shows_the_overlap_in_vietnamese(admin_client):
    services.parameters_load()
    response = admin_client.post(
        "/django-admin/calculators/labourparameter/add/",
        {
            "key": Key.MIN_WAGE_MONTH,
            "region": "1",
            "value": "6000000",
            "valid_from": "2026-06-01",
            "document": "Nghị định thử",
            "article": "Điều 3",
        },
    )
    assert response.status_code == 200
    assert "trùng với mức đã có từ 01/01/2026" in response.content.decode()


def test_admin_adds_a_future_minimum_wage_after_closing_the_current_one(admin_client):
    services.parameters_load()
    LabourParameter.objects.filter(key=Key.MIN_WAGE_MONTH, region=1, valid_to__isnull=True).update(
        valid_to=dt.date(2026, 12, 31)
    )
    response = admin_client.post(
        "/django-admin/calculators/labourparameter/add/",
        {
            "key": Key.MIN_WAGE_MONTH,
            "region": "1",
            "value": "5700000",
            "valid_from": "2027-01-01",
            "document": "Nghị định thử",
            "article": "Điều 3",
        },
    )
    assert response.status_code == 302
    created = LabourParameter.objects.get(key=Key.MIN_WAGE_MONTH, region=1, valid_from=dt.date(2027, 1, 1))
    assert created.unit == LabourParameter.Unit.VND
    assert selectors.parameter_book().get(Key.MIN_WAGE_MONTH, on=dt.date(2027, 2, 1), region=1).value == 5_700_000


def test_demo_loader_loads_the_real_figures_once(db):
    from lantoa.calculators import demo

    assert "created=" in demo.load(logins=[])
    assert "created=0" in demo.load(logins=[])


def test_load_on_a_database_from_before_nd_161_closes_the_old_base_salary_and_adds_the_new_one(db):
    services.parameters_load()
    reference = LabourParameter.objects.filter(key=LabourParameter.Key.REFERENCE_LEVEL)
    reference.filter(valid_from=dt.date(2026, 7, 1)).delete()
    reference.filter(valid_from=dt.date(2025, 7, 1)).update(valid_to=None)  # as a database loaded before 161/2026

    result = services.parameters_load()

    assert (result.created, result.updated) == (1, 1)
    assert reference.get(valid_from=dt.date(2025, 7, 1)).valid_to == dt.date(2026, 6, 30)
    new = reference.get(valid_from=dt.date(2026, 7, 1))
    assert (new.value, new.document, new.needs_confirmation) == (Decimal(2_530_000), "Nghị định 161/2026/NĐ-CP", True)
    assert "cần đối chiếu" in new.note


def test_the_book_is_kept_in_memory_until_a_figure_or_a_legal_document_changes(db, settings, django_assert_num_queries):
    from lantoa.legal.models import Document

    settings.GENERATION_CHECK_SECONDS = 60
    services.parameters_load()
    selectors.parameters_generation.bump()
    first = selectors.parameter_book()
    with django_assert_num_queries(0):
        assert selectors.parameter_book() is first
    row = LabourParameter.objects.get(key=Key.MIN_WAGE_MONTH, region=1, valid_from=dt.date(2026, 1, 1))
    row.value = Decimal(5_400_000)
    row.save()
    changed = selectors.parameter_book()
    assert changed.get(Key.MIN_WAGE_MONTH, on=dt.date(2026, 2, 1), region=1).value == 5_400_000
    Document.objects.create(doc_type="Nghị định", number="99/2026/NĐ-CP", slug="99-2026-nd-cp", title="Nghị định thử")
    assert selectors.parameter_book() is not changed
