"""Rejected rows: where they were, which field, what value, and why."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

MISSING_COLUMNS = "missing_columns"
UNREADABLE_FILE = "unreadable_file"


@dataclass(frozen=True, slots=True)
class Reject:
    source: str  # the file
    line: int  # 1-based physical line (CSV header = 1), JSONL line, XLSX row
    field: str | None
    value: str | None
    reason: str  # stable code, e.g. bad_phone, future_date, unknown_reference
    detail: str = ""


class RejectsFile:
    """Append-only JSONL of rejects; one object per line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self._out: IO[str] | None = None

    def __enter__(self) -> RejectsFile:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._out = self.path.open("w", encoding="utf-8")
        return self

    def write(self, reject: Reject) -> None:
        assert self._out is not None, "use RejectsFile as a context manager"
        try:
            self._out.write(json.dumps(asdict(reject), ensure_ascii=False) + "\n")
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(self.path)) from exc  # name the file
        self.count += 1

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Close the file; if the run already failed, a failed flush (the same full disk) is
        not allowed to hide why."""
        if self._out is None:
            return
        try:
            self._out.close()
        except OSError as error:
            if exc is None:
                raise OSError(error.errno, error.strerror, str(self.path)) from error


def read_rejects(path: Path) -> list[Reject]:
    with path.open(encoding="utf-8") as f:
        return [Reject(**json.loads(line)) for line in f if line.strip()]
