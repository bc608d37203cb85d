"""Source texts: plain-text files, RFC 822 e-mails and JSONL notes, read one document at a time.

Bad input never stops a run: an empty, binary, oversized or undecodable document
becomes a ``Reject`` (file, line, reason, detail) and reading goes on.
"""

from __future__ import annotations

import email
import email.policy
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from ingest.records.rejects import Reject

MAX_BYTES = 2 << 20  # a note longer than 2 MiB is not a note: rejected as too_large
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)
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


def decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), else the best charset_normalizer guess; None for binary data."""
    if b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data[: 1 << 20]).best()
        if best is None:
            return None
        return data.decode(best.encoding, errors="replace")


def html_to_text(text: str) -> str:
    text = re.sub(r"<br\s*/?>|</p>|</div>", "\n", text, flags=re.I)
    return html.unescape(_TAGS.sub(" ", text))


def _check(body: str, source: str, line: int) -> Reject | None:
    if not body.strip():
        return Reject(source, line, "text", None, "empty", "no text")
    sample = body[:4096]
    if len(_CONTROL.findall(sample)) > 0.05 * len(sample) or sample.count("\ufffd") > 0.1 * len(sample):
        return Reject(source, line, "text", None, "binary", "control characters or undecodable bytes")
    return None


def _parse_at(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        at = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _email(data: bytes, path: Path) -> TextDocument:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    part = msg.get_body(preferencelist=("plain", "html"))
    body = ""
    if part is not None:
        content = part.get_content()
        body = content if isinstance(content, str) else decode(content) or ""
        if part.get_content_subtype() == "html":
            body = html_to_text(body)
    try:
        at = parsedate_to_datetime(str(msg["Date"])) if msg["Date"] else None
    except (TypeError, ValueError):
        at = None
    mid = str(msg["Message-ID"] or "").strip("<>").split("@")[0].split(".")[0]
    addresses = getaddresses([str(msg[h]) for h in ("To", "Cc", "From") if msg[h]])
    domains = tuple(dict.fromkeys(a.rsplit("@", 1)[-1].lower() for _, a in addresses if "@" in a))
    return TextDocument(
        mid or path.stem,
        "email",
        body,
        str(path),
        1,
        guess_lang(body),
        at,
        "",
        str(msg["Subject"] or ""),
        domains,
    )


def _jsonl(path: Path) -> Iterator[TextDocument | Reject]:
    with path.open("rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            text = decode(raw)
            try:
                row = json.loads(text) if text is not None else None
            except json.JSONDecodeError as exc:
                yield Reject(str(path), n, None, None, "bad_json", str(exc))
                continue
            if not isinstance(row, dict):
                yield Reject(str(path), n, None, None, "bad_json", "not an object")
                continue
            body = str(row.get("text") or "")
            if len(body.encode()) > MAX_BYTES:
                yield Reject(str(path), n, "text", None, "too_large", f"{len(body)} characters")
                continue
            reject = _check(body, str(path), n)
            if reject:
                yield reject
                continue
            doc_id = str(row.get("id") or row.get("doc_id") or f"{path.stem}:{n}")
            lang = str(row.get("lang") or guess_lang(body))
            yield TextDocument(
                doc_id,
                str(row.get("kind") or "note"),
                body,
                str(path),
                n,
                lang,
                _parse_at(row.get("at")),
                str(row.get("account_id") or ""),
            )


def read_documents(paths: list[Path]) -> Iterator[TextDocument | Reject]:
    """Every document under ``paths`` (files or directories: *.txt, *.eml, *.jsonl), or its reject."""
    for path in _files(paths):
        if path.suffix.lower() == ".jsonl":
            yield from _jsonl(path)
            continue
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Reject(str(path), 1, None, None, "too_large", f"{size} bytes")
            continue
        data = path.read_bytes()
        if path.suffix.lower() == ".eml":
            doc = _email(data, path)
        else:
            text = decode(data)
            if text is None:
                yield Reject(str(path), 1, None, None, "binary", "NUL bytes or no text encoding fits")
                continue
            body = html_to_text(text) if "<html" in text[:2000].lower() else text
            doc = TextDocument(path.stem, "text", body, str(path), 1, guess_lang(body))
        reject = _check(doc.body, str(path), 1)
        yield reject or doc


def _files(paths: list[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.suffix.lower() in {".txt", ".eml", ".jsonl"})
        elif p.exists():
            yield p
