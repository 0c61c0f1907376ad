"""The Excel import template (guide, commune list, empty sheets), built by the worker, again when the communes change."""

import hashlib

from django.utils.translation import gettext_lazy as _

from lantoa.core import public_files
from lantoa.core.public_files import PublicFile, PublicFileSource
from lantoa.orgs import selectors
from lantoa.orgs.importers import template_workbook

SOURCE = "orgs.import_template"
TEMPLATE_PK = 0  # one template for the whole site
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Raised when the template's layout or cell writing changes, so a file built by older code is never served again.
TEMPLATE_FORMAT = 2


def _folder(pk: int) -> str:
    return "public/orgs/import-template"


def template_file() -> PublicFile:
    communes = selectors.communes_list()
    # The template lists the communes: another list is another stored file.
    listed = "\n".join(f"{unit.code}\t{unit.name}" for unit in communes)
    key = hashlib.sha256(f"{TEMPLATE_FORMAT}\n{listed}".encode()).hexdigest()[:12]
    return PublicFile(
        name=f"{_folder(TEMPLATE_PK)}/{key}.xlsx",
        file_name="mau-nhap-don-vi-doanh-nghiep.xlsx",
        content_type=XLSX,
        build=lambda: template_workbook(communes=communes),
        as_attachment=True,
    )


def template_build_later() -> None:
    """Queue the template's build after the communes were loaded (the hourly timer also builds a missing one)."""
    public_files.files_build_later(source=SOURCE, pk=TEMPLATE_PK)


IMPORT_TEMPLATE_FILES = PublicFileSource(
    name=SOURCE,
    title=_("Tạo mẫu Excel nhập đơn vị, doanh nghiệp"),
    files=lambda pk: [template_file()],
    folder=_folder,
    ids=lambda: [TEMPLATE_PK],
)
