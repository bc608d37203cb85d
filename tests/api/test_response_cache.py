"""The response cache on its own, over a real embedded store: keys, versions, bounds."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from api._principal import Principal, Role
from api._response_cache import ResponseCache, request_key
from graph.adapters.ladybug import LadybugStore

PROV = {"source": "test", "run_id": "r1", "ingested_at": dt.datetime(2026, 11, 1, tzinfo=dt.UTC)}
ANALYST = Principal(subject="ana", role=Role.ANALYST)
QUERY = "{ companies { totalCount } }"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def store(embedded_store: LadybugStore) -> LadybugStore:
    return embedded_store


def _write(store: LadybugStore, name: str) -> None:
    store.upsert_nodes("Company", [{"id": "C1", "name": name, **PROV}])


def test_a_hit_needs_the_same_caller_document_variables_and_version(store: LadybugStore) -> None:
    cache = ResponseCache(store, max_bytes=1 << 20, ttl=60, check_interval=1, clock=Clock())
    key = request_key(ANALYST, "application/json", QUERY, None, {"a": 1, "b": 2})
    version = cache.current(ask_store=True)
    cache.put(key, version, b'{"data":1}', Counter({"Person.email": 2}))

    same = request_key(ANALYST, "application/json", QUERY, None, {"b": 2, "a": 1})
    found = cache.get(same, cache.current(ask_store=False))
    assert found is not None
    assert found.body == b'{"data":1}'
    assert found.pii_reads == {"Person.email": 2}

    variables = {"a": 1, "b": 2}
    json_ = "application/json"
    others = [
        request_key(Principal(subject="bob", role=Role.ANALYST), json_, QUERY, None, variables),
        request_key(Principal(subject="ana", role=Role.REP), json_, QUERY, None, variables),
        request_key(Principal(subject="ana", role=Role.ANALYST, pii=True), json_, QUERY, None, variables),
        request_key(ANALYST, "application/graphql-response+json", QUERY, None, variables),
        request_key(ANALYST, json_, QUERY + " ", None, variables),
        request_key(ANALYST, json_, QUERY, "Op", variables),
        request_key(ANALYST, json_, QUERY, None, {"a": 1, "b": 3}),
    ]
    for other in others:
        assert cache.get(other, cache.current(ask_store=False)) is None


def test_a_write_through_the_store_invalidates_at_once(store: LadybugStore) -> None:
    cache = ResponseCache(store, max_bytes=1 << 20, ttl=60, check_interval=3600, clock=Clock())
    key = request_key(ANALYST, "application/json", QUERY, None, None)
    cache.put(key, cache.current(ask_store=True), b"old", Counter())
    assert cache.get(key, cache.current(ask_store=False)) is not None

    _write(store, "Acme")
    assert cache.get(key, cache.current(ask_store=False)) is None


def test_an_answer_computed_across_a_write_is_not_kept(store: LadybugStore) -> None:
    cache = ResponseCache(store, max_bytes=1 << 20, ttl=60, check_interval=3600, clock=Clock())
    key = request_key(ANALYST, "application/json", QUERY, None, None)
    started = cache.current(ask_store=True)
    _write(store, "Acme")  # lands while the answer is being computed
    cache.put(key, started, b"maybe stale", Counter())
    assert cache.get(key, cache.current(ask_store=False)) is None


def test_entries_expire_after_the_ttl(store: LadybugStore) -> None:
    clock = Clock()
    cache = ResponseCache(store, max_bytes=1 << 20, ttl=30, check_interval=3600, clock=clock)
    key = request_key(ANALYST, "application/json", QUERY, None, None)
    cache.put(key, cache.current(ask_store=True), b"answer", Counter())
    clock.now = 29.0
    assert cache.get(key, cache.current(ask_store=False)) is not None
    clock.now = 31.0
    assert cache.get(key, cache.current(ask_store=False)) is None


def test_the_data_token_is_asked_at_most_every_check_interval(store: LadybugStore) -> None:
    clock = Clock()
    cache = ResponseCache(store, max_bytes=1 << 20, ttl=60, check_interval=5, clock=clock)
    cache.current(ask_store=True)
    assert not cache.needs_check()
    clock.now = 5.0
    assert cache.needs_check()


def test_the_size_bound_evicts_the_least_recently_used(store: LadybugStore) -> None:
    cache = ResponseCache(store, max_bytes=25, ttl=60, check_interval=3600, clock=Clock())
    version = cache.current(ask_store=True)
    keys = [request_key(ANALYST, "application/json", QUERY, None, {"i": i}) for i in range(3)]
    cache.put(keys[0], version, b"0123456789", Counter())
    cache.put(keys[1], version, b"0123456789", Counter())
    assert cache.get(keys[0], version) is not None  # now the most recently used
    cache.put(keys[2], version, b"0123456789", Counter())
    assert cache.get(keys[1], version) is None
    assert cache.get(keys[0], version) is not None
    assert cache.get(keys[2], version) is not None
    cache.put(keys[1], version, b"x" * 26, Counter())  # larger than the whole budget
    assert cache.get(keys[1], version) is None
