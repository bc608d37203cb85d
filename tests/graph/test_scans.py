"""The embedded store's columnar scans give exactly what the port's paging readers give."""

from __future__ import annotations

from graph import GraphStore
from graph.adapters.ladybug import LadybugStore
from tests.graph.market import small_market


def test_columnar_node_and_edge_scans_equal_the_port_readers(embedded_store: LadybugStore) -> None:
    small_market().load(embedded_store)
    registry = embedded_store.registry
    for label in registry.nodes:
        for page in (1, 2, 5000):
            assert list(embedded_store.iter_nodes(label, page)) == list(
                GraphStore.iter_nodes(embedded_store, label, page)
            ), (label, page)
    scanned = 0
    for rel_type in registry.rels:
        got = list(embedded_store.iter_edges(rel_type))
        assert got == list(GraphStore.iter_edges(embedded_store, rel_type)), rel_type
        scanned += len(got)
    assert scanned == sum(embedded_store.count_edges().values()) > 0
