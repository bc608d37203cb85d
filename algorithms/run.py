"""The runner: load the market from a store, compute, write results back, summarise.

Every result lives in the graph (``algorithms._writes`` writes them as diffs):

- influence: each person's place in their account's decision chain on the ``Person``
  node (``influence_score``, ``influence_rank``, ``influence_reasons``), and each
  person's and company's place in the referral/acquaintance network
  (``network_influence``, ``network_rank``, ``brokerage``);
- cross-sell: ``RECOMMENDS`` edges Company→Product with rank, score, explanation, paths,
  the contact to approach and the contributing methods (numbers in ``evidence``); mined
  product pairs become ``COMPLEMENTS`` edges;
- signals: ``Signal`` nodes with their ``evidence`` and an ``ABOUT`` edge to the account;
- segments: RFM scores and tier, LTV, community and churn risk on the ``Company`` node,
  and ``SIMILAR_TO`` edges to each account's most similar accounts, with the reasons.

The whole-graph algorithms run on the chosen executor (``algorithms.executors``: GDS on
a Neo4j server that has it, else in-process); each summary names where each ran.
``<results_dir>/<run_id>-<what>.json`` is written as well when a directory is given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from algorithms import crosssell, influence, segments, signals
from algorithms._account_health import churn_scores
from algorithms._writes import (
    write_complements,
    write_influence,
    write_recommendations,
    write_segments,
    write_signals,
    write_similar,
)
from algorithms.executors import Executor, ExecutorChoice, choose_executor
from algorithms.market import Market, load_market
from graph import GraphStore

__all__ = ["ANALYSES", "analyze", "write_signals"]

ANALYSES = ("influence", "crosssell", "signals", "segments")
IN_PROCESS = "in-process"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


Runner = Callable[[GraphStore, Market, str, Executor], tuple[dict[str, Any], Any]]


def _influence(store: GraphStore, market: Market, run_id: str, ex: Executor) -> tuple[dict[str, Any], Any]:
    chains = {c: influence.decision_chain(market, c) for c in market.customers()}
    network = ex.network_influence(market)
    brokers = sorted(network, key=lambda r: -r.betweenness)[:20]
    people, companies = write_influence(store, market, chains, network, run_id)
    summary = {
        "accounts": len(chains),
        "people_ranked": sum(map(len, chains.values())),
        "network_nodes": len(network),
        "people_changed": people,
        "companies_changed": companies,
        "executor: decision chains": IN_PROCESS,
        "executor: network pagerank, betweenness": ex.name,
    }
    return summary, {"decision_chains": chains, "network": network[:100], "brokers": brokers}


def _crosssell(store: GraphStore, market: Market, run_id: str, ex: Executor) -> tuple[dict[str, Any], Any]:
    model = crosssell.Model.mine(market, market.purchases())
    recs = {c: crosssell.recommend(market, c, model=model) for c in market.customers()}
    evaluation = crosssell.evaluate(market)
    summary = {
        "accounts": len(recs),
        "complements_written": write_complements(store, market, run_id),
        "recommendations": sum(map(len, recs.values())),
        "recommendations_changed": write_recommendations(store, market, recs, run_id),
        "precision@5": evaluation.blend["precision@5"],
        "popularity_precision@5": evaluation.popularity["precision@5"],
        "executor": IN_PROCESS,
    }
    rendered = {c: [_plain(r) | {"paths": [str(p) for p in r.paths]} for r in rs] for c, rs in recs.items()}
    return summary, {"recommendations": rendered, "evaluation": evaluation}


def _signals(store: GraphStore, market: Market, run_id: str, ex: Executor) -> tuple[dict[str, Any], Any]:
    found = signals.detect(market)
    changed = write_signals(store, market, found, run_id)
    summary = {"written": len(found), "changed": changed, **Counter(s.kind for s in found)}
    return summary | {"executor": IN_PROCESS}, {"signals": found}


def _segments(store: GraphStore, market: Market, run_id: str, ex: Executor) -> tuple[dict[str, Any], Any]:
    rfm = segments.rfm_segments(market)
    communities = ex.account_communities(market)
    similar = segments.explain_similar(market, ex.similar_accounts(market, top=segments.SIMILAR_TOP))
    churn = churn_scores(market)
    summary = {
        **Counter(s.tier for s in rfm),
        "communities": len(set(communities.values())),
        "companies_changed": write_segments(store, market, rfm, communities, churn, run_id),
        "similar_pairs": sum(map(len, similar.values())),
        "similar_changed": write_similar(store, similar, run_id),
        "executor: rfm, churn": IN_PROCESS,
        "executor: node similarity, louvain": ex.name,
    }
    return summary, {"rfm": rfm, "communities": communities, "churn_risk": churn, "similar": similar}


RUNNERS: dict[str, Runner] = {
    "influence": _influence,
    "crosssell": _crosssell,
    "signals": _signals,
    "segments": _segments,
}


def analyze(
    store: GraphStore,
    what: str | Sequence[str],
    run_id: str,
    *,
    results_dir: Path | None = None,
    market: Market | None = None,
    executor: ExecutorChoice | Executor = "auto",
) -> dict[str, dict[str, Any]]:
    """Run the named analyses (or ``"all"``) and return a summary per analysis.

    ``executor`` runs the whole-graph algorithms: ``auto`` (GDS on a Neo4j server that
    has it, else in-process), ``in-process``, ``gds``, or an ``Executor``.
    """
    names = list(ANALYSES) if what == "all" else [what] if isinstance(what, str) else list(what)
    unknown = [n for n in names if n not in RUNNERS]
    if unknown:
        raise ValueError(f"unknown analysis {unknown}; known: {', '.join(ANALYSES)}, all")
    ex = executor if isinstance(executor, Executor) else choose_executor(store, executor)
    market = market or load_market(store)
    summary: dict[str, dict[str, Any]] = {}
    for name in names:
        summary[name], details = RUNNERS[name](store, market, run_id, ex)
        if results_dir is not None:
            results_dir.mkdir(parents=True, exist_ok=True)
            path = results_dir / f"{run_id}-{name}.json"
            path.write_text(json.dumps(_plain(details), ensure_ascii=False, indent=1), encoding="utf-8")
    return summary
