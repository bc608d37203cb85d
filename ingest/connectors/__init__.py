"""Streaming record connectors: CSV/TSV, JSON Lines, JSON arrays and XLSX, read record by record.

Each connector only reads: it yields a :class:`RawRecord` per record, a
:class:`RawReject` per record that cannot be read (the run writes it to its
rejects and goes on), and raises :class:`SourceError` when the file as a whole
cannot be read. Memory stays constant in the size of the file.
"""

from ._encoding import detect_encoding
from ._model import (
    BAD_JSON,
    EMPTY_RECORD,
    EXTRA_COLUMNS,
    FORMULA_WITHOUT_VALUE,
    NOT_AN_OBJECT,
    REJECT_REASONS,
    TRUNCATED_LINE,
    UNDECODABLE,
    MissingColumns,
    RawRecord,
    RawReject,
    Records,
    SourceError,
)
from ._read import read_records
from ._sniff import KINDS

__all__ = [
    "BAD_JSON",
    "EMPTY_RECORD",
    "EXTRA_COLUMNS",
    "FORMULA_WITHOUT_VALUE",
    "KINDS",
    "NOT_AN_OBJECT",
    "REJECT_REASONS",
    "TRUNCATED_LINE",
    "UNDECODABLE",
    "MissingColumns",
    "RawRecord",
    "RawReject",
    "Records",
    "SourceError",
    "detect_encoding",
    "read_records",
]
