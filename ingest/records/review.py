"""Candidate pairs for human review, and the decisions reviewers take on them.

A run writes the pairs resolution could not decide (scores between the thresholds,
or merges a guard refused) to ``review.jsonl`` in its run folder. A reviewer accepts
a pair ("same": the next run merges them) or rejects it ("different": the next run
keeps them apart and does not offer the pair again). Decisions are appended to one
``decisions.jsonl`` that every later run reads; the last decision on a pair wins.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ingest.resolve import CandidatePair, Decisions, EntityRecord

Verdict = Literal["same", "different"]


@dataclass(frozen=True)
class ReviewPair:
    id: str
    label: str
    score: float
    reasons: tuple[str, ...]
    a: dict[str, Any]  # source, key, names
    b: dict[str, Any]

    @property
    def refs(self) -> tuple[tuple[str, str], tuple[str, str]]:
        return (self.a["source"], self.a["key"]), (self.b["source"], self.b["key"])


def pair_id(label: str, a: tuple[str, str], b: tuple[str, str]) -> str:
    """Stable across runs: the same two records always give the same id."""
    first, second = sorted((a, b))
    text = f"{label}|{first[0]}:{first[1]}|{second[0]}:{second[1]}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _side(record: EntityRecord) -> dict[str, Any]:
    return {"source": record.source, "key": record.key, "names": list(record.names)}


def review_pairs(label: str, pairs: Iterable[CandidatePair]) -> list[ReviewPair]:
    return [
        ReviewPair(pair_id(label, p.a.ref, p.b.ref), label, p.score, p.reasons, _side(p.a), _side(p.b))
        for p in pairs
    ]


def write_review(path: Path, pairs: Iterable[ReviewPair]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for p in pairs:
            f.write(json.dumps(p.__dict__ | {"reasons": list(p.reasons)}, ensure_ascii=False) + "\n")
            n += 1
    return n


def read_review(path: Path) -> Iterator[ReviewPair]:
    with path.open(encoding="utf-8") as f:
        for line in filter(str.strip, f):
            d = json.loads(line)
            yield ReviewPair(d["id"], d["label"], d["score"], tuple(d["reasons"]), d["a"], d["b"])


class DecisionLog:
    """The append-only file of reviewers' decisions."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def record(self, pair: ReviewPair, verdict: Verdict, by: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        entry = {
            "id": pair.id,
            "label": pair.label,
            "a": list(pair.refs[0]),
            "b": list(pair.refs[1]),
            "decision": verdict,
            "by": by,
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        with self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def latest(self) -> dict[str, dict[str, Any]]:
        """Pair id -> its last decision."""
        if not self.path.exists():
            return {}
        with self.path.open(encoding="utf-8") as f:
            return {d["id"]: d for d in map(json.loads, filter(str.strip, f))}

    def decisions(self) -> dict[str, Decisions]:
        """Per label, what resolution must respect."""
        same: dict[str, set[frozenset[tuple[str, str]]]] = {}
        different: dict[str, set[frozenset[tuple[str, str]]]] = {}
        for d in self.latest().values():
            pair = frozenset(((d["a"][0], d["a"][1]), (d["b"][0], d["b"][1])))
            (same if d["decision"] == "same" else different).setdefault(d["label"], set()).add(pair)
        return {
            label: Decisions(frozenset(same.get(label, ())), frozenset(different.get(label, ())))
            for label in same.keys() | different.keys()
        }


class UnmergeError(ValueError):
    """The record named is on no node, or is alone on its node."""


def unmerge(source_keys: dict[str, str], label: str, source_key: str, log: DecisionLog, by: str) -> list[str]:
    """Take ``source_key`` ("erp:K300214") out of the entity it was merged into.

    ``source_keys`` is the store's ``source:key`` -> node map for ``label``. A "different"
    decision is logged between the record and every other record of its node, so the next
    run keeps it apart (on a node of its own) while the rest keep their node and its id;
    nothing is deleted, and the decisions stay in the log to be read, or reversed by an
    accept. Returns the records it was separated from.
    """
    node = source_keys.get(source_key)
    if node is None:
        raise UnmergeError(f"no {label} holds the record {source_key!r} (give it as source:key)")
    others = sorted(k for k, n in source_keys.items() if n == node and k != source_key)
    if not others:
        raise UnmergeError(f"{source_key!r} is the only record of {label} {node!r}: nothing to unmerge")
    side = _ref_side(source_key)
    for other in others:
        b = _ref_side(other)
        a_ref, b_ref = (side["source"], side["key"]), (b["source"], b["key"])
        pair = ReviewPair(pair_id(label, a_ref, b_ref), label, 0.0, ("unmerged by a reviewer",), side, b)
        log.record(pair, "different", by)
    return others


def _ref_side(source_key: str) -> dict[str, Any]:
    source, _, key = source_key.partition(":")
    return {"source": source, "key": key, "names": []}
