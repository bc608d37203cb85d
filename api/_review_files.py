"""The review files the API reads and writes: a run's candidate pairs, the decision log.

They are the files ``accountgraph review`` works on (``<data_dir>/runs/<run>/review.jsonl``,
``<data_dir>/review/decisions.jsonl``), so a decision taken over the API and one taken
on the command line are the same, and the next ingest run applies either.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from api._errors import ApiError, Code
from ingest.records.review import DecisionLog, ReviewPair, Verdict, read_review

#: a run folder's name; no separators or leading dot, so a run id never leaves ``runs/``
_RUN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
STATUSES = ("awaiting", "decided", "all")


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class Listed:
    """A pair as a run's review file lists it, with the decision the log holds on it."""

    pair: ReviewPair
    run_id: str
    decision: Decision | None


@dataclass(frozen=True)
class ReviewRun:
    run_id: str | None  # None: no ingest run has written a review file yet
    pairs: dict[str, ReviewPair]


def decision_log(data_dir: Path) -> DecisionLog:
    return DecisionLog(data_dir / "review" / "decisions.jsonl")


def review_run(data_dir: Path, run_id: str | None) -> ReviewRun:
    """The pairs of run ``run_id``, or of the latest run that wrote a review file (as the CLI
    takes it: the newest ``review.jsonl``)."""
    runs = data_dir / "runs"
    if run_id is None:
        found = sorted(runs.glob("*/review.jsonl"), key=lambda p: p.stat().st_mtime)
        if not found:
            return ReviewRun(None, {})
        path = found[-1]
    else:
        if not _RUN_ID.fullmatch(run_id):
            raise ApiError(Code.BAD_USER_INPUT, f"run: not a run id: {run_id!r:.60}")
        path = runs / run_id / "review.jsonl"
        if not path.is_file():
            raise ApiError(Code.NOT_FOUND, f"run: no ingest run {run_id!r} with review pairs")
    return ReviewRun(path.parent.name, {p.id: p for p in read_review(path)})


def _decision(entry: dict[str, Any] | None) -> Decision | None:
    if entry is None:
        return None
    return Decision(entry["decision"], entry["by"], dt.datetime.fromisoformat(entry["at"]))


def listed(data_dir: Path, run_id: str | None, status: str) -> list[Listed]:
    """The run's pairs in ``status`` (awaiting, decided or all), highest score first."""
    run = review_run(data_dir, run_id)
    if run.run_id is None:
        return []
    decided = decision_log(data_dir).latest()
    pairs = sorted(run.pairs.values(), key=lambda p: (-p.score, p.id))
    if status == "awaiting":
        pairs = [p for p in pairs if p.id not in decided]
    elif status == "decided":
        pairs = [p for p in pairs if p.id in decided]
    return [Listed(p, run.run_id, _decision(decided.get(p.id))) for p in pairs]


def decide(data_dir: Path, run_id: str | None, ids: list[str], verdict: Verdict, by: str) -> list[Listed]:
    """Record ``verdict`` on every pair of ``ids``; none is recorded if one is not in the run."""
    if not ids:
        raise ApiError(Code.BAD_USER_INPUT, "ids: give at least one pair id")
    run = review_run(data_dir, run_id)
    wanted = list(dict.fromkeys(ids))
    unknown = [i for i in wanted if i not in run.pairs]
    if unknown:
        where = f"run {run.run_id}'s review file" if run.run_id else "any run's review file"
        raise ApiError(Code.NOT_FOUND, f"ids: no such pair in {where}: {', '.join(unknown)}")
    assert run.run_id is not None, "a run without a review file has no pairs"
    log = decision_log(data_dir)
    for pair_id in wanted:
        log.record(run.pairs[pair_id], verdict, by)
    decided = log.latest()
    return [Listed(run.pairs[i], run.run_id, _decision(decided.get(i))) for i in wanted]
