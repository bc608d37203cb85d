"""Arrow tables for LadybugDB's ``COPY FROM``: every column of the table, in table order.

``COPY`` needs all of a table's columns (missing properties are nulls) and keeps
TIMESTAMPs without an offset, so aware datetimes become naive UTC here as they do on
the query path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from schema import Prop, PropType

ARROW_TYPES: dict[PropType, pa.DataType] = {
    PropType.STRING: pa.string(),
    PropType.INT: pa.int64(),
    PropType.FLOAT: pa.float64(),
    PropType.BOOL: pa.bool_(),
    PropType.DATE: pa.date32(),
    PropType.DATETIME: pa.timestamp("us"),
    PropType.STRING_LIST: pa.list_(pa.string()),
}


def _naive_utc(rows: Sequence[dict[str, Any]], columns: list[str]) -> list[dict[str, Any]]:
    if not columns:
        return list(rows)
    out = []
    for row in rows:
        if any(row.get(c) is not None for c in columns):
            row = dict(row)  # noqa: PLW2901 - a converted copy; the caller's row is untouched
            for c in columns:
                if isinstance(row.get(c), dt.datetime):
                    row[c] = row[c].astimezone(dt.UTC).replace(tzinfo=None)
        out.append(row)
    return out


def table(rows: Sequence[dict[str, Any]], props: Sequence[Prop], endpoints: bool = False) -> pa.Table:
    """Rows as an Arrow table with one column per property (endpoint keys first for edges)."""
    fields = [pa.field(p.name, ARROW_TYPES[p.type]) for p in props]
    if endpoints:
        fields = [pa.field("_from", pa.string()), pa.field("_to", pa.string()), *fields]
    stamps = [p.name for p in props if p.type is PropType.DATETIME]
    return pa.Table.from_pylist(_naive_utc(rows, stamps), schema=pa.schema(fields))
