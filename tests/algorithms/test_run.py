"""The runner end to end on the sample store: results written back, reruns idempotent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from algorithms.market import Market
from algorithms.run import analyze
from graph import GraphStore
from graph.adapters.ladybug import LadybugStore
from tests.algorithms.small_market import write_small_market

SMALL_MARKET_SUMMARY: dict[str, dict[str, object]] = {
    "influence": {"accounts": 12, "people_ranked": 36, "network_nodes": 13},
    "crosssell": {
        "accounts": 12,
        "complements_written": 2,
        "precision@5": 0.2,
        "popularity_precision@5": 0.2,
    },
    "signals": {
        "written": 33,
        "expansion": 2,
        "dormant_account": 12,
        "displacement_window": 1,
        "churn_risk": 6,
        "warm_intro_available": 12,
    },
    "segments": {"dormant": 2, "growth potential": 5, "loyal high-value": 3, "at risk": 2, "communities": 2},
}


def test_analyze_all_writes_signals_and_complements_once(
    sample_store: LadybugStore, market: Market, tmp_path: Path
) -> None:
    first = analyze(sample_store, "all", "an-1", results_dir=tmp_path, market=market)
    assert set(first) == {"influence", "crosssell", "signals", "segments"}
    signals = sample_store.count_nodes()["Signal"]
    assert signals == first["signals"]["written"] > 0
    assert sample_store.count_edges()["COMPLEMENTS"] == first["crosssell"]["complements_written"] > 0
    recs = json.loads((tmp_path / "an-1-crosssell.json").read_text(encoding="utf-8"))["recommendations"]
    assert all(r["paths"] and r["evidence"] for rs in recs.values() for r in rs)
    stored = [e for e in sample_store.iter_edges("ABOUT") if e.start[0] == "Signal"]
    assert len(stored) == signals
    refs = {tuple(r) for e in stored for r in json.loads(e.props["evidence"])["refs"]}
    for label in {label for label, _ in refs}:
        keys = [k for lab, k in refs if lab == label]
        assert sample_store.existing_keys(label, keys) == set(keys), label
    second = analyze(sample_store, ["signals"], "an-2")
    assert second["signals"]["written"] == signals == sample_store.count_nodes()["Signal"]


def test_unknown_analysis_is_refused(embedded_store: LadybugStore) -> None:
    with pytest.raises(ValueError, match="unknown analysis"):
        analyze(embedded_store, "astrology", "r")


def test_analyze_gives_the_same_answers_on_both_stores(store: GraphStore, tmp_path: Path) -> None:
    write_small_market(store)
    summary = analyze(store, "all", "an-1", results_dir=tmp_path)
    assert summary == SMALL_MARKET_SUMMARY
    assert store.count_nodes()["Signal"] == summary["signals"]["written"]
