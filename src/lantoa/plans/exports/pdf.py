"""A unit report as PDF: WeasyPrint renders the same HTML document the screen shows (fonts-noto-core)."""

from django.template.loader import render_to_string

from lantoa.plans.selectors.documents import ReportDocument


def report_html(doc: ReportDocument) -> str:
    return render_to_string("plans/report_document.html", {"doc": doc, "standalone": True})


def report_pdf(doc: ReportDocument) -> bytes:
    from weasyprint import HTML  # imported here: loading it costs ~0.5 s and only exports need it

    return HTML(string=report_html(doc)).write_pdf()
