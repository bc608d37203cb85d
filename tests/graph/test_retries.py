"""The port's retry loop asks the error whether to retry, and gives up after ``retry_for``."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from graph import QueryError, StoreUnavailable
from graph.adapters.ladybug import LadybugStore
from graph.port import Check, Results, Statement


class FlakyStore(LadybugStore):
    """A real embedded store whose first writes fail as if the server were restarting."""

    def __init__(self, failures: int, error: Exception) -> None:
        super().__init__()
        self.failures = failures
        self.error = error
        self.attempts = 0

    def _write(self, statements: Sequence[Statement], check: Check | None = None) -> Results:
        self.attempts += 1
        if self.attempts <= self.failures:
            raise self.error
        return super()._write(statements, check)


def make(failures: int, error: Exception, retry_for: float) -> FlakyStore:
    store = FlakyStore(failures, error)
    store.open().create_schema()
    store.retry_for = retry_for
    return store


def test_unavailable_store_is_retried_until_it_answers() -> None:
    store = make(2, StoreUnavailable("restarting"), retry_for=10.0)
    assert store.upsert_nodes("Topic", [{"id": "t1", "name": "cloud security"}]) == 1
    assert store.attempts == 3
    assert store.get_node("Topic", "t1") is not None


def test_retrying_stops_after_retry_for() -> None:
    store = make(100, StoreUnavailable("down"), retry_for=0.6)
    with pytest.raises(StoreUnavailable, match="down"):
        store.upsert_nodes("Topic", [{"id": "t1", "name": "x"}])
    assert 2 <= store.attempts < 100


def test_errors_that_are_not_retryable_fail_at_once() -> None:
    store = make(1, QueryError("syntax"), retry_for=10.0)
    with pytest.raises(QueryError):
        store.upsert_nodes("Topic", [{"id": "t1", "name": "x"}])
    assert store.attempts == 1
