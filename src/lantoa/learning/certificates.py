"""Certificate PDF for a registered worker's contest result, with a QR code to verify it."""

from django.template.loader import render_to_string

from lantoa.content.exports import qr_data_uri
from lantoa.learning.models import ContestEntry


def certificate_pdf(*, entry: ContestEntry, verify_url: str) -> bytes:
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    html = render_to_string(
        "learning/certificate.html",
        {"entry": entry, "qr": qr_data_uri(verify_url), "verify_url": verify_url, "total": len(entry.question_ids)},
    )
    return HTML(string=html).write_pdf()
