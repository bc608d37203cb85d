"""``where`` on the top-level lists: AND, OR and NOT with per-type operators give what the
same conditions give when checked by hand over the whole list; a masked property filters
as if absent; text naming other territories is not filterable."""

from __future__ import annotations

from typing import Any

import pytest

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
