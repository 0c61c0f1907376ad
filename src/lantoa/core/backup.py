"""Backups that restore: the database, the media of every storage, and a manifest that proves the copy whole.

A backup folder holds `database.sqlite3` (SQLite's online backup API: a consistent copy while the site runs) or
`database.pgdump` (`pg_dump --format=custom`), `media/<storage alias>/…` for the public and private storages, and
`manifest.json`: row counts per table, the sha256 of every file, the code's version and the time. The counts are
taken from the very snapshot the dump holds (the SQLite copy itself; on PostgreSQL the dump runs on a snapshot
exported by the transaction that counts), so a site in use still yields a manifest that matches.
The voice keys and every other secret are settings, never rows: no backup carries them (docs/operations.md).
"""

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import Storage, storages
from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper

import lantoa

MANIFEST = "manifest.json"
FORMAT = 1
MEDIA_ALIASES = ("default", "private")
_CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup that cannot be written or restored; the message is for the operator (Vietnamese / English)."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _quoted(connection: BaseDatabaseWrapper, table: str) -> str:
    return connection.ops.quote_name(table)


def _row_counts(cursor: CursorWrapper, connection: BaseDatabaseWrapper, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quoted(connection, table)}")  # noqa: S608 - names from introspection
        counts[table] = cursor.fetchone()[0]
    return counts


def table_counts(using: str = "default") -> dict[str, int]:
    connection = connections[using]
    with connection.cursor() as cursor:
        return _row_counts(cursor, connection, connection.introspection.table_names(cursor))


def _pg_environment(settings: dict) -> tuple[list[str], dict[str, str]]:
    arguments = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            arguments += [flag, str(settings[key])]
    environment = {**os.environ}
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = settings["PASSWORD"]
    return arguments, environment


def _run(command: list[str], environment: dict[str, str], what: str) -> None:
    try:
        result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(
            f"Không tìm thấy {command[0]} (gói Debian postgresql-client). / {command[0]} not found."
        ) from error
    if result.returncode != 0:
        raise BackupError(f"{what} thất bại / failed: {result.stderr.strip()[-2000:]}")


def _dump_database(out: Path, using: str) -> tuple[str, dict[str, int]]:
    connection = connections[using]
    if connection.vendor == "sqlite":
        target = out / "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        with sqlite3.connect(target) as copy:
            tables = [
                row[0]
                for row in copy.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
            ]
            counts = {table: copy.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in sorted(tables)}  # noqa: S608
        copy.close()
        return target.name, counts
    if connection.vendor == "postgresql":
        target = out / "database.pgdump"
        arguments, environment = _pg_environment(connection.settings_dict)
        with transaction.atomic(using=using), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = _row_counts(cursor, connection, connection.introspection.table_names(cursor))
            command = [
                "pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                "--file", str(target), *arguments, connection.settings_dict["NAME"],
            ]  # fmt: skip
            _run(command, environment, "pg_dump")
        return target.name, counts
    raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}. / Unsupported database.")


def _storage_files(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for child in sorted(folders):
        yield from _storage_files(storage, f"{folder}/{child}" if folder else child)


def _copy_media(out: Path) -> None:
    for alias in MEDIA_ALIASES:
        storage = storages[alias]
        for name in _storage_files(storage):
            target = out / "media" / alias / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(name, "rb") as source, target.open("wb") as copy:
                shutil.copyfileobj(source, copy, _CHUNK)


def _applied_migrations(using: str) -> dict[str, str]:
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        latest: dict[str, str] = {}
        for app, name in cursor.fetchall():
            latest[app] = max(latest.get(app, name), name)
    return latest


def backup(out: Path, *, using: str = "default") -> dict:
    """Write a backup of database `using` and of the media into the empty or new folder `out`; returns the manifest."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise BackupError(f"Thư mục {out} không trống: chọn một thư mục mới. / {out} is not empty.")
    out.mkdir(parents=True, exist_ok=True)
    database_file, counts = _dump_database(out, using)
    _copy_media(out)
    files = {path.relative_to(out).as_posix(): sha256_of(path) for path in sorted(out.rglob("*")) if path.is_file()}
    manifest = {
        "format": FORMAT,
        "app_version": lantoa.__version__,
        "created_at": dt.datetime.now(tz=dt.UTC).isoformat(timespec="seconds"),
        "database": {"vendor": connections[using].vendor, "file": database_file, "tables": counts},
        "migrations": _applied_migrations(using),
        "files": files,
        # What the operator must bring from the secrets store: never in a backup (docs/operations.md).
        "settings_not_included": ["SECRET_KEY", "VOICE_ENCRYPTION_KEYS", "VOICE_RECEIPT_SALT"],
    }
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return manifest


def _read_manifest(source: Path) -> dict:
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BackupError(f"Không có {MANIFEST} trong {source}: không phải bản sao lưu. / Not a backup.") from error
    except json.JSONDecodeError as error:
        raise BackupError(f"{MANIFEST} hỏng: {error}. / The manifest is corrupt.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Định dạng bản sao lưu {manifest.get('format')} không đọc được. / Unknown format.")
    return manifest


def verify_files(source: Path, manifest: dict) -> None:
    """Every file the manifest lists is there with its checksum (and nothing else has crept in)."""
    listed = manifest["files"]
    present = {path.relative_to(source).as_posix() for path in source.rglob("*") if path.is_file()} - {MANIFEST}
    problems = [f"thiếu / missing: {name}" for name in sorted(set(listed) - present)]
    problems += [f"thừa / unexpected: {name}" for name in sorted(present - set(listed))]
    problems += [
        f"sai tổng kiểm / checksum mismatch: {name}"
        for name in sorted(set(listed) & present)
        if sha256_of(source / name) != listed[name]
    ]
    if problems:
        raise BackupError("Bản sao lưu không nguyên vẹn / The backup is damaged:\n  " + "\n  ".join(problems))


def _load_database(source: Path, manifest: dict, using: str) -> None:
    connection = connections[using]
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"Bản sao lưu của {vendor} không nạp được vào {connection.vendor}. / A {vendor} backup cannot be "
            f"restored into {connection.vendor}."
        )
    with connection.cursor() as cursor:
        existing = connection.introspection.table_names(cursor)
    if existing:
        raise BackupError(
            f"Cơ sở dữ liệu đích đã có {len(existing)} bảng: chỉ khôi phục vào cơ sở dữ liệu trống. / The target "
            "database is not empty: restore only into a new, empty database."
        )
    dump = source / manifest["database"]["file"]
    if vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(dump) as copy:
            copy.backup(connection.connection)
        copy.close()
        return
    arguments, environment = _pg_environment(connection.settings_dict)
    connection.close()
    command = [
        "pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
        *arguments, "--dbname", connection.settings_dict["NAME"], str(dump),
    ]  # fmt: skip
    _run(command, environment, "pg_restore")


def _restore_media(source: Path) -> list[str]:
    problems = []
    for alias in MEDIA_ALIASES:
        folder = source / "media" / alias
        storage = storages[alias]
        for path in sorted(folder.rglob("*")) if folder.exists() else ():
            if not path.is_file():
                continue
            name = path.relative_to(folder).as_posix()
            if storage.exists(name):
                problems.append(f"tệp đã có / file already there: {alias}/{name}")
                continue
            with path.open("rb") as handle:
                saved = storage.save(name, File(handle, name=name))
            digest = hashlib.sha256()
            with storage.open(saved, "rb") as handle:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
            if saved != name or digest.hexdigest() != sha256_of(path):
                problems.append(f"sai tổng kiểm sau khi khôi phục / checksum mismatch after restore: {alias}/{name}")
    return problems


def restore(source: Path, *, using: str = "default") -> dict:
    """Load a backup into the EMPTY database `using` and the media storages, and check it against its manifest."""
    source = Path(source)
    manifest = _read_manifest(source)
    verify_files(source, manifest)
    _load_database(source, manifest, using)
    counts = table_counts(using)
    expected = manifest["database"]["tables"]
    problems = [
        f"bảng / table {table}: {counts.get(table, 'thiếu / missing')} ≠ {rows}"
        for table, rows in sorted(expected.items())
        if counts.get(table) != rows
    ]
    problems += [f"bảng thừa / unexpected table: {table}" for table in sorted(set(counts) - set(expected))]
    problems += _restore_media(source)
    if problems:
        raise BackupError(
            "Khôi phục không khớp bản kê / The restore does not match the manifest:\n  " + "\n  ".join(problems)
        )
    return manifest
