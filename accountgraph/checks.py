"""Store health checks beyond "it answers": every scanned key must be found by lookup.

LadybugDB has once left a node that a scan returns but a key lookup misses after a very
large batch; edges to it were then dropped silently. This check finds such nodes.
"""

from __future__ import annotations

from graph import GraphStore


def check_store(store: GraphStore, page: int = 5000) -> list[str]:
    """Return a line per problem found; an empty list means the store is consistent."""
    problems: list[str] = []
    counts = store.count_nodes()
    for label in store.registry.nodes:
        keys = [n.key for n in store.iter_nodes(label)]
        if len(keys) != counts[label]:
            problems.append(f"{label}: count says {counts[label]} nodes, a scan returns {len(keys)}")
        for i in range(0, len(keys), page):
            batch = keys[i : i + page]
            lost = sorted(set(batch) - store.existing_keys(label, batch))
            problems += [f"{label}:{k!r} is returned by a scan but not found by key lookup" for k in lost]
    return problems
