"""Keyset paging (``ScopedReads.page(after=...)``) on both stores: walking a list page by page
gives the whole list in order, whatever the order and its missing values, and rows written
between two fetches neither repeat nor push a row out of the walk."""

from __future__ import annotations

from typing import Any

import pytest

from graph import GraphStore
from graph.reads import Cond, Op, Scope, ScopedReads
from tests.graph.market import RUN

ORDERS: list[list[tuple[str, bool]]] = [
    [],
    [("name", False)],
    [("employees", True)],
    [("tier", False), ("employees", False)],
    [("annual_revenue", True), ("name", True)],
    [("is_self", True), ("name", False)],
]


def _companies() -> list[dict[str, Any]]:
    rows = []
    for i in range(13):
        row: dict[str, Any] = {"id": f"c-{i:02d}", "name": f"Firm {i % 5}", "territory": "east"}
        if i % 3:
            row["employees"] = 100 * (i % 4)  # ties and missing values
        if i % 4:
            row["tier"] = "AB"[i % 2]
        if i % 2:
            row["annual_revenue"] = float(i % 3)
        if i % 5:
            row["is_self"] = i % 2 == 0
        rows.append(row | RUN)
    return rows


def _walk(reads: ScopedReads, order: list[tuple[str, bool]], size: int) -> list[str]:
    seen: list[str] = []
    after = None
    while True:
        rows = reads.page("Company", [], order, 0, size, after)
        seen += [r["id"] for r in rows]
        if len(rows) < size:
            return seen
        last = rows[-1]
        after = ([last.get(p) for p, _ in order], last["id"])


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: ",".join(f"{p}{'-' if d else '+'}" for p, d in o))
def test_a_walk_by_keyset_is_the_whole_list_in_order(
    store: GraphStore, order: list[tuple[str, bool]]
) -> None:
    store.upsert_nodes("Company", _companies())
    reads = ScopedReads(store)
    whole = [r["id"] for r in reads.page("Company", [], order, 0, 100)]
    assert len(whole) == 13
    for size in (1, 2, 5):
        assert _walk(reads, order, size) == whole, size


def test_rows_written_between_fetches_neither_repeat_nor_push_rows_out(store: GraphStore) -> None:
    store.upsert_nodes("Company", _companies())
    reads = ScopedReads(store, Scope(frozenset({"east"})))
    order = [("employees", True)]
    first = reads.page("Company", [], order, 0, 4)
    last = first[-1]
    # one row that sorts before the cursor, one after it, one of another territory
    store.upsert_nodes(
        "Company",
        [
            {"id": "c-new-top", "name": "New Top", "territory": "east", "employees": 10_000} | RUN,
            {"id": "c-new-low", "name": "New Low", "territory": "east", "employees": 1} | RUN,
            {"id": "c-new-west", "name": "New West", "territory": "west", "employees": 5} | RUN,
        ],
    )
    rest = reads.page("Company", [], order, 0, 100, ([last.get("employees")], last["id"]))
    walked = [r["id"] for r in first + rest]
    assert len(walked) == len(set(walked)) == 14  # 13 and the new low one; nothing twice
    assert "c-new-low" in walked and "c-new-top" not in walked and "c-new-west" not in walked
    now = [r["id"] for r in reads.page("Company", [], order, 0, 100)]
    assert [k for k in now if k != "c-new-top"] == walked


def test_a_keyset_position_combines_with_conditions(store: GraphStore) -> None:
    store.upsert_nodes("Company", _companies())
    reads = ScopedReads(store)
    conds = [Cond("tier", Op.IN, ["A"])]
    whole = [r["id"] for r in reads.page("Company", conds, [("name", False)], 0, 100)]
    first = reads.page("Company", conds, [("name", False)], 0, 2)
    rest = reads.page("Company", conds, [("name", False)], 0, 100, ([first[-1]["name"]], first[-1]["id"]))
    assert [r["id"] for r in first + rest] == whole
    with pytest.raises(ValueError, match="needs 1 value"):
        reads.page("Company", conds, [("name", False)], 0, 2, ([], "c-00"))
