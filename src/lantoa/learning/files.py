"""A contest certificate as PDF, built by the worker once the entry earned it, and again when its holder is renamed."""

import hashlib
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from lantoa.core.links import absolute_url
from lantoa.core.public_files import PublicFile, PublicFileSource
from lantoa.learning import certificates
from lantoa.learning.models import ContestEntry

if TYPE_CHECKING:
    from django.db.models import QuerySet

SOURCE = "learning.certificate"


def _folder(pk: int) -> str:
    return f"public/certificates/{pk}"


def certificate_file(entry: ContestEntry) -> PublicFile:
    verify_url = absolute_url(f"/cuoc-thi/xac-minh/{entry.certificate_code}")
    # The code never changes but the printed name and the site's address may: either change is a new stored file (the
    # old one is then deleted), so a certificate never points its QR code to an address the site left.
    name_key = hashlib.sha256(f"{entry.holder_name}|{verify_url}".encode()).hexdigest()[:12]
    return PublicFile(
        name=f"{_folder(entry.pk)}/{entry.certificate_code}-{name_key}.pdf",
        file_name=f"chung-nhan-{entry.certificate_code}.pdf",
        content_type="application/pdf",
        build=lambda: certificates.certificate_pdf(entry=entry, verify_url=verify_url),
    )


def _entries() -> "QuerySet[ContestEntry]":
    return ContestEntry.objects.filter(certificate_code__isnull=False)


def _files(pk: int) -> list[PublicFile]:
    entry = _entries().select_related("contest__issuing_body", "user__person").filter(pk=pk).first()
    return [certificate_file(entry)] if entry is not None else []


def entry_ids_for_user(*, user_id: int) -> list[int]:
    return list(_entries().filter(user_id=user_id).values_list("pk", flat=True))


def _ids() -> list[int]:
    return list(_entries().values_list("pk", flat=True))


CERTIFICATE_FILES = PublicFileSource(
    name=SOURCE, title=_("Tạo giấy chứng nhận cuộc thi"), files=_files, folder=_folder, ids=_ids
)
