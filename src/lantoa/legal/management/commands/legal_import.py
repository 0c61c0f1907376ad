from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.legal.services import consolidated as consolidated_services
from lantoa.legal.services import library
from lantoa.legal.tasks import index_build_later


class Command(BaseCommand):
    help = "Import law texts (JSONL records or published text); a folder imports every file in it. Idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--format", dest="fmt", default="auto", choices=["auto", "jsonl", "txt", "docx", "html"])
        parser.add_argument("--number", default="", help="Document number when the file does not state it.")
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--unchecked", action="store_true", help="Mark the documents 'cần đối chiếu' (OCR copy).")
        parser.add_argument("--no-index", action="store_true", help="Do not rebuild the search index.")
        parser.add_argument(
            "--consolidated",
            action="store_true",
            help="The file is a consolidated text (văn bản hợp nhất): store its wording as the act's current wording.",
        )

    def handle(
        self,
        *,
        path: Path,
        fmt: str,
        number: str,
        dry_run: bool,
        no_index: bool,
        unchecked: bool,
        consolidated: bool,
        **options: object,
    ) -> None:
        paths = (
            sorted(p for p in path.rglob("*") if p.suffix in {".jsonl", ".txt", ".docx", ".html"})
            if path.is_dir()
            else [path]
        )
        if path.is_dir():
            # Records first (they carry the metadata), then published texts (they add Chương/Mục).
            paths.sort(key=lambda p: (p.suffix != ".jsonl", str(p)))
            paths = [p for p in paths if not p.name.startswith("qa_") and p.name != "SOURCES.md"]
        failed = False
        later = [p for p in paths if consolidated or library.is_consolidated_text(p)]
        for item in [p for p in paths if p not in later and not library.is_consolidated_note(p)]:
            result = library.documents_import(
                path=item, fmt=fmt, dry_run=dry_run, number=number, unchecked=unchecked or "-ocr-" in item.name
            )
            for problem in result.problems:
                level = "error" if problem.is_error else "warning"
                stream = self.stderr if problem.is_error else self.stdout
                stream.write(f"{item}:{problem.line}:{problem.column}: {level}: {problem.message}")
            if result.problems and any(p.is_error for p in result.problems):
                failed = True
                self.stderr.write(f"{item}: nothing imported")
                continue
            self.stdout.write(
                f"{item.name}: {', '.join(result.documents)} created={result.created} updated={result.updated} "
                f"unchanged={result.unchanged} flagged_entries={result.flagged_entries}"
                + (" (dry run)" if dry_run else "")
            )
        for item in [] if dry_run else later:
            applied = consolidated_services.consolidated_apply(path=item)
            self.stdout.write(
                f"{item.name}: {applied.vbhn or '?'} → {applied.target or '?'} changed={applied.changed} "
                f"unchanged={applied.unchanged} flagged_entries={applied.flagged_entries}"
            )
        if not dry_run and not no_index:
            index_build_later()
            self.stdout.write("search index: rebuild queued (the task worker publishes it)")
        if failed:
            raise CommandError("Some files had errors and were not imported.")
