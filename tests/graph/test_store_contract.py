"""The store contract: every adapter gives the same answers for the same input.

Each test runs once per backend (``store`` is parametrised in conftest); the last tests
load both stores and compare their exports byte for byte.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest

from accountgraph.checks import check_store
from graph import ConstraintViolation, DanglingEdgeError, GraphStore, Projection, UnknownQuery
from graph.adapters.ladybug import LadybugStore
from graph.adapters.neo4j import Neo4jStore
from graph.export import iter_graph, iter_subgraph, write_graphml, write_jsonl
from schema import SchemaError, ValidationError
from tests.graph.market import RUN, SHANGHAI, small_market


def export_text(store: GraphStore) -> str:
    out = io.StringIO()
    write_jsonl(iter_graph(store), out)
    return out.getvalue()


def test_market_round_trips_every_node_and_property(store: GraphStore) -> None:
    market = small_market()
    market.load(store)
    for label, rows in market.nodes.items():
        for row in rows:
            got = store.get_node(label, row["id"])
            assert got is not None, f"{label}:{row['id']} not found"
            stored = {k: v for k, v in got.props.items() if k != "content_hash"}
            assert stored == {k: v for k, v in row.items() if v is not None}
            assert len(got.props["content_hash"]) == 24
    assert sum(store.count_nodes().values()) == market.node_count()
    assert sum(store.count_edges().values()) == market.edge_count()


def test_every_edge_and_its_properties_are_stored(store: GraphStore) -> None:
    market = small_market()
    market.load(store)
    for rel, start, end, rows in market.edges:
        stored = {
            (e.start, e.end, json.dumps(e.props | {"content_hash": None}, default=str, sort_keys=True))
            for e in store.iter_edges(rel)
        }
        for row in rows:
            props = {k: v for k, v in row.items() if k not in ("_from", "_to")}
            props["content_hash"] = None
            want = ((start, row["_from"]), (end, row["_to"]), json.dumps(props, default=str, sort_keys=True))
            assert want in stored, f"{rel} {row} missing"


def test_reupserting_the_same_batches_changes_nothing(store: GraphStore) -> None:
    market = small_market()
    market.load(store)
    before = export_text(store)
    rerun = {"run_id": "run-2", "ingested_at": dt.datetime(2026, 2, 1, tzinfo=dt.UTC)}
    for label, rows in market.nodes.items():
        assert store.upsert_nodes(label, [r | rerun for r in rows]) == 0
    for rel, start, end, rows in market.edges:
        assert store.upsert_edges(rel, start, end, [r | rerun for r in rows]) == 0
    assert export_text(store) == before, "an unchanged fact keeps the run that last changed it"
    changed = store.upsert_nodes(
        "Company", [{"id": "c-berlin", "name": "Charité Berlin", "tier": "A"} | rerun]
    )
    assert changed == 1
    node = store.get_node("Company", "c-berlin")
    assert node is not None and node.props["run_id"] == "run-2" and node.props["employees"] == 15000
    assert sum(store.count_edges().values()) == market.edge_count()


def test_datetimes_keep_their_instant_and_come_back_in_utc(store: GraphStore) -> None:
    small_market().load(store)
    activity = store.get_node("Activity", "a-1")
    assert activity is not None
    assert activity.props["at"] == dt.datetime(2026, 9, 1, 10, 30, tzinfo=SHANGHAI)
    assert activity.props["at"].utcoffset() == dt.timedelta(0)
    opp = store.get_node("Opportunity", "o-1")
    assert opp is not None and opp.props["close_date"] == dt.date(2027, 3, 31)


def test_omitted_properties_are_kept_and_none_clears(store: GraphStore) -> None:
    small_market().load(store)
    store.upsert_nodes("Company", [{"id": "c-ruijin", "name": "上海瑞金医院", "tier": "B"}])
    node = store.get_node("Company", "c-ruijin")
    assert node is not None and node.props["tier"] == "B" and node.props["employees"] == 8200
    store.upsert_nodes("Company", [{"id": "c-ruijin", "name": "上海瑞金医院", "employees": None}])
    node = store.get_node("Company", "c-ruijin")
    assert node is not None and "employees" not in node.props and node.props["tier"] == "B"


def test_chinese_names_are_found_by_substring(store: GraphStore) -> None:
    small_market().load(store)
    rows = store.query("companies_by_name", text="瑞金", limit=10)
    assert rows == [{"id": "c-ruijin", "name": "上海瑞金医院", "city": "上海"}]
    rows = store.query("companies_by_name", text="CHARIT", limit=10)
    assert [r["id"] for r in rows] == ["c-berlin"]


def test_named_queries_answer_from_the_graph(store: GraphStore) -> None:
    small_market().load(store)
    purchases = store.query("company_purchases", id="c-ruijin")
    assert purchases == [
        {"product_id": "pr-0", "name": "Patient Monitor M7", "lines": 1, "amount": 480000.0},
        {"product_id": "pr-2", "name": "监护仪耗材包", "lines": 2, "amount": 120000.0},
    ]
    roles = store.query("company_decision_roles", id="c-ruijin")
    assert [(r["id"], r["role"]) for r in roles] == [("p-wang", "decision_maker"), ("p-li", "economic_buyer")]
    with pytest.raises(UnknownQuery):
        store.query("drop_everything")


def test_neighbourhood_is_typed_and_depth_bounded(store: GraphStore) -> None:
    small_market().load(store)
    one = store.neighbourhood("Person", "p-wang", depth=1)
    assert set(one.nodes) == {
        ("Person", "p-wang"),
        ("Company", "c-ruijin"),
        ("Person", "p-zhao"),
        ("Opportunity", "o-1"),
        ("Person", "r-chen"),
        ("Activity", "a-1"),
    }
    works = [e for e in one.edges if e.type == "WORKS_AT"]
    assert (
        len(works) == 1 and works[0].start == ("Person", "p-wang") and works[0].props["title"] == "设备科主任"
    )
    two = store.neighbourhood("Person", "p-wang", depth=2, rel_types=["WORKS_AT"])
    assert set(two.nodes) == {
        ("Person", "p-wang"),
        ("Company", "c-ruijin"),
        ("Person", "p-li"),
        ("Person", "p-zhao"),
    }
    assert store.neighbourhood("Person", "nobody").nodes == {}
    capped = store.neighbourhood("Company", "c-ruijin", depth=2, limit=3)
    assert len(capped.nodes) == 3


def test_projection_indexes_nodes_and_weights_edges(store: GraphStore) -> None:
    small_market().load(store)
    proj = store.project(["Company", "Product"], ["PURCHASED", "USES"])
    assert proj.node_count == 9 and proj.edge_count == 5
    index = proj.index()
    pairs = sorted(
        (proj.keys[s], proj.keys[d], float(w), proj.rel_types[t])
        for s, d, w, t in zip(proj.src, proj.dst, proj.weight, proj.rel_type_index, strict=True)
    )
    assert pairs[0] == ("c-berlin", "pr-1", 48000.0, "PURCHASED")
    assert ("c-suzhou", "pr-3", 1.0, "USES") in pairs
    assert index[("Company", "c-ruijin")] == proj.keys.index("c-ruijin")


def _edge_list(p: Projection) -> list[tuple[str, str, float, str]]:
    return sorted(
        (p.keys[s], p.keys[d], float(w), p.rel_types[t])
        for s, d, w, t in zip(p.src, p.dst, p.weight, p.rel_type_index, strict=True)
    )


@pytest.mark.parametrize(
    ("labels", "types", "weights"),
    [
        (["Company", "Product"], ["PURCHASED", "USES"], None),
        (["Product", "Company"], ["PURCHASED"], {"PURCHASED": "quantity"}),
        (["Person", "Company", "Opportunity"], ["WORKS_AT", "DECISION_ROLE", "KNOWS"], {"KNOWS": None}),
        (["Topic"], ["KNOWS"], None),
    ],
)
def test_embedded_columnar_projection_equals_the_ports(
    embedded_store: LadybugStore,
    labels: list[str],
    types: list[str],
    weights: dict[str, str | None] | None,
) -> None:
    small_market().load(embedded_store)
    fast = embedded_store.project(labels, types, weights)
    slow = GraphStore.project(embedded_store, labels, types, weights)
    assert (fast.labels, fast.keys, fast.rel_types) == (slow.labels, slow.keys, slow.rel_types)
    assert _edge_list(fast) == _edge_list(slow)
    assert fast.src.dtype == slow.src.dtype and fast.rel_type_index.dtype == slow.rel_type_index.dtype


def test_delete_removes_node_and_its_edges(store: GraphStore) -> None:
    small_market().load(store)
    assert store.delete_nodes("Person", ["p-zhao", "p-missing"]) == 1
    assert store.get_node("Person", "p-zhao") is None
    assert store.count_edges()["REPORTS_TO"] == 0
    assert store.count_edges()["WORKS_AT"] == 3


def test_delete_edges_by_key_or_endpoint_pair(store: GraphStore) -> None:
    market = small_market()
    market.load(store)
    # a keyed type: by the key, parallel edges between the same two nodes stay apart
    assert store.delete_edges("PURCHASED", "Company", "Product", ["SO-1:2", "SO-404:1"]) == 1
    left = sorted(e.props["line_id"] for e in store.iter_edges("PURCHASED"))
    assert left == ["SO-1:1", "SO-7:1", "SO-9:1"]
    # a type without a key: by (from, to); other edges of the type and the nodes stay
    assert store.delete_edges("WORKS_AT", "Person", "Company", [("p-li", "c-ruijin"), ("p-li", "c-x")]) == 1
    assert {(e.start[1], e.end[1]) for e in store.iter_edges("WORKS_AT")} == {
        ("p-wang", "c-ruijin"),
        ("p-zhao", "c-ruijin"),
        ("p-mueller", "c-berlin"),
    }
    assert store.node_exists("Person", "p-li") and store.node_exists("Company", "c-ruijin")
    assert store.delete_edges("WORKS_AT", "Person", "Company", []) == 0
    assert sum(store.count_edges().values()) == market.edge_count() - 2
    # written again, a deleted edge comes back whole (no stale content hash keeps it out)
    rows = next(rows for rel, *_, rows in market.edges if rel == "WORKS_AT")
    assert store.upsert_edges("WORKS_AT", "Person", "Company", rows) == 1


def test_delete_edges_refuses_a_wrong_identity_before_deleting(store: GraphStore) -> None:
    small_market().load(store)
    before = store.count_edges()
    with pytest.raises(ValidationError) as info:
        store.delete_edges("WORKS_AT", "Person", "Company", [("p-li", "c-ruijin"), "p-wang"])
    assert info.value.problems[0][:3] == (1, "'p-wang'", "identity")
    with pytest.raises(ValidationError, match="identified by their 'line_id'"):
        store.delete_edges("PURCHASED", "Company", "Product", [("c-ruijin", "pr-0")])
    with pytest.raises(SchemaError, match="not an allowed endpoint pair"):
        store.delete_edges("WORKS_AT", "Company", "Person", [("c-ruijin", "p-li")])
    assert store.count_edges() == before


def test_invalid_batch_writes_nothing_and_keeps_earlier_batches(store: GraphStore) -> None:
    store.upsert_nodes("Company", [{"id": "ok-1", "name": "First"}])
    bad_batches: list[list[dict[str, Any]]] = [
        [{"id": "ok-2", "name": "Second"}, {"name": "no key"}],
        [{"id": "ok-3", "name": "Third", "employees": "many"}],
        [{"id": "ok-4", "name": "Fourth", "lifecycle": "zombie"}],
        [{"id": "ok-5", "name": "Fifth", "nonsense": 1}],
    ]
    for batch in bad_batches:
        with pytest.raises(ValidationError):
            store.upsert_nodes("Company", batch)
    assert store.count_nodes()["Company"] == 1
    with pytest.raises(SchemaError, match="not an allowed endpoint pair"):
        store.upsert_edges("WORKS_AT", "Company", "Company", [{"_from": "ok-1", "_to": "ok-1"}])
    with pytest.raises(SchemaError, match="unknown node type"):
        store.upsert_nodes("Spaceship", [{"id": "x"}])
    assert store.count_edges()["WORKS_AT"] == 0


def test_validation_error_names_type_record_field_and_reason(store: GraphStore) -> None:
    with pytest.raises(ValidationError) as info:
        store.upsert_nodes("Person", [{"id": "p1", "name": "A"}, {"id": "p2", "name": 7}])
    assert info.value.problems == [(1, "p2", "name", "Input should be a valid string (got 7)")]
    assert "Person[1]" in str(info.value)


def test_edge_to_missing_node_rolls_back_its_batch(store: GraphStore) -> None:
    small_market().load(store)
    before = store.count_edges()["PURCHASED"]
    rows = [
        {"_from": "c-berlin", "_to": "pr-0", "line_id": "SO-99:1"},
        {"_from": "c-ghost", "_to": "pr-0", "line_id": "SO-99:2"},
    ]
    with pytest.raises(DanglingEdgeError) as info:
        store.upsert_edges("PURCHASED", "Company", "Product", rows)
    assert info.value.missing == [("Company", "c-ghost")]
    assert store.count_edges()["PURCHASED"] == before


def test_store_enforces_key_uniqueness(store: GraphStore) -> None:
    create = "CREATE (n:Company {id: 'dup', name: 'x'})"
    store._write([(create, {})])
    with pytest.raises(ConstraintViolation):
        store._write([(create, {})])
    assert store.count_nodes()["Company"] == 1


def test_injection_in_a_type_name_is_refused(store: GraphStore) -> None:
    for payload in ["Company) DETACH DELETE n //", "Company`", "Company {id:'x'}"]:
        with pytest.raises(SchemaError):
            store.upsert_nodes(payload, [{"id": "x", "name": "y"}])
    with pytest.raises(SchemaError):
        store.neighbourhood("Person", "p", rel_types=["KNOWS]-() DETACH DELETE n //"])


def test_large_batch_of_50k_edges_is_complete_and_findable(store: GraphStore) -> None:
    companies = [{"id": f"c{i:05d}", "name": f"Company {i}"} | RUN for i in range(1000)]
    products = [{"id": f"p{i:03d}", "name": f"Product {i}"} for i in range(100)]
    store.upsert_nodes("Company", companies)
    store.upsert_nodes("Product", products)
    lines = [
        {
            "_from": f"c{i % 1000:05d}",
            "_to": f"p{(i * 7) % 100:03d}",
            "line_id": f"L{i}",
            "amount": float(i % 97),
        }
        for i in range(50_000)
    ]
    assert store.upsert_edges("PURCHASED", "Company", "Product", lines) == 50_000
    assert store.count_edges()["PURCHASED"] == 50_000
    assert check_store(store) == []
    top = store.query("product_buyers", id="p000")
    assert sum(r["lines"] for r in top) == 500


def test_exports_are_identical_across_stores(embedded_store: LadybugStore, neo4j_store: Neo4jStore) -> None:
    for store in (embedded_store, neo4j_store):
        small_market().load(store)
    assert export_text(embedded_store) == export_text(neo4j_store)
    graphml = []
    for store in (embedded_store, neo4j_store):
        out = io.StringIO()
        write_graphml(iter_subgraph(store.neighbourhood("Company", "c-ruijin", depth=2)), out, store.registry)
        graphml.append(out.getvalue())
    assert graphml[0] == graphml[1]
    assert 'id="Company:c-ruijin"' in graphml[0] and "上海瑞金医院" in graphml[0]


def test_large_upserts_mix_new_and_existing_rows_idempotently(store: GraphStore) -> None:
    """Above the bulk threshold the embedded store copies new rows and merges the rest."""
    first = [{"id": f"t{i:05d}", "name": f"topic {i}"} for i in range(3000)]
    store.upsert_nodes("Topic", first)
    at = dt.datetime(2026, 1, 1, 8, 0, tzinfo=SHANGHAI)
    second = [
        {"id": f"t{i:05d}", "name": f"topic {i} v2", "aliases": [f"话题{i}"], "ingested_at": at}
        for i in range(6000)
    ]
    assert store.upsert_nodes("Topic", second) == 6000  # 3000 changed, 3000 new
    assert store.upsert_nodes("Topic", second) == 0  # nothing changed, nothing rewritten
    assert store.count_nodes()["Topic"] == 6000
    node = store.get_node("Topic", "t00042")
    assert node is not None and node.props["name"] == "topic 42 v2" and node.props["aliases"] == ["话题42"]
    late = store.get_node("Topic", "t05999")  # a new row: bulk-copied by the embedded store
    assert late is not None and late.props["ingested_at"] == at and late.props["ingested_at"].hour == 0
    store.upsert_nodes("Company", [{"id": "c1", "name": "Acme"}, {"id": "c2", "name": "Beta"}])
    edges = [{"_from": f"c{1 + i % 2}", "_to": f"t{i:05d}", "weight": 1.0} for i in range(6000)]
    assert store.upsert_edges("INTERESTED_IN", "Company", "Topic", edges) == 6000
    edges[7]["weight"] = 9.0
    assert store.upsert_edges("INTERESTED_IN", "Company", "Topic", edges) == 1
    assert store.count_edges()["INTERESTED_IN"] == 6000
    weights = {e.end[1]: e.props["weight"] for e in store.iter_edges("INTERESTED_IN")}
    assert weights["t00007"] == 9.0 and weights["t00008"] == 1.0
    assert check_store(store) == []


def test_large_edge_batch_with_a_dangling_endpoint_writes_none_of_it(store: GraphStore) -> None:
    store.upsert_nodes("Company", [{"id": "c1", "name": "Acme"}])
    store.upsert_nodes("Topic", [{"id": f"t{i}", "name": f"t{i}"} for i in range(6000)])
    edges = [{"_from": "c1", "_to": f"t{i}"} for i in range(6000)] + [{"_from": "c-ghost", "_to": "t1"}]
    with pytest.raises(DanglingEdgeError) as info:
        store.upsert_edges("INTERESTED_IN", "Company", "Topic", edges)
    assert ("Company", "c-ghost") in info.value.missing
    assert store.count_edges()["INTERESTED_IN"] == 0


def test_source_key_map_translates_merged_source_keys(store: GraphStore) -> None:
    store.upsert_nodes(
        "Company",
        [
            {"id": "CRM-1", "name": "Ruijin", "source_keys": ["crm:CRM-1", "erp:C10023", "erp:C10024"]} | RUN,
            {"id": "CRM-2", "name": "Huashan", "source_keys": ["crm:CRM-2"]} | RUN,
            {"id": "CRM-3", "name": "No provenance list"} | RUN,
        ],
    )
    assert store.source_key_map("Company") == {
        "crm:CRM-1": "CRM-1",
        "erp:C10023": "CRM-1",
        "erp:C10024": "CRM-1",
        "crm:CRM-2": "CRM-2",
    }
    assert store.source_key_map("Person") == {}


def test_the_store_check_finds_a_source_key_on_two_nodes(store: GraphStore) -> None:
    store.upsert_nodes("Company", [{"id": "A-1", "name": "Acme", "source_keys": ["crm:1", "erp:K3"]} | RUN])
    assert check_store(store) == []
    store.upsert_nodes("Company", [{"id": "A-2", "name": "Acme Ltd", "source_keys": ["erp:K3"]} | RUN])
    assert check_store(store) == ["Company: source key 'erp:K3' is on 2 nodes: A-1, A-2"]
