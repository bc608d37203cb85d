"""A note as a document: its type, its text from bytes, and the reasons a note is rejected.

Reason codes (``rejects.jsonl``): ``empty`` (no text), ``binary`` (NUL or control bytes:
an image, an archive), ``undecodable`` (no text encoding fits), ``too_large``,
``no_text`` (an e-mail with no text part), ``bad_json``, ``missing_field``, ``not_text``
(a JSONL field that must be text is not) and ``bad_date`` (the date is dropped, the note
kept). A file-level reject has line 0, a JSONL note its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from charset_normalizer import from_bytes

from ingest.records.rejects import Reject

from ._read_html import html_to_text, looks_like_html

EMPTY, BINARY, UNDECODABLE, TOO_LARGE = "empty", "binary", "undecodable", "too_large"
UNREADABLE = "unreadable"  # the system refused to read it: permissions, a device, gone since listed
NO_TEXT, BAD_JSON, MISSING_FIELD, NOT_TEXT, BAD_DATE = (
    "no_text",
    "bad_json",
    "missing_field",
    "not_text",
    "bad_date",
)

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class TextDocument:
    doc_id: str
    kind: str  # note, call_note, meeting_note, email, text
    body: str
    source: str  # the file
    line: int = 0
    lang: str = ""
    at: datetime | None = None
    account_id: str = ""
    title: str = ""
    domains: tuple[str, ...] = ()  # e-mail domains of the sender and recipients


def guess_lang(text: str) -> str:
    sample = text[:2000]
    return "zh" if len(_CJK.findall(sample)) > 0.1 * max(1, len(sample.strip())) else "en"


def is_binary(data: bytes) -> bool:
    """NUL bytes: no text encoding a note is written in has them (UTF-16 notes are not read)."""
    return b"\x00" in data[:8192]


def decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), else the best charset_normalizer guess; None when none fits."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data[: 1 << 20]).best()
        if best is None:
            return None
        return data.decode(best.encoding, errors="replace")


def check_body(body: str, source: str, line: int) -> Reject | None:
    """A reject for a body that holds no text, or bytes that were no text."""
    if not body.strip():
        return Reject(source, line, "text", None, EMPTY, "no text")
    sample = body[:4096]
    if len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        return Reject(source, line, "text", None, BINARY, "control characters")
    if sample.count("\ufffd") > 0.1 * len(sample):
        return Reject(source, line, "text", None, UNDECODABLE, "bytes no text encoding reads")
    return None


def read_text_file(data: bytes, path: Path) -> TextDocument | Reject:
    """A plain-text or HTML note (HTML read as the text it shows)."""
    if not data.strip():
        return Reject(str(path), 0, None, None, EMPTY, "an empty file")
    if is_binary(data):
        return Reject(str(path), 0, None, None, BINARY, "NUL bytes: not a text file")
    text = decode(data)
    if text is None:
        return Reject(str(path), 0, None, None, UNDECODABLE, "no text encoding fits its bytes")
    html = path.suffix.lower() in (".html", ".htm") or looks_like_html(text)
    body = html_to_text(text) if html else text
    return check_body(body, str(path), 0) or TextDocument(
        path.stem, "text", body, str(path), 1, guess_lang(body)
    )
