import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lantoa.activities.models import GoodModel, Initiative
from lantoa.activities.services import emulation as services
from lantoa.activities.services import welfare as welfare_services

DAY = dt.date(2026, 4, 2)


def story(unit, title="Mười phút pháp luật giữa ca", publish=True):
    return services.good_model_save(
        unit=unit, title=title, summary="Tóm tắt", story="Câu chuyện", how_to_replicate="Cách làm", publish=publish
    )


def test_nomination_is_decided_once(grassroots_union):
    nomination = services.nomination_propose(
        unit=grassroots_union,
        nominee_name="Lâm Văn Thắng",
        title="good_worker",
        year=2026,
        achievements="Vượt định mức",
    )
    services.nomination_decide(nomination=nomination, approved=True, decided_on=DAY)
    assert nomination.status == "approved"
    with pytest.raises(ValidationError) as error:
        services.nomination_decide(nomination=nomination, approved=False)
    assert error.value.code == "already_decided"


def test_initiative_evaluation_checks_the_score(enterprise_a):
    initiative = services.initiative_submit(
        enterprise=enterprise_a,
        title="Khay chia ngăn",
        authors="Tổ fillet",
        description="Giảm thao tác",
        submitted_on=DAY,
    )
    with pytest.raises(ValidationError) as error:
        services.initiative_evaluate(initiative=initiative, accepted=True, score=120)
    assert error.value.code == "score_range"
    services.initiative_evaluate(initiative=initiative, accepted=True, score=86, evaluated_on=DAY)
    assert initiative.status == Initiative.Status.ACCEPTED


def test_good_models_get_unique_vietnamese_slugs(grassroots_union, enterprise_b):
    first = story(grassroots_union)
    second = story(enterprise_b.unit)
    assert first.slug == "muoi-phut-phap-luat-giua-ca"
    assert second.slug == "muoi-phut-phap-luat-giua-ca-2"
    assert first.published_on is not None


def test_showcase_is_public_and_lists_only_published_models(client, grassroots_union):
    published = story(grassroots_union)
    story(grassroots_union, title="Bản nháp chưa công khai", publish=False)
    page = client.get(reverse("activities:showcase")).content.decode()
    assert published.title in page
    assert "Bản nháp chưa công khai" not in page
    assert "htmx" not in page
    detail = client.get(reverse("activities:showcase-detail", args=[published.slug]))
    assert "Cách làm" in detail.content.decode()
    draft = GoodModel.objects.get(is_published=False)
    assert client.get(reverse("activities:showcase-detail", args=[draft.slug])).status_code == 404


def test_sitemap_lists_the_showcase_and_published_models(client, grassroots_union):
    published = story(grassroots_union)
    body = client.get("/sitemap.xml").content.decode()
    assert reverse("activities:showcase") in body
    assert reverse("activities:showcase-detail", args=[published.slug]) in body


def test_welfare_record_replaces_the_figures_of_a_period(enterprise_a):
    welfare_services.welfare_record(
        enterprise=enterprise_a, period_start=DAY, period_end=DAY, meal_allowance_per_shift_vnd=18_000
    )
    record = welfare_services.welfare_record(
        enterprise=enterprise_a, period_start=DAY, period_end=DAY, meal_allowance_per_shift_vnd=22_000
    )
    assert record.meal_allowance_per_shift_vnd == 22_000
    assert enterprise_a.welfare_records.count() == 1


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"period_end": DAY - dt.timedelta(days=1)}, "period_invalid"),
        ({"rent_support_workers": 10_000, "rent_support_per_month_vnd": 1}, "rent_workers_too_many"),
        ({"rent_support_workers": 10}, "rent_amount_missing"),
    ],
)
def test_welfare_record_rejects_impossible_figures(enterprise_a, fields, code):
    with pytest.raises(ValidationError) as error:
        welfare_services.welfare_record(enterprise=enterprise_a, period_start=DAY, **{"period_end": DAY, **fields})
    assert error.value.code == code


def test_grassroots_officer_records_welfare_and_sees_it_in_dong(client, grassroots_officer, enterprise_a):
    client.force_login(grassroots_officer)
    response = client.post(
        reverse("activities:welfare-new"),
        {
            "enterprise": enterprise_a.pk,
            "period_start": "2026-01-01",
            "period_end": "2026-06-30",
            "meal_allowance_per_shift_vnd": "22000",
            "culture_sport_funding_vnd": "85000000",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("activities:welfare-list")).content.decode()
    assert "22.000 đ" in page
    assert "85.000.000 đ" in page


def test_emulation_page_lets_an_officer_approve_a_nomination(client, grassroots_officer, grassroots_union):
    nomination = services.nomination_propose(
        unit=grassroots_union,
        nominee_name="Nguyễn Thị Bích Tuyền",
        title="creative_worker",
        year=2026,
        achievements="X",
    )
    client.force_login(grassroots_officer)
    assert "Nguyễn Thị Bích Tuyền" in client.get(reverse("activities:emulation")).content.decode()
    client.post(reverse("activities:nomination-decide", args=[nomination.pk]), {"approved": "1"})
    nomination.refresh_from_db()
    assert nomination.status == "approved"
