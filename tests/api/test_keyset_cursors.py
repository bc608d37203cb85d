"""Top-level lists page by keyset cursors: rows written between two fetches neither repeat
nor skip a row, a cursor holds for its own order only, and a sort the server drops (a masked
field) cannot be smuggled back in through a cursor."""

from __future__ import annotations

import base64
import json
from typing import Any

from graph.adapters.ladybug import LadybugStore
from tests.api import market
from tests.api.conftest import Api

SIGNALS = """query($after: String, $o: [SignalOrder!]) {
  signals(first: 5, after: $after, orderBy: $o) {
    pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { key } } } }"""
BY_TIME = [{"field": "DETECTED_AT", "direction": "DESC"}, {"field": "SCORE"}]


def _page(api: Api, who: str, after: str | None, order: list[dict[str, str]]) -> Any:
    return api.data(SIGNALS, who, {"after": after, "o": order})["signals"]


def _walk(api: Api, who: str, order: list[dict[str, str]]) -> list[str]:
    keys: list[str] = []
    after = None
    while True:
        page = _page(api, who, after, order)
        keys += [e["node"]["key"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return keys
        after = page["pageInfo"]["endCursor"]


def test_rows_written_between_fetches_neither_repeat_nor_skip(api: Api, market_store: LadybugStore) -> None:
    whole = _walk(api, "admin", BY_TIME)
    assert len(whole) == len(set(whole)) > 10
    first = _page(api, "admin", None, BY_TIME)
    assert not first["pageInfo"]["hasPreviousPage"]
    early = {"id": "S-KS-FIRST", "kind": "dormant", "status": "open", "score": 0.1}
    early["detected_at"] = market.AT.replace(year=market.AT.year + 1)  # newest: sorts first
    market_store.upsert_nodes("Signal", [early | market._p("S-KS-FIRST")])
    try:
        rest: list[str] = []
        after = first["pageInfo"]["endCursor"]
        while after:
            page = _page(api, "admin", after, BY_TIME)
            assert page["pageInfo"]["hasPreviousPage"]
            rest += [e["node"]["key"] for e in page["edges"]]
            after = page["pageInfo"]["endCursor"] if page["pageInfo"]["hasNextPage"] else None
        walked = [e["node"]["key"] for e in first["edges"]] + rest
        assert walked == whole  # an offset would have repeated the first page's last row
    finally:
        market_store.delete_nodes("Signal", ["S-KS-FIRST"])


def test_a_cursor_holds_for_its_own_order_only(api: Api) -> None:
    first = _page(api, "admin", None, BY_TIME)
    other = [{"field": "SCORE"}]
    body = api.post(SIGNALS, "admin", {"after": first["pageInfo"]["endCursor"], "o": other}).json()
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    for forged in ("k:not json", "k:{}", "x:1", "%%%"):
        cursor = base64.urlsafe_b64encode(forged.encode()).decode() if forged != "%%%" else forged
        body = api.post(SIGNALS, "admin", {"after": cursor, "o": BY_TIME}).json()
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", forged


def test_a_cursor_cannot_bring_back_a_sort_by_a_masked_field(api: Api) -> None:
    """rep_east may not sort people by e-mail; a cursor claiming that order is refused rather
    than read as a position among the hidden values."""
    people = (
        "query($after: String) { people(first: 3, after: $after, orderBy: [{field: EMAIL}]) "
        "{ nodes { key } } }"
    )
    position = {"o": [["email", False]], "v": ["a"], "k": "P-E-001-0"}
    forged = base64.urlsafe_b64encode(f"k:{json.dumps(position)}".encode()).decode()
    body = api.post(people, "rep_east", {"after": forged}).json()
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "@" not in json.dumps(body)


BACK = """query($before: String, $o: [SignalOrder!]) {
  signals(last: 4, before: $before, orderBy: $o) {
    pageInfo { hasNextPage hasPreviousPage startCursor } edges { node { key } } } }"""


def test_paging_backward_walks_the_same_list_from_the_end(api: Api) -> None:
    whole = _walk(api, "admin", BY_TIME)
    walked: list[str] = []
    before = None
    pages = 0
    while True:
        page = api.data(BACK, "admin", {"before": before, "o": BY_TIME})["signals"]
        walked = [e["node"]["key"] for e in page["edges"]] + walked
        assert page["pageInfo"]["hasNextPage"] == (before is not None)
        pages += 1
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        before = page["pageInfo"]["startCursor"]
    assert walked == whole and pages == -(-len(whole) // 4)
    both = api.post("{ signals(first: 2, last: 2) { nodes { key } } }", "admin").json()
    assert both["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_a_backward_page_costs_what_a_forward_one_does(api: Api) -> None:
    """``last: 100`` is charged as 100 rows, as ``first: 100`` is, not as a default page."""
    deep = "{ signals(%s: 100) { nodes { aboutCompanies(first: 100) { nodes { key } } } } }"
    answers = [api.post(deep % arg, "admin").json() for arg in ("first", "last")]
    codes = [a["errors"][0]["extensions"]["code"] for a in answers]
    assert codes == ["COST_LIMIT_EXCEEDED", "COST_LIMIT_EXCEEDED"]
