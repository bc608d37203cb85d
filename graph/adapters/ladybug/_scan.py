"""Whole-type scans as Arrow columns: every node of a label, every edge of a type.

The port's readers page through ``properties(n)`` rows and, for edges, look up start
keys a page at a time; on LadybugDB that costs about 20 µs a value in the Python
binding, which made loading the sample market for the analyses take seconds. Here each
property is one column of an Arrow table (``get_as_arrow``), converted in bulk; the
values and the order are the port's: unset properties left out, datetimes in UTC,
nodes by key, edges by (start key, end key, edge key).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pyarrow as pa

from graph.model import Edge, Node
from schema import NodeType, Prop, PropType, RelType, check_identifier

ReadArrow = Callable[[str, dict[str, Any]], pa.Table]


def _columns(var: str, props: tuple[Prop, ...]) -> str:
    return ", ".join(f"{var}.{check_identifier(p.name)} AS {p.name}" for p in props)


def _records(table: pa.Table, props: tuple[Prop, ...]) -> list[dict[str, Any]]:
    """The table's rows as property dicts without unset values (``graph.port.clean_props``)."""
    names = [p.name for p in props]
    values = [_values(table.column(p.name), p.type) for p in props]
    return [
        {n: v for n, v in zip(names, row, strict=True) if v is not None} for row in zip(*values, strict=True)
    ]


def _values(column: pa.ChunkedArray, kind: PropType) -> list[Any]:
    values: list[Any] = column.to_pylist()
    if kind is PropType.DATETIME:  # TIMESTAMP holds UTC without a zone
        return [None if v is None else v.replace(tzinfo=dt.UTC) for v in values]
    return values


def nodes(read: ReadArrow, node: NodeType, page: int) -> Iterator[Node]:
    """Every node of ``node``'s label in key order, ``page`` at a time."""
    label, key = check_identifier(node.label), check_identifier(node.key)
    after = ""
    while True:
        text = (
            f"MATCH (n:{label}) WHERE n.{key} > $after RETURN {_columns('n', node.props)} "
            f"ORDER BY n.{key} LIMIT $limit"
        )
        rows = _records(read(text, {"after": after, "limit": page}), node.props)
        for props in rows:
            yield Node(node.label, props[node.key], props)
        if len(rows) < page:
            return
        after = rows[-1][node.key]


def edges(read: ReadArrow, rel: RelType, start: NodeType, end: NodeType) -> list[Edge]:
    """Every edge of one endpoint pair, by start key, end key and the edge's key."""
    a, b = check_identifier(start.label), check_identifier(end.label)
    props = rel.props
    ends = f"a.{check_identifier(start.key)} AS _s, b.{check_identifier(end.key)} AS _t"
    text = f"MATCH (a:{a})-[e:{check_identifier(rel.type)}]->(b:{b}) RETURN {ends}"
    text += f", {_columns('e', props)}" if props else ""
    table = read(text, {})
    found = zip(
        table.column("_s").to_pylist(), table.column("_t").to_pylist(), _records(table, props), strict=True
    )
    ordered = sorted(found, key=lambda r: (r[0], r[1], str(r[2].get(rel.key or "", ""))))
    return [Edge(rel.type, (start.label, s), (end.label, t), p) for s, t, p in ordered]
