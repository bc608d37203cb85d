"""The generate() entry point: run every stage in a fixed order and write the manifest."""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ._activities import write_activities
from ._common import GENERATOR_VERSION, REFERENCE_DATE, sub_rng
from ._corrupt import Corruptor
from ._deal_files import write_installed, write_opportunities, write_products
from ._deals import build_deals, build_installed
from ._leads import build_leads, write_xlsx
from ._orders import LiftStats, write_orders
from ._parallel import start
from ._pickers import Context
from ._records import write_accounts, write_contacts, write_erp_customers, write_market, write_reps
from ._relations import build_relations, write_relations
from ._relationships import write_relationships
from ._text import write_text
from ._truth import (
    Clusters,
    write_churn,
    write_complements,
    write_corruptions,
    write_hard_negatives,
)
from ._world import build_world
from ._writers import sha256_file, sha256_tree

Progress = Callable[[str, int], None]
EMAILS = "notes/emails/"


@dataclass(frozen=True)
class Manifest:
    """What one run wrote: row counts and SHA-256 per file (the e-mail folder as one digest)."""

    out_dir: Path
    seed: int
    scale: float
    reference_date: date
    version: str
    counts: Mapping[str, int]
    sha256: Mapping[str, str]

    def path(self, rel: str) -> Path:
        return self.out_dir / rel

    def to_json(self) -> dict[str, object]:
        return {
            "seed": self.seed,
            "scale": self.scale,
            "reference_date": self.reference_date.isoformat(),
            "generator_version": self.version,
            "files": {k: {"rows": self.counts[k], "sha256": self.sha256[k]} for k in sorted(self.counts)},
        }


def generate(
    out_dir: str | Path, seed: int = 7, scale: float = 1.0, on_progress: Progress | None = None
) -> Manifest:
    """Write the sample market under ``out_dir`` and return its manifest.

    ``on_progress(stage, rows)`` is called after each file and periodically while the
    large files stream (stage = relative path of the file being written).
    """
    if scale <= 0:
        raise ValueError("scale must be positive")
    run = _Run(Path(out_dir), seed, scale, on_progress)
    run.records()
    run.transactions()
    run.text_and_truth()
    return run.finish()


class _Run:
    """One generation run: every stage draws from its own seeded stream, in a fixed order."""

    def __init__(self, root: Path, seed: int, scale: float, progress: Progress | None) -> None:
        self.root, self.seed, self.scale, self.progress = root, seed, scale, progress
        root.mkdir(parents=True, exist_ok=True)
        mails = root / EMAILS
        if mails.is_dir():  # a previous run's e-mails would otherwise linger
            for old in sorted(mails.glob("*.eml")):
                old.unlink()
        self.world = build_world(seed, scale)
        self.tick("world", len(self.world.companies) + len(self.world.people))
        self.corr = Corruptor(seed)
        self.clusters = Clusters()
        self.counts: dict[str, int] = {}

    def tick(self, stage: str, rows: int) -> None:
        if self.progress:
            self.progress(stage, rows)

    def done(self, rel: str, rows: int) -> None:
        self.counts[rel] = rows
        self.tick(rel, rows)

    def rng(self, stage: str) -> random.Random:
        return sub_rng(self.seed, stage)

    def records(self) -> None:
        w, root, corr, clusters = self.world, self.root, self.corr, self.clusters
        self.done("market/companies.jsonl", write_market(w, root, clusters))
        self.done("catalog/products.jsonl", write_products(w, root))
        self.done("crm/reps.csv", write_reps(w, root, corr))
        self.done("crm/accounts.csv", write_accounts(w, root, self.rng("w-accounts"), corr, clusters))
        self.done("crm/contacts.csv", write_contacts(w, root, self.rng("w-contacts"), corr, clusters))
        self.done("erp/customers.csv", write_erp_customers(w, root, self.rng("w-erp"), corr, clusters))
        lead_rows = build_leads(w, self.rng("w-leads"), corr, clusters)
        self.leads_written = start(lambda: write_xlsx(root, lead_rows), self.scale)
        rels, self.supplied = build_relations(w, self.rng("relations"))
        self.done("market/relations.csv", write_relations(rels, root, corr))

    def transactions(self) -> None:
        w, root, corr = self.world, self.root, self.corr
        self.deals = build_deals(w, self.rng("deals"))
        opps, roles = write_opportunities(w, self.deals, root, corr)
        self.done("crm/opportunities.csv", opps)
        self.done("crm/opportunity_contacts.csv", roles)
        self.installed = build_installed(w, self.rng("installed"))
        self.done("crm/installed_base.csv", write_installed(w, self.installed, root, corr))
        own = Corruptor(self.seed)  # the order stage may run in another process: it keeps its own log

        def orders() -> tuple[int, LiftStats, list[dict[str, Any]]]:
            lines, stats = write_orders(w, root, self.rng("orders"), own, self.progress)
            return lines, stats, own.records

        self.orders_written = start(orders, self.scale)
        self.done(
            "crm/activities.jsonl", write_activities(w, root, self.rng("activities"), corr, self.progress)
        )
        self.done("crm/relationships.csv", write_relationships(w, root, self.rng("relationships"), corr))

    def text_and_truth(self) -> None:
        w, root = self.world, self.root
        ctx = Context(w, self.deals, self.installed, self.supplied)
        notes, mails = write_text(w, root, self.rng("text"), ctx, self.progress)
        lines, self.stats, records = self.orders_written()
        self.corr.records.extend(records)
        self.done("erp/order_lines.csv", lines)
        self.done("marketing/leads.xlsx", self.leads_written())
        self.done("notes/notes.jsonl", notes)
        self.done(EMAILS, mails)
        self.done("ground_truth/text_facts.jsonl", notes + mails)
        self.done("ground_truth/duplicates.jsonl", self.clusters.write(root))
        self.done("ground_truth/hard_negatives.jsonl", write_hard_negatives(w, root))
        self.done("ground_truth/corruptions.jsonl", write_corruptions(self.corr.records, root))
        self.done("ground_truth/churn.csv", write_churn(w, root))
        self.done("ground_truth/complements.csv", write_complements(w, self.stats, root))

    def finish(self) -> Manifest:
        root = self.root
        _write_readme(root, self.seed, self.scale, self.counts)
        self.counts["README.md"] = 0
        digests = {rel: sha256_tree(root / rel) if rel.endswith("/") else sha256_file(root / rel)
                   for rel in self.counts}  # fmt: skip
        manifest = Manifest(
            root, self.seed, self.scale, REFERENCE_DATE, GENERATOR_VERSION, dict(self.counts), digests
        )
        text = json.dumps(manifest.to_json(), indent=2, ensure_ascii=False) + "\n"
        (root / "manifest.json").write_text(text, encoding="utf-8")
        self.tick("manifest.json", len(self.counts))
        return manifest


def _write_readme(root: Path, seed: int, scale: float, counts: Mapping[str, int]) -> None:
    spec = (
        sys.modules[__package__ or "ingest.sample"].__doc__ or ""
    )  # the package docstring describes the files
    rows = "\n".join(f"| {rel} | {counts[rel]} |" for rel in sorted(counts))
    text = (
        f"# AccountGraph sample market\n\nGenerated by `ingest.sample.generate` version {GENERATOR_VERSION} "
        f"with seed {seed} and scale {scale}; reference date {REFERENCE_DATE.isoformat()}.\n\n"
        f"| file | rows |\n| --- | --- |\n{rows}\n\n```text\n{spec.strip()}\n```\n"
    )
    (root / "README.md").write_text(text, encoding="utf-8")
