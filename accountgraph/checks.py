"""Store health checks beyond "it answers": every scanned key must be found by lookup,
every source record must live on one node, and every edge must be whole.

LadybugDB has once left a node that a scan returns but a key lookup misses after a very
large batch; edges to it were then dropped silently. A resolution rerun once left a source
key ("erp:K300214") both on the node it was merged into and on a stale node of its own.
A rerun after a disk-full abort once moved 13k PARTICIPATED edges onto ``ACT-00000001``
(LadybugDB scrambled edges it updated in place) and duplicated 2.6k others, while the
node checks said ok: so edges are checked too, per type.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from graph import Edge, GraphStore


def check_store(store: GraphStore, page: int = 5000) -> list[str]:
    """Return a line per problem found; an empty list means the store is consistent."""
    return _check_nodes(store, page) + _check_edges(store, page)


def _check_nodes(store: GraphStore, page: int) -> list[str]:
    problems: list[str] = []
    counts = store.count_nodes()
    for label in store.registry.nodes:
        holders: dict[str, list[str]] = defaultdict(list)  # source key -> the nodes that hold it
        keys = []
        for node in store.iter_nodes(label):
            keys.append(node.key)
            for source_key in node.props.get("source_keys") or ():
                holders[source_key].append(node.key)
        problems += [
            f"{label}: source key {sk!r} is on {len(nodes)} nodes: {', '.join(sorted(nodes))}"
            for sk, nodes in sorted(holders.items())
            if len(nodes) > 1
        ]
        if len(keys) != counts[label]:
            problems.append(f"{label}: count says {counts[label]} nodes, a scan returns {len(keys)}")
        for i in range(0, len(keys), page):
            batch = keys[i : i + page]
            lost = sorted(set(batch) - store.existing_keys(label, batch))
            problems += [f"{label}:{k!r} is returned by a scan but not found by key lookup" for k in lost]
    return problems


def _check_edges(store: GraphStore, page: int) -> list[str]:
    """Per type: the count agrees with a scan, no identity is on two edges, every end is
    found by key lookup, and the adapter's own storage agrees with itself."""
    problems: list[str] = []
    counts = store.count_edges()
    for rel_type, rel in store.registry.rels.items():
        edges = list(store.iter_edges(rel_type))
        if len(edges) != counts[rel_type]:
            problems.append(
                f"{rel_type}: count says {counts[rel_type]:,} edges, a scan returns {len(edges):,}"
            )
        seen = Counter(_identity(edge, rel.key) for edge in edges)
        repeated = sorted((ident, n) for ident, n in seen.items() if n > 1)
        if repeated:
            idents = _count(len(repeated), "edge identity is", "edge identities are")
            problems.append(
                f"{rel_type}: {idents} on more than one edge ({sum(n for _, n in repeated):,} edges), "
                f"e.g. {repeated[0][0]} on {repeated[0][1]}"
            )
        problems += _lost_ends(store, rel_type, edges, page)
        problems += store.audit_edges(rel_type)
    return problems


def _identity(edge: Edge, key: str | None) -> str:
    """What tells a type's edges apart (``graph.port.edge_identity``), as the check shows it:
    the key property's value, or the two ends."""
    if key:
        return f"{key} {edge.props.get(key)!r}"
    (a, s), (b, t) = edge.start, edge.end
    return f"{a}:{s!r}->{b}:{t!r}"


def _lost_ends(store: GraphStore, rel_type: str, edges: list[Edge], page: int) -> list[str]:
    ends: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        for label, key in (edge.start, edge.end):
            ends[label].add(key)
    problems = []
    for label, keys in sorted(ends.items()):
        wanted = sorted(keys)
        lost = []
        for i in range(0, len(wanted), page):
            batch = wanted[i : i + page]
            lost += sorted(set(batch) - store.existing_keys(label, batch))
        if lost:
            problems.append(
                f"{rel_type}: {_count(len(lost), f'{label} node', f'{label} nodes')} at the end of edges "
                "not found by key lookup, "
                f"e.g. {lost[0]!r}"
            )
    return problems


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"
