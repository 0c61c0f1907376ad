"""The backup drill: data → backup → restore into a fresh database → counts match, a report opens by its receipt.

Runs on whichever database the suite runs on (SQLite by default, PostgreSQL with DATABASE_URL), each time into a
new database of the same kind: a new file on SQLite, a new database name on PostgreSQL.
"""

import contextlib
import copy
import json
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.db.utils import load_backend
from django.test import override_settings

from lantoa.core import backup
from lantoa.voice.models import Report
from lantoa.voice.services import reports as report_services

RESTORED = "restored"


def file_storages(root: Path) -> dict:
    return {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root / "media"}},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root / "private"},
        },
    }


@contextlib.contextmanager
def fresh_database(tmp_path: Path) -> Iterator[str]:
    """A new, empty database of the suite's kind, reachable as the alias `restored`."""
    database = copy.deepcopy(connection.settings_dict)
    admin_url = ""
    if connection.vendor == "sqlite":
        database["NAME"] = str(tmp_path / "restored.sqlite3")
    else:
        database["NAME"] = f"{connection.settings_dict['NAME']}_restored"
        admin_url = psycopg.conninfo.make_conninfo(
            host=database["HOST"] or None, port=database["PORT"] or None, user=database["USER"] or None,
            password=database["PASSWORD"] or None, dbname="postgres",
        )  # fmt: skip
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database["NAME"]}"')
            admin.execute(f'CREATE DATABASE "{database["NAME"]}"')
    # A connection made here, not declared in DATABASES, as Django's test case allows ("dynamically created").
    connections[RESTORED] = load_backend(database["ENGINE"]).DatabaseWrapper(database, RESTORED)
    try:
        yield RESTORED
    finally:
        connections[RESTORED].close()
        del connections[RESTORED]
        if admin_url:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{database["NAME"]}" WITH (FORCE)')


class ReadRestored:
    """Points every query at the restored database, so the voice service itself opens the report there."""

    def db_for_read(self, model, **hints):
        return RESTORED

    db_for_write = db_for_read


def all_rows_text(using: str) -> str:
    restored = connections[using]
    with restored.cursor() as cursor:
        chunks = []
        for table in restored.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {restored.ops.quote_name(table)}")  # noqa: S608 - introspected names
            chunks.append(repr(cursor.fetchall()))
    return "\n".join(chunks)


@pytest.mark.django_db(transaction=True)  # the dump is read by another process (pg_dump): the data must be committed
def test_backup_restores_into_a_fresh_database_and_a_report_still_opens_by_its_receipt(tmp_path, labour_federation):
    submitted = report_services.report_submit(category="luong-cham-thieu", text="Lương tháng 10 trả chậm hai tuần.")
    with override_settings(STORAGES=file_storages(tmp_path / "site")):
        storages["default"].save("activities/anh-hoat-dong.jpg", ContentFile(b"\xff\xd8 public photo"))
        storages["private"].save("imports/danh-sach.xlsx", ContentFile(b"PK private import"))
        call_command("backup", "--out", str(tmp_path / "backup"))
    counts = backup.table_counts()

    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["database"]["tables"] == counts
    assert manifest["database"]["tables"]["voice_report"] == 1
    assert manifest["app_version"] and manifest["created_at"]
    assert {"media/default/activities/anh-hoat-dong.jpg", "media/private/imports/danh-sach.xlsx"} <= set(
        manifest["files"]
    )

    with fresh_database(tmp_path) as alias, override_settings(STORAGES=file_storages(tmp_path / "new-site")):
        call_command("restore", str(tmp_path / "backup"), "--database", alias)

        assert backup.table_counts(alias) == counts
        with override_settings(DATABASE_ROUTERS=[ReadRestored()]):
            reopened = report_services.report_get_by_receipt(code=submitted.receipt.code)
            assert reopened is not None and reopened._state.db == RESTORED
            assert reopened.pk == submitted.report.pk
            assert Report.objects.count() == 1
        assert storages["private"].open("imports/danh-sach.xlsx").read() == b"PK private import"
        assert storages["default"].open("activities/anh-hoat-dong.jpg").read() == b"\xff\xd8 public photo"
        # the keys are settings: nothing restored from the backup holds them
        stored = all_rows_text(alias)
        assert settings.VOICE_RECEIPT_SALT not in stored
        assert all(key.split(":", 1)[1] not in stored for key in settings.VOICE_ENCRYPTION_KEYS)

        with pytest.raises(CommandError, match="The target database is not empty"):
            call_command("restore", str(tmp_path / "backup"), "--database", alias)


@pytest.mark.django_db(transaction=True)
def test_a_damaged_backup_is_refused_before_anything_is_loaded(tmp_path, labour_federation):
    call_command("backup", "--out", str(tmp_path / "backup"))
    dump = next(path for path in (tmp_path / "backup").iterdir() if path.name.startswith("database."))
    with dump.open("ab") as handle:
        handle.write(b"tampered")

    with fresh_database(tmp_path) as alias:
        with pytest.raises(CommandError, match="sai tổng kiểm / checksum mismatch: database"):
            call_command("restore", str(tmp_path / "backup"), "--database", alias)
        assert backup.table_counts(alias) == {}


@pytest.mark.django_db
def test_backup_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(CommandError, match="không trống"):
        call_command("backup", "--out", str(tmp_path))
