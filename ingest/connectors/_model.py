"""What the connectors hand out: records, rejects and the file-level error."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Any, TypeAlias

RAW_LIMIT = 200
"""``RawReject.raw`` is cut to this many characters."""

TRUNCATED_LINE = "truncated_line"
EXTRA_COLUMNS = "extra_columns"
BAD_JSON = "bad_json"
NOT_AN_OBJECT = "not_an_object"
UNDECODABLE = "undecodable"
EMPTY_RECORD = "empty_record"
FORMULA_WITHOUT_VALUE = "formula_without_value"
REJECT_REASONS = frozenset(
    {TRUNCATED_LINE, EXTRA_COLUMNS, BAD_JSON, NOT_AN_OBJECT, UNDECODABLE, EMPTY_RECORD, FORMULA_WITHOUT_VALUE}
)


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One record as read, before any mapping.

    ``line`` is 1-based: the physical line a CSV record starts on (the header is
    line 1), the line of a JSONL record, the element number in a JSON array, the
    sheet row of an XLSX record.
    """

    source: str
    line: int
    fields: dict[str, Any]


@dataclass(frozen=True, slots=True)
class RawReject:
    """A record that cannot even be read; the run writes it to its rejects and goes on.

    ``reason`` is one of :data:`REJECT_REASONS`; ``detail`` says it in words;
    ``raw`` is the offending text, cut to :data:`RAW_LIMIT` characters; ``field`` the
    column at fault, when one is.
    """

    source: str
    line: int
    reason: str
    detail: str
    raw: str
    field: str | None = None


Records: TypeAlias = Generator["RawRecord | RawReject", None, None]
"""What a reader returns: an iterator of records and rejects that can be ``close()``d early."""


class SourceError(Exception):
    """The file as a whole cannot be read (missing, empty, binary, no such sheet, ...)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)  # both in args, so the error pickles
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class MissingColumns(SourceError):
    """A table whose header lacks columns the caller needs (a renamed export): reading it
    would drop those values from every record without a word."""

    def __init__(self, path: str, columns: tuple[str, ...]) -> None:
        super().__init__(path, f"the header has no column {', '.join(columns)}")
        self.args = (path, columns)  # what pickling passes back to __init__
        self.columns = columns


def clip(text: str) -> str:
    """``text`` cut to :data:`RAW_LIMIT` characters, for ``RawReject.raw``."""
    return text if len(text) <= RAW_LIMIT else text[: RAW_LIMIT - 1] + "…"
