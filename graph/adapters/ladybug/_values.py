"""Values between Python and LadybugDB: TIMESTAMP holds UTC without an offset."""

from __future__ import annotations

import datetime as dt
from typing import Any


def all_rows(result: Any) -> list[list[Any]]:
    rows: list[list[Any]] = result.get_all()
    return rows


def rows(result: Any) -> list[dict[str, Any]]:
    names = result.get_column_names()
    return [dict(zip(names, (from_store(v) for v in row), strict=True)) for row in all_rows(result)]


def from_store(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.UTC)
    if isinstance(value, dict):
        return {k: from_store(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_store(v) for v in value]
    return value


def to_store(value: Any) -> Any:
    """TIMESTAMP ignores an offset, so aware datetimes are converted to naive UTC first."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, dict):
        if not any(isinstance(v, dt.datetime | dict | list) for v in value.values()):
            return value  # the common row: nothing to convert, no copy
        return {k: to_store(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_store(v) for v in value]
    return value
