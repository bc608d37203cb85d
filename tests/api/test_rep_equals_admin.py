"""A rep's filtered, ordered list and its aggregates per group are exactly an admin's with
the rep's territory added to the filter: generated filters, where trees and orders, on both
stores."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api import create_app
from graph import GraphStore
from tests.api import market
from tests.api.conftest import LiveServer, make_keys
from tests.api.conftest import settings as api_settings

Ask = Callable[[str, dict[str, Any]], Any]
QUERY = """query($f: CompanyFilter, $w: CompanyWhere, $o: [CompanyOrder!]) {
  companies(first: 100, filter: $f, where: $w, orderBy: $o) { totalCount nodes { key } }
  companiesAggregate(filter: $f, where: $w, groupBy: [TIER, LIFECYCLE]) {
    key { tier lifecycle } count sum { employees annualRevenue } max { churnRisk } } }"""
FIELDS = ["NAME", "TIER", "EMPLOYEES", "ANNUAL_REVENUE", "CHURN_RISK", "INDUSTRY", "LIFECYCLE"]

FILTERS = st.fixed_dictionaries(
    {},
    optional={
        "industry": st.lists(st.sampled_from(["Hospital", "Manufacturing", "Retail"]), max_size=2),
        "tier": st.lists(st.sampled_from(["A", "B", "C"]), max_size=2),
        "lifecycleIn": st.lists(st.sampled_from(["CUSTOMER", "PROSPECT", "CHURNED"]), max_size=2),
        "employeesMin": st.integers(5, 25),
        "annualRevenueMax": st.floats(995, 1020),
        "nameContains": st.sampled_from(["widgets", "00", "1", "医疗"]),
    },
)
LEAVES = st.one_of(
    st.builds(lambda v: {"tier": {"in": v}}, st.lists(st.sampled_from(["A", "B", "C"]), max_size=2)),
    st.builds(lambda v: {"employees": {"gt": v}}, st.integers(5, 25)),
    st.builds(lambda v: {"annualRevenue": {"lte": v}}, st.floats(995, 1020)),
    st.builds(lambda v: {"name": {"contains": v}}, st.sampled_from(["widgets", "00", "医疗", "east"])),
    st.builds(lambda v: {"lifecycle": {"eq": v}}, st.sampled_from(["CUSTOMER", "PROSPECT"])),
    st.builds(lambda v: {"churnRisk": {"isNull": v}}, st.booleans()),
    st.builds(lambda v: {"territory": {"eq": v}}, st.sampled_from(["East", "West"])),
    # through relationships to the account's own people, whom the rep sees too
    st.builds(
        lambda s, r: {"decisionRoles": {"some": {"seniority": {"eq": s}}, "edge": {"role": {"eq": r}}}},
        st.sampled_from(["VP", "STAFF"]),
        st.sampled_from(["economic_buyer", "user"]),
    ),
    st.builds(
        lambda v: {"contacts": {"none": {"name": {"contains": v}}}}, st.sampled_from(["0 of", "1 of E-00"])
    ),
)
WHERES = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        st.builds(lambda v: {"AND": v}, st.lists(inner, max_size=3)),
        st.builds(lambda v: {"OR": v}, st.lists(inner, max_size=3)),
        st.builds(lambda v: {"NOT": v}, inner),
    ),
    max_leaves=6,
)
ORDERS = st.lists(
    st.fixed_dictionaries({"field": st.sampled_from(FIELDS), "direction": st.sampled_from(["ASC", "DESC"])}),
    max_size=2,
)


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def ask(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str, dict[str, Any]], Any]]:
    store: GraphStore = request.getfixturevalue(f"{request.param}_store")
    market.build(store, n=12)
    for i, key in enumerate(("E-001", "E-004", "W-002", "E-007", "W-009")):
        market.set_props(store, "Company", key, churn_risk=round(0.1 + 0.2 * (i % 3), 2))
    keys = make_keys(tmp_path)
    app = create_app(store, api_settings(tmp_path, rate_burst=10_000, rate_limit=10_000), tmp_path)
    with LiveServer(app) as url, httpx.Client(base_url=url, timeout=60) as client:

        def post(who: str, variables: dict[str, Any]) -> Any:
            headers = {"authorization": f"Bearer {keys[who]}"}
            body = client.post("/graphql", json={"query": QUERY, "variables": variables}, headers=headers)
            assert "errors" not in body.json(), body.json()
            return body.json()["data"]

        yield post


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flt=FILTERS, order=ORDERS)
def test_a_reps_list_is_the_admins_for_the_reps_territory(
    ask: Ask, flt: dict[str, Any], order: list[dict[str, str]]
) -> None:
    rep = ask("rep_east", {"f": flt, "o": order})
    admin = ask("admin", {"f": flt | {"territory": ["East"]}, "o": order})
    assert rep == admin


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=WHERES, order=ORDERS)
def test_a_reps_where_is_the_admins_for_the_reps_territory(
    ask: Ask, where: dict[str, Any], order: list[dict[str, str]]
) -> None:
    """Any tree of AND, OR and NOT, including one that names the West: a rep's answer is the
    admin's with the rep's territory added, so no condition reaches past the scope."""
    rep = ask("rep_east", {"w": where, "o": order})
    admin = ask("admin", {"w": {"AND": [where, {"territory": {"eq": "East"}}]}, "o": order})
    assert rep == admin
