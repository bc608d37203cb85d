"""JSON Lines: one object per line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ._encoding import has_marks, open_marked, undecodable_detail, unmark
from ._model import (
    BAD_JSON,
    EMPTY_RECORD,
    NOT_AN_OBJECT,
    UNDECODABLE,
    RawRecord,
    RawReject,
    Records,
    SourceError,
    clip,
)
from ._rows import is_blank

MAX_LINE_CHARS = 1 << 24
"""A longer line is rejected (and skipped in pieces) rather than held in memory whole."""

JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}


def read_jsonl(path: Path, encoding: str) -> Records:
    """Records of a JSON Lines file; ``line`` is the physical line. Blank lines are skipped."""
    source = str(path)
    seen = False
    with open_marked(path, encoding) as stream:
        number = 0
        while line := stream.readline(MAX_LINE_CHARS + 1):
            number += 1
            if number == 1:
                line = line.lstrip("\ufeff")
            if len(line) > MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
                rest = line
                while rest and not rest.endswith(("\n", "\r")):
                    rest = stream.readline(MAX_LINE_CHARS + 1)
                detail = f"line longer than {MAX_LINE_CHARS} characters"
                yield RawReject(source, number, BAD_JSON, detail, clip(unmark(line)))
                seen = True
                continue
            if not line.strip():
                continue
            seen = True
            yield _record(source, number, line, encoding)
    if not seen:
        raise SourceError(source, "no records: the file holds only blank lines")


def _record(source: str, number: int, line: str, encoding: str) -> RawRecord | RawReject:
    text = line.rstrip("\r\n")
    if has_marks(line):
        return RawReject(source, number, UNDECODABLE, undecodable_detail(line, encoding), clip(unmark(text)))
    try:
        value: Any = json.loads(line)
    except json.JSONDecodeError as e:
        return RawReject(source, number, BAD_JSON, f"{e.msg} at column {e.colno}", clip(text))
    except (ValueError, RecursionError) as e:  # e.g. nesting too deep, a number too long
        return RawReject(source, number, BAD_JSON, str(e) or type(e).__name__, clip(text))
    return object_record(source, number, value, text)


def object_record(source: str, number: int, value: Any, text: str | None = None) -> RawRecord | RawReject:
    """A parsed JSON value as a record, or the reject saying why it is none.

    ``text`` is the value's source text for a reject's ``raw``; None dumps the value.
    """
    if type(value) is dict:
        for v in value.values():  # a loop, not all(): records are read by the million
            if not is_blank(v):
                return RawRecord(source, number, value)
        detail = "an empty object" if not value else "every value is null or blank"
        return RawReject(source, number, EMPTY_RECORD, detail, _raw(value, text))
    what = "null" if value is None else JSON_TYPES.get(type(value), type(value).__name__)
    return RawReject(source, number, NOT_AN_OBJECT, f"{what}, not an object", _raw(value, text))


def _raw(value: Any, text: str | None) -> str:
    return clip(json.dumps(value, ensure_ascii=False, default=str) if text is None else text)
