"""The embedded store's files: opening them, and what LadybugDB's errors about them mean.

LadybugDB 0.22 reports file trouble as a ``RuntimeError`` whose text says what happened
(``No space left on device``, ``Read-only file system``, ``Database path cannot be a
directory``, a lock held by another process). They become ``StoreIOError`` (or
``StoreUnavailable`` for the lock) with one line that names the folder and, for a full
disk, the space left.

After a failed write the native objects are not closed: LadybugDB then retries the
write-ahead log's buffer in its destructor and ends the process with ``std::terminate``
(exit 134). They are kept here instead (``abandon``); a command line that sees
``handles_abandoned()`` ends with ``os._exit`` after its message. The next open replays
the log up to its last complete transaction (``open_database``).
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import ladybug

from graph.errors import ConstraintViolation, GraphError, QueryError, StoreIOError, StoreUnavailable

log = logging.getLogger(__name__)

_ABANDONED: list[object] = []
_TORN_LOG = "the wal file is corrupted"


def open_database(path: str, read_only: bool = False) -> ladybug.Database:
    """Open the database; a write-ahead log that ends in a torn record (a write cut short
    by a full disk or a crash) is replayed up to its last complete transaction.

    ``read_only`` takes no lock that keeps others out, and no other process's lock keeps
    it out: it reads the database as of its opening (the write-ahead log replayed in
    memory), also while a server holds it for writing."""
    try:
        return ladybug.Database(path, read_only=read_only)
    except RuntimeError as exc:
        if _TORN_LOG not in str(exc).lower():
            raise
    log.warning(
        "%s: its write-ahead log ends in an incomplete record (a write cut short); "
        "opening the store as of its last complete transaction",
        path,
    )
    return ladybug.Database(path, read_only=read_only, throw_on_wal_replay_failure=False)


def abandon(*handles: object) -> None:
    """Keep native handles alive, unclosed, until the process ends (see the module doc)."""
    _ABANDONED.extend(h for h in handles if h is not None)


def handles_abandoned() -> bool:
    """True once a store in this process gave up its handles after a failed write."""
    return bool(_ABANDONED)


def translate(exc: RuntimeError | OSError, path: str) -> GraphError:
    """The graph layer's error for a LadybugDB (or file system) error about ``path``."""
    text = str(exc)
    lower = text.lower()
    if "duplicated primary key" in lower:
        return ConstraintViolation(text)
    held = _held(text, path)
    if held is not None:
        return held
    folder = str(Path(path).parent)
    for needle, say in _FILE_TROUBLE:
        if needle in lower:
            return StoreIOError(say(path, folder), folder)
    if isinstance(exc, OSError):
        why = (
            "is a file, not a folder"
            if isinstance(exc, FileExistsError)
            else f"cannot be made: {exc.strerror}"
        )
        return StoreIOError(f"the embedded store's folder {folder} {why}", folder)
    if "io exception" in lower or "checkpoint failed" in lower:
        said = re.search(r"IO exception: (.*?)(?: fileDescriptor|$)", text)
        reason = said.group(1) if said else text
        return StoreIOError(
            f"the embedded store in {folder} could not complete a write ({free_space(folder)}): {reason}",
            folder,
        )
    return QueryError(text)


def _held(text: str, path: str) -> StoreUnavailable | None:
    """Another process holds the store: its lock (with its PID), or a checkpoint it is
    writing while a read-only open would replay the store's log."""
    lower = text.lower()
    if "set lock on file" in lower:
        pid = re.search(r"held by PID (\d+)", text)
        holder = f" (PID {pid.group(1)})" if pid else ""
        return StoreUnavailable(f"the embedded store {path} is in use by another process{holder}")
    if "read-only mode" in lower and ("checkpoint" in lower or "shadow pages" in lower):
        return StoreUnavailable(
            f"the embedded store {path} is being checkpointed by the process holding it: try again"
        )
    return None


#: what LadybugDB says about a store's files, and how to say it in one line (path, folder)
_FILE_TROUBLE: list[tuple[str, Callable[[str, str], str]]] = [
    ("cannot be a directory", lambda p, _: f"the embedded store path {p} is a directory, not a database"),
    ("not a valid lbug database", lambda p, _: f"the embedded store path {p} is not a LadybugDB database"),
    (
        "no space left on device",
        lambda _, f: f"no space left on device for the embedded store in {f} ({free_space(f)})",
    ),
    ("read-only file system", lambda _, f: f"the embedded store's folder {f} is on a read-only file system"),
    ("permission denied", lambda _, f: f"no permission to write the embedded store in {f}"),
]


def free_space(folder: str | Path) -> str:
    """``"12.0 MB free of 50.0 MB"`` for the file system holding ``folder`` (or its nearest
    existing parent)."""
    here = Path(folder).absolute()
    while not here.exists() and here != here.parent:
        here = here.parent
    usage = shutil.disk_usage(here)
    return f"{_size(usage.free)} free of {_size(usage.total)}"


def _size(n: float) -> str:
    units = ("B", "KB", "MB", "GB", "TB")
    step = 0
    while n >= 1024 and step < len(units) - 1:
        n /= 1024
        step += 1
    return f"{n:.0f} B" if step == 0 else f"{n:.1f} {units[step]}"
