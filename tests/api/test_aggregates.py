"""``<plural>Aggregate``: counts and measures per group are what the list itself adds up to,
for the caller's scope; personal data is no group."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from tests.api.conftest import Api

LIST = """query($after: String) { companies(first: 100, after: $after, orderBy: [{field: ID}]) {
  pageInfo { hasNextPage endCursor } nodes { territory tier employees annualRevenue } } }"""
AGG = """query($w: CompanyWhere) { companiesAggregate(groupBy: [TERRITORY, TIER], where: $w) {
  key { territory tier } count sum { employees annualRevenue } avg { employees }
  min { employees } max { employees } } }"""


def _companies(api: Api, who: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    after = None
    while True:
        page = api.data(LIST, who, {"after": after})["companies"]
        rows += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            return rows
        after = page["pageInfo"]["endCursor"]


@pytest.mark.parametrize("who", ["admin", "rep_east"])
def test_groups_add_up_to_the_list(api: Api, who: str) -> None:
    by: dict[tuple[Any, Any], list[dict[str, Any]]] = defaultdict(list)
    for c in _companies(api, who):
        by[(c["territory"], c["tier"])].append(c)
    groups = api.data(AGG, who)["companiesAggregate"]
    assert {(g["key"]["territory"], g["key"]["tier"]) for g in groups} == set(by)
    for g in groups:
        rows = by[(g["key"]["territory"], g["key"]["tier"])]
        employees = [r["employees"] for r in rows if r["employees"] is not None]
        assert g["count"] == len(rows)
        assert g["sum"]["employees"] == (float(sum(employees)) if employees else None)
        assert g["min"]["employees"] == (min(employees) if employees else None)
        assert g["max"]["employees"] == (max(employees) if employees else None)
        if employees:
            assert g["avg"]["employees"] == pytest.approx(sum(employees) / len(employees))
    if who == "rep_east":
        assert {g["key"]["territory"] for g in groups} <= {"East"}


def test_a_reps_aggregate_is_the_admins_for_the_reps_territory(api: Api) -> None:
    where = {"employees": {"gte": 12}}
    rep = api.data(AGG, "rep_east", {"w": where})["companiesAggregate"]
    admin = api.data(AGG, "admin", {"w": {"AND": [where, {"territory": {"eq": "East"}}]}})
    assert rep == admin["companiesAggregate"] and rep


def test_personal_data_is_no_group(api: Api) -> None:
    body = api.post("{ peopleAggregate(groupBy: [EMAIL]) { count } }", "admin").json()
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    signals = api.data("{ signalsAggregate(groupBy: [KIND, SEVERITY]) { key { kind severity } count } }")
    assert (
        sum(g["count"] for g in signals["signalsAggregate"])
        == api.data("{ signals { totalCount } }")["signals"]["totalCount"]
    )
