"""Load the sample market, resolve companies then people, score against the truth, print a table."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .metrics import Scores, evaluate
from .model import Resolution, Thresholds
from .resolver import resolve
from .sample_records import load_companies, load_people


@dataclass(frozen=True)
class SampleRun:
    companies: Resolution
    people: Resolution
    scores: Scores
    records: dict[str, int]
    seconds: dict[str, float]


def run_sample(root: Path, thresholds: Thresholds = Thresholds()) -> SampleRun:  # noqa: B008
    """Companies first, so each person record can carry the resolved company it works at."""
    t0 = time.perf_counter()
    company_records = load_companies(root)
    t1 = time.perf_counter()
    companies = resolve(company_records, thresholds)
    t2 = time.perf_counter()
    people_records = load_people(root, companies.cluster_ids())
    t3 = time.perf_counter()
    people = resolve(people_records, thresholds)
    t4 = time.perf_counter()
    both = Resolution(
        companies.clusters + people.clusters,
        companies.review + people.review,
        companies.merges + people.merges,
    )
    scores = evaluate(both, root / "ground_truth")
    seconds = {"load": (t1 - t0) + (t3 - t2), "resolve": (t2 - t1) + (t4 - t3), "total": t4 - t0}
    return SampleRun(
        companies, people, scores, {"Company": len(company_records), "Person": len(people_records)}, seconds
    )


def render(run: SampleRun, console: Console) -> None:
    table = Table(title="Entity resolution on the sample market (pairwise P/R/F1)")
    columns = ("kind", "records", "clusters", "P", "R", "F1", "true pairs", "found pairs", "review")
    for col in columns:
        table.add_column(col, justify="left" if col == "kind" else "right")
    for kind, res in (("Company", run.companies), ("Person", run.people)):
        s = run.scores.per_kind[kind]
        table.add_row(
            kind,
            str(run.records[kind]),
            str(len(res.clusters)),
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            str(s.true_pairs),
            str(s.predicted_pairs),
            str(len(res.review)),
        )
    o = run.scores.overall
    table.add_row(
        "overall",
        str(sum(run.records.values())),
        "",
        f"{o.precision:.3f}",
        f"{o.recall:.3f}",
        f"{o.f1:.3f}",
        str(o.true_pairs),
        str(o.predicted_pairs),
        str(len(run.companies.review) + len(run.people.review)),
    )
    console.print(table)
    console.print(
        f"hard negatives merged: {run.scores.hard_negatives_merged} of {run.scores.hard_negatives}; "
        f"truth records not loaded (rejected rows): {run.scores.truth_records_missing}"
    )
    sec = run.seconds
    console.print(
        f"time: load {sec['load']:.2f} s, resolve {sec['resolve']:.2f} s, total {sec['total']:.2f} s"
    )
