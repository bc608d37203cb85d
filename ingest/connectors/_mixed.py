"""GB18030 exports with UTF-8 lines among them, decoded line by line.

A file appended to by two systems (an ERP writing GB18030, a web form writing UTF-8)
decodes as GB18030 without an error: every UTF-8 line turns into rare ideographs
('Zürich' into 'Z眉rich') and would be stored so. A line that is valid UTF-8 is almost
never meant as GB18030 (its lead bytes want continuation bytes 0x80-0xBF, which Chinese
GB text rarely supplies in the right order), so each line is read as UTF-8 when it is
valid UTF-8, else as GB18030 with the caller's error handler. A line never splits a
character in either encoding (0x0A is never part of a multibyte sequence).
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing_extensions import Buffer

NAME = "accountgraph_gb18030_lines"


class _Decoder(codecs.IncrementalDecoder):
    def __init__(self, errors: str = "strict") -> None:
        super().__init__(errors)
        self._pending = b""

    def decode(self, input: Buffer, final: bool = False) -> str:
        data = self._pending + bytes(input)
        cut = len(data) if final else data.rfind(b"\n") + 1
        self._pending = data[cut:]
        return "".join(self._line(line) for line in data[:cut].splitlines(keepends=True))

    def _line(self, line: bytes) -> str:
        if line.isascii():
            return line.decode("ascii")
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError:
            return line.decode("gb18030", self.errors)

    def reset(self) -> None:
        self._pending = b""

    def getstate(self) -> tuple[bytes, int]:
        return self._pending, 0

    def setstate(self, state: tuple[bytes, int]) -> None:
        self._pending = state[0]


def _decode(data: Buffer, errors: str = "strict") -> tuple[str, int]:
    whole = bytes(data)
    return _Decoder(errors).decode(whole, final=True), len(whole)


def _search(name: str) -> codecs.CodecInfo | None:
    if name != NAME:
        return None
    gb = codecs.lookup("gb18030")
    return codecs.CodecInfo(
        gb.encode,
        _decode,
        name=NAME,
        incrementalencoder=gb.incrementalencoder,
        incrementaldecoder=_Decoder,
    )


codecs.register(_search)


def per_line(encoding: str) -> str:
    """The codec to read a file of ``encoding`` with: GB18030 line by line, else as given."""
    try:
        return NAME if codecs.lookup(encoding).name == "gb18030" else encoding
    except LookupError:
        return encoding
