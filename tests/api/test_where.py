"""``where`` on the top-level lists: AND, OR and NOT with per-type operators give what the
same conditions give when checked by hand over the whole list; a masked property filters
as if absent; text naming other territories is not filterable."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph.adapters.ladybug import LadybugStore
from tests.api import market
from tests.api.conftest import Api

COMPANIES = """query($w: CompanyWhere, $after: String) {
  companies(first: 100, after: $after, where: $w, orderBy: [{field: ID}]) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { key name tier employees annualRevenue lifecycle territory } } }"""


def _rows(api: Api, where: dict[str, Any] | None = None, who: str = "admin") -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    after = None
    while True:
        found = api.data(COMPANIES, who, {"w": where, "after": after})["companies"]
        rows += found["nodes"]
        if not found["pageInfo"]["hasNextPage"]:
            assert found["totalCount"] == len(rows)
            return rows
        after = found["pageInfo"]["endCursor"]


def _keys(api: Api, where: dict[str, Any], who: str = "admin") -> list[str]:
    return [n["key"] for n in _rows(api, where, who)]


def _at_least(value: Any, bound: float) -> bool:
    return value is not None and value >= bound


def _below(value: Any, bound: float) -> bool:
    return value is not None and value < bound


#: (where, the same by hand): a row without the value meets neither a condition nor its NOT
CASES: list[tuple[dict[str, Any], Any]] = [
    ({"tier": {"eq": "A"}}, lambda c: c["tier"] == "A"),
    (
        {"tier": {"in": ["A", "B"]}, "employees": {"gte": 15}},
        lambda c: c["tier"] in ("A", "B") and _at_least(c["employees"], 15),
    ),
    (
        {"OR": [{"tier": {"eq": "C"}}, {"employees": {"lt": 12}}]},
        lambda c: c["tier"] == "C" or _below(c["employees"], 12),
    ),
    ({"NOT": {"territory": {"eq": "East"}}}, lambda c: c["territory"] not in (None, "East")),
    (
        {"AND": [{"name": {"contains": "WIDGETS"}}, {"NOT": {"annualRevenue": {"gt": 1005}}}]},
        lambda c: "widgets" in c["name"].lower() and _at_least(-(c["annualRevenue"] or 1e9), -1005),
    ),
    ({"name": {"startsWith": "east华"}}, lambda c: c["name"].lower().startswith("east华")),
    ({"lifecycle": {"in": ["PROSPECT"]}}, lambda c: c["lifecycle"] == "prospect"),
    ({"OR": []}, lambda c: False),
    ({"AND": []}, lambda c: True),
    (
        {"NOT": {"OR": [{"tier": {"eq": "A"}}, {"tier": {"eq": "B"}}]}},
        lambda c: c["tier"] not in (None, "A", "B"),
    ),
    ({"tier": {"isNull": True}}, lambda c: c["tier"] is None),
]


@pytest.mark.parametrize(("where", "check"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_where_is_what_the_conditions_say(api: Api, where: dict[str, Any], check: Any) -> None:
    every = _rows(api)
    expected = [c["key"] for c in every if check(c)]
    assert _keys(api, where) == expected
    assert len(every) > 0


def test_a_masked_property_filters_as_if_absent(api: Api) -> None:
    people = """query($w: PersonWhere) { people(first: 100, where: $w) { totalCount } }"""

    def count(who: str, where: dict[str, Any]) -> int:
        return int(api.data(people, who, {"w": where})["people"]["totalCount"])

    everyone = count("analyst", {})
    assert count("analyst", {"email": {"contains": "@"}}) == 0
    assert count("analyst", {"email": {"isNull": True}}) == everyone
    assert count("analyst", {"NOT": {"email": {"startsWith": "c0"}}}) == 0
    assert 0 < count("analyst_pii", {"email": {"startsWith": "c0"}}) < count("analyst_pii", {})


def test_text_that_names_nodes_is_not_filterable(api: Api) -> None:
    body = api.post('{ signals(where: {reason: {contains: "Contact"}}) { totalCount } }', "rep_east").json()
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


REL = """query($w: CompanyWhere) {
  companies(first: 100, where: $w, orderBy: [{field: ID}]) { nodes { key } } }"""


@pytest.fixture
def similar(market_store: LadybugStore) -> Iterator[None]:
    """E-001 buys like W-003 and E-002 (as an analysis would store it)."""
    edges = [
        {"_from": "E-001", "_to": b, "score": 0.8, "rank": 1, **market._p(f"E-001>{b}")}
        for b in ("W-003", "E-002")
    ]
    market_store.upsert_edges("SIMILAR_TO", "Company", "Company", edges)
    try:
        yield
    finally:
        market_store.delete_edges(
            "SIMILAR_TO", "Company", "Company", [("E-001", "W-003"), ("E-001", "E-002")]
        )


def test_where_follows_relationships_and_their_properties(api: Api, similar: None) -> None:
    def keys(where: dict[str, Any], who: str = "admin") -> list[str]:
        return [n["key"] for n in api.data(REL, who, {"w": where})["companies"]["nodes"]]

    # market.build: every account has an economic buyer (supporter) and a user without a stance
    buyers = keys(
        {"decisionRoles": {"some": {"seniority": {"eq": "VP"}}, "edge": {"role": {"eq": "economic_buyer"}}}}
    )
    assert "E-001" in buyers and "W-001" in buyers
    nobody = keys({"decisionRoles": {"some": {"seniority": {"eq": "VP"}}, "edge": {"role": {"eq": "user"}}}})
    assert nobody == []
    every = _keys(api, {})
    without = _keys(api, {"similarTo": {"none": {"tier": {"in": ["A", "B", "C"]}}}})
    assert "E-001" not in without and set(without) == set(every) - {"E-001"}


def test_a_relationship_filter_sees_only_what_the_caller_may(api: Api, similar: None) -> None:
    """E-001 is similar to W-003: an admin finds E-001 through it; an East rep, who may not
    see W-003, gets the answer the West account would give if absent."""
    west = {"similarTo": {"some": {"territory": {"eq": "West"}}}}
    assert [n["key"] for n in api.data(REL, "admin", {"w": west})["companies"]["nodes"]] == ["E-001"]
    assert api.data(REL, "rep_east", {"w": west})["companies"]["nodes"] == []
    none_west = {
        "AND": [{"territory": {"eq": "East"}}, {"similarTo": {"none": {"territory": {"eq": "West"}}}}]
    }
    rep = [n["key"] for n in api.data(REL, "rep_east", {"w": none_west})["companies"]["nodes"]]
    assert "E-001" in rep
