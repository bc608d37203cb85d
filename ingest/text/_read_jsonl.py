"""JSONL notes, one object a line: ``text`` is required (and must be text); ``id``,
``kind``, ``lang``, ``at`` (ISO 8601) and ``account_id`` are optional. A bad line is a
reject naming the line and the field; the other lines are read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingest.records.rejects import Reject

from ._read_text import (
    BAD_DATE,
    BAD_JSON,
    MISSING_FIELD,
    NOT_TEXT,
    TOO_LARGE,
    TextDocument,
    check_body,
    decode,
    guess_lang,
    is_binary,
)

TEXT_FIELDS = ("id", "doc_id", "kind", "lang", "account_id")


def read_jsonl(path: Path, max_bytes: int) -> Iterator[TextDocument | Reject]:
    source = str(path)
    with path.open("rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            text = None if is_binary(raw) else decode(raw)
            try:
                row = json.loads(text) if text is not None else None
            except json.JSONDecodeError as exc:
                yield Reject(source, n, None, None, BAD_JSON, str(exc))
                continue
            if not isinstance(row, dict):
                yield Reject(source, n, None, None, BAD_JSON, "not a JSON object")
                continue
            yield from _note(row, source, n, max_bytes, path.stem)


def _note(
    row: dict[str, Any], source: str, n: int, max_bytes: int, stem: str
) -> Iterator[TextDocument | Reject]:
    if "text" not in row or row["text"] is None:
        yield Reject(source, n, "text", None, MISSING_FIELD, "a note needs its text")
        return
    wrong = "text" if not isinstance(row["text"], str) else _structured(row)
    if wrong is not None:
        value = json.dumps(row[wrong], ensure_ascii=False)[:200]
        yield Reject(source, n, wrong, value, NOT_TEXT, f"a JSON {type(row[wrong]).__name__}, not text")
        return
    body: str = row["text"]
    if len(body.encode("utf-8", "surrogatepass")) > max_bytes:
        yield Reject(source, n, "text", None, TOO_LARGE, f"{len(body)} characters")
        return
    reject = check_body(body, source, n)
    if reject:
        yield reject
        return
    at = _parse_at(row.get("at"))
    if at is None and row.get("at"):
        yield Reject(
            source, n, "at", str(row["at"])[:200], BAD_DATE, "not an ISO 8601 date: the note is kept"
        )
    yield TextDocument(
        str(row.get("id") or row.get("doc_id") or f"{stem}:{n}"),
        str(row.get("kind") or "note"),
        body,
        source,
        n,
        str(row.get("lang") or guess_lang(body)),
        at,
        str(row.get("account_id") or ""),
    )


def _structured(row: dict[str, Any]) -> str | None:
    """The first optional field holding a JSON object or list (a number or flag reads as text)."""
    return next((k for k in TEXT_FIELDS if isinstance(row.get(k), dict | list)), None)


def _parse_at(value: Any) -> datetime | None:
    try:
        at = datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    return at if at is None or at.tzinfo else at.replace(tzinfo=UTC)
