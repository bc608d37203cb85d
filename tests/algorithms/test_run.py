"""The runner end to end on the sample store: results written back, reruns idempotent."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from algorithms.market import Market
from algorithms.run import analyze
from graph import GraphStore
from graph.adapters.ladybug import LadybugStore
from tests.algorithms.small_market import write_small_market

SMALL_MARKET_SUMMARY: dict[str, dict[str, object]] = {
    "influence": {"accounts": 12, "people_ranked": 36, "network_nodes": 13, "people_changed": 36},
    "crosssell": {
        "accounts": 12,
        "complements_written": 2,
        "recommendations": 22,
        "recommendations_changed": 22,
        "precision@5": 0.2,
        "popularity_precision@5": 0.2,
    },
    "signals": {
        "written": 33,
        "changed": 33,
        "expansion": 2,
        "dormant_account": 12,
        "displacement_window": 1,
        "churn_risk": 6,
        "warm_intro_available": 12,
    },
    "segments": {
        "dormant": 2,
        "growth potential": 5,
        "loyal high-value": 3,
        "at risk": 2,
        "communities": 2,
        "companies_changed": 12,
    },
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


def test_results_live_in_the_graph_and_a_rerun_changes_nothing(embedded_store: LadybugStore) -> None:
    write_small_market(embedded_store)
    first = analyze(embedded_store, "all", "an-1")
    assert first["influence"]["people_changed"] > 0
    assert first["crosssell"]["recommendations_changed"] == first["crosssell"]["recommendations"] > 0
    assert first["segments"]["companies_changed"] > 0

    people = [n for n in embedded_store.iter_nodes("Person") if "influence_rank" in n.props]
    assert len(people) == first["influence"]["people_ranked"]
    top = [p for p in people if p.props["influence_rank"] == 1]
    assert top and all(p.props["influence_reasons"] and p.props["influence_score"] > 0 for p in top)
    assert all(p.props["source"] != "algorithms" and p.props["run_id"] == "an-1" for p in people)

    recs = list(embedded_store.iter_edges("RECOMMENDS"))
    assert len(recs) == first["crosssell"]["recommendations"]
    for e in recs:
        assert e.props["rank"] >= 1 and e.props["score"] > 0 and e.props["explanation"] and e.props["kinds"]
        assert e.props["source"] == "algorithms"
        for path in json.loads(e.props["paths"]):
            for label, key, _name in path["nodes"]:
                assert embedded_store.node_exists(label, key), (label, key)

    companies = [n.props for n in embedded_store.iter_nodes("Company") if "rfm_tier" in n.props]
    assert len(companies) == first["crosssell"]["accounts"]
    assert all(1 <= c["rfm_r"] <= 5 and c["ltv"] >= 0 and "community" in c for c in companies)
    assert any("churn_risk" in c for c in companies)

    signals = list(embedded_store.iter_nodes("Signal"))
    assert signals and all(json.loads(s.props["evidence"])["refs"] for s in signals)
    assert all(s.props["last_detected_at"] == s.props["detected_at"] for s in signals)

    counts = embedded_store.count_nodes(), embedded_store.count_edges()
    before = {
        n.key: n.props for label in ("Person", "Company", "Signal") for n in embedded_store.iter_nodes(label)
    }
    second = analyze(embedded_store, "all", "an-2")
    assert second["influence"]["people_changed"] == 0
    assert second["crosssell"]["recommendations_changed"] == 0
    assert second["signals"]["changed"] == 0
    assert second["segments"]["companies_changed"] == 0
    assert (embedded_store.count_nodes(), embedded_store.count_edges()) == counts
    after = {
        n.key: n.props for label in ("Person", "Company", "Signal") for n in embedded_store.iter_nodes(label)
    }
    assert after == before


def test_a_product_no_longer_recommended_is_withdrawn(embedded_store: LadybugStore) -> None:
    write_small_market(embedded_store)
    analyze(embedded_store, "crosssell", "an-1")
    edge = next(iter(embedded_store.iter_edges("RECOMMENDS")))
    company, product = edge.start[1], edge.end[1]
    # the account buys the recommended product: it is no longer whitespace
    embedded_store.upsert_edges(
        "PURCHASED",
        "Company",
        "Product",
        [
            {
                "_from": company,
                "_to": product,
                "line_id": "test-line-1",
                "at": dt.date(2020, 1, 1),
                "amount": 1.0,
            }
        ],
    )
    analyze(embedded_store, "crosssell", "an-2")
    after = {(e.start[1], e.end[1]): e.props for e in embedded_store.iter_edges("RECOMMENDS")}
    withdrawn = after[(company, product)]
    assert withdrawn["score"] == 0.0 and "rank" not in withdrawn and withdrawn["run_id"] == "an-2"
    assert withdrawn["explanation"] == "no longer recommended"
    ranks = sorted(p["rank"] for (c, _), p in after.items() if c == company and "rank" in p)
    assert ranks == list(range(1, len(ranks) + 1))
    assert analyze(embedded_store, "crosssell", "an-3")["crosssell"]["recommendations_changed"] == 0
