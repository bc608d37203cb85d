"""Source texts: plain-text and HTML files, RFC 822 e-mails and JSONL notes, read one
document at a time.

Bad input never stops a run: an empty, binary, oversized or undecodable document, an
e-mail without a text part, a JSONL line without its text becomes a ``Reject`` (file,
line, field, reason code: ``_read_text``) and reading goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ingest.records.rejects import Reject

from ._read_email import read_email
from ._read_html import html_to_text
from ._read_jsonl import read_jsonl
from ._read_text import TOO_LARGE, UNREADABLE, TextDocument, guess_lang, read_text_file

__all__ = [
    "MAX_BYTES",
    "NOTE_SUFFIXES",
    "TextDocument",
    "guess_lang",
    "html_to_text",
    "note_files",
    "read_documents",
]

MAX_BYTES = 2 << 20  # a note longer than 2 MiB is not a note: rejected as too_large
NOTE_SUFFIXES = (".txt", ".eml", ".jsonl", ".html", ".htm")


def read_documents(paths: list[Path]) -> Iterator[TextDocument | Reject]:
    """Every document under ``paths`` (files, or directories of *.txt, *.eml, *.html,
    *.jsonl), or its reject."""
    for path in note_files(paths):
        try:
            yield from _read_file(path)
        except OSError as e:
            yield Reject(str(path), 0, None, None, UNREADABLE, e.strerror or type(e).__name__)


def _read_file(path: Path) -> Iterator[TextDocument | Reject]:
    if path.suffix.lower() == ".jsonl":
        yield from read_jsonl(path, MAX_BYTES)
        return
    size = path.stat().st_size
    if size > MAX_BYTES:
        yield Reject(str(path), 0, None, None, TOO_LARGE, f"{size} bytes")
        return
    data = path.read_bytes()
    yield read_email(data, path) if path.suffix.lower() == ".eml" else read_text_file(data, path)


def note_files(paths: list[Path]) -> Iterator[Path]:
    """The files ``paths`` name, and the notes in the directories they name (sorted)."""
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in NOTE_SUFFIXES)
        elif p.exists():
            yield p
