"""JSON arrays of objects, streamed element by element with ijson."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import ijson  # type: ignore[import-untyped]

from ._jsonl import object_record
from ._model import Records, SourceError

CHUNK_CHARS = 1 << 16
_SPACE = " \t\r\n\ufeff"


class _Utf8Reader:
    """A text stream seen as UTF-8 bytes, the only encoding ijson's parser reads.

    Going through text lets a GB18030 (or UTF-16, or BOM-prefixed) file be parsed
    like any other; ``peek`` finds the first significant character so a top-level
    non-array is refused before parsing starts.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._pending = ""

    def peek(self) -> str:
        """The first character that is not whitespace or a BOM; ``""`` at the end."""
        while not self._pending:
            chunk = self._stream.read(CHUNK_CHARS)
            if not chunk:
                return ""
            self._pending = chunk.lstrip(_SPACE)
        return self._pending[0]

    def read(self, size: int = -1) -> bytes:
        if size == 0:
            return b""
        if self._pending:
            text, self._pending = self._pending, ""
        else:
            text = self._stream.read(size if size > 0 else -1)
        return text.encode("utf-8")


def read_json_array(path: Path, encoding: str) -> Records:
    """Records of a file holding one JSON array of objects; ``line`` is the element number.

    A syntax error or an invalid byte part-way through is a ``SourceError`` naming
    the last good element: inside one JSON document there is no telling where the
    next element would start, so the rest cannot be read (resume with
    ``start_line`` once the file is fixed).
    """
    source = str(path)
    with path.open(encoding=encoding, errors="strict", newline="") as stream:
        reader = _Utf8Reader(stream)
        try:
            first = reader.peek()
        except UnicodeDecodeError as e:
            raise SourceError(source, f"not valid {encoding} ({e.reason})") from None
        if first != "[":
            what = "nothing but whitespace" if not first else f"{first!r} where '[' was expected"
            hint = " (one object per line is kind='jsonl')" if first == "{" else ""
            raise SourceError(source, f"the top level is not a JSON array: {what}{hint}")
        number = 0
        try:
            for value in ijson.items(reader, "item", use_float=True):
                number += 1
                yield object_record(source, number, value)
        except ijson.JSONError as e:
            message = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise SourceError(source, f"invalid JSON after element {number}: {message}") from None
        except UnicodeDecodeError as e:
            raise SourceError(
                source, f"bytes not valid in {encoding} after element {number} ({e.reason})"
            ) from None
