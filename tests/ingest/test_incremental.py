"""Runs after the first: one source alone, cursors, and reviewers' decisions on candidate pairs."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accountgraph.cli import app
from graph.adapters.ladybug import LadybugStore
from ingest.records import SAMPLE_MAPPINGS, ingest_directory, read_rejects
from ingest.records.evaluate import evaluate_resolution
from ingest.records.review import DecisionLog, UnmergeError, read_review, unmerge
from ingest.resolve import EntityRecord
from ingest.sample import generate

ORDER_LINES = SAMPLE_MAPPINGS / "14_erp_order_lines.yaml"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("market") / "sample"
    generate(out, seed=7, scale=1.0)
    return out


@pytest.fixture(scope="module")
def full_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("runs") / "full"


@pytest.fixture(scope="module")
def loaded(sample: Path, full_run: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LadybugStore]:
    """The whole sample ingested once into an on-disk store."""
    store = LadybugStore(tmp_path_factory.mktemp("db") / "graph.lbdb").open()
    store.create_schema()
    ingest_directory(store, sample, SAMPLE_MAPPINGS, full_run, "full")
    yield store
    store.close()


def _planted(sample: Path, file: str) -> set[tuple[int, str]]:
    rows = map(json.loads, (sample / "ground_truth/corruptions.jsonl").read_text("utf-8").splitlines())
    return {(c["line"], c["reason"]) for c in rows if c["file"] == file}


def _merged_erp_code(sample: Path) -> tuple[str, str]:
    """An ERP customer code whose company is a CRM account (its node id is the CRM id)."""
    for line in (sample / "ground_truth/duplicates.jsonl").read_text("utf-8").splitlines():
        cluster = json.loads(line)
        if cluster["entity"] == "company" and cluster["canonical_id"].startswith("CRM-"):
            erp = [r["key"] for r in cluster["records"] if r["file"] == "erp/customers.csv"]
            if erp:
                return erp[0], cluster["canonical_id"]
    raise AssertionError("the sample has no CRM account with an ERP code")


def _with_lines(sample: Path, out: Path, lines: list[list[str]]) -> Path:
    """The sample's order lines plus ``lines``, in the ERP's encoding and line endings."""
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sample / "erp/order_lines.csv", out)
    with out.open("a", encoding="gb18030", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(lines)
    return out


def test_one_source_alone_lands_on_the_companies_merged_earlier(
    loaded: LadybugStore, sample: Path, tmp_path: Path
) -> None:
    erp_code, crm_id = _merged_erp_code(sample)
    assert loaded.get_node("Company", erp_code) is None, "the ERP code is not a node of its own"
    new = [["SO-NEW-1", "1", erp_code, "P-1012", "2026-09-29", "2", "100.00", "200.00", "CNY"]]
    data = _with_lines(sample, tmp_path / "erp/order_lines.csv", new)
    report = ingest_directory(loaded, data, ORDER_LINES, tmp_path / "run", "orders-only")
    assert report.edges_written == 1, "only the new line is written; the others are unchanged"
    rejects = {(r.line, r.reason) for r in read_rejects(tmp_path / "run/rejects.jsonl")}
    assert rejects == _planted(sample, "erp/order_lines.csv"), "every ERP code translates as in the full run"
    new_line = [e for e in loaded.iter_edges("PURCHASED") if e.props["line_id"] == "SO-NEW-1:1"]
    assert [e.start for e in new_line] == [("Company", crm_id)]


def test_a_cursor_reads_each_source_from_where_the_last_run_ended(
    loaded: LadybugStore, sample: Path, tmp_path: Path
) -> None:
    cursor = tmp_path / "cursor.json"
    data = _with_lines(sample, tmp_path / "a/erp/order_lines.csv", [])
    first = ingest_directory(loaded, data, ORDER_LINES, tmp_path / "run1", "c1", cursor=cursor)
    assert first.skipped == 0
    latest = dt.datetime.fromisoformat(json.loads(cursor.read_text("utf-8"))[str(data)])
    day = latest.date().isoformat()
    assert latest.tzinfo is not None and day <= "2026-09-30"
    new = [
        ["SO-CUR-1", "1", "C10356", "P-2014", day, "1", "10.00", "10.00", "CNY"],
        ["SO-CUR-1", "2", "C10356", "P-1012", day, "3", "10.00", "30.00", "CNY"],
    ]
    data = _with_lines(sample, tmp_path / "a/erp/order_lines.csv", new)
    second = ingest_directory(loaded, data, ORDER_LINES, tmp_path / "run2", "c2", cursor=cursor)
    with (sample / "erp/order_lines.csv").open(encoding="gb18030", newline="") as f:
        # rows the mapping rejects are not facts; unknown references are refused later, at the store
        bad = {line for line, why in _planted(sample, "erp/order_lines.csv") if why != "unknown_reference"}
        rows = enumerate(csv.DictReader(f), start=2)  # physical lines: the header is line 1
        older = sum(1 for n, row in rows if n not in bad and row["order_date"] < day)
    assert second.skipped == older > 10_000
    assert second.edges_written == 2
    runs = {n.key: n.props for n in loaded.iter_nodes("Run")}
    assert runs["c2"]["status"] == "completed" and runs["c2"]["edges_written"] == 2


def test_review_accept_and_reject_steer_the_next_resolution(
    loaded: LadybugStore, sample: Path, full_run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(full_run, data / "runs" / "full")
    monkeypatch.setenv("ACCOUNTGRAPH_DATA_DIR", str(data))
    monkeypatch.delenv("ACCOUNTGRAPH_CONFIG", raising=False)
    pairs = [p for p in read_review(full_run / "review.jsonl") if p.label == "Company"]
    assert len(pairs) > 10, "the sample leaves company pairs undecided"
    runner = CliRunner()
    listed = runner.invoke(app, ["review", "list", "--limit", "500"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0, listed.output
    assert all(p.id in listed.output for p in pairs[:5])
    same, different = pairs[0], pairs[1]
    for verb, pair in (("accept", same), ("reject", different)):
        result = runner.invoke(app, ["review", verb, pair.id])
        assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["review", "accept", "no-such-id"]).exit_code == 2

    before = evaluate_resolution(loaded, sample, SAMPLE_MAPPINGS)
    after = evaluate_resolution(loaded, sample, SAMPLE_MAPPINGS, DecisionLog(data / "review/decisions.jsonl"))

    def together(run_clusters: list[list[EntityRecord]], a: str, b: str) -> bool:
        return any({a, b} <= {r.key for r in cluster} for cluster in run_clusters)

    companies_before, companies_after = before.resolutions["Company"], after.resolutions["Company"]
    assert not together(companies_before.clusters, same.a["key"], same.b["key"])
    assert together(companies_after.clusters, same.a["key"], same.b["key"])
    assert not together(companies_after.clusters, different.a["key"], different.b["key"])
    offered = {frozenset((p.a.key, p.b.key)) for p in companies_after.review}
    assert frozenset((different.a["key"], different.b["key"])) not in offered
    assert frozenset((same.a["key"], same.b["key"])) not in offered


def test_unmerge_takes_a_record_out_and_the_entity_keeps_its_id(
    loaded: LadybugStore, sample: Path, tmp_path: Path
) -> None:
    code, crm_id = _merged_erp_code(sample)
    keys = loaded.source_key_map("Company")
    assert keys[f"erp:{code}"] == crm_id
    log = DecisionLog(tmp_path / "decisions.jsonl")
    others = unmerge(keys, "Company", f"erp:{code}", log, by="tester")
    assert others and all(keys[o] == crm_id for o in others)
    after = evaluate_resolution(loaded, sample, SAMPLE_MAPPINGS, log)
    clusters = after.resolutions["Company"].clusters
    alone = next(c for c in clusters if any(r.key == code and r.source == "erp/customers.csv" for r in c))
    assert [r.key for r in alone] == [code]
    assert crm_id in after.node_ids["Company"]  # the entity keeps its id without the record
    with pytest.raises(UnmergeError, match="no Company holds"):
        unmerge(keys, "Company", "erp:NO-SUCH", log, by="tester")


def test_unmerge_of_an_unknown_record_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCOUNTGRAPH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ACCOUNTGRAPH_CONFIG", raising=False)
    result = CliRunner().invoke(app, ["review", "unmerge", "Company", "crm:NOPE", "--store", "embedded"])
    assert result.exit_code == 2 and "no Company holds the record 'crm:NOPE'" in result.output
    assert CliRunner().invoke(app, ["review", "unmerge", "Product", "crm:X"]).exit_code == 2
