"""Edge upserts on LadybugDB that never update a stored edge in place.

LadybugDB 0.22 can scramble a relationship table when properties of its stored edges are
``SET`` (``MERGE ... SET`` included): in some layouts of a node's adjacency list, the
edges read from their start nodes afterwards point at other nodes (often the node at
offset 0) and internal edge ids repeat, while the same edges read from their end nodes
stay right (``python tools/ladybug_repros.py scramble DIR`` shows it without
AccountGraph). A records rerun after a failed run hit it: 13k PARTICIPATED edges moved
to ``ACT-00000001``, and the rerun's ``MERGE`` then added duplicates of the ones it no
longer found.

So here an edge whose content changed is deleted and created again in one transaction,
an unchanged edge (same ``content_hash``) is not written at all, and a new one is
created. The stored properties a row omits are carried over to the new edge, so the
result is what the port's ``MERGE ... SET`` gives.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph import _cypher
from graph.port import clean_props, group_by_fields, hoisted, shared_params
from schema import NodeType, RelType, Row, check_identifier

Run = Callable[[str, dict[str, Any]], list[dict[str, Any]]]
Identity = tuple[str, str, Hashable]


def _ends(start: NodeType, end: NodeType) -> str:
    return (
        f"UNWIND $rows AS r MATCH (a:{check_identifier(start.label)} {{{start.key}: r._from}}) "
        f"MATCH (b:{check_identifier(end.label)} {{{end.key}: r._to}}) "
    )


def _edge(rel: RelType) -> str:
    ident = f" {{{rel.key}: r.{rel.key}}}" if rel.key else ""
    return f"MATCH (a)-[e:{check_identifier(rel.type)}{ident}]->(b) "


def lookup_text(rel: RelType, start: NodeType, end: NodeType) -> str:
    """The stored edges of ``$rows`` (``_from``, ``_to`` and the type's key), with their properties."""
    key = f", r.{rel.key} AS _key" if rel.key else ""
    return (
        _ends(start, end) + _edge(rel) + f"RETURN r._from AS _from, r._to AS _to{key}, properties(e) AS props"
    )


def delete_text(rel: RelType, start: NodeType, end: NodeType) -> str:
    return _ends(start, end) + _edge(rel) + "DELETE e RETURN count(*) AS deleted"


def create_text(
    rel: RelType, start: NodeType, end: NodeType, names: Sequence[str], shared: Sequence[str]
) -> str:
    """Create one edge per row with the row's properties ``names`` and the batch's ``shared`` ones."""
    values = [f"{check_identifier(n)}: r.{n}" for n in names if n not in ("_from", "_to")]
    values += [f"{check_identifier(n)}: ${_cypher.shared_param(n)}" for n in shared]
    props = f" {{{', '.join(values)}}}" if values else ""
    return (
        _ends(start, end)
        + f"CREATE (a)-[e:{check_identifier(rel.type)}{props}]->(b) RETURN count(e) AS written"
    )


def identity(rel: RelType, row: Mapping[str, Any]) -> Identity:
    """An edge as the port's ``MERGE`` finds it: its two ends and the type's key."""
    return (row["_from"], row["_to"], row[rel.key] if rel.key else None)


@dataclass
class Plan:
    """What a batch needs: edges to delete (changed ones, or several stored for one
    identity) and rows to create (new and changed edges, with every property they keep)."""

    delete: list[Row] = field(default_factory=list)
    create: list[Row] = field(default_factory=list)


def plan(rel: RelType, batch: Sequence[Row], stored: Sequence[Mapping[str, Any]]) -> Plan:
    """Compare a batch of validated rows (with ``content_hash``) with the edges stored for them."""
    found: dict[Identity, list[dict[str, Any]]] = {}
    for row in stored:
        key = (row["_from"], row["_to"], row.get("_key"))
        found.setdefault(key, []).append(clean_props(row["props"]))
    result = Plan()
    for row in batch:
        edges = found.get(identity(rel, row), [])
        if len(edges) == 1 and edges[0].get("content_hash") == row["content_hash"]:
            continue
        if edges:
            result.delete.append(_identity_row(rel, row))
        kept = edges[0] if edges else {}
        # in one key order: LadybugDB types a list of dicts by the first one's order
        result.create.append({k: v for k, v in sorted((kept | row).items()) if v is not None})
    return result


def lookup_rows(rel: RelType, batch: Sequence[Row]) -> list[Row]:
    return [_identity_row(rel, row) for row in batch]


def _identity_row(rel: RelType, row: Mapping[str, Any]) -> Row:
    ident = {"_from": row["_from"], "_to": row["_to"]}
    return ident | {rel.key: row[rel.key]} if rel.key else ident


def stored_hashes(
    read_columns: Callable[[str, dict[str, Any]], dict[str, list[Any]]],
    rel: RelType,
    start: NodeType,
    end: NodeType,
) -> dict[Any, str | None]:
    """Each stored identity (``graph.port.edge_identity``) with its edge's ``content_hash``,
    in one scan of the type; ``None`` for an identity that several edges have."""
    ident = f"e.{check_identifier(rel.key)} AS k" if rel.key else f"a.{start.key} AS s, b.{end.key} AS t"
    cols = read_columns(
        f"MATCH (a:{check_identifier(start.label)})-[e:{check_identifier(rel.type)}]->"
        f"(b:{check_identifier(end.label)}) RETURN {ident}, e.content_hash AS h",
        {},
    )
    keys = cols.get("k", []) if rel.key else list(zip(cols.get("s", []), cols.get("t", []), strict=True))
    hashes: dict[Any, str | None] = {}
    for key, digest in zip(keys, cols.get("h", []), strict=True):
        hashes[key] = None if key in hashes else digest
    return hashes


class Incomplete(Exception):
    """Raised in an edge batch's transaction when an end node is not found, to roll it back."""


def replace_batch(rel: RelType, start: NodeType, end: NodeType, batch: list[Row], run: Run) -> int:
    """One transaction: look the batch's edges up, delete the changed ones,
    create the changed and new ones; returns how many were created."""
    stored = run(lookup_text(rel, start, end), {"rows": lookup_rows(rel, batch)})
    todo = plan(rel, batch, stored)
    if todo.delete:
        run(delete_text(rel, start, end), {"rows": todo.delete})
    for (names, _), group in group_by_fields(todo.create):
        rows, shared = hoisted(group)
        text = create_text(rel, start, end, [n for n in names if n not in shared], list(shared))
        if int(run(text, {"rows": rows, **shared_params(shared)})[0]["written"]) != len(group):
            raise Incomplete
    return len(todo.create)
