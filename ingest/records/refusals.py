"""Rows the store refuses, one by one, found by halving the batch it refused.

A value can pass its mapping and the ontology and still be refused by the store: text
that is not valid Unicode (a lone surrogate, which a JSON escape such as ``\\udc80``
gives) cannot be sent to LadybugDB. A refused batch is written in halves until each
refused row is alone; that row becomes a ``refused_by_store`` reject and every other row
is written, at about 2·log2(batch) extra writes per refused row. Rewriting rows that
were already written before the refusal changes nothing (their content is unchanged).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from graph import QueryError
from ingest.connectors import RawRecord
from ingest.records.rejects import Reject

REFUSED_BY_STORE = "refused_by_store"
Row = dict[str, Any]
Write = Callable[[list[Row]], int]
Refused = Callable[[int, str], None]  # a row's index, the store's reason


def write_refusing(rows: list[Row], write: Write, refused: Refused) -> int:
    """``write(rows)``; each row the store refuses goes to ``refused``, the others are written."""
    return _write(rows, list(range(len(rows))), write, refused)


def _write(rows: list[Row], at: list[int], write: Write, refused: Refused) -> int:
    try:
        return write([rows[i] for i in at])
    except (QueryError, UnicodeError) as exc:  # the embedded store's bulk path encodes text itself
        if len(at) == 1:
            refused(at[0], f"{type(exc).__name__}: {exc}")
            return 0
        half = len(at) // 2
        return _write(rows, at[:half], write, refused) + _write(rows, at[half:], write, refused)


def refusal(record: RawRecord, row: Mapping[str, Any], why: str) -> Reject:
    """The reject for a refused row: its record's place, and the property holding text
    that is not valid Unicode if one does (else no field)."""
    field = next((name for name, value in row.items() if not _unicode(value)), None)
    value = None if field is None else _shown(row[field])
    return Reject(record.source, record.line, field, value, REFUSED_BY_STORE, why)


def _unicode(value: Any) -> bool:
    texts = value if isinstance(value, list) else [value]
    return all(_encodes(t) for t in texts if isinstance(t, str))


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(value: Any) -> str:
    """The value as text the rejects file can hold: a lone surrogate as its escape."""
    return str(value).encode("utf-8", "backslashreplace").decode("utf-8")[:200]
