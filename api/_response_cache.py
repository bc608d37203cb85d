"""Answers to read-only GraphQL queries, kept while the graph they were read from is unchanged.

Everything a query answers comes from the store, so while the store's data version is
the one an answer was computed at, the same caller asking the same document with the
same variables gets the same bytes. The key holds the whole principal (subject, role,
territories, rep id, PII right), so an answer is never served to anyone but its own
caller's identity, and the territory policy and PII masking it was computed under stay
in force. What a hit must still do (rate limiting, metrics, the audit of PII reads) the
HTTP layer does: an entry carries the PII fields its answer read, so they are audited
again for every hit.

Freshness:

- a write through this process's store invalidates at once (``GraphStore.write_count``);
- a write by another process (Neo4j only: the embedded store is locked to one process)
  is seen within ``check_interval`` seconds (``GraphStore.data_version``, asked at most
  that often);
- an answer older than ``ttl`` seconds is recomputed anyway;
- an answer computed across a change of version is not kept.

Answers with errors and answers that read something outside the store (a resolver calls
``Context.volatile``, e.g. a job's status) are never kept.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from api._principal import Principal
from graph import GraphStore

Key = tuple[Hashable, ...]


@dataclass(frozen=True)
class Cached:
    body: bytes
    pii_reads: Mapping[str, int]
    at: float


@dataclass(frozen=True)
class Version:
    """The store's version as this cache last saw it: local writes and the data token."""

    writes: int
    token: str


def request_key(
    principal: Principal, media: str, query: str, operation: str | None, variables: Mapping[str, Any] | None
) -> Key:
    """Everything an answer may depend on besides the store's data."""
    return (
        principal.subject,
        principal.role.value,
        tuple(sorted(principal.territories)),
        principal.person_id,
        principal.pii,
        media,
        query,
        operation,
        json.dumps(variables, sort_keys=True, separators=(",", ":")) if variables else "",
    )


class ResponseCache:
    """An LRU of answer bytes, bounded by their total size, valid for one data version."""

    def __init__(
        self,
        store: GraphStore,
        max_bytes: int,
        ttl: float,
        check_interval: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.max_bytes = max_bytes
        self.ttl = ttl
        self.check_interval = check_interval
        self._clock = clock
        self._entries: OrderedDict[Key, Cached] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._version: Version | None = None
        self._checked_at = -float("inf")
        self.hits = 0
        self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.max_bytes > 0

    def needs_check(self) -> bool:
        """Whether the data token is due to be asked again (a store round trip on Neo4j)."""
        return self._clock() - self._checked_at >= self.check_interval

    def current(self, ask_store: bool) -> Version:
        """The version now; ``ask_store`` refreshes the data token (blocking on Neo4j),
        else the last token seen is reused with the local write count."""
        writes = self.store.write_count
        if ask_store or self._version is None:
            token = self.store.data_version()
            self._checked_at = self._clock()
        else:
            token = self._version.token
        version = Version(writes, token)
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._size = 0
                self._version = version
        return version

    def get(self, key: Key, version: Version) -> Cached | None:
        with self._lock:
            found = self._entries.get(key) if version == self._version else None
            if found is not None and self._clock() - found.at > self.ttl:
                self._drop(key)
                found = None
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: Key, version: Version, body: bytes, pii_reads: Counter[str]) -> None:
        """Keep an answer computed entirely at ``version`` (checked again now)."""
        if len(body) > self.max_bytes or self.store.write_count != version.writes:
            return
        with self._lock:
            if version != self._version:
                return
            self._drop(key)
            self._entries[key] = Cached(body, dict(pii_reads), self._clock())
            self._size += len(body)
            while self._size > self.max_bytes:
                oldest = next(iter(self._entries))
                self._drop(oldest)

    def _drop(self, key: Key) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self._size -= len(old.body)
