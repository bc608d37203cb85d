"""``store check`` sees damaged edge sets, and the embedded store never damages them itself.

The damage is made for real: an edge written a second time behind the port's back (on
both stores), and, on LadybugDB, the in-place ``SET`` that scrambles a rel table in the
layout ``tools/ladybug_repros.py`` describes. The same change written through the port
(which replaces changed edges instead) leaves the table whole.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from accountgraph.checks import check_store
from graph import GraphStore
from graph.adapters.ladybug import LadybugStore
from tests.graph.market import RUN
from tools import ladybug_repros


def people_and_activities(store: GraphStore, people: int, activities: int) -> None:
    store.upsert_nodes("Person", [{"id": f"P{i:05d}", "name": f"Person {i}"} | RUN for i in range(people)])
    store.upsert_nodes("Activity", [{"id": f"A{i:05d}", "kind": "call"} | RUN for i in range(activities)])


def test_an_edge_written_twice_behind_the_port_is_found(store: GraphStore) -> None:
    people_and_activities(store, 2, 2)
    rows = [{"_from": "P00000", "_to": "A00000"}, {"_from": "P00001", "_to": "A00001"}]
    store.upsert_edges("PARTICIPATED", "Person", "Activity", [r | RUN for r in rows])
    assert check_store(store) == []
    store._write(
        [
            (
                "MATCH (a:Person {id: 'P00000'}) MATCH (b:Activity {id: 'A00000'}) "
                "CREATE (a)-[:PARTICIPATED {source: 'elsewhere'}]->(b)",
                {},
            )
        ]
    )
    assert check_store(store) == [
        "PARTICIPATED: 1 edge identity is on more than one edge (2 edges), "
        "e.g. Person:'P00000'->Activity:'A00000' on 2"
    ]


def test_an_order_line_on_two_edges_is_found(embedded_store: LadybugStore) -> None:
    """Neo4j refuses the second edge (a uniqueness constraint on ``line_id``); LadybugDB has none."""
    store = embedded_store
    store.upsert_nodes("Company", [{"id": c, "name": c} | RUN for c in ("c1", "c2")])
    store.upsert_nodes("Product", [{"id": "p1", "name": "Pump"} | RUN])
    line = {"_from": "c1", "_to": "p1", "line_id": "O1-1", "amount": 10.0} | RUN
    store.upsert_edges("PURCHASED", "Company", "Product", [line])
    store._write(
        [
            (
                "MATCH (a:Company {id: 'c2'}) MATCH (b:Product {id: 'p1'}) "
                "CREATE (a)-[:PURCHASED {line_id: 'O1-1'}]->(b)",
                {},
            )
        ]
    )
    assert check_store(store) == [
        "PURCHASED: 1 edge identity is on more than one edge (2 edges), e.g. line_id 'O1-1' on 2"
    ]


def scramble_prone(store: LadybugStore) -> list[dict[str, Any]]:
    """The layout of ``ladybug_repros.scramble`` as PARTICIPATED edges; returns the rows written.
    One thread per query: with more, the layout varies and the fault does not always show."""
    store.conn.set_max_threads_for_exec(1)
    rnd = random.Random(5)
    people, activities = 14_814, 20_000
    degrees = [rnd.randint(1, 29) if i < 4096 else 0 for i in range(people - 126)]
    degrees += [rnd.randint(1, 959) for _ in range(126)]
    rows = [
        {"_from": f"P{p:05d}", "_to": f"A{a:05d}"} | RUN
        for p, d in enumerate(degrees)
        for a in rnd.sample(range(activities), d)
    ]
    rnd.shuffle(rows)
    people_and_activities(store, people, activities)
    assert store.upsert_edges("PARTICIPATED", "Person", "Activity", rows) == len(rows)
    return rows


def test_ladybug_edges_scrambled_by_an_in_place_update_are_found(disk_store: LadybugStore) -> None:
    scramble_prone(disk_store)
    assert check_store(disk_store) == []
    disk_store._write([("MATCH ()-[e:PARTICIPATED]->() SET e.source = 'changed'", {})])
    problems = check_store(disk_store)
    assert any("differ between reading from the start nodes and from the end" in p for p in problems), (
        problems
    )
    assert any("listed more than once when read from their start nodes" in p for p in problems), problems
    assert all(p.startswith("PARTICIPATED") for p in problems), problems


def test_ladybug_edges_changed_through_the_port_stay_whole(disk_store: LadybugStore) -> None:
    rows = scramble_prone(disk_store)
    changed = [r | {"source": "changed"} for r in rows]
    assert disk_store.upsert_edges("PARTICIPATED", "Person", "Activity", changed) == len(rows)
    disk_store.conn.execute("CHECKPOINT")
    assert check_store(disk_store) == []
    stored = {(e.start[1], e.end[1], e.props["source"]) for e in disk_store.iter_edges("PARTICIPATED")}
    assert stored == {(r["_from"], r["_to"], "changed") for r in rows}
    assert disk_store.upsert_edges("PARTICIPATED", "Person", "Activity", changed) == 0


def test_a_replaced_edge_keeps_the_properties_its_new_row_omits(store: GraphStore) -> None:
    store.upsert_nodes("Company", [{"id": "c1", "name": "Acme"} | RUN])
    store.upsert_nodes("Topic", [{"id": "t1", "name": "pumps"} | RUN])
    first = {"_from": "c1", "_to": "t1", "weight": 2.0, "last_seen": dt.date(2026, 5, 1)} | RUN
    store.upsert_edges("INTERESTED_IN", "Company", "Topic", [first])
    assert (
        store.upsert_edges("INTERESTED_IN", "Company", "Topic", [{"_from": "c1", "_to": "t1", "weight": 3.0}])
        == 1
    )
    [edge] = store.iter_edges("INTERESTED_IN")
    assert edge.props["weight"] == 3.0 and edge.props["last_seen"] == dt.date(2026, 5, 1)
    assert edge.props["run_id"] == "run-1"


def test_replaced_and_new_edges_go_in_one_batch(store: GraphStore) -> None:
    """A replaced edge's properties come back in the table's order, a new row's in its own."""
    store.upsert_nodes("Company", [{"id": "c1", "name": "Acme"} | RUN])
    store.upsert_nodes("Topic", [{"id": t, "name": t} | RUN for t in ("t1", "t2")])
    seen = dt.date(2026, 5, 1)
    store.upsert_edges(
        "INTERESTED_IN",
        "Company",
        "Topic",
        [{"_from": "c1", "_to": "t1", "weight": 1.0, "last_seen": seen} | RUN],
    )
    rows = [
        {"_from": "c1", "_to": "t1", "weight": 2.0} | RUN,
        RUN | {"last_seen": seen, "weight": 5.0, "_to": "t2", "_from": "c1"},
    ]
    assert store.upsert_edges("INTERESTED_IN", "Company", "Topic", rows) == 2
    weights = {e.end[1]: (e.props["weight"], e.props["last_seen"]) for e in store.iter_edges("INTERESTED_IN")}
    assert weights == {"t1": (2.0, seen), "t2": (5.0, seen)}


def test_ladybug_still_scrambles_rels_updated_in_place(tmp_path: Path) -> None:
    """The fault ``graph.adapters.ladybug._edges`` works around, in LadybugDB alone. When a
    release fixes it this fails: then the adapter may update edges in place again."""
    rels, changed, distinct = ladybug_repros.scramble(tmp_path / "repro")
    assert changed > 0 and distinct < rels
