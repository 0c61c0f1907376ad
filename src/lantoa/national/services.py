"""A province's periodic return (export, signed) and the national side's import of it (verified, then kept)."""

import datetime as dt
import json
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.national import signing
from lantoa.national.models import ProvinceKey, ProvinceReturn
from lantoa.orgs import services as org_services
from lantoa.orgs.models import Enterprise, OrgUnit
from lantoa.plans.models import ReportingPeriod, Target
from lantoa.plans.selectors.figures import UnitIndex, figures_for_period, indicators_active

FORMAT = "lantoa.national-return/1"
MAX_RETURN_BYTES = 1024 * 1024  # a return is a few kilobytes: a larger file is not one


def return_payload(*, period: ReportingPeriod) -> dict[str, Any]:
    """The province's figures for the period, counted afresh over the whole province (the figures of its report)."""
    province = org_services.province_get()
    indicators = indicators_active()
    figures = figures_for_period(period=period, indicators=indicators, index=UnitIndex.load(), within=province)
    targets = dict(Target.objects.filter(period=period, unit=province).values_list("indicator__code", "value"))
    enterprises = Enterprise.objects.filter(unit__path__startswith=province.path)
    return {
        "format": FORMAT,
        "province": {"code": org_services.province_code(), "name": province.name},
        "period": {
            "code": period.code,
            "kind": period.kind,
            "label": period.label,
            "starts_on": period.starts_on.isoformat(),
            "ends_on": period.ends_on.isoformat(),
        },
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "context": {
            "enterprises": enterprises.count(),
            "grassroots_unions": OrgUnit.objects.filter(
                kind=OrgUnit.Kind.GRASSROOTS_UNION, path__startswith=province.path
            ).count(),
        },
        "indicators": [
            {
                "code": indicator.code,
                "name": indicator.name,
                "measure": indicator.measure,
                "value": figures.value(indicator, province),
                "target": targets.get(indicator.code),
            }
            for indicator in indicators
        ],
    }


def return_document(*, period: ReportingPeriod) -> dict[str, Any]:
    seed = settings.NATIONAL_SIGNING_KEY
    if not seed:
        raise ValidationError(_("Chưa cấu hình khóa ký NATIONAL_SIGNING_KEY."), code="no_signing_key")
    payload = return_payload(period=period)
    return {
        "payload": payload,
        "signature": signing.sign(payload, seed=seed),
        "public_key": signing.public_key_of(seed),
    }


def _document_read(raw: bytes) -> dict[str, Any]:
    if len(raw) > MAX_RETURN_BYTES:
        raise ValidationError(_("Tệp quá lớn để là số liệu của một tỉnh."), code="return_too_large")
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError(_("Tệp không phải số liệu Lan Tỏa (JSON, UTF-8)."), code="return_unreadable") from error
    payload = document.get("payload") if isinstance(document, dict) else None
    if (
        not isinstance(payload, dict)
        or payload.get("format") != FORMAT
        or not isinstance(document.get("signature"), str)
    ):
        raise ValidationError(_("Tệp không đúng mẫu số liệu của tỉnh."), code="return_format")
    return document


@transaction.atomic
def return_import(raw: bytes) -> ProvinceReturn:
    """Verify a province's signed return against the key on record for that province, then keep it (a newer
    return for the same period replaces the older; an older one is refused)."""
    document = _document_read(raw)
    payload = document["payload"]
    try:
        code = int(payload["province"]["code"])
        period = payload["period"]
        generated_at = dt.datetime.fromisoformat(payload["generated_at"])
    except (KeyError, TypeError, ValueError) as error:
        raise ValidationError(_("Tệp không đúng mẫu số liệu của tỉnh."), code="return_format") from error
    key = ProvinceKey.objects.filter(province_code=code).first()
    if key is None:
        raise ValidationError(
            _("Chưa có khóa công khai của tỉnh mã %(code)s."), code="unknown_province", params={"code": code}
        )
    if not signing.is_valid(payload, signature=document["signature"], public_key=key.public_key):
        raise ValidationError(_("Chữ ký không đúng: tệp đã bị sửa hoặc không do tỉnh này lập."), code="bad_signature")
    existing = ProvinceReturn.objects.select_for_update().filter(province_code=code, period_code=period["code"]).first()
    if existing and existing.generated_at >= generated_at:
        raise ValidationError(_("Đã có số liệu mới hơn hoặc cùng lúc của tỉnh cho kỳ này."), code="return_not_newer")
    kept, _created = ProvinceReturn.objects.update_or_create(
        province_code=code,
        period_code=period["code"],
        defaults={
            "province_name": payload["province"]["name"],
            "period_label": period["label"],
            "generated_at": generated_at,
            "payload": payload,
            "signature": document["signature"],
        },
    )
    return kept
