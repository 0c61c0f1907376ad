"""Voice personas on top of the shared ones: an enterprise's grassroots union and its officer."""

import io
from collections.abc import Callable
from typing import Any

import pytest
from PIL import Image

from lantoa.orgs import services as org_services
from lantoa.orgs.models import Enterprise, OrgUnit, Role, User
from lantoa.voice.services import reports as report_services


@pytest.fixture
def grassroots_union(enterprise_a: Enterprise) -> OrgUnit:
    unit, _created = org_services.unit_save(
        code=f"CDCS-{enterprise_a.tax_code}",
        name="Công đoàn cơ sở Công ty A",
        kind=OrgUnit.Kind.GRASSROOTS_UNION,
        parent=enterprise_a.unit,
        commune=enterprise_a.commune,
    )
    return unit


@pytest.fixture
def grassroots_officer(grassroots_union: OrgUnit, make_official: Callable[..., User]) -> User:
    return make_official(unit=grassroots_union, role=Role.UNION_OFFICER, name="Chủ tịch CĐCS A")


@pytest.fixture
def submit() -> Callable[..., report_services.Submitted]:
    def make(**fields: Any) -> report_services.Submitted:
        fields.setdefault("category", "luong-cham-thieu")
        fields.setdefault("text", "Lương tháng 10 trả chậm hai tuần.")
        return report_services.report_submit(**fields)

    return make


def jpeg_with_exif(*, size: tuple[int, int] = (64, 48)) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"  # Make
    exif[0x0131] = "GPS-Leaky-Software"  # Software
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    return buffer.getvalue()
