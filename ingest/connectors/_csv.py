"""CSV/TSV: the stdlib ``csv`` reader over a marked text stream (see ``_encoding``)."""

from __future__ import annotations

import csv
from collections import deque
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


def _lines(stream: IO[str], source: str, taken: list[str], again: deque[str]) -> Iterator[str]:
    """Physical lines for ``csv.reader``, each also appended to ``taken``; lines put in
    ``again`` are handed out once more first.

    ``csv.reader`` pulls lines only as it needs them, so what was taken since the
    last row is exactly the text of the current row: its ``raw`` for a reject, and
    where to look for bytes the decoder rejected. (A generator, not a class: this
    runs once per line.)
    """
    readline, keep, count = stream.readline, taken.append, 0
    while True:
        if again:
            line = again.popleft()
        else:
            line = readline(MAX_LINE_CHARS + 1)
            if not line:
                return
            count += 1
            if len(line) > MAX_LINE_CHARS:
                raise SourceError(source, f"line {count}: longer than {MAX_LINE_CHARS} characters")
        keep(line)
        yield line


def read_csv(path: Path, encoding: str, delimiter: str) -> Records:
    """Records of a delimited text file whose first non-blank row is the header.

    ``line`` is the physical line a record starts on, so a quoted field with
    newlines in it does not shift the numbers after it. Blank lines are skipped.
    A record over several lines whose width is wrong was opened by a stray quote:
    its first line is rejected and the lines after it are read again, so the quote
    swallows no valid record.
    """
    source = str(path)
    with open_marked(path, encoding) as stream:
        taken: list[str] = []
        again: deque[str] = deque()
        rows: _csv.Reader = csv.reader(_lines(stream, source, taken, again), delimiter=delimiter)
        reader: _csv.Reader | None = rows
        base = end = 0  # physical lines before the reader's first; the line the previous row ended on
        try:
            header, end = _header(rows, taken, source, encoding)
            width = len(header)
            while reader is not None:
                rows, reader = reader, None
                for row in rows:
                    start, end = end + 1, base + rows.line_num
                    raw = taken[0] if len(taken) == 1 else "".join(taken)
                    if len(row) == width and row[0].strip() and not has_marks(raw):  # the common case
                        yield RawRecord(source, start, dict(zip(header, row, strict=True)))
                    elif len(row) > 1 or (row and row[0].strip()):  # else a blank line
                        item = _record(
                            source, row, raw, start=start, end=end, header=header, encoding=encoding
                        )
                        if end > start and isinstance(item, RawReject) and item.reason in _WIDTH:
                            yield _stray_quote(item, taken[0], len(row), width, end)
                            again.extend(taken[1:])  # read again by a reader of their own
                            base = end = start
                            reader = csv.reader(_lines(stream, source, taken, again), delimiter=delimiter)
                            taken.clear()
                            break
                        yield item
                    taken.clear()
        except csv.Error as e:
            raise SourceError(
                source,
                f"line {base + rows.line_num}: {e} (is a quote opened at line {end + 1} never closed?)",
            ) from None


def _stray_quote(reject: RawReject, first_line: str, got: int, width: int, end: int) -> RawReject:
    """The first line of a row a stray quote ran on to ``end``: the reject is that line alone."""
    detail = (
        f"{got} of {width} columns when read as one record over lines {reject.line}-{end}: "
        "an unclosed quote on this line; the lines after it are read on their own"
    )
    return RawReject(reject.source, reject.line, reject.reason, detail, _clip(first_line))


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


_WIDTH = (TRUNCATED_LINE, EXTRA_COLUMNS)


def _clip(raw: str) -> str:
    return clip(raw.rstrip("\r\n"))


def _spans(start: int, end: int) -> str:
    return f"; the record runs over lines {start}-{end} (an unclosed quote?)" if end > start else ""
