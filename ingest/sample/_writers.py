"""Streaming sinks that count physical lines (for corruption ground truth) and hash files."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

from ._corrupt import RATE, Corruptor

FIXED_ZIP_TIME = (2026, 9, 30, 0, 0, 0)


class CsvSink:
    """One CSV file; never writes embedded newlines, so one record is one physical line."""

    def __init__(
        self,
        root: Path,
        rel: str,
        header: list[str],
        corruptor: Corruptor,
        *,
        encoding: str = "utf-8",
        bom: bool = False,
        newline: str = "\n",
    ) -> None:
        self.rel, self.header, self.corruptor = rel, header, corruptor
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        self._f = path.open("w", encoding=encoding, newline="")
        if bom:
            self._f.write("\ufeff")
        self._buf = io.StringIO()
        self._w = csv.writer(self._buf, lineterminator=newline)
        self._write(header)
        self.line = 1
        self.rows = 0

    def _write(self, fields: list[Any]) -> None:
        self._w.writerow(fields)
        if self._buf.tell() > 1 << 16:
            self.flush()

    def flush(self) -> None:
        self._f.write(self._buf.getvalue())
        self._buf.seek(0)
        self._buf.truncate()

    def write(self, row: list[Any], eligible: float = RATE) -> int:
        """Write one record; ``eligible`` is this row's corruption probability (0 = never)."""
        self.line += 1
        self.rows += 1
        cut = self.corruptor.maybe(self.rel, self.line, self.header, row, eligible) if eligible > 0 else None
        if cut is not None:
            partial = str(row[cut])[: max(1, len(str(row[cut])) // 2)]
            self._write([*row[:cut], partial])
        else:
            self._write(row)
        return self.line

    def close(self) -> None:
        self.flush()
        self._f.close()


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps would build one per call


class JsonlSink:
    def __init__(self, root: Path, rel: str, corruptor: Corruptor | None = None) -> None:
        self.rel, self.corruptor = rel, corruptor
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        self._f = path.open("w", encoding="utf-8", newline="\n")
        self.line = 0
        self.rows = 0

    def write(self, obj: dict[str, Any], eligible: float = 0.0) -> int:
        self.line += 1
        self.rows += 1
        if self.corruptor is not None and eligible > 0:
            keys = list(obj)
            values = list(obj.values())
            self.corruptor.maybe(self.rel, self.line, keys, values, eligible)
            obj = dict(zip(keys, values, strict=True))
        self._f.write(_ENCODE(obj) + "\n")
        return self.line

    def close(self) -> None:
        self._f.close()


def normalize_xlsx(path: Path) -> None:
    """Make an openpyxl workbook byte-reproducible: fixed zip times and document dates."""
    with zipfile.ZipFile(path) as src:
        entries = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    stamp = b"2026-09-30T00:00:00Z"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, raw in entries:
            data = raw
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>" + stamp + rb"\g<2>", raw
                )
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, data)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def sha256_tree(folder: Path) -> str:
    """One digest for a folder of many small files (e-mails): names and contents, sorted."""
    h = hashlib.sha256()
    for p in sorted(folder.iterdir()):
        h.update(p.name.encode() + b"\0" + sha256_file(p).encode())
    return h.hexdigest()
