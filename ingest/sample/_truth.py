"""Ground-truth accumulators: duplicate clusters and hard negatives."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from ._model import World
from ._orders import LiftStats
from ._writers import JsonlSink


class Clusters:
    """Source records that are the same real entity, keyed by canonical id (insertion-ordered).

    Adding a record that already belongs to another cluster merges the two clusters (one
    human can be a moved contact and a lead at once); the older cluster's id survives.
    """

    def __init__(self) -> None:
        self._members: dict[tuple[str, str], list[dict[str, str]]] = {}
        self._owner: dict[tuple[str, str, str], tuple[str, str]] = {}
        self._alias: dict[tuple[str, str], tuple[str, str]] = {}

    def _resolve(self, cid: tuple[str, str]) -> tuple[str, str]:
        while cid in self._alias:
            cid = self._alias[cid]
        return cid

    def add(self, kind: str, canonical: str, file: str, key: str) -> None:
        cid = self._resolve((kind, canonical))
        members = self._members.setdefault(cid, [])
        owner = self._owner.get((kind, file, key))
        if owner is not None and self._resolve(owner) != cid:
            self._merge(self._resolve(owner), cid)
            return
        entry = {"file": file, "key": key}
        if entry not in members:
            members.append(entry)
            self._owner[(kind, file, key)] = cid

    def _merge(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        order = list(self._members)
        keep, drop = (a, b) if order.index(a) < order.index(b) else (b, a)
        for entry in self._members.pop(drop):
            if entry not in self._members[keep]:
                self._members[keep].append(entry)
            self._owner[(keep[0], entry["file"], entry["key"])] = keep
        self._alias[drop] = keep

    def write(self, root: Path) -> int:
        sink = JsonlSink(root, "ground_truth/duplicates.jsonl")
        for (kind, canonical), members in self._members.items():
            if len(members) >= 2:
                sink.write({"entity": kind, "canonical_id": canonical, "records": members})
        sink.close()
        return sink.rows


def write_hard_negatives(world: World, root: Path) -> int:
    sink = JsonlSink(root, "ground_truth/hard_negatives.jsonl")
    for a, b, why in world.hard_negatives:
        ca, cb = world.companies[a], world.companies[b]
        sink.write(
            {
                "entity": "company",
                "a": ca.canonical,
                "a_name": ca.name_zh or ca.name_en,
                "b": cb.canonical,
                "b_name": cb.name_zh or cb.name_en,
                "why": why,
            }
        )
    sink.close()
    return sink.rows


def write_corruptions(records: list[dict[str, object]], root: Path) -> int:
    sink = JsonlSink(root, "ground_truth/corruptions.jsonl")
    for rec in sorted(records, key=lambda r: (str(r["file"]), int(str(r["line"])))):
        sink.write(rec)
    sink.close()
    return sink.rows


def write_churn(world: World, root: Path) -> int:
    """One row per account that bought from us in the window (current customers and churners)."""
    rows = 0
    with (root / "ground_truth/churn.csv").open("w", encoding="utf-8", newline="\n") as f:
        f.write("account_id,churned,churn_date,churn_style,rough_patch\n")
        for c in sorted((c for c in world.accounts() if c.buys), key=lambda c: c.crm_id):
            churned = c.churn_date is not None
            f.write(
                f"{c.crm_id},{int(churned)},{c.churn_date.isoformat() if c.churn_date else ''},"
                f"{c.churn_style},{int(c.rough_patch is not None)}\n"
            )
            rows += 1
    return rows


def read_churn(root: Path) -> dict[str, date | None]:
    """``ground_truth/churn.csv`` as a churn date (or ``None``) per account id."""
    with (root / "ground_truth/churn.csv").open(encoding="utf-8", newline="") as f:
        return {
            r["account_id"]: date.fromisoformat(r["churn_date"]) if r["churned"] == "1" else None
            for r in csv.DictReader(f)
        }


def write_complements(world: World, stats: LiftStats, root: Path) -> int:
    rows = 0
    with (root / "ground_truth/complements.csv").open("w", encoding="utf-8", newline="\n") as f:
        f.write("product_a,product_b,kind,window_days,attach_probability,support,intended_lift\n")
        n = max(stats.orders, 1)
        for k in world.complements:
            a, b = world.products[k.a].product_id, world.products[k.b].product_id
            if k.kind == "bundle":
                both = stats.pairs.get((k.a, k.b), 0)
                na, nb = stats.per_product.get(k.a, 0), stats.per_product.get(k.b, 0)
                lift = both * n / (na * nb) if na and nb else 0.0
                f.write(f"{a},{b},bundle,0,{k.attach},{both},{lift:.2f}\n")
            else:
                trials, hits = stats.seq_trials.get((k.a, k.b), 0), stats.seq_hits.get((k.a, k.b), 0)
                base_t, base_h = stats.seq_trials.get((-1, k.b), 0), stats.seq_hits.get((-1, k.b), 0)
                lift = (hits / trials) / (base_h / base_t) if trials and base_h else 0.0
                f.write(f"{a},{b},sequence,90,{k.attach},{hits},{lift:.2f}\n")
            rows += 1
    return rows
