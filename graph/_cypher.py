"""Portable Cypher for writes and key lookups, shared by both adapters.

Both LadybugDB and Neo4j accept these texts. Keys are projected through ``WITH`` and
edge endpoints are found with two separate ``MATCH`` clauses: LadybugDB plans
``UNWIND ... MERGE (n {id: r.id})`` and comma-joined matches as cross products (about
40x slower), Neo4j plans both forms the same. Every label, type and property name is
checked by ``schema.check_identifier`` before it is spliced in; values are parameters.
"""

from __future__ import annotations

from collections.abc import Iterable

from schema import NodeType, RelType, check_identifier


def shared_param(name: str) -> str:
    """The parameter carrying a value every row of a batch shares (see ``_sets``)."""
    return f"shared_{check_identifier(name)}"


def _sets(var: str, names: Iterable[str], cleared: Iterable[str], shared: Iterable[str] = ()) -> str:
    """Set the row's properties only where its ``content_hash`` differs from the stored
    one, so re-writing an unchanged fact keeps the run that last changed it. Cleared
    properties get a literal NULL: a parameter column that is null in every row has no
    type LadybugDB can cast. ``shared`` properties come from one parameter per batch
    (``shared_param``) instead of every row."""
    parts = [f"{var}.{check_identifier(n)} = CASE WHEN changed THEN r.{n} ELSE {var}.{n} END" for n in names]
    parts += [
        f"{var}.{check_identifier(n)} = CASE WHEN changed THEN ${shared_param(n)} ELSE {var}.{n} END"
        for n in shared
    ]
    parts += [
        f"{var}.{check_identifier(n)} = CASE WHEN changed THEN NULL ELSE {var}.{n} END" for n in cleared
    ]
    return (
        f" WITH {var}, r, coalesce({var}.content_hash, '') <> r.content_hash AS changed SET "
        + ", ".join(parts)
        + f" RETURN count({var}) AS written, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed"
    )


def merge_nodes(
    node: NodeType, prop_names: Iterable[str], cleared: Iterable[str] = (), shared: Iterable[str] = ()
) -> str:
    label, key = check_identifier(node.label), node.key
    rest = [n for n in prop_names if n != key]
    return (
        f"UNWIND $rows AS r WITH r.{key} AS k, r AS r "
        f"MERGE (n:{label} {{{key}: k}}){_sets('n', rest, cleared, shared)}"
    )


def update_nodes(
    node: NodeType, prop_names: Iterable[str], cleared: Iterable[str] = (), shared: Iterable[str] = ()
) -> str:
    """Set properties of stored nodes, ``content_hash`` left alone (see ``GraphStore.update_nodes``)."""
    label, key = check_identifier(node.label), node.key
    parts = [f"n.{check_identifier(p)} = r.{p}" for p in prop_names if p != key]
    parts += [f"n.{check_identifier(p)} = ${shared_param(p)}" for p in shared]
    parts += [f"n.{check_identifier(p)} = NULL" for p in cleared]
    return (
        f"UNWIND $rows AS r WITH r.{key} AS k, r AS r "
        f"MATCH (n:{label} {{{key}: k}}) SET {', '.join(parts)} RETURN count(n) AS written"
    )


def merge_edges(
    rel: RelType,
    start: NodeType,
    end: NodeType,
    prop_names: Iterable[str],
    cleared: Iterable[str] = (),
    shared: Iterable[str] = (),
) -> str:
    rel_type = check_identifier(rel.type)
    a, b = check_identifier(start.label), check_identifier(end.label)
    rest = [n for n in prop_names if n not in ("_from", "_to") and n != rel.key]
    ident = f" {{{rel.key}: r.{rel.key}}}" if rel.key else ""
    return (
        f"UNWIND $rows AS r MATCH (a:{a} {{{start.key}: r._from}}) "
        f"MATCH (b:{b} {{{end.key}: r._to}}) "
        f"MERGE (a)-[e:{rel_type}{ident}]->(b){_sets('e', rest, cleared, shared)}"
    )


def existing_keys(node: NodeType) -> str:
    return (
        f"UNWIND $keys AS k MATCH (n:{check_identifier(node.label)} {{{node.key}: k}}) "
        f"RETURN n.{node.key} AS key"
    )


def delete_nodes(node: NodeType) -> str:
    return (
        f"UNWIND $keys AS k MATCH (n:{check_identifier(node.label)} {{{node.key}: k}}) "
        "DETACH DELETE n RETURN count(*) AS deleted"
    )


def delete_edges(rel: RelType, start: NodeType, end: NodeType) -> str:
    """Delete the edges named by ``$rows``: ``{k}`` (the type's key) or ``{_from, _to}``."""
    rel_type = check_identifier(rel.type)
    a, b = check_identifier(start.label), check_identifier(end.label)
    if rel.key:
        found = f"MATCH (a:{a})-[e:{rel_type} {{{check_identifier(rel.key)}: r.k}}]->(b:{b})"
    else:
        found = (
            f"MATCH (a:{a} {{{start.key}: r._from}}) MATCH (b:{b} {{{end.key}: r._to}}) "
            f"MATCH (a)-[e:{rel_type}]->(b)"
        )
    return f"UNWIND $rows AS r {found} DELETE e RETURN count(*) AS deleted"


def get_node(node: NodeType) -> str:
    return f"MATCH (n:{check_identifier(node.label)} {{{node.key}: $key}}) RETURN properties(n) AS props"


def count_nodes(node: NodeType) -> str:
    return f"MATCH (n:{check_identifier(node.label)}) RETURN count(n) AS n"


def count_edges(rel: RelType) -> str:
    return f"MATCH ()-[e:{check_identifier(rel.type)}]->() RETURN count(e) AS n"


def node_page(node: NodeType) -> str:
    label, key = check_identifier(node.label), node.key
    return (
        f"MATCH (n:{label}) WHERE n.{key} > $after "
        f"RETURN properties(n) AS props ORDER BY n.{key} LIMIT $limit"
    )


def edges_from(rel: RelType, start: NodeType, end: NodeType) -> str:
    """Edges of one endpoint pair whose start node is in ``$keys``."""
    return (
        f"UNWIND $keys AS k MATCH (a:{check_identifier(start.label)} {{{start.key}: k}}) "
        f"MATCH (a)-[e:{check_identifier(rel.type)}]->(b:{check_identifier(end.label)}) "
        f"RETURN a.{start.key} AS s, b.{end.key} AS t, properties(e) AS props"
    )


def keys_of(node: NodeType) -> str:
    return f"MATCH (n:{check_identifier(node.label)}) RETURN n.{node.key} AS key"


def source_keys_of(node: NodeType) -> str:
    return (
        f"MATCH (n:{check_identifier(node.label)}) WHERE n.source_keys IS NOT NULL "
        f"RETURN n.{node.key} AS key, n.source_keys AS source_keys"
    )


def edge_columns(rel: RelType, start: NodeType, end: NodeType, weight: str | None) -> str:
    w = f"e.{check_identifier(weight)}" if weight else "1.0"
    return (
        f"MATCH (a:{check_identifier(start.label)})-[e:{check_identifier(rel.type)}]->"
        f"(b:{check_identifier(end.label)}) RETURN a.{start.key} AS s, b.{end.key} AS t, {w} AS w"
    )
