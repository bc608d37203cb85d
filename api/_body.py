"""Reading a request's JSON within limits: its size, and how deeply it nests.

Python's ``json`` parser recurses, so a body of a hundred thousand ``[`` raised
``RecursionError`` (an HTTP 500), and a value nested a few hundred levels deep passes the
parser only to exhaust the stack later, in variable coercion. A body over the size limit
is refused while it streams in, before it is held whole. Past ``max_body_bytes`` (1 MiB)
only a mutation that ingests inline content may go, up to ``max_ingest_bytes`` more.
"""

from __future__ import annotations

import json
from typing import Any

from graphql import FieldNode, GraphQLError, OperationType, get_operation_ast, parse
from starlette.requests import Request

#: mutations that take inline content
INGESTS = frozenset({"ingestRecords", "ingestText"})


class BodyTooLarge(Exception):
    """The body is longer than the server takes (HTTP 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the request body is larger than this server takes ({limit:,} bytes)")


class TooDeep(ValueError):
    """The JSON nests deeper than the server reads (HTTP 400)."""


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refused as soon as it (or its declared length) passes ``limit``."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def loads(text: str | bytes, limit: int) -> Any:
    """``json.loads``, with ``TooDeep`` for a value nested deeper than ``limit`` (whether
    the parser ran out of stack or not) and ``ValueError`` for anything unreadable."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise TooDeep(f"the JSON nests deeper than {limit} levels") from None
    todo: list[tuple[Any, int]] = [(value, 1)]
    while todo:  # iterative: the check itself must not recurse
        item, depth = todo.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        for child in children:
            if isinstance(child, dict | list):
                if depth + 1 > limit:
                    raise TooDeep(f"the JSON nests deeper than {limit} levels")
                todo.append((child, depth + 1))
    return value


def body_limit(max_body: int, max_ingest: int) -> int:
    """The most any body may hold: an ingest's content and the rest of its request."""
    return max(max_body, max_ingest + (1 << 20))


def admits(size: int, max_body: int, query: str, operation_name: str | None) -> bool:
    """Whether a body of ``size`` bytes may carry the operation: any within ``max_body``,
    past it only a mutation whose every root field ingests inline content (judged before
    validation, so a big body does not buy a slow check either)."""
    if size <= max_body:
        return True
    try:
        operation = get_operation_ast(parse(query, max_tokens=1_000), operation_name)
    except GraphQLError:
        return False
    if operation is None or operation.operation is not OperationType.MUTATION:
        return False
    selections = operation.selection_set.selections
    roots = {s.name.value for s in selections if isinstance(s, FieldNode)}
    return len(roots) == len(selections) and roots <= INGESTS
