"""Runs over a directory of exports: pair mappings with files, run, save the report."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from graph import GraphStore
from ingest.records.mapping import MappingError, load_mapping
from ingest.records.pipeline import Progress, RecordIngest, RunReport, Source
from ingest.records.rejects import RejectsFile

SAMPLE_MAPPINGS = Path(__file__).resolve().parent.parent / "mappings" / "sample"


def sources_for(root: Path, mappings: Path) -> list[Source]:
    """Each mapping (a file, or a directory's ``*.yaml`` in name order) with its file under ``root``."""
    files = sorted(mappings.glob("*.yaml")) if mappings.is_dir() else [mappings]
    sources = []
    for path in files:
        mapping = load_mapping(path)
        if mapping.file is None and root.is_dir():
            raise MappingError(f"{path}: no 'file' given, so a directory cannot be paired with it")
        data = root / mapping.file if root.is_dir() and mapping.file else root
        if not data.exists():
            raise MappingError(f"{path}: its file {data} does not exist")
        sources.append(Source(data, mapping))
    return sources


def ingest_directory(
    store: GraphStore,
    root: Path,
    mappings: Path,
    run_dir: Path,
    run_id: str,
    on_progress: Progress | None = None,
) -> RunReport:
    """Ingest ``root`` with ``mappings``; rejects and the report go to ``run_dir``."""
    sources = sources_for(root, mappings)
    run_dir.mkdir(parents=True, exist_ok=True)
    with RejectsFile(run_dir / "rejects.jsonl") as rejects:
        report = RecordIngest(store, sources, run_id, rejects, on_progress=on_progress).run()
    summary = asdict(report) | {
        "rejected": dict(report.rejected),  # asdict would rebuild the Counter from its items
        "rows_per_second": report.rows_per_second,
        "store": store.kind,
    }
    (run_dir / "report.json").write_text(json.dumps(summary, default=str, indent=2), encoding="utf-8")
    return report
