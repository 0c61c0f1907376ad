"""Certificate PDF for a registered worker's contest result, with a QR code to verify it."""

from django.template.loader import render_to_string
from django.utils import timezone

from lantoa.core.qr import qr_data_uri
from lantoa.learning.models import ContestEntry
from lantoa.orgs import services as org_services


def certificate_html(*, entry: ContestEntry, verify_url: str) -> str:
    return render_to_string(
        "learning/certificate.html",
        {
            "entry": entry,
            "issuer": entry.contest.issuing_body,
            "place": org_services.province_get().name.removeprefix("Tỉnh "),
            "submitted_on": timezone.localdate(entry.submitted_at),
            "qr": qr_data_uri(verify_url),
            "verify_url": verify_url,
            "total": len(entry.question_ids),
        },
    )


def certificate_pdf(*, entry: ContestEntry, verify_url: str) -> bytes:
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    return HTML(string=certificate_html(entry=entry, verify_url=verify_url)).write_pdf()
