"""The cost model charges what the work costs: counts by what they count, paths by their
hop limit, every alias on its own."""

from __future__ import annotations

import pytest

from api._limits import COUNT_COST, PATH_BRANCHING
from tests.api.conftest import Api

PATH = 'a{i}: path(from: "{a}", to: "{b}", maxHops: {hops}) {{ length }}'


def _code(api: Api, query: str) -> str | None:
    body = api.post(query, "admin").json()
    return body["errors"][0]["extensions"]["code"] if "errors" in body else None


def test_a_count_costs_what_it_counts_whatever_the_page(api: Api) -> None:
    counts = " ".join(f"c{i}: activities(first: 0) {{ totalCount }}" for i in range(20_000 // COUNT_COST))
    assert _code(api, f"{{ {counts} }}") == "COST_LIMIT_EXCEEDED"
    assert _code(api, "{ activities(first: 0) { totalCount } }") is None


@pytest.mark.parametrize("hops", [6, 4])
def test_a_path_costs_by_its_hop_limit_and_every_alias_counts(api: Api, hops: int) -> None:
    allowed = 20_000 // (PATH_BRANCHING**hops + 2)  # the field and its length besides
    ids = api.data("{ companies(first: 2) { nodes { id } } }")["companies"]["nodes"]
    a, b = ids[0]["id"], ids[1]["id"]

    def paths(n: int) -> str:
        return "{ " + " ".join(PATH.format(i=i, a=a, b=b, hops=hops) for i in range(n)) + " }"

    assert _code(api, paths(allowed)) is None
    assert _code(api, paths(allowed + 1)) == "COST_LIMIT_EXCEEDED"
    one = 'path(from: "a", to: "b", maxHops: $h) { length }'
    unbounded = f"query($h: Int) {{ x: {one} y: {one} }}"
    assert _code(api, unbounded) == "COST_LIMIT_EXCEEDED"  # a variable may hold the largest limit
