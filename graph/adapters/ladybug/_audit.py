"""Edges read from both ends: LadybugDB stores each edge once per direction.

A forward adjacency list (start node -> edges) and a backward one (end node -> edges)
hold the same edges, each under its internal id. Damage to one of them (see ``_edges``:
in-place updates scrambled the forward lists) shows as an id whose ends differ between
the two, or an id listed twice. The join hints choose the direction a scan extends in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pyarrow as pa

from schema import Registry, check_identifier

ReadArrow = Callable[[str], pa.Table]


def audit(read: ReadArrow, registry: Registry, rel_type: str) -> list[str]:
    """A line per kind of disagreement between the two directions, per endpoint pair."""
    rel = registry.rel(rel_type)
    problems: list[str] = []
    for a, b in rel.endpoints:
        start, end = registry.node(a), registry.node(b)
        pattern = (
            f"MATCH (a:{check_identifier(a)})-[e:{check_identifier(rel.type)}]->(b:{check_identifier(b)})"
        )
        columns = f"RETURN offset(id(e)) AS i, a.{start.key} AS s, b.{end.key} AS t"
        forward = _edges(read(f"{pattern} HINT (a JOIN e) JOIN b {columns}"))
        backward = _edges(read(f"{pattern} HINT (b JOIN e) JOIN a {columns}"))
        where = f"{rel.type} ({a}->{b})"
        for side, found in (("their start", forward), ("their end", backward)):
            repeated = [i for i, n in Counter(i for i, _ in found).items() if n > 1]
            if repeated:
                ids = _count(len(repeated), "internal edge id is", "internal edge ids are")
                problems.append(
                    f"{where}: {ids} listed more than once when read from {side} nodes "
                    f"(e.g. edge #{repeated[0]})"
                )
        ends_from_start, ends_from_end = dict(forward), dict(backward)
        differ = sorted(
            i
            for i in ends_from_start.keys() | ends_from_end.keys()
            if ends_from_start.get(i) != ends_from_end.get(i)
        )
        if differ:
            i = differ[0]
            edges = _count(len(differ), "edge differs", "edges differ")
            problems.append(
                f"{where}: {edges} between reading from the start nodes and from the end nodes "
                f"(e.g. edge #{i}: {_shown(a, b, ends_from_start.get(i))} from the start, "
                f"{_shown(a, b, ends_from_end.get(i))} from the end)"
            )
    return problems


def _edges(table: pa.Table) -> list[tuple[int, tuple[str, str]]]:
    ids = table.column("i").to_pylist()
    ends = zip(table.column("s").to_pylist(), table.column("t").to_pylist(), strict=True)
    return list(zip(ids, ends, strict=True))


def _shown(a: str, b: str, ends: tuple[str, str] | None) -> str:
    return "missing" if ends is None else f"{a}:{ends[0]!r}->{b}:{ends[1]!r}"


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"
