"""An ingest run in a process of its own, printing each batch, for tests that kill or starve it.

``python -m tests.ingest.ingest_child embedded|neo4j TARGET SAMPLE RUN_DIR RUN_ID [MAPPINGS]``:
TARGET is the embedded store's path, or the Neo4j URI (user and password from ``NEO4J_USER`` /
``NEO4J_PASSWORD``); MAPPINGS defaults to the sample's. Prints ``BATCH <stage> <n>`` after
every batch is written and ``DONE`` with the report's counts at the end.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from graph import GraphStore
from graph.adapters.ladybug import LadybugStore
from graph.adapters.neo4j import Neo4jStore
from ingest.records import SAMPLE_MAPPINGS, ingest_directory


def main(argv: list[str]) -> int:
    kind, target, sample, run_dir, run_id, *mappings = argv
    store: GraphStore
    if kind == "neo4j":
        store = Neo4jStore(target, os.environ["NEO4J_USER"], os.environ["NEO4J_PASSWORD"]).open()
        store.retry_for = float(os.environ.get("RETRY_FOR", "60"))
    else:
        store = LadybugStore(Path(target)).open()
    store.create_schema()

    def batch(stage: str, n: int) -> None:
        print(f"BATCH {stage} {n}", flush=True)

    try:
        folder = Path(mappings[0]) if mappings else SAMPLE_MAPPINGS
        report = ingest_directory(store, Path(sample), folder, Path(run_dir), run_id, batch)
    finally:
        store.close()
    print(f"DONE {report.nodes_written} {report.edges_written}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
