"""The facts a graph holds, as comparable export lines (for tests comparing two graphs)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable

from graph import GraphStore
from graph.export import iter_graph, write_jsonl


def facts(store: GraphStore, ignore: Iterable[str] = ()) -> list[str]:
    """Export lines without Run nodes (each run adds its own) and without the ``ignore`` props,
    e.g. ``ingested_at`` (each run stamps its own clock) or ``run_id``."""
    dropped = set(ignore)
    out = io.StringIO()
    write_jsonl(iter_graph(store), out)
    lines = []
    for line in out.getvalue().splitlines():
        record = json.loads(line)
        if record.get("label") == "Run":
            continue
        record["props"] = {k: v for k, v in record["props"].items() if k not in dropped}
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines
