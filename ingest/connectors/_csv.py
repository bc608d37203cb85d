"""CSV/TSV: the stdlib ``csv`` reader over a marked text stream (see ``_encoding``)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ._encoding import has_marks, open_marked, undecodable_detail, unmark
from ._model import (
    EMPTY_RECORD,
    EXTRA_COLUMNS,
    TRUNCATED_LINE,
    UNDECODABLE,
    RawRecord,
    RawReject,
    Records,
    SourceError,
    clip,
)
from ._rows import extra_cells, make_header

if TYPE_CHECKING:
    import _csv

MAX_LINE_CHARS = 1 << 22
"""A physical line longer than this is a ``SourceError``: it would have to sit in memory whole."""


def _lines(stream: IO[str], source: str, taken: list[str]) -> Iterator[str]:
    """Physical lines for ``csv.reader``, each also appended to ``taken``.

    ``csv.reader`` pulls lines only as it needs them, so what was taken since the
    last row is exactly the text of the current row: its ``raw`` for a reject, and
    where to look for bytes the decoder rejected. (A generator, not a class: this
    runs once per line.)
    """
    readline, keep, count = stream.readline, taken.append, 0
    while line := readline(MAX_LINE_CHARS + 1):
        count += 1
        if len(line) > MAX_LINE_CHARS:
            raise SourceError(source, f"line {count}: longer than {MAX_LINE_CHARS} characters")
        keep(line)
        yield line


def read_csv(path: Path, encoding: str, delimiter: str) -> Records:
    """Records of a delimited text file whose first non-blank row is the header.

    ``line`` is the physical line a record starts on, so a quoted field with
    newlines in it does not shift the numbers after it. Blank lines are skipped.
    """
    source = str(path)
    with open_marked(path, encoding) as stream:
        taken: list[str] = []
        reader = csv.reader(_lines(stream, source, taken), delimiter=delimiter)
        end = 0  # reader.line_num after the previous row
        try:
            header, end = _header(reader, taken, source, encoding)
            width = len(header)
            for row in reader:
                start, end = end + 1, reader.line_num
                raw = taken[0] if len(taken) == 1 else "".join(taken)
                taken.clear()
                if len(row) == width and row[0].strip() and not has_marks(raw):  # the common case, inline
                    yield RawRecord(source, start, dict(zip(header, row, strict=True)))
                elif len(row) > 1 or (row and row[0].strip()):  # else a blank line
                    yield _record(source, row, raw, start=start, end=end, header=header, encoding=encoding)
        except csv.Error as e:
            raise SourceError(
                source, f"line {reader.line_num}: {e} (is a quote opened at line {end + 1} never closed?)"
            ) from None


def _header(reader: _csv.Reader, taken: list[str], source: str, encoding: str) -> tuple[list[str], int]:
    """The column names from the first non-blank row, and the line that row ends on."""
    for row in reader:
        raw = "".join(taken)
        taken.clear()
        if row:
            row[0] = row[0].lstrip("\ufeff")  # a BOM the codec left (encoding="utf-8" given)
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        line = reader.line_num
        if has_marks(raw):
            raise SourceError(source, f"line {line}: the header is not valid {encoding}; pass encoding=")
        return make_header(source, row, f"line {line}"), line
    raise SourceError(source, "no header row: the file holds only blank lines")


def _record(
    source: str, row: list[str], raw: str, *, start: int, end: int, header: list[str], encoding: str
) -> RawRecord | RawReject:
    if has_marks(raw):
        detail = undecodable_detail(raw, encoding)
        return RawReject(source, start, UNDECODABLE, detail, clip(unmark(raw.rstrip("\r\n"))))
    width = len(header)
    if not row[0].strip() and not "".join(row).strip():  # strip() of a clean cell copies nothing
        return RawReject(source, start, EMPTY_RECORD, f"all {len(row)} cells are blank", _clip(raw))
    if len(row) < width:
        detail = f"{len(row)} of {width} columns (header has {width}){_spans(start, end)}"
        return RawReject(source, start, TRUNCATED_LINE, detail, _clip(raw))
    if len(row) > width:
        extra = extra_cells(row, width)
        if extra:
            detail = f"{len(row)} columns, {extra} filled past the header's {width}{_spans(start, end)}"
            return RawReject(source, start, EXTRA_COLUMNS, detail, _clip(raw))
        row = row[:width]  # blank padding, e.g. a trailing delimiter on every line
    return RawRecord(source, start, dict(zip(header, row, strict=True)))


def _clip(raw: str) -> str:
    return clip(raw.rstrip("\r\n"))


def _spans(start: int, end: int) -> str:
    return f"; the record runs over lines {start}-{end} (an unclosed quote?)" if end > start else ""
