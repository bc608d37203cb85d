"""The CLI end to end on the embedded store: demo, stats, store check, export."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accountgraph.cli import app
from graph.adapters.ladybug import LadybugStore
from ingest.sample import generate

runner = CliRunner()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "sample"
    generate(out, seed=7, scale=1.0)
    return out


@pytest.fixture
def data_dir(tmp_path: Path, sample: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("STORE", "EMBEDDED_PATH", "CONFIG"):
        monkeypatch.delenv(f"ACCOUNTGRAPH_{name}", raising=False)
    monkeypatch.setenv("ACCOUNTGRAPH_DATA_DIR", str(tmp_path / "data"))
    shutil.copytree(sample, tmp_path / "data" / "sample")
    return tmp_path / "data"


def counts(data_dir: Path) -> tuple[dict[str, int], dict[str, int]]:
    store = LadybugStore(data_dir / "accountgraph.lbdb").open()
    try:
        return store.count_nodes(), store.count_edges()
    finally:
        store.close()


def test_demo_then_stats_check_runs_and_exports(data_dir: Path, tmp_path: Path) -> None:
    """One demo run, a rerun that changes nothing, then the read commands on its graph
    (one test: the demo ingests, extracts and analyses, which is the slow part)."""
    result = runner.invoke(app, ["demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    assert (
        "Company" in result.output
        and "records read" in result.output
        and "rejected: bad_phone" in result.output
        and "analysis run" in result.output
    )
    nodes, edges = counts(data_dir)
    # ~390 accounts once their planted duplicates merge (resolution recall 0.976 at precision 0.998)
    assert nodes["Company"] >= 390 and nodes["Person"] >= 2000 and nodes["Product"] >= 60
    assert edges["WORKS_AT"] >= 2000 and edges["OFFERED_BY"] >= 60 and edges["PURCHASED"] > 14_000
    assert nodes["Signal"] > 50 and edges["ABOUT"] >= nodes["Signal"] and edges["COMPLEMENTS"] > 5
    assert nodes["Run"] == 3, "a records run, a text run and an analysis run"
    assert nodes["Document"] > 1000 and edges["MENTIONS"] > 1000, "the notes are read too"
    again = runner.invoke(app, ["demo", "--no-serve"])
    assert again.exit_code == 0, again.output
    nodes_again, edges_again = counts(data_dir)
    assert nodes_again.pop("Run") == 6
    nodes.pop("Run")
    assert (nodes_again, edges_again) == (nodes, edges)
    listed = runner.invoke(app, ["runs"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0 and listed.output.count("completed") == 6, listed.output
    stats_check_and_exports(data_dir, tmp_path)


def stats_check_and_exports(data_dir: Path, tmp_path: Path) -> None:
    nodes, edges = counts(data_dir)
    stats = runner.invoke(app, ["stats"])
    assert stats.exit_code == 0 and f"{nodes['Person']:,}" in stats.output
    check = runner.invoke(app, ["store", "check"])
    assert check.exit_code == 0 and "ok" in check.output, check.output

    out = tmp_path / "graph.jsonl"
    assert runner.invoke(app, ["export", "--out", str(out)]).exit_code == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sum(1 for r in lines if r["kind"] == "node") == sum(nodes.values())
    assert sum(1 for r in lines if r["kind"] == "edge") == sum(edges.values())
    assert all(r["props"].get("run_id") for r in lines), "every exported fact carries provenance"

    company = next(r for r in lines if r["kind"] == "edge" and r["type"] == "WORKS_AT")["end"][1]
    gml = tmp_path / "account.graphml"
    result = runner.invoke(
        app,
        ["export", "--out", str(gml), "--format", "graphml", "--root", f"Company:{company}", "--depth", "1"],
    )
    assert result.exit_code == 0, result.output
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graph = ET.parse(gml).getroot().find("g:graph", ns)
    assert graph is not None
    ids = {n.get("id") for n in graph.findall("g:node", ns)}
    assert f"Company:{company}" in ids and len(ids) > 1
    assert all(e.get("source") in ids and e.get("target") in ids for e in graph.findall("g:edge", ns))


def test_bad_export_format_is_refused(data_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--out", str(tmp_path / "x"), "--format", "csv"])
    assert result.exit_code == 2 and "jsonl or graphml" in result.output


def test_an_unknown_analysis_is_refused(data_dir: Path) -> None:
    result = runner.invoke(app, ["analyze", "horoscope"], env={"COLUMNS": "200"})
    assert result.exit_code == 2 and "must be one of influence, crosssell" in result.output
