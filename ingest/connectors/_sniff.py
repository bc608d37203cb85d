"""File-level checks made before reading: the file exists, is not empty, is not binary; its kind."""

from __future__ import annotations

from pathlib import Path

from ._model import SourceError

KINDS = ("csv", "tsv", "jsonl", "json", "xlsx")
_BY_SUFFIX = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}
_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC = (  # signature -> what the file most likely is
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (_ZIP, "a zip archive (an .xlsx workbook? pass kind='xlsx')"),
    (_OLE2, "a legacy Office file (.xls? save it as .xlsx or CSV)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
)
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16/32 text legitimately has NUL bytes
NUL_WINDOW = 1024


def kind_of(path: Path, kind: str | None) -> str:
    """The connector kind: as given, else from the suffix; ``SourceError`` when unknown."""
    if kind is None:
        found = _BY_SUFFIX.get(path.suffix.lower())
        if found is None:
            raise SourceError(
                str(path),
                f"unknown kind: suffix {path.suffix!r} is none of {', '.join(sorted(_BY_SUFFIX))}; "
                "pass kind=",
            )
        return found
    if kind.lower() not in KINDS:
        raise SourceError(str(path), f"unknown kind {kind!r} (expected one of {', '.join(KINDS)})")
    return kind.lower()


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes; ``SourceError`` when the file is missing, unreadable or empty."""
    try:
        with path.open("rb") as f:
            head = f.read(size)
    except FileNotFoundError:
        raise SourceError(str(path), "no such file") from None
    except IsADirectoryError:
        raise SourceError(str(path), "is a directory, not a file") from None
    except OSError as e:
        raise SourceError(str(path), f"cannot be read ({e.strerror or e})") from None
    if not head:
        raise SourceError(str(path), "the file is empty")
    return head


def check_head(path: Path, head: bytes, kind: str) -> None:
    """Refuse a file whose first bytes show it is not what ``kind`` reads."""
    if kind == "xlsx":
        if head.startswith(_OLE2):
            raise SourceError(
                str(path), "not an XLSX workbook: a legacy .xls or a password-protected workbook"
            )
        if not head.startswith(_ZIP):
            raise SourceError(str(path), "not an XLSX workbook (not a zip archive)")
        return
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise SourceError(str(path), f"looks binary, not {kind} text: {what}")
    if b"\x00" in head[:NUL_WINDOW] and not head.startswith(_WIDE_BOMS):
        raise SourceError(str(path), f"looks binary, not {kind} text: NUL bytes in the first KiB")
