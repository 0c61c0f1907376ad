from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lantoa.orgs import wage_regions


class Command(BaseCommand):
    help = "Write orgs/data/minimum_wage_regions.toml from the text of Nghị định 293/2025/NĐ-CP (its annex)."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("decree", type=Path, help="the decree's text, UTF-8")
        parser.add_argument("--out", type=Path, default=wage_regions.REGIONS_FILE)

    def handle(self, *, decree: Path, out: Path, **options: object) -> None:
        try:
            text = decree.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Không đọc được tệp nghị định: {error}") from error
        provinces = wage_regions.annex_parse(text)
        if not provinces:
            raise CommandError("Không tìm thấy danh mục địa bàn theo tỉnh trong tệp này.")
        out.write_text(wage_regions.regions_toml(provinces), encoding="utf-8")
        unmatched = sum(len(entry.unmatched) for entry in provinces)
        self.stdout.write(f"{len(provinces)} tỉnh, thành phố; {unmatched} tên chưa khớp đơn vị hành chính → {out}")
