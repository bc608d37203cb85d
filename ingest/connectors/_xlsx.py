"""XLSX worksheets, read row by row with openpyxl's read-only mode."""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from ._model import (
    EMPTY_RECORD,
    EXTRA_COLUMNS,
    FORMULA_WITHOUT_VALUE,
    RawRecord,
    RawReject,
    Records,
    SourceError,
    clip,
)
from ._rows import extra_cells, is_blank, make_header

#: a row's cell values, and for each cell its formula (``=A2*2``) or None
_Row = tuple[Sequence[Any], Sequence[str | None]]


def read_xlsx(path: Path, sheet: str | None, columns: frozenset[str] = frozenset()) -> Records:
    """Records of one worksheet (the first when ``sheet`` is None); ``line`` is the sheet row.

    The header is the first row with any value in it; blank rows are skipped;
    rows shorter than the header are padded with ``None`` (a sheet stores no empty
    trailing cells). The declared dimensions are ignored, since some exporters
    write wrong ones and read-only mode would cut rows to them. The workbook is
    closed when the iteration ends or is abandoned. Memory is constant per row, but
    openpyxl holds the workbook's shared-strings table (its distinct texts) while
    the workbook is open; a sheet is capped at 1,048,576 rows anyway.

    A formula saved without its computed value (a workbook written by a program that
    does not calculate) would read as an empty cell: a row with one in a column of
    ``columns`` (any column when empty) is a ``formula_without_value`` reject naming it.
    The sheet is read twice side by side for this, once for values, once for formulas.
    """
    source = str(path)
    with (
        closing(_open(path, source, data_only=True)) as values,
        closing(_open(path, source, data_only=False)) as formulas,
    ):
        sheet_ = _sheet(values, sheet, source)
        sheet_.reset_dimensions()
        same = formulas[sheet_.title]
        same.reset_dimensions()
        rows = zip(
            sheet_.iter_rows(values_only=True),
            ([_formula(cell) for cell in row] for row in same.iter_rows()),
            strict=True,  # one sheet's XML read twice
        )
        yield from _records(source, sheet_.title, rows, columns)


def _open(path: Path, source: str, data_only: bool) -> Any:
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it does not read; values are unaffected
            warnings.simplefilter("ignore", UserWarning)
            return load_workbook(path, read_only=True, data_only=data_only)
    except Exception as e:  # openpyxl raises many kinds of error for a damaged archive
        raise SourceError(source, f"not a readable XLSX workbook ({type(e).__name__}: {e})") from None


def _formula(cell: Any) -> str | None:
    return str(cell.value) if getattr(cell, "data_type", None) == "f" else None


def _sheet(book: Any, name: str | None, source: str) -> Any:
    names = ", ".join(repr(n) for n in book.sheetnames)
    if name is None:
        if not book.worksheets:
            raise SourceError(source, f"the workbook has no worksheet (sheets: {names or 'none'})")
        return book.worksheets[0]
    if name not in book.sheetnames:
        raise SourceError(source, f"no sheet named {name!r}; the workbook has: {names}")
    found = book[name]
    if found not in book.worksheets:
        raise SourceError(source, f"sheet {name!r} is a chart, not a table")
    return found


def _records(source: str, title: str, rows: Iterator[_Row], columns: frozenset[str]) -> Records:
    header: list[str] | None = None
    for number, (row, formulas) in enumerate(rows, 1):  # read-only mode yields gaps as empty rows
        if all(cell is None for cell in row) and not any(formulas):
            continue
        if header is None:
            header = make_header(source, row, f"sheet {title!r} row {number}")
            continue
        yield _record(source, number, (row, formulas), header, columns)
    if header is None:
        raise SourceError(source, f"sheet {title!r} is empty (no header row)")


def _record(
    source: str, number: int, cells: _Row, header: list[str], columns: frozenset[str]
) -> RawRecord | RawReject:
    row, formulas = cells
    width = len(header)
    for name, value, formula in zip(header, row, formulas, strict=False):
        if formula is not None and value is None and (not columns or name in columns):
            detail = f"column {name!r} holds the formula {formula} without a computed value"
            return RawReject(source, number, FORMULA_WITHOUT_VALUE, detail, clip(formula), name)
    if all(is_blank(cell) for cell in row):
        return RawReject(source, number, EMPTY_RECORD, f"all {len(row)} cells are blank", clip(_raw(row)))
    extra = extra_cells(row, width)
    if extra:
        detail = f"{extra} filled cells past the header's {width} columns"
        return RawReject(source, number, EXTRA_COLUMNS, detail, clip(_raw(row)))
    cells_ = list(row[:width]) + [None] * (width - len(row))
    return RawRecord(source, number, dict(zip(header, cells_, strict=True)))


def _raw(row: Sequence[Any]) -> str:
    while row and row[-1] is None:
        row = row[:-1]
    return "\t".join("" if cell is None else str(cell) for cell in row)
