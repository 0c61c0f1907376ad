"""Where the search index lives: one versioned folder per build in a directory every app server reads.

A build is written to a temporary folder, renamed to its version (`<unix time>-<content hash>`) and published by
replacing the small pointer file `CURRENT` (`os.replace`, atomic on one filesystem). A reader never sees a
half-written index: it reads `CURRENT`, then opens the folder it names, which no writer touches again. Old
versions are removed after a few newer ones exist; a process that still has one memory-mapped keeps reading it
(the kernel frees the pages when the last process lets go).

Every load is verified against digests written at publish time (`DIGESTS.json`: each file's size and SHA-256;
the version's name carries a hash of them all): a flipped byte, a truncated or rewritten file raises ValueError,
so the caller answers from the database with a warning instead of from damaged postings. Non-finite numbers are
refused before publishing (a build that produced them is never published).
"""

import hashlib
import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from django.conf import settings

from lantoa.legal import retrieval

logger = logging.getLogger(__name__)
POINTER = "CURRENT"
MANIFEST = "DIGESTS.json"
KEEP_VERSIONS = 3


def index_dir() -> Path:
    configured = getattr(settings, "LEGAL_INDEX_DIR", "")
    return Path(configured) if configured else Path(settings.VAR_DIR) / "legal" / "index"


def _blocks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        yield from iter(lambda: fh.read(1 << 20), b"")


def _index_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name != MANIFEST)


def _content_hash(folder: Path) -> str:
    """The hash of every file's name and bytes: the suffix of the version's name."""
    digest = hashlib.sha256()
    for path in _index_files(folder):
        digest.update(path.name.encode())
        for block in _blocks(path):
            digest.update(block)
    return digest.hexdigest()[:16]


def _file_digests(folder: Path) -> dict[str, dict[str, int | str]]:
    """Each file's size and SHA-256, written beside the index at publish time and checked at every load."""
    files: dict[str, dict[str, int | str]] = {}
    for path in _index_files(folder):
        digest, size = hashlib.sha256(), 0
        for block in _blocks(path):
            digest.update(block)
            size += len(block)
        files[path.name] = {"size": size, "sha256": digest.hexdigest()}
    return files


def _refuse_non_finite(folder: Path) -> None:
    """A NaN or infinite weight would rank every search wrongly without failing: such a build is not published."""
    for path in sorted(folder.glob("*.npy")):
        values = np.load(path, mmap_mode="r", allow_pickle=False)
        if values.dtype.kind in "fc" and not np.isfinite(values).all():
            raise ValueError(f"search index build holds non-finite numbers in {path.name}; not published")


def _verify(folder: Path, version: str) -> None:
    """ValueError unless the folder holds exactly what was published as `version` (every byte read once)."""
    manifest = folder / MANIFEST
    if not manifest.exists():  # a version published before digests were written: its name's content hash
        if not version.endswith(f"-{_content_hash(folder)}"):
            raise ValueError(
                f"search index {version}: its files do not match its content hash (damaged since publishing)"
            )
        return
    try:
        published = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"digests of search index {version} cannot be read: {error!r}") from error
    found = _file_digests(folder)
    for name in sorted(set(published) | set(found)):
        if name not in found:
            raise ValueError(f"search index {version}: {name} is missing")
        if published.get(name) != found[name]:
            raise ValueError(f"search index {version}: {name} does not match its digest (damaged since publishing)")


def current_version() -> str | None:
    """The published version (the name of its folder), or None when nothing was published yet."""
    try:
        version = (index_dir() / POINTER).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    return version or None


def publish(index: "retrieval.SearchIndex") -> str:
    """Write `index` and make it the current one; returns its version. An index equal to the current one is not
    published again (its version stays)."""
    root = index_dir()
    root.mkdir(parents=True, exist_ok=True)
    staging = root / f".tmp-{uuid.uuid4().hex}"
    index.save(staging)
    try:
        _refuse_non_finite(staging)
    except ValueError:
        shutil.rmtree(staging)
        raise
    digest = _content_hash(staging)
    current = current_version()
    if current and current.endswith(f"-{digest}") and (root / current).is_dir():
        shutil.rmtree(staging)
        return current
    manifest = {"files": _file_digests(staging)}
    (staging / MANIFEST).write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
    version = f"{time.time_ns() // 1_000_000}-{digest}"  # milliseconds: later builds sort later
    staging.rename(root / version)
    pointer = root / f".{POINTER}.{uuid.uuid4().hex}"
    pointer.write_text(version, encoding="utf-8")
    os.replace(pointer, root / POINTER)
    _prune(root, keep=version)
    return version


def _prune(root: Path, *, keep: str) -> None:
    versions = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")), key=lambda p: p.name)
    for old in versions[:-KEEP_VERSIONS]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)
    horizon = time.time() - 3600  # staging folders of a build that died long ago
    for stale in root.glob(".tmp-*"):
        if stale.stat().st_mtime < horizon:
            shutil.rmtree(stale, ignore_errors=True)


def load(version: str) -> "retrieval.SearchIndex":
    """The published index `version`, verified against its digests and memory-mapped; ValueError when it is
    missing or damaged (every byte is read once to check it: docs/legal.md says what that costs)."""
    folder = index_dir() / version
    if not folder.is_dir():
        raise ValueError(f"search index version {version} is missing from {index_dir()}")
    try:
        _verify(folder, version)
    except OSError as error:  # a file unreadable or removed while being checked
        raise ValueError(f"search index {version} cannot be checked: {error!r}") from error
    return retrieval.SearchIndex.load(folder)
