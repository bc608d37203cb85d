"""Ingest a directory into an in-memory store and write its facts to a file (a test's child).

Run as ``python -m tests.ingest.determinism_child DIR OUT`` with the hash seed under test.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from graph.adapters.ladybug import LadybugStore
from ingest.records import SAMPLE_MAPPINGS, ingest_directory
from tests.ingest.graph_facts import facts


def main(root: Path, out: Path) -> None:
    store = LadybugStore().open()
    store.create_schema()
    with tempfile.TemporaryDirectory() as run_dir:
        ingest_directory(store, root, SAMPLE_MAPPINGS, Path(run_dir), "determinism")
    out.write_text("\n".join(facts(store, ("ingested_at", "run_id"))) + "\n", encoding="utf-8")
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
