"""The adapters' whole-type scans give exactly what the port's paging readers give."""

from __future__ import annotations

from graph import GraphStore
from tests.graph.market import small_market


def test_node_and_edge_scans_equal_the_port_readers(store: GraphStore) -> None:
    small_market().load(store)
    registry = store.registry
    for label in registry.nodes:
        for page in (1, 2, 5000):
            assert list(store.iter_nodes(label, page)) == list(GraphStore.iter_nodes(store, label, page)), (
                label,
                page,
            )
    scanned = 0
    for rel_type in registry.rels:
        got = list(store.iter_edges(rel_type))
        assert got == list(GraphStore.iter_edges(store, rel_type)), rel_type
        scanned += len(got)
    assert scanned == sum(store.count_edges().values()) > 0
