"""Runs over a directory of exports: pair mappings with files, run, save the report.

A run is recorded as a ``Run`` node (running, then completed or failed; a run stopped
by a store that cannot write, e.g. on a full disk, stays running), its rejects,
review pairs and report go to its run folder, and with a cursor file the latest
``changed_at`` seen per source is kept for the next incremental run.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from pathlib import Path

from graph import GraphStore, RunLog, StoreIOError
from ingest.records.mapping import MappingError, load_mapping
from ingest.records.pipeline import RecordIngest
from ingest.records.rejects import RejectsFile
from ingest.records.report import Progress, RunReport, Source
from ingest.records.review import DecisionLog, write_review

SAMPLE_MAPPINGS = Path(__file__).resolve().parent.parent / "mappings" / "sample"


def sources_for(root: Path, mappings: Path) -> list[Source]:
    """Each mapping (a file, or a directory's ``*.yaml`` in name order) with its file under ``root``."""
    files = sorted(mappings.glob("*.yaml")) if mappings.is_dir() else [mappings]
    if not files:
        raise MappingError(f"{mappings}: no mapping files (*.yaml) in this folder")
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
    *,
    decisions: DecisionLog | None = None,
    since: dt.datetime | None = None,
    cursor: Path | None = None,
) -> RunReport:
    """Ingest ``root`` with ``mappings``; rejects, review pairs and the report go to ``run_dir``.

    ``since`` skips facts older than it in every source with a ``changed_at`` column;
    ``cursor`` (a JSON file) gives each source its own start from the last run and is
    advanced after a run that completes; an explicit ``since`` wins over it.
    """
    sources = sources_for(root, mappings)
    run_dir.mkdir(parents=True, exist_ok=True)
    starts = _read_cursor(cursor) if cursor else {}
    if since is not None:
        starts = {str(s.path): since for s in sources}  # an explicit start wins over the cursor
    log = RunLog(store, run_id, "ingest_records", [str(s.path) for s in sources], since)
    log.start()
    try:
        with RejectsFile(run_dir / "rejects.jsonl") as rejects:
            ingest = RecordIngest(
                store,
                sources,
                run_id,
                rejects,
                on_progress=on_progress,
                decisions=decisions.decisions() if decisions else None,
                since=starts,
                track_changes=cursor is not None,
            )
            report = ingest.run()
    except StoreIOError:
        raise  # the store cannot record it: the run stays 'running', as a killed run does
    except Exception as exc:
        log.fail(f"{type(exc).__name__}: {exc}")
        raise
    write_review(run_dir / "review.jsonl", ingest.review)
    summary = asdict(report) | {
        "rejected": dict(report.rejected),  # asdict would rebuild the Counter from its items
        "dropped": dict(report.dropped),
        "rows_per_second": report.rows_per_second,
        "store": store.kind,
    }
    (run_dir / "report.json").write_text(json.dumps(summary, default=str, indent=2), encoding="utf-8")
    if cursor is not None:
        _write_cursor(cursor, _read_cursor(cursor) | report.cursor)
    log.complete(
        {
            "read": report.read,
            "nodes_written": report.nodes_written,
            "edges_written": report.edges_written,
            "rejected": sum(report.rejected.values()),
            "merged": report.merged,
            "review_pairs": report.review_pairs,
        }
    )
    return report


def _read_cursor(path: Path) -> dict[str, dt.datetime]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {name: dt.datetime.fromisoformat(value) for name, value in data.items()}
    except (ValueError, AttributeError) as exc:
        raise MappingError(f"{path}: not a cursor file ({exc})") from None


def _write_cursor(path: Path, starts: dict[str, dt.datetime]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(
        json.dumps({k: v.isoformat() for k, v in sorted(starts.items())}, indent=2), encoding="utf-8"
    )
    tmp.replace(path)  # a crash never leaves half a cursor
