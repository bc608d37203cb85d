"""Run nodes: one per ingest or analysis run, written when it starts and when it ends.

A run that was killed stays ``running`` in the graph, so an operator (and the next
run) can see that it never finished; every fact a run wrote carries its id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from graph.model import Node
from graph.port import GraphStore


class RunLog:
    """The ``Run`` node of one run."""

    def __init__(
        self,
        store: GraphStore,
        run_id: str,
        kind: str,
        inputs: Sequence[str] = (),
        since: dt.datetime | None = None,
    ) -> None:
        self.store = store
        self.run_id = run_id
        self.started_at = dt.datetime.now(dt.UTC)
        self._base: dict[str, Any] = {
            "id": run_id,
            "kind": kind,
            "started_at": self.started_at,
            "store": store.kind,
            "inputs": list(inputs) or None,
            "since": since,
            "source": "accountgraph",
            "source_key": run_id,
            "run_id": run_id,
            "ingested_at": self.started_at,
        }

    def start(self) -> None:
        self.store.upsert_nodes("Run", [self._base | {"status": "running"}])

    def complete(self, counts: dict[str, Any]) -> None:
        self._finish("completed", counts)

    def fail(self, message: str, counts: dict[str, Any] | None = None) -> None:
        self._finish("failed", (counts or {}) | {"message": message[:2000]})

    def _finish(self, status: str, props: dict[str, Any]) -> None:
        now = dt.datetime.now(dt.UTC)
        seconds = (now - self.started_at).total_seconds()
        row = self._base | {"seconds": seconds} | props | {"status": status, "finished_at": now}
        self.store.upsert_nodes("Run", [row])


def recent_runs(store: GraphStore, limit: int = 20) -> list[Node]:
    """The latest runs first."""
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    runs = sorted(store.iter_nodes("Run"), key=lambda n: n.props.get("started_at") or oldest, reverse=True)
    return runs[:limit]
