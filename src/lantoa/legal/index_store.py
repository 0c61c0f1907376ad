"""Where the search index lives: one versioned folder per build in a directory every app server reads.

A build is written to a temporary folder, renamed to its version (`<unix time>-<content hash>`) and published by
replacing the small pointer file `CURRENT` (`os.replace`, atomic on one filesystem). A reader never sees a
half-written index: it reads `CURRENT`, then opens the folder it names, which no writer touches again. Old
versions are removed after a few newer ones exist; a process that still has one memory-mapped keeps reading it
(the kernel frees the pages when the last process lets go).
"""

import hashlib
import logging
import os
import shutil
import time
import uuid
from pathlib import Path

from django.conf import settings

from lantoa.legal import retrieval

logger = logging.getLogger(__name__)
POINTER = "CURRENT"
KEEP_VERSIONS = 3


def index_dir() -> Path:
    configured = getattr(settings, "LEGAL_INDEX_DIR", "")
    return Path(configured) if configured else Path(settings.VAR_DIR) / "legal" / "index"


def _content_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        digest.update(path.name.encode())
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:16]


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
    digest = _content_hash(staging)
    current = current_version()
    if current and current.endswith(f"-{digest}") and (root / current).is_dir():
        shutil.rmtree(staging)
        return current
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
    """The published index `version`, memory-mapped; ValueError when it is missing or damaged."""
    folder = index_dir() / version
    if not folder.is_dir():
        raise ValueError(f"search index version {version} is missing from {index_dir()}")
    return retrieval.SearchIndex.load(folder)
