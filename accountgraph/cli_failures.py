"""Failures a user can meet and fix, said in one or two lines instead of a traceback.

The store is locked by another process or unreachable, its folder is read-only, its path
is a directory or not a database, the disk is full: each ends the command with a line
that names the path and the reason (for a full disk, the space left) and exit status 3.
Wrong input (a missing path, an unknown root, a settings file that is missing or not
TOML, a setting that does not validate) is a ``Refusal`` or a settings error: one line
naming the thing, exit status 2. Anything else is a bug and keeps its traceback, as does
every failure under ``accountgraph --debug``.

A write that failed on the embedded store's files leaves native handles that LadybugDB
cannot close without aborting the process (``graph.adapters.ladybug._files``); then the
command ends with ``os._exit`` once its output is flushed. The graph packages are imported
only when there is something to tell, so a light command never loads them.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError

EXIT_REFUSED = 2
EXIT_UNUSABLE = 3


class Refusal(Exception):
    """Input a command refuses before doing anything (a missing path, an unknown root)."""


#: file system errors that describe the machine, not a bug
_EXPECTED = {
    errno.ENOSPC,
    errno.EDQUOT,
    errno.EROFS,
    errno.EACCES,
    errno.EPERM,
    errno.EEXIST,
    errno.ENOTDIR,
    errno.EISDIR,
}
_AFTER_A_FAILED_WRITE = (
    "the store keeps what its last committed batch wrote; once that is fixed, the same command completes it"
)


def exit_code(exc: BaseException) -> int:
    """The exit status of an expected failure that ``explain`` told."""
    from pydantic import ValidationError  # noqa: PLC0415

    from accountgraph.settings import ConfigError  # noqa: PLC0415

    return EXIT_REFUSED if isinstance(exc, Refusal | ConfigError | ValidationError) else EXIT_UNUSABLE


def explain(exc: BaseException, folder: Path | None = None) -> str | None:
    """The lines to show for an expected failure, or ``None`` for anything else.
    ``folder`` (the data folder) stands in for a file system error that names no file."""
    from pydantic import ValidationError  # noqa: PLC0415

    from accountgraph.settings import ConfigError  # noqa: PLC0415

    if isinstance(exc, Refusal | ConfigError):
        return f"error: {exc}"
    if isinstance(exc, ValidationError) and exc.title == "Settings":
        return _invalid_settings(exc)
    from graph import StoreIOError, StoreUnavailable  # noqa: PLC0415
    from graph.adapters.ladybug import free_space, handles_abandoned  # noqa: PLC0415

    if isinstance(exc, StoreIOError | StoreUnavailable):
        line = f"error: {exc}"
    elif isinstance(exc, OSError) and exc.errno in _EXPECTED:
        where = Path(exc.filename) if exc.filename else folder or Path.cwd()
        line = f"error: cannot write {where}: {exc.strerror}"
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            line += f" ({free_space(where.parent)})"
    else:
        return None
    return f"{line}\n{_AFTER_A_FAILED_WRITE}" if handles_abandoned() else line


def _invalid_settings(exc: ValidationError) -> str:
    """Names the setting and the rule it broke, never its value (it may be a password)."""
    first = exc.errors()[0]
    name = ".".join(str(part) for part in first["loc"])
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"error: setting {name} (ACCOUNTGRAPH_{name.upper()} or the settings file): {first['msg']}{more}"


def _handles_abandoned() -> bool:
    """Only a command that loaded the embedded store's adapter can have abandoned its handles."""
    if "graph.adapters.ladybug" not in sys.modules:
        return False
    from graph.adapters.ladybug import handles_abandoned  # noqa: PLC0415

    return handles_abandoned()


def finish(code: int) -> None:
    """End the process with ``code``; without finalizers when native handles were abandoned."""
    if _handles_abandoned():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
