"""Header and row-width rules shared by the tabular readers (CSV, XLSX)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from ._model import SourceError


def is_blank(value: Any) -> bool:
    """``None`` or a string of whitespace: a cell with nothing in it."""
    return value is None or (isinstance(value, str) and not value.strip())


def make_header(path: str, cells: Sequence[Any], where: str) -> list[str]:
    """Column names from a header row.

    Names are stripped; trailing blank cells are dropped (exports often pad the
    header); a blank cell between named ones is called ``_column_N`` (1-based).
    Two columns with one name would lose data in a dict, so they are a
    ``SourceError`` naming the duplicates.
    """
    names = ["" if is_blank(c) else str(c).strip() for c in cells]
    while names and not names[-1]:
        names.pop()
    names = [name or f"_column_{i}" for i, name in enumerate(names, 1)]
    if not names:
        raise SourceError(path, f"{where}: the header row is blank")
    dupes = sorted(name for name, n in Counter(names).items() if n > 1)
    if dupes:
        raise SourceError(path, f"{where}: duplicate column names in the header: {', '.join(dupes)}")
    return names


def extra_cells(row: Sequence[Any], width: int) -> int:
    """How many cells past ``width`` hold something (blank padding does not count)."""
    return sum(1 for c in row[width:] if not is_blank(c))
