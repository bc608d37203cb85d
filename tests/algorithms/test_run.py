"""The runner end to end on the sample store: results written back, reruns idempotent."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import networkx as nx
import pytest

from algorithms.market import Market
from algorithms.run import analyze
from graph import GraphStore
from graph.adapters.ladybug import LadybugStore
from graph.adapters.neo4j import Neo4jStore
from tests.algorithms.small_market import write_small_market


def small_market_summary(executor: str) -> dict[str, dict[str, object]]:
    """What ``analyze all`` reports on the small market, with ``executor`` running the
    whole-graph algorithms (``in-process`` or ``gds <version>``)."""
    return {
        "influence": {
            "accounts": 12,
            "people_ranked": 36,
            "network_nodes": 13,
            "people_changed": 37,  # the 36 ranked and the rep, who is in the network only
            "companies_changed": 0,
            "executor: decision chains": "in-process",
            "executor: network pagerank, betweenness": executor,
        },
        "crosssell": {
            "accounts": 12,
            "complements_written": 2,
            "recommendations": 22,
            "recommendations_changed": 22,
            "precision@5": 0.2,
            "popularity_precision@5": 0.2,
            "executor": "in-process",
        },
        "signals": {
            "written": 33,
            "changed": 33,
            "expansion": 2,
            "dormant_account": 12,
            "displacement_window": 1,
            "churn_risk": 6,
            "warm_intro_available": 12,
            "executor": "in-process",
        },
        "segments": {
            "dormant": 2,
            "growth potential": 5,
            "loyal high-value": 3,
            "at risk": 2,
            "communities": 2,
            "companies_changed": 12,
            "similar_pairs": 120,
            "similar_changed": 120,
            "executor: rfm, churn": "in-process",
            "executor: node similarity, louvain": executor,
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
    """Neo4j (whose test server has GDS) runs the graph algorithms server-side."""
    write_small_market(store)
    summary = analyze(store, "all", "an-1", results_dir=tmp_path)
    gds = store.gds() if isinstance(store, Neo4jStore) else None
    assert (gds is not None) == (store.kind == "neo4j")
    assert summary == small_market_summary("in-process" if gds is None else f"gds {gds.version}")
    assert store.count_nodes()["Signal"] == summary["signals"]["written"]


def test_the_executor_can_be_forced_in_process(neo4j_store: Neo4jStore, embedded_store: LadybugStore) -> None:
    write_small_market(neo4j_store)
    summary = analyze(neo4j_store, ["influence"], "an-1", executor="in-process")
    assert summary["influence"]["executor: network pagerank, betweenness"] == "in-process"
    with pytest.raises(ValueError, match="needs a Neo4j store with the GDS plugin"):
        analyze(embedded_store, ["influence"], "an-1", executor="gds")


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
    assert second["influence"]["people_changed"] == second["influence"]["companies_changed"] == 0
    assert second["segments"]["similar_changed"] == 0
    assert second["crosssell"]["recommendations_changed"] == 0
    assert second["signals"]["changed"] == 0
    assert second["segments"]["companies_changed"] == 0
    assert (embedded_store.count_nodes(), embedded_store.count_edges()) == counts
    after = {
        n.key: n.props for label in ("Person", "Company", "Signal") for n in embedded_store.iter_nodes(label)
    }
    assert after == before


def test_the_ingestors_rerun_after_an_analysis_writes_nothing(store: GraphStore) -> None:
    """Analytic values on ingested people and companies leave the ingestor's content as it
    was, so rerunning the same input between two analyses changes no node or edge."""
    assert write_small_market(store) > 0
    analyze(store, "all", "an-1")
    analysed = export_props(store)
    assert write_small_market(store) == 0
    assert export_props(store) == analysed
    second = analyze(store, "all", "an-2")
    assert second["influence"]["people_changed"] == second["segments"]["companies_changed"] == 0


def export_props(store: GraphStore) -> dict[tuple[str, str], dict[str, object]]:
    return {(label, n.key): n.props for label in ("Person", "Company") for n in store.iter_nodes(label)}


def test_a_product_no_longer_recommended_is_deleted(embedded_store: LadybugStore) -> None:
    write_small_market(embedded_store)
    analyze(embedded_store, "crosssell", "an-1")
    before = {(e.start[1], e.end[1]) for e in embedded_store.iter_edges("RECOMMENDS")}
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
    second = analyze(embedded_store, "crosssell", "an-2")["crosssell"]
    after = {(e.start[1], e.end[1]): e.props for e in embedded_store.iter_edges("RECOMMENDS")}
    assert (company, product) not in after and (company, product) in before
    assert len(after) == second["recommendations"]
    assert all("rank" in p and p["score"] > 0 for p in after.values())
    ranks = sorted(p["rank"] for (c, _), p in after.items() if c == company)
    assert ranks == list(range(1, len(ranks) + 1))
    assert analyze(embedded_store, "crosssell", "an-3")["crosssell"]["recommendations_changed"] == 0


def test_network_influence_lives_on_people_and_companies(embedded_store: LadybugStore) -> None:
    write_small_market(embedded_store)
    embedded_store.upsert_edges("REFERRED", "Company", "Company", [{"_from": "C1", "_to": "C2"}])
    analyze(embedded_store, "influence", "an-1")
    scored = [
        n
        for label in ("Person", "Company")
        for n in embedded_store.iter_nodes(label)
        if "network_rank" in n.props
    ]
    # the rep knows one person per account (a star), and C1 referred C2
    assert {n.key for n in scored} == {"R1", "C1", "C2"} | {f"C{i}-1" for i in range(12)}
    assert abs(sum(n.props["network_influence"] for n in scored) - 1) < 1e-8
    assert sorted(n.props["network_rank"] for n in scored) == list(range(1, len(scored) + 1))
    star = nx.Graph([("R1", f"C{i}-1") for i in range(12)] + [("C1", "C2")])
    reference = nx.betweenness_centrality(star)
    assert {n.key: n.props["brokerage"] for n in scored} == pytest.approx(reference, abs=1e-8)
    # business flows towards the referrer: C1 outranks C2
    rank = {n.key: n.props["network_rank"] for n in scored}
    assert rank["C1"] < rank["C2"]


def test_similar_accounts_are_ranked_explained_and_dropped(embedded_store: LadybugStore) -> None:
    write_small_market(embedded_store)
    first = analyze(embedded_store, "segments", "an-1")["segments"]
    edges = list(embedded_store.iter_edges("SIMILAR_TO"))
    assert len(edges) == first["similar_pairs"] == first["similar_changed"] > 0
    for company in {e.start[1] for e in edges}:
        mine = sorted((e for e in edges if e.start[1] == company), key=lambda e: e.props["rank"])
        assert [e.props["rank"] for e in mine] == list(range(1, len(mine) + 1)) and len(mine) <= 10
        assert [e.props["score"] for e in mine] == sorted((e.props["score"] for e in mine), reverse=True)
        assert all(e.props["reasons"][0].startswith("both buy Product ") for e in mine)
        assert all(e.props["source"] == "algorithms" and 0 < e.props["score"] <= 1 for e in mine)
    # C3 stops buying: it is no longer similar to anyone, nor anyone to it
    lines = [e.props["line_id"] for e in embedded_store.iter_edges("PURCHASED") if e.start[1] == "C3"]
    assert embedded_store.delete_edges("PURCHASED", "Company", "Product", lines) == len(lines)
    second = analyze(embedded_store, "segments", "an-2")["segments"]
    after = list(embedded_store.iter_edges("SIMILAR_TO"))
    assert not [e for e in after if "C3" in (e.start[1], e.end[1])]
    assert len(after) == second["similar_pairs"] < len(edges) and second["similar_changed"] > 0
    assert analyze(embedded_store, "segments", "an-3")["segments"]["similar_changed"] == 0
