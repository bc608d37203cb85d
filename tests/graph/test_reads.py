"""Scoped batched reads (``graph.reads``) on both stores: visibility per type, each
condition, search in English and Chinese, and keyed reads with few and many keys."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import graph.reads
from graph import GraphStore
from graph.reads import ANCHORS, Cond, Op, Scope, ScopedReads
from schema import REGISTRY
from tests.graph.market import RUN

EAST = Scope(frozenset({"east"}))
OWNER = Scope(frozenset(), owner_id="r-west")

NODES: dict[str, list[dict[str, Any]]] = {
    "Company": [
        {
            "id": "c-east",
            "name": "上海瑞金医院",
            "aliases": ["Shanghai Ruijin Hospital"],
            "territory": "east",
            "tier": "A",
            "employees": 8200,
        },
        {"id": "c-east2", "name": "苏州精工", "territory": "east", "tier": "B", "employees": 640},
        {"id": "c-west", "name": "Charité Berlin", "territory": "west", "employees": 15000},
        {"id": "c-owned", "name": "Ruijin Trading", "territory": "west", "owner_id": "r-west"},
    ],
    "Person": [
        {"id": "p-east", "name": "王磊", "aliases": ["Wang Lei"], "seniority": "director"},
        {"id": "p-gone", "name": "赵敏", "seniority": "staff"},
        {"id": "p-west", "name": "Anna Müller", "seniority": "c_level"},
        {"id": "r-east", "name": "陈晓", "internal": True, "territory": "east"},
        {"id": "r-west", "name": "Tom West", "internal": True, "territory": "west"},
    ],
    "Product": [{"id": "pr-1", "name": "Patient Monitor M7"}, {"id": "pr-2", "name": "监护仪耗材包"}],
    "Topic": [{"id": "t-1", "name": "环保材料"}],
    "Opportunity": [{"id": "o-east", "name": "ICU refresh"}, {"id": "o-west", "name": "Ward"}],
    "Activity": [
        {"id": "a-east", "kind": "call", "at": dt.datetime(2026, 9, 1, 10, tzinfo=dt.UTC)},
        {"id": "a-west", "kind": "meeting", "at": dt.datetime(2026, 9, 3, 10, tzinfo=dt.UTC)},
    ],
    "Signal": [{"id": "s-east", "kind": "churn_risk"}, {"id": "s-west", "kind": "dormant"}],
    "Document": [{"id": "d-east", "kind": "email"}, {"id": "d-west", "kind": "news"}],
    "Run": [{"id": "run-1", "kind": "analyze", "status": "completed"}],
}
EDGES: list[tuple[str, str, str, list[dict[str, Any]]]] = [
    (
        "WORKS_AT",
        "Person",
        "Company",
        [
            {"_from": "p-east", "_to": "c-east", "current": True},
            {"_from": "p-gone", "_to": "c-east", "current": False},
            {"_from": "p-west", "_to": "c-west"},
        ],
    ),
    ("HAS_OPPORTUNITY", "Company", "Opportunity", [{"_from": "c-east", "_to": "o-east"}]),
    ("HAS_OPPORTUNITY", "Company", "Opportunity", [{"_from": "c-west", "_to": "o-west"}]),
    ("ABOUT", "Activity", "Person", [{"_from": "a-east", "_to": "p-east"}]),
    ("ABOUT", "Activity", "Company", [{"_from": "a-west", "_to": "c-west"}]),
    ("ABOUT", "Signal", "Opportunity", [{"_from": "s-east", "_to": "o-east"}]),
    ("ABOUT", "Signal", "Company", [{"_from": "s-west", "_to": "c-west"}]),
    ("MENTIONS", "Document", "Company", [{"_from": "d-east", "_to": "c-east", "mention_id": "d-east:0"}]),
    ("MENTIONS", "Document", "Company", [{"_from": "d-west", "_to": "c-west", "mention_id": "d-west:0"}]),
    (
        "DECISION_ROLE",
        "Person",
        "Company",
        [
            {"_from": "p-east", "_to": "c-east", "role": "decision_maker", "stance": "supporter"},
            {"_from": "p-west", "_to": "c-west", "role": "economic_buyer"},
        ],
    ),
    (
        "PURCHASED",
        "Company",
        "Product",
        [
            {"_from": "c-east", "_to": "pr-1", "line_id": "1", "amount": 100.0, "at": dt.date(2026, 1, 2)},
            {"_from": "c-east", "_to": "pr-2", "line_id": "2", "amount": 300.0, "at": dt.date(2026, 2, 2)},
            {"_from": "c-east", "_to": "pr-2", "line_id": "3", "amount": 50.0, "at": dt.date(2026, 3, 2)},
            {"_from": "c-west", "_to": "pr-1", "line_id": "4", "amount": 10.0, "at": dt.date(2026, 4, 2)},
        ],
    ),
    (
        "RECOMMENDS",
        "Company",
        "Product",
        [
            {"_from": "c-east", "_to": "pr-2", "rank": 2, "score": 0.4},
            {"_from": "c-east2", "_to": "pr-2", "score": 0.9},  # rank-less: withdrawn
            {"_from": "c-east2", "_to": "pr-1", "rank": 1, "score": 0.7},
            {"_from": "c-west", "_to": "pr-1", "rank": 1, "score": 0.8},
        ],
    ),
    ("KNOWS", "Person", "Person", [{"_from": "r-east", "_to": "p-east", "strength": 0.8}]),
]
EVERY = {label: {r["id"] for r in rows} for label, rows in NODES.items()}
#: what a reader scoped to the east territory sees
EAST_SEES = {
    "Company": {"c-east", "c-east2"},
    "Person": {"p-east", "p-gone", "r-east", "r-west"},  # past staff too; reps always
    "Product": {"pr-1", "pr-2"},
    "Topic": {"t-1"},
    "Opportunity": {"o-east"},
    "Activity": {"a-east"},  # about a contact of an east account
    "Signal": {"s-east"},  # about an east account's opportunity
    "Document": {"d-east"},
    "Run": set(),  # a type without anchors is hidden
}


@pytest.fixture
def reads(store: GraphStore) -> ScopedReads:
    for label, rows in NODES.items():
        store.upsert_nodes(label, [r | RUN for r in rows])
    for rel, start, end, rows in EDGES:
        store.upsert_edges(rel, start, end, [r | RUN for r in rows])
    return ScopedReads(store)


def _scoped(reads: ScopedReads, scope: Scope) -> ScopedReads:
    return ScopedReads(reads.store, scope)


def test_a_scope_sees_its_territory_and_what_hangs_off_it(reads: ScopedReads) -> None:
    east = _scoped(reads, EAST)
    for label in REGISTRY.nodes:
        every = sorted(EVERY.get(label, set()))
        assert reads.all_keys(label) == set(every), label
        assert east.all_keys(label) == EAST_SEES.get(label, set()), label
        assert set(east.nodes(label, every)) == EAST_SEES.get(label, set()), label
        assert east.visible_keys(label, every) == EAST_SEES.get(label, set()), label
        assert reads.visible_keys(label, every) == set(every), label


def test_an_owner_sees_the_companies_it_owns(reads: ScopedReads) -> None:
    owner = _scoped(reads, OWNER)
    assert owner.all_keys("Company") == {"c-owned"}
    assert owner.all_keys("Person") == {"r-east", "r-west"}
    assert owner.all_keys("Opportunity") == set()
    assert owner.count("Company", []) == 1
    # a scope without an owner owns nothing, not even a company whose owner is blank
    reads.store.upsert_nodes("Company", [{"id": "c-blank", "name": "Blank", "owner_id": ""} | RUN])
    assert _scoped(reads, EAST).visible_keys("Company", ["c-blank", "c-east"]) == {"c-east"}


def test_scope_covers_the_companies_its_condition_admits() -> None:
    assert EAST.covers({"territory": "east"}) and not EAST.covers({"territory": "west"})
    assert OWNER.covers({"owner_id": "r-west"}) and not OWNER.covers({"owner_id": ""})
    assert not Scope().covers({"territory": None, "owner_id": None})
    assert not EAST.covers({"owner_id": ""})


def test_anchors_walk_ontology_relationships() -> None:
    for label, anchors in ANCHORS.items():
        for hops in anchors:
            here = label
            for rel, forward, there in hops:
                ends = (here, there) if forward else (there, here)
                assert REGISTRY.rel(rel).allows(*ends), (label, rel, ends)
                here = there
            assert here == "Company", label


CASES: list[tuple[str, Cond, set[str]]] = [
    ("Company", Cond("tier", Op.EQUALS, "A"), {"c-east"}),
    ("Company", Cond("tier", Op.IN, ["A", "B"]), {"c-east", "c-east2"}),
    ("Company", Cond("employees", Op.AT_LEAST, 8200), {"c-east", "c-west"}),
    ("Company", Cond("employees", Op.AT_MOST, 8200), {"c-east", "c-east2"}),
    ("Company", Cond("owner_id", Op.IS_SET), {"c-owned"}),
    ("Company", Cond("employees", Op.UNSET), {"c-owned"}),
    ("Person", Cond("internal", Op.EQUALS, True), {"r-east", "r-west"}),
    ("Company", Cond.name_contains("ruijin"), {"c-east", "c-owned"}),  # alias, any case
    ("Company", Cond.name_contains("瑞金"), {"c-east"}),
    ("Person", Cond.name_contains("wang", "Müller"), {"p-east", "p-west"}),
    ("Company", Cond.in_territory("east"), {"c-east", "c-east2"}),
    # own territory, or a current employer's (not a past one)
    ("Person", Cond.in_territory("east"), {"p-east", "r-east"}),
    ("Person", Cond.in_territory("west"), {"p-west", "r-west"}),
]


def test_each_condition(reads: ScopedReads) -> None:
    for label, cond, expected in CASES:
        assert reads.all_keys(label, [cond]) == expected, cond
        assert reads.count(label, [cond]) == len(expected), cond
        page = reads.page(label, [cond], [("name", False)], 0, 10)
        assert [p["id"] for p in page] == sorted(expected, key=lambda k: (_name(label, k), k)), cond


def test_conditions_combine_with_each_other_and_the_scope(reads: ScopedReads) -> None:
    conds = [Cond.name_contains("ruijin"), Cond("territory", Op.IN, ["east", "west"])]
    assert reads.all_keys("Company", conds) == {"c-east", "c-owned"}
    assert _scoped(reads, EAST).all_keys("Company", conds) == {"c-east"}
    assert _scoped(reads, OWNER).all_keys("Company", conds) == {"c-owned"}


def _name(label: str, key: str) -> str:
    return next(str(r["name"]) for r in NODES[label] if r["id"] == key)


def test_bad_conditions_are_refused_with_the_reason(reads: ScopedReads) -> None:
    with pytest.raises(ValueError, match="Company has no property 'nmae'"):
        reads.all_keys("Company", [Cond("nmae", Op.EQUALS, "x")])
    with pytest.raises(ValueError, match="Company has no property 'id\\) OR true //'"):
        reads.all_keys("Company", [Cond("id) OR true //", Op.EQUALS, "x")])
    with pytest.raises(ValueError, match="tier: in takes a list"):
        Cond("tier", Op.IN, "A")
    with pytest.raises(ValueError, match="tier: equals takes one value"):
        Cond("tier", Op.EQUALS, ["A"])
    with pytest.raises(ValueError, match="owner_id: is_set takes no value"):
        Cond("owner_id", Op.IS_SET, "x")
    with pytest.raises(ValueError, match=r"Company\.city: name_contains looks in the name"):
        reads.all_keys("Company", [Cond("city", Op.NAME_CONTAINS, ["x"])])
    assert reads.all_keys("Company", [Cond.name_contains()]) == set()  # no text: nothing
    with pytest.raises(ValueError, match="Activity has no property 'territory'"):
        reads.all_keys("Activity", [Cond.in_territory("east")])
    with pytest.raises(ValueError, match="Company has no property 'nmae'"):
        reads.page("Company", [], [("nmae", False)], 0, 5)


def test_search_names_and_aliases_in_both_languages(reads: ScopedReads) -> None:
    assert [p["id"] for _, p in reads.search("Company", ["ruijin"], 10)] == ["c-owned", "c-east"]
    assert [p["id"] for _, p in reads.search("Company", ["上海瑞金"], 10)] == ["c-east"]
    assert [p["id"] for _, p in reads.search("Person", ["WANG LEI"], 10)] == ["p-east"]
    assert [p["id"] for _, p in reads.search("Product", ["监护仪"], 10)] == ["pr-2"]
    assert [p["id"] for _, p in _scoped(reads, EAST).search("Company", ["ruijin"], 10)] == ["c-east"]
    assert len(reads.search("Company", ["ruijin"], 1)) == 1


@pytest.mark.parametrize("padding", [0, 3000])
def test_keyed_reads_with_few_and_many_keys(reads: ScopedReads, padding: int) -> None:
    missing = [f"none-{i}" for i in range(padding)]
    keys = ["c-east", "c-west", *missing]
    east = _scoped(reads, EAST)
    assert set(east.nodes("Company", keys)) == {"c-east"}
    assert east.visible_keys("Company", keys) == {"c-east"}
    contacts = reads.related("WORKS_AT", "Company", "Person", False, keys)
    assert len(contacts) == len(keys) and not any(contacts[k] for k in missing)
    assert [n["id"] for n, _ in contacts["c-east"]] == ["p-east", "p-gone"]  # by name
    assert [e.get("current") for _, e in contacts["c-east"]] == [True, False]
    assert east.related("WORKS_AT", "Company", "Person", False, keys)["c-west"] == []
    people = east.related("WORKS_AT", "Person", "Company", True, ["p-east", "p-west", *missing])
    assert [n["id"] for n, _ in people["p-east"]] == ["c-east"] and people["p-west"] == []
    totals = reads.purchase_totals(keys)
    assert [(t["product"], t["lines"], t["amount"]) for t in totals["c-east"]] == [
        ("pr-2", 2, 350.0),
        ("pr-1", 1, 100.0),
    ]
    assert totals["c-east"][0]["last_at"] == dt.date(2026, 3, 2)
    assert east.purchase_totals(keys)["c-west"] == []


def test_recommendations_leave_out_rank_less_edges(reads: ScopedReads) -> None:
    found = _scoped(reads, EAST).recommendations(["c-east", "c-east2", "c-west"])
    assert [(r["product"], r["rank"]) for r in found["c-east2"]] == [("pr-1", 1)]
    assert [r["product"] for r in found["c-east"]] == ["pr-2"]
    assert found["c-west"] == []
    assert [r["product"] for r in reads.recommendations(["c-west"])["c-west"]] == ["pr-1"]


def test_decision_reads_keep_current_people(reads: ScopedReads, store: GraphStore) -> None:
    roles = reads.decision_roles(["c-east", "c-west"])
    assert [(r["person"], r["role"], r["stance"], r["seniority"]) for r in roles["c-east"]] == [
        ("p-east", "decision_maker", "supporter", "director")
    ]
    assert _scoped(reads, EAST).decision_roles(["c-west"])["c-west"] == []
    assert all(r["kind"] == "role" for r in reads.decision_people(["c-east"])["c-east"])
    store.upsert_nodes(
        "Person",
        [
            r | {"influence_rank": i, "influence_score": 1.0 / i} | RUN
            for i, r in enumerate(NODES["Person"], 1)
        ],
    )
    found = reads.decision_people(["c-east"])["c-east"]
    ranked = {r["person"] for r in found if r["kind"] == "ranked"}
    assert ranked == {"p-east"}  # p-gone's WORKS_AT is not current
    assert {r["person"] for r in found if r["kind"] == "role"} == {"p-east"}


def test_decision_roles_include_those_on_the_accounts_opportunities(
    reads: ScopedReads, store: GraphStore
) -> None:
    store.upsert_edges(
        "DECISION_ROLE",
        "Person",
        "Opportunity",
        [{"_from": "p-east", "_to": "o-east", "role": "economic_buyer", "stance": "neutral"} | RUN],
    )
    roles = reads.decision_roles(["c-east", "c-west"])
    assert sorted((r["person"], r["role"], r["stance"], r["opportunity"]) for r in roles["c-east"]) == [
        ("p-east", "decision_maker", "supporter", ""),
        ("p-east", "economic_buyer", "neutral", "o-east"),
    ]
    assert [r["opportunity"] for r in roles["c-west"]] == [""]
    assert _scoped(reads, Scope(frozenset({"west"}))).decision_roles(["c-east"])["c-east"] == []
    people = reads.decision_people(["c-east"])["c-east"]
    assert {r["opportunity"] for r in people if r["kind"] == "role"} == {"", "o-east"}


def test_neighbours_links_stamp_and_latest_date(reads: ScopedReads, store: GraphStore) -> None:
    hops = set(reads.neighbours("Opportunity", ["o-east"], 10))
    assert hops == {
        ("o-east", "HAS_OPPORTUNITY", "Company", "c-east"),
        ("o-east", "ABOUT", "Signal", "s-east"),
    }
    assert reads.links("KNOWS", "Person", "Person", ("strength",)) == [
        {"s": "r-east", "t": "p-east", "strength": 0.8}
    ]
    with pytest.raises(ValueError, match="KNOWS has no properties"):
        reads.links("KNOWS", "Person", "Person", ("name",))
    before = reads.stamp(["Company"], ["KNOWS"])
    assert [(what, n) for what, n, _ in before] == [("Company", 4), ("KNOWS", 1)]
    store.upsert_nodes("Company", [{"id": "c-new", "name": "New"} | RUN])
    assert reads.stamp(["Company"], ["KNOWS"]) != before
    assert reads.latest_date() == dt.date(2026, 9, 3)


def test_the_observer_hears_every_read(reads: ScopedReads) -> None:
    heard: list[str] = []
    observed = ScopedReads(reads.store, EAST, lambda kind, seconds: heard.append(kind))
    observed.nodes("Company", ["c-east"])
    observed.unscoped().search("Company", ["ruijin"], 5)
    assert heard == ["nodes", "search"]


def test_all_lists_the_public_names() -> None:
    public = {n for n in vars(graph.reads) if not n.startswith("_")}
    assert sorted(graph.reads.__all__) == sorted(public)
