"""Documents: parsing stops at a token limit, the cache is bounded by the text it holds,
and a slow parse and validation runs off the event loop."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from api._documents import DocumentCache
from api._schema import graphql_schema
from tests.api.conftest import Api


def _aliases(n: int, prefix: str = "a") -> str:
    return "{ " + " ".join(f"{prefix}{i}: me {{ role }}" for i in range(n)) + " }"


def test_the_cache_is_bounded_by_the_text_it_holds() -> None:
    cache = DocumentCache(graphql_schema(), 12, 10**9, 100, size=100, max_chars=2_000)
    small = [_aliases(3, f"x{i}_") for i in range(40)]
    for query in small:
        assert cache.get(query, False).document is not None
    kept = [q for q in small if cache.lookup(q, False) is not None]
    assert 0 < sum(map(len, kept)) <= 2_000 and kept == small[-len(kept) :]
    big = _aliases(20)  # over a tenth of the budget: checked, never kept
    assert cache.get(big, False).document is not None and cache.lookup(big, False) is None
    assert cache.lookup(small[-1], False) is not None


def test_a_document_past_the_token_limit_is_refused(api: Api) -> None:
    body = api.post(_aliases(4_000), "rep_east").json()  # 24,000 tokens
    error = body["errors"][0]
    assert error["extensions"]["code"] == "GRAPHQL_PARSE_FAILED" and "tokens" in error["message"]


def test_a_slow_document_does_not_hold_up_other_requests(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """While the server checks a document for about a second, healthz is answered: the check
    runs off the event loop. Told by order, not by a time bound (a loaded machine stretches
    both): healthz must come back before the server has finished checking the document."""
    # validation that ends in an error: nothing executes (execution runs on the loop, so a
    # valid document's 1,000 fields would hold healthz up for a reason of their own)
    slow = "{ " + " ".join("me { role }" for _ in range(1_000)) + " noSuchField }"
    checked: list[float] = []
    check = DocumentCache._check

    def timed(self: DocumentCache, query: str, introspection: bool) -> Any:
        try:
            return check(self, query, introspection)
        finally:
            if query == slow:
                checked.append(time.monotonic())

    monkeypatch.setattr(DocumentCache, "_check", timed)  # the server runs in this process
    started: list[float] = []

    def heavy() -> None:
        started.append(time.monotonic())
        refused = api.post(slow, "rep_east").json()
        assert refused["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"

    thread = threading.Thread(target=heavy)
    thread.start()
    time.sleep(0.15)
    assert api.client.get("/healthz").status_code == 200
    answered = time.monotonic()
    thread.join()
    assert started and checked, "the slow document was not checked"
    assert answered < checked[0], "healthz waited for the document's check"
