"""Entity resolution through the record pipeline, scored against a sample market's truth.

The records are exactly those the pipeline resolves: read and validated through the
mappings (rejected rows take no part), then resolved with the run's thresholds and
reviewers' decisions. Nothing is written to a store. ``accountgraph eval resolution``
prints the result.
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from graph import GraphStore
from ingest.records.pipeline import RecordIngest
from ingest.records.rejects import RejectsFile
from ingest.records.review import DecisionLog
from ingest.records.runs import sources_for
from ingest.resolve import CandidatePair, EntityRecord, Resolution, Scores, evaluate


@dataclass(frozen=True)
class ResolutionRun:
    resolutions: dict[str, Resolution]  # by label; record sources are file paths under the sample
    node_ids: dict[str, set[str]]  # by label: the ids of the merged nodes
    scores: Scores
    seconds: float

    def records(self, label: str) -> int:
        return sum(len(c) for c in self.resolutions[label].clusters)


def evaluate_resolution(
    store: GraphStore, root: Path, mappings: Path, decisions: DecisionLog | None = None
) -> ResolutionRun:
    """Resolve ``root``'s entity records as an ingest run would; ``store`` is only read for the schema."""
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, RejectsFile(Path(tmp) / "rejects.jsonl") as rejects:
        ingest = RecordIngest(
            store,
            sources_for(root, mappings),
            "eval",
            rejects,
            decisions=decisions.decisions() if decisions else None,
        )
        merged = ingest.resolve()
    resolutions = {label: _by_file(m.resolution, m.files, root) for label, m in merged.items()}
    both = Resolution(
        [c for r in resolutions.values() for c in r.clusters],
        [p for r in resolutions.values() for p in r.review],
        [p for r in resolutions.values() for p in r.merges],
    )
    node_ids = {label: {row["id"] for row in m.rows} for label, m in merged.items()}
    scores = evaluate(both, root / "ground_truth")
    return ResolutionRun(resolutions, node_ids, scores, time.perf_counter() - start)


def _by_file(resolution: Resolution, files: dict[tuple[str, str], str], root: Path) -> Resolution:
    """The same resolution with each record's source named by its file, as the truth names it."""
    renamed: dict[tuple[str, str], EntityRecord] = {}

    def rename(record: EntityRecord) -> EntityRecord:
        ref = record.ref
        if ref not in renamed:
            file = Path(files[ref]).relative_to(root).as_posix()
            renamed[ref] = dataclasses.replace(record, source=file)
        return renamed[ref]

    def pair(p: CandidatePair) -> CandidatePair:
        return dataclasses.replace(p, a=rename(p.a), b=rename(p.b))

    return Resolution(
        [[rename(r) for r in cluster] for cluster in resolution.clusters],
        [pair(p) for p in resolution.review],
        [pair(p) for p in resolution.merges],
    )


def render(
    run: ResolutionRun,
    console: Console,
    title: str = "Entity resolution through the record pipeline (pairwise P/R/F1)",
) -> None:
    table = Table(title=title)
    columns = ("kind", "records", "clusters", "P", "R", "F1", "true pairs", "found pairs", "review")
    for col in columns:
        table.add_column(col, justify="left" if col == "kind" else "right")
    for label, res in sorted(run.resolutions.items()):
        s = run.scores.per_kind[label]
        table.add_row(
            label,
            f"{run.records(label):,}",
            f"{len(res.clusters):,}",
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            f"{s.true_pairs:,}",
            f"{s.predicted_pairs:,}",
            f"{len(res.review):,}",
        )
    o = run.scores.overall
    table.add_row(
        "overall", "", "", f"{o.precision:.3f}", f"{o.recall:.3f}", f"{o.f1:.3f}",
        f"{o.true_pairs:,}", f"{o.predicted_pairs:,}", "", style="bold",
    )  # fmt: skip
    console.print(table)
    console.print(
        f"hard negatives merged: {run.scores.hard_negatives_merged} of {run.scores.hard_negatives}; "
        f"truth records rejected by validation: {run.scores.truth_records_missing}; "
        f"time: {run.seconds:.1f} s"
    )
