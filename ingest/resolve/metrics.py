"""Pairwise precision / recall / F1 of a resolution against the sample's ground truth."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from .model import Resolution

Ref = tuple[str, str, str]  # (kind, source, key)
KINDS = {"company": "Company", "person": "Person"}
_CANONICAL_SOURCE = (
    ("CRM-", "crm/accounts.csv"),
    ("MKT-", "market/companies.jsonl"),
    ("C", "erp/customers.csv"),
)


@dataclass(frozen=True)
class KindScores:
    kind: str
    precision: float
    recall: float
    f1: float
    true_pairs: int  # pairs in the truth among the records resolved
    predicted_pairs: int
    correct_pairs: int


@dataclass(frozen=True)
class Scores:
    per_kind: dict[str, KindScores]
    overall: KindScores
    hard_negatives_merged: int
    hard_negatives: int
    truth_records_missing: int  # truth records not among the resolved records (rejected rows)


def _pairs(groups: Iterable[Iterable[Ref]]) -> set[tuple[Ref, Ref]]:
    out: set[tuple[Ref, Ref]] = set()
    for group in groups:
        out.update(combinations(sorted(set(group)), 2))
    return out


def _kind_scores(kind: str, truth: set[tuple[Ref, Ref]], predicted: set[tuple[Ref, Ref]]) -> KindScores:
    correct = len(truth & predicted)
    p = correct / len(predicted) if predicted else 1.0
    r = correct / len(truth) if truth else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return KindScores(kind, p, r, f1, len(truth), len(predicted), correct)


def _canonical_ref(canonical: str) -> Ref:
    source = next(src for prefix, src in _CANONICAL_SOURCE if canonical.startswith(prefix))
    return ("Company", source, canonical)


def evaluate(resolution: Resolution, truth: Path) -> Scores:
    """Score ``resolution`` against ``duplicates.jsonl`` (``truth`` is that file or its folder).

    Only records present in the resolution are judged: truth pairs with a record the
    loader rejected cannot be found by any resolver and are reported separately.
    Hard negatives (``hard_negatives.jsonl`` beside it) count when both ends share a cluster; a
    line names its ends by the sample's canonical ids or as records (see ``_negative_refs``).
    """
    folder = truth if truth.is_dir() else truth.parent
    dup_file = truth if truth.is_file() else folder / "duplicates.jsonl"
    present: set[Ref] = {(r.kind, r.source, r.key) for c in resolution.clusters for r in c}
    truth_groups: dict[str, list[list[Ref]]] = {k: [] for k in KINDS.values()}
    missing = 0
    with dup_file.open(encoding="utf-8") as f:
        for line in filter(str.strip, f):
            d = json.loads(line)
            kind = KINDS[d["entity"]]
            refs = [(kind, r["file"], r["key"]) for r in d["records"]]
            missing += sum(1 for ref in refs if ref not in present)
            truth_groups[kind].append([ref for ref in refs if ref in present])
    predicted_groups: dict[str, list[list[Ref]]] = {k: [] for k in KINDS.values()}
    cluster_of: dict[Ref, int] = {}
    for n, cluster in enumerate(resolution.clusters):
        refs = [(r.kind, r.source, r.key) for r in cluster]
        predicted_groups.setdefault(cluster[0].kind, []).append(refs)
        cluster_of.update(dict.fromkeys(refs, n))
    per_kind: dict[str, KindScores] = {}
    all_truth: set[tuple[Ref, Ref]] = set()
    all_pred: set[tuple[Ref, Ref]] = set()
    for kind in KINDS.values():
        t, p = _pairs(truth_groups[kind]), _pairs(predicted_groups.get(kind, []))
        per_kind[kind] = _kind_scores(kind, t, p)
        all_truth |= t
        all_pred |= p
    negatives: set[tuple[Ref, Ref]] = set()
    neg_file = folder / "hard_negatives.jsonl"
    if neg_file.exists():
        with neg_file.open(encoding="utf-8") as f:
            for line in filter(str.strip, f):
                a, b = _negative_refs(json.loads(line))
                negatives.add((min(a, b), max(a, b)))  # the file may list a pair twice
    merged = sum(1 for a, b in negatives if a in cluster_of and cluster_of.get(a) == cluster_of.get(b))
    return Scores(per_kind, _kind_scores("overall", all_truth, all_pred), merged, len(negatives), missing)


def _negative_refs(line: dict[str, Any]) -> tuple[Ref, Ref]:
    """Both ends of a hard-negative line: the sample's canonical ids ``{"a": "CRM-…", "b": "C…"}``,
    or records named as the truth names them, ``{"entity": "company", "a": {"file": …, "key": …}, …}``."""
    if isinstance(line["a"], str):
        return _canonical_ref(line["a"]), _canonical_ref(line["b"])
    kind = KINDS[line.get("entity", "company")]
    return (kind, line["a"]["file"], line["a"]["key"]), (kind, line["b"]["file"], line["b"]["key"])
