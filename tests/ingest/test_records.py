"""Record ingestion of the sample market, end to end, on both stores."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import pytest

from graph import GraphStore
from graph.adapters.ladybug import LadybugStore
from graph.adapters.neo4j import Neo4jStore
from ingest.records import (
    SAMPLE_MAPPINGS,
    MappingError,
    RecordIngest,
    RejectsFile,
    ingest_directory,
    load_mapping,
    read_rejects,
    sources_for,
)
from ingest.sample import generate
from tests.ingest.graph_facts import facts


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("market") / "sample"
    generate(out, seed=7, scale=1.0)
    return out


def run(store: GraphStore, sample: Path, run_dir: Path, run_id: str = "run-1") -> tuple[int, int]:
    report = ingest_directory(store, sample, SAMPLE_MAPPINGS, run_dir, run_id)
    return report.nodes_written, report.edges_written


@dataclass(frozen=True)
class Ingested:
    store: LadybugStore
    run_dir: Path
    written: tuple[int, int]


@pytest.fixture(scope="module")
def ingested(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ingested]:
    """The sample ingested once into an embedded store (run-1), shared by the tests that
    only read it; the rerun test adds run-2, which by its own assertion changes no fact."""
    store = LadybugStore().open()
    store.create_schema()
    run_dir = tmp_path_factory.mktemp("run-1")
    try:
        yield Ingested(store, run_dir, run(store, sample, run_dir))
    finally:
        store.close()


def test_every_reject_is_a_planted_corruption_with_its_reason(ingested: Ingested, sample: Path) -> None:
    truth = {
        (c["file"], c["line"]): c["reason"]
        for c in map(
            json.loads, (sample / "ground_truth/corruptions.jsonl").read_text(encoding="utf-8").splitlines()
        )
    }
    got = {
        (Path(r.source).relative_to(sample).as_posix(), r.line): r.reason
        for r in read_rejects(ingested.run_dir / "rejects.jsonl")
    }
    assert got == truth
    report = json.loads((ingested.run_dir / "report.json").read_text(encoding="utf-8"))
    assert sum(report["rejected"].values()) == len(truth) and report["read"] > 30_000


def test_entities_are_merged_with_every_source_key(ingested: Ingested, sample: Path) -> None:
    store = ingested.store
    truth = (sample / "ground_truth/duplicates.jsonl").read_text(encoding="utf-8")
    duplicates = [json.loads(line) for line in truth.splitlines()]
    crm_erp = next(
        d
        for d in duplicates
        if d["entity"] == "company"
        and {r["file"] for r in d["records"]} >= {"crm/accounts.csv", "erp/customers.csv"}
    )
    node = store.get_node("Company", crm_erp["canonical_id"])
    assert node is not None
    keys = set(node.props["source_keys"])
    assert any(k.startswith("crm:") for k in keys) and any(k.startswith("erp:") for k in keys)
    erp_key = next(r["key"] for r in crm_erp["records"] if r["file"] == "erp/customers.csv")
    purchases = store.query("company_purchases", id=node.key)
    assert purchases, f"orders under the ERP code {erp_key} land on the merged company"


def test_a_rerun_changes_nothing(ingested: Ingested, sample: Path, tmp_path: Path) -> None:
    store, first = ingested.store, ingested.written
    assert first[0] > 10_000 and first[1] > 60_000
    before = facts(store)
    assert run(store, sample, tmp_path, run_id="run-2") == (0, 0)
    assert facts(store) == before
    runs = {n.key: n.props for n in store.iter_nodes("Run")}
    assert {k: r["status"] for k, r in runs.items()} == {"run-1": "completed", "run-2": "completed"}
    assert runs["run-1"]["nodes_written"] == first[0] and runs["run-2"]["edges_written"] == 0
    assert runs["run-2"]["read"] > 30_000 and runs["run-2"]["finished_at"] > runs["run-2"]["started_at"]


def test_both_stores_hold_the_same_graph(
    ingested: Ingested, neo4j_store: Neo4jStore, sample: Path, tmp_path: Path
) -> None:
    run(neo4j_store, sample, tmp_path)
    embedded = ingested.store
    without_runs = {k: v for k, v in embedded.count_nodes().items() if k != "Run"}
    assert without_runs == {k: v for k, v in neo4j_store.count_nodes().items() if k != "Run"}
    assert embedded.count_edges() == neo4j_store.count_edges()
    assert facts(embedded, ["ingested_at"]) == facts(neo4j_store, ["ingested_at"])


def test_a_mapping_naming_an_unknown_property_fails_before_any_row(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "source: crm\nfile: x.csv\nnodes:\n  - label: Company\n    key: '{id}'\n    props:\n      colour: c\n"
        "edges:\n  - type: WORKS_AT\n    from: {label: Company, key: '{id}'}\n"
        "    to: {label: Company, key: '{id}'}\n",
        encoding="utf-8",
    )
    with pytest.raises(MappingError) as info:
        load_mapping(bad)
    text = str(info.value)
    assert "bad.yaml" in text and "nodes[0].props.colour: no such property" in text
    assert "edges[0]" in text and "Company->Company is not an allowed endpoint pair" in text


def test_resolution_in_the_pipeline_meets_the_floors(sample: Path, tmp_path: Path) -> None:
    """Pairwise precision >= 0.97 and recall >= 0.93 on the planted duplicates, per kind."""
    store = LadybugStore().open()
    store.create_schema()
    with RejectsFile(tmp_path / "rejects.jsonl") as rejects:
        ingest = RecordIngest(store, sources_for(sample, SAMPLE_MAPPINGS), "run-er", rejects)
        ingest.run()
    store.close()
    truth = [
        json.loads(line)
        for line in (sample / "ground_truth/duplicates.jsonl").read_text("utf-8").splitlines()
    ]
    for kind, label in (("company", "Company"), ("person", "Person")):
        true_pairs = set()
        for cluster in truth:
            if cluster["entity"] == kind:
                keys = sorted({r["key"] for r in cluster["records"]})
                true_pairs |= set(combinations(keys, 2))
        groups: dict[str, list[str]] = {}
        for (lab, key), canonical in ingest.index.canonical.items():
            if lab == label:
                groups.setdefault(canonical, []).append(key)
        found = {pair for keys in groups.values() for pair in combinations(sorted(keys), 2)}
        precision = len(found & true_pairs) / len(found)
        recall = len(found & true_pairs) / len(true_pairs)
        print(f"{label}: precision {precision:.3f} recall {recall:.3f} ({len(found)} pairs found)")
        assert precision >= 0.97 and recall >= 0.93, (label, precision, recall)
