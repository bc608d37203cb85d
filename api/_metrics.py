"""Prometheus metrics, in a registry of the app's own (several apps may share a process).

Under ``serve --workers N`` every worker counts into files in ``PROMETHEUS_MULTIPROC_DIR``
(prometheus_client's multiprocess mode, chosen by that variable when the first metric is
made), and a scrape, whichever worker answers it, sums them all.
"""

from __future__ import annotations

import os

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess

_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "accountgraph_graphql_requests",
            "GraphQL requests by outcome and HTTP status",
            ["outcome", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "accountgraph_graphql_request_seconds",
            "GraphQL request latency",
            buckets=_BUCKETS,
            registry=self.registry,
        )
        self.store = Histogram(
            "accountgraph_store_query_seconds",
            "Store read latency by kind of read",
            ["kind"],
            buckets=_BUCKETS,
            registry=self.registry,
        )

    def observe_request(self, outcome: str, status: int, seconds: float) -> None:
        self.requests.labels(outcome=outcome, status=str(status)).inc()
        self.latency.observe(seconds)

    def observe_store(self, kind: str, seconds: float) -> None:
        self.store.labels(kind=kind).observe(seconds)

    def render(self) -> bytes:
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            every_worker = CollectorRegistry()
            multiprocess.MultiProcessCollector(every_worker)  # type: ignore[no-untyped-call]
            return generate_latest(every_worker)
        return generate_latest(self.registry)
