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


def _naive_utc(row: dict[str, Any]) -> dict[str, Any]:
    if not any(isinstance(v, dt.datetime) for v in row.values()):
        return row
    return {
        k: v.astimezone(dt.UTC).replace(tzinfo=None) if isinstance(v, dt.datetime) else v
        for k, v in row.items()
    }


def table(rows: Sequence[dict[str, Any]], props: Sequence[Prop], endpoints: bool = False) -> pa.Table:
    """Rows as an Arrow table with one column per property (endpoint keys first for edges)."""
    fields = [pa.field(p.name, ARROW_TYPES[p.type]) for p in props]
    if endpoints:
        fields = [pa.field("_from", pa.string()), pa.field("_to", pa.string()), *fields]
    return pa.Table.from_pylist([_naive_utc(r) for r in rows], schema=pa.schema(fields))
