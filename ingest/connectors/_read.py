"""``read_records``: one entry point over the kinds of file."""

from __future__ import annotations

from pathlib import Path

from ._csv import read_csv
from ._encoding import check_encoding, detect_encoding
from ._json import read_json_array
from ._jsonl import read_jsonl
from ._model import MissingColumns, RawRecord, Records
from ._sniff import NUL_WINDOW, check_head, kind_of, read_head
from ._xlsx import read_xlsx


def read_records(
    path: Path | str,
    *,
    kind: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    delimiter: str = ",",
    start_line: int = 0,
    columns: frozenset[str] = frozenset(),
) -> Records:
    """Stream the records of a customer export, in constant memory.

    ``kind`` is ``csv``, ``tsv``, ``jsonl``, ``json`` (an array of objects) or
    ``xlsx``; None takes it from the suffix (``.csv``, ``.tsv``/``.tab``,
    ``.jsonl``/``.ndjson``, ``.json``, ``.xlsx``/``.xlsm``). ``encoding`` (text
    kinds only) defaults to :func:`detect_encoding`; ``sheet`` (XLSX only) to the
    first worksheet; ``delimiter`` applies to CSV (TSV uses a tab unless another
    is given). Records and rejects whose ``line`` is ``<= start_line`` are skipped,
    to resume a run that stopped after writing that line. ``columns`` are the ones the
    caller maps: a CSV, TSV or XLSX header without all of them is a :class:`MissingColumns`
    before any record is yielded (JSON records name their own fields, one by one).

    A record that cannot be read is yielded as a :class:`RawReject` and reading
    goes on. :class:`SourceError` means the file as a whole cannot be read: this
    call raises it for what the first bytes show (missing, empty, binary, unknown
    kind or encoding); iterating raises it for what only reading shows (no header,
    no such sheet, a JSON array broken part-way, an unclosed CSV quote).
    """
    path = Path(path)
    found = kind_of(path, kind)
    if len(delimiter) != 1:
        raise ValueError(f"delimiter must be one character, not {delimiter!r}")
    if found == "xlsx" and encoding is not None:
        raise ValueError("encoding= applies to text files, not XLSX")
    if found != "xlsx" and sheet is not None:
        raise ValueError(f"sheet= applies to XLSX only, not {found}")
    check_head(path, read_head(path, NUL_WINDOW), found)
    records: Records
    if found == "xlsx":
        records = read_xlsx(path, sheet, columns)
    else:
        text_encoding = check_encoding(path, encoding) if encoding else detect_encoding(path)
        if found == "json":
            records = read_json_array(path, text_encoding)
        elif found == "jsonl":
            records = read_jsonl(path, text_encoding)
        else:
            sep = "\t" if found == "tsv" and delimiter == "," else delimiter
            records = read_csv(path, text_encoding, sep)
    if columns and found in _TABULAR:
        records = _with_columns(records, str(path), columns)
    return _after(records, start_line) if start_line > 0 else records


_TABULAR = frozenset({"csv", "tsv", "xlsx"})


def _with_columns(records: Records, path: str, columns: frozenset[str]) -> Records:
    """The records, once the first one shows the header holds every column in ``columns``."""
    checked = False
    try:
        for item in records:
            if not checked and isinstance(item, RawRecord):
                missing = columns - item.fields.keys()
                if missing:
                    raise MissingColumns(path, tuple(sorted(missing)))
                checked = True
            yield item
    finally:
        records.close()


def _after(records: Records, start_line: int) -> Records:
    try:
        for item in records:
            if item.line > start_line:
                yield item
    finally:
        records.close()
