"""Text encodings: detection from a bounded sample, and decoding that marks bad bytes.

Decoding policy for the line-oriented readers (CSV, JSONL): the file is decoded as
one stream with an error handler that never replaces anything silently. Each byte
the decoder rejects becomes a lone surrogate ``U+DC00 + byte`` (``surrogateescape``
extended to ASCII bytes, which some multibyte decoders include in an error span),
and each run of them is preceded by the lone surrogate ``U+D800`` so that finding
one is a plain substring test rather than a regex scan of every record. Lone
surrogates cannot come out of a strict decode of any encoding, so a record whose
text contains one is exactly a record with invalid bytes: the reader rejects that
record as ``undecodable`` and goes on. The whole file is never
decoded leniently into records, and one bad byte sequence costs one record.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import IO

from charset_normalizer import from_bytes

from ._mixed import per_line
from ._model import SourceError

SAMPLE_SIZE = 1 << 20
"""Bytes read to decide an encoding; the rest of the file is never looked at."""
GB2312_SHARE = 0.8
"""Share of non-ASCII characters that must be common (GB2312) Chinese for a GB18030 verdict."""
BAD_SHARE = 0.01
"""Share of the sample's non-ASCII bytes that may be invalid in an encoding that still fits.

A UTF-8 export with one corrupt record stays UTF-8 (that record is rejected as
``undecodable``) instead of being handed, whole, to a guess that would decode every
record wrongly without a word.
"""

MARK_ERRORS = "accountgraph.connectors.mark"
_MARK = "\ud800"
_BAD_BYTE = re.compile("[\udc00-\udcff]")
_MARKED = re.compile("\ud800([\udc00-\udcff]+)")
_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _mark(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return _MARK + "".join(chr(0xDC00 + b) for b in bad), error.end


codecs.register_error(MARK_ERRORS, _mark)


def detect_encoding(path: Path) -> str:
    """The encoding of a text file, decided from its first :data:`SAMPLE_SIZE` bytes.

    In order: a byte-order mark (``utf-8-sig``, or ``utf-16``/``utf-32``); valid
    UTF-8 (``utf-8``; plain ASCII counts); GB18030, the Chinese ERP exports' encoding,
    when the sample decodes as such *and* reads as Chinese (most non-ASCII characters
    are common GB2312 ones; Latin-1 text such as ``Müller`` also decodes as GB18030,
    into rare ideographs); else charset-normalizer's best guess. "Valid" allows
    :data:`BAD_SHARE` of the non-ASCII bytes to be invalid, so one corrupt record
    does not change the verdict for the whole file. ``SourceError`` when the file is
    missing or empty or no encoding fits.
    """
    path = Path(path)
    try:
        with path.open("rb") as f:
            sample = f.read(SAMPLE_SIZE)
    except OSError as e:
        raise SourceError(str(path), f"cannot be read ({e.strerror or e})") from None
    if not sample:
        raise SourceError(str(path), "the file is empty")
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    whole = len(sample) < SAMPLE_SIZE  # else the sample may end inside a character
    non_ascii = len(sample) - len(sample.decode("ascii", "ignore"))
    if non_ascii == 0:
        return "utf-8"
    text = _decode(sample, "utf-8", whole)
    if _bad_share(text, non_ascii) <= BAD_SHARE:
        return "utf-8"
    text = _decode(sample, "gb18030", whole)
    if _bad_share(text, non_ascii) <= BAD_SHARE and _reads_as_chinese(text):
        return "gb18030"
    best = from_bytes(sample).best()
    if best is None:
        raise SourceError(str(path), "cannot tell the text encoding; pass encoding=")
    return best.encoding


def _decode(sample: bytes, encoding: str, whole: bool) -> str:
    return codecs.getincrementaldecoder(encoding)(MARK_ERRORS).decode(sample, final=whole)


def _bad_share(text: str, non_ascii: int) -> float:
    return len(_BAD_BYTE.findall(text)) / non_ascii


def _reads_as_chinese(text: str) -> bool:
    text = _MARKED.sub("", text)  # the bad bytes are counted by _bad_share
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii == 0:
        return False
    uncommon = text.encode("gb2312", "replace").count(b"?") - text.count("?")
    return (non_ascii - uncommon) >= GB2312_SHARE * non_ascii


def check_encoding(path: Path, encoding: str) -> str:
    """``encoding`` if Python knows it, else ``SourceError``."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise SourceError(str(path), f"unknown encoding {encoding!r}") from None
    return encoding


def open_marked(path: Path, encoding: str) -> IO[str]:
    """``path`` as text, bad bytes marked (see the module docstring), newlines untranslated;
    a GB18030 file's UTF-8 lines are read as UTF-8 (``_mixed``)."""
    return path.open(encoding=per_line(encoding), errors=MARK_ERRORS, newline="")


def has_marks(text: str) -> bool:
    """Whether ``text`` holds bytes the decoder rejected."""
    return _MARK in text


def unmark(text: str) -> str:
    """``text`` with each rejected byte written as ``\\xNN``, safe to write anywhere."""
    return _MARKED.sub(lambda m: "".join(f"\\x{ord(c) - 0xDC00:02x}" for c in m.group(1)), text)


def undecodable_detail(text: str, encoding: str) -> str:
    """Words for a record holding rejected bytes: which bytes, in which encoding."""
    bad = _BAD_BYTE.findall(text)
    shown = " ".join(f"0x{ord(c) - 0xDC00:02x}" for c in bad[:8])
    more = f" and {len(bad) - 8} more" if len(bad) > 8 else ""
    return f"bytes not valid in {encoding}: {shown}{more}"
