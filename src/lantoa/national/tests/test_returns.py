"""A province signs its periodic figures; the national side verifies, keeps and adds them up."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings

from lantoa.national import selectors, services, signing
from lantoa.national.models import ProvinceKey, ProvinceReturn
from lantoa.orgs.models import User
from lantoa.plans.models import Indicator, ReportingPeriod
from lantoa.plans.services import plans

SEED, PUBLIC_KEY = signing.key_pair_new()


@pytest.fixture
def period(province):
    system = User.objects.create_superuser(username="he-thong", password="x")
    plans.indicators_sync()
    quarter = plans.period_ensure(code="2026-Q3")
    entered = Indicator.objects.filter(kind=Indicator.Kind.ENTERED).order_by("code").first()
    assert entered is not None
    plans.entered_value_set(indicator=entered, unit=province, period=quarter, value=42, by=system)
    return quarter


def _exported(period: ReportingPeriod) -> bytes:
    with override_settings(NATIONAL_SIGNING_KEY=SEED):
        return json.dumps(services.return_document(period=period)).encode()


def test_a_signed_return_is_verified_kept_and_added_up(period):
    raw = _exported(period)
    ProvinceKey.objects.create(province_code=91, province_name="Tỉnh An Giang", public_key=PUBLIC_KEY)
    kept = services.return_import(raw)
    assert kept.province_name == "Tỉnh An Giang" and kept.period_code == "2026-Q3"
    entered = Indicator.objects.filter(kind=Indicator.Kind.ENTERED).order_by("code").first()
    assert entered is not None
    figures = {item["code"]: item["value"] for item in kept.payload["indicators"]}
    assert figures[entered.code] == 42

    other = json.loads(raw)
    other_seed, other_key = signing.key_pair_new()
    other["payload"]["province"] = {"code": 92, "name": "Thành phố Cần Thơ"}
    other["signature"] = signing.sign(other["payload"], seed=other_seed)
    ProvinceKey.objects.create(province_code=92, province_name="Thành phố Cần Thơ", public_key=other_key)
    services.return_import(json.dumps(other).encode())

    total = selectors.combined(period_code="2026-Q3")
    assert [entry.province_code for entry in total.provinces] == [91, 92]
    assert total.totals[entered.code] == 84 and total.reporting[entered.code] == 2


def test_a_tampered_or_unknown_return_is_refused_with_a_vietnamese_reason(period):
    raw = _exported(period)
    with pytest.raises(ValidationError) as unknown:
        services.return_import(raw)
    assert unknown.value.code == "unknown_province"

    ProvinceKey.objects.create(province_code=91, province_name="Tỉnh An Giang", public_key=PUBLIC_KEY)
    tampered = json.loads(raw)
    tampered["payload"]["indicators"][0]["value"] = 999_999
    with pytest.raises(ValidationError) as bad:
        services.return_import(json.dumps(tampered).encode())
    assert bad.value.code == "bad_signature" and "Chữ ký không đúng" in bad.value.messages[0]

    for garbage, code in [
        (b"\xff\xfe", "return_unreadable"),
        (b"[]", "return_format"),
        (b"x" * 2_000_000, "return_too_large"),
    ]:
        with pytest.raises(ValidationError) as refused:
            services.return_import(garbage)
        assert refused.value.code == code
    assert not ProvinceReturn.objects.exists()


def test_an_older_return_never_replaces_a_newer_one(period):
    ProvinceKey.objects.create(province_code=91, province_name="Tỉnh An Giang", public_key=PUBLIC_KEY)
    document = json.loads(_exported(period))
    services.return_import(json.dumps(document).encode())
    with pytest.raises(ValidationError) as again:
        services.return_import(json.dumps(document).encode())
    assert again.value.code == "return_not_newer"


def test_the_commands_export_import_and_sum(period, tmp_path, capsys):
    ProvinceKey.objects.create(province_code=91, province_name="Tỉnh An Giang", public_key=PUBLIC_KEY)
    out = tmp_path / "an-giang-2026-Q3.json"
    with override_settings(NATIONAL_SIGNING_KEY=SEED):
        call_command("national_export", period="2026-Q3", out=out)
    call_command("national_import", str(out))
    call_command("national_summary", period="2026-Q3")
    printed = capsys.readouterr().out
    assert "Kỳ 2026-Q3: 1 tỉnh, thành phố đã gửi số liệu" in printed
    assert "42 (1 tỉnh)" in printed
