"""Relay plumbing: global ids, offset cursors, connection slices."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from api._errors import ApiError, Code
from schema import REGISTRY

T = TypeVar("T")
DEFAULT_PAGE = 20


def to_global_id(label: str, key: str) -> str:
    return base64.urlsafe_b64encode(f"{label}:{key}".encode()).decode().rstrip("=")


def from_global_id(global_id: str) -> tuple[str, str]:
    """The (label, key) of a global id in the one form ``to_global_id`` writes: a raw key,
    a padded, re-encoded or otherwise altered form is refused, so each node has one id."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        label, sep, key = base64.urlsafe_b64decode(padded.encode()).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        label, sep, key = "", "", ""
    if not sep or label not in REGISTRY.nodes or not key or to_global_id(label, key) != global_id:
        raise ApiError(Code.BAD_USER_INPUT, f"not a valid id: {global_id!r:.80}")
    return label, key


def cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


Order = list[tuple[str, bool]]  # (property, descending) pairs, then the key


def keyset_cursor(order: Order, row: dict[str, Any]) -> str:
    """A cursor naming ``row`` by its place in ``order``: its order values and key, so the
    next page starts after it even when rows are written between the fetches."""
    values = [_typed(row.get(p)) for p, _ in order]
    text = json.dumps({"o": [[p, d] for p, d in order], "v": values, "k": row["id"]}, ensure_ascii=False)
    return base64.urlsafe_b64encode(f"k:{text}".encode()).decode()


def _typed(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    return value


def _untyped(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        kind, text = next(iter(value.items()))
        if kind == "t":
            return dt.datetime.fromisoformat(text)
        if kind == "d":
            return dt.date.fromisoformat(text)
    if isinstance(value, dict | list):
        raise ValueError(value)
    return value


def position_after(after: str | None, order: Order) -> tuple[int, tuple[list[Any], str] | None]:
    """Where the page after the cursor ``after`` starts: an offset (cursors of the offset
    form, still read) or a keyset position, which must be of this very ``order`` (a cursor
    of another order, or of a sort the server dropped, names no place in this one)."""
    if not after:
        return 0, None
    try:
        kind, _, value = base64.urlsafe_b64decode(after.encode()).decode().partition(":")
        if kind == "o":
            return int(value) + 1, None
        if kind != "k":
            raise ValueError(kind)
        given = json.loads(value)
        if [tuple(o) for o in given["o"]] != [tuple(o) for o in order] or not isinstance(given["k"], str):
            raise ValueError("order")
        return 0, ([_untyped(v) for v in given["v"]], given["k"])
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError):
        raise ApiError(Code.BAD_USER_INPUT, f"not a valid cursor for this order: {after!r:.80}") from None


def offset_after(after: str | None) -> int:
    """The offset of the first item after the cursor ``after`` (0 without one)."""
    if not after:
        return 0
    try:
        kind, _, value = base64.urlsafe_b64decode(after.encode()).decode().partition(":")
        if kind != "o":
            raise ValueError(kind)
        return int(value) + 1
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise ApiError(Code.BAD_USER_INPUT, f"not a valid cursor: {after!r}") from None


def page_size(first: int | None, max_page: int) -> int:
    if first is None:
        return DEFAULT_PAGE
    if first < 0 or first > max_page:
        raise ApiError(Code.BAD_USER_INPUT, f"first must be between 0 and {max_page}, got {first}")
    return first


@dataclass
class Edge(Generic[T]):
    cursor: str
    node: T
    props: dict[str, Any]


@dataclass
class Slice(Generic[T]):
    edges: list[Edge[T]]
    has_next: bool
    has_previous: bool
    total: int | None = None
    count: Callable[[], Awaitable[int]] | None = None


def slice_list(items: Sequence[tuple[T, dict[str, Any]]], first: int, after: int) -> Slice[T]:
    window = items[after : after + first]
    edges = [Edge(cursor(after + i), node, props) for i, (node, props) in enumerate(window)]
    return Slice(edges, after + first < len(items), after > 0, len(items))
