"""The runner: load the market from a store, compute, write results back, summarise.

Signals become ``Signal`` nodes with an ``ABOUT`` edge to their account; the edge's
``evidence`` holds the numbers and node references as JSON (the ontology has no
evidence property on nodes). Mined product pairs become ``COMPLEMENTS`` edges. Influence
scores, recommendations and segments have no place in the ontology yet, so they go to
``<results_dir>/<run_id>-<what>.json`` when a directory is given.
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
from algorithms.crosssell_mining import association_rules, sequence_rules
from algorithms.market import Market, load_market
from graph import GraphStore

__all__ = ["ANALYSES", "analyze"]

SOURCE = "algorithms"
ANALYSES = ("influence", "crosssell", "signals", "segments")


def _provenance(run_id: str, key: str, now: dt.datetime) -> dict[str, Any]:
    return {"source": SOURCE, "source_key": key, "run_id": run_id, "ingested_at": now}


def write_signals(store: GraphStore, market: Market, found: Sequence[signals.Signal], run_id: str) -> int:
    """Upsert signals by their stable id and return how many were found.

    A new signal is ``open`` and dated now; a known one keeps its status (so an
    acknowledgement survives reruns) and its first detection date. An ``open`` signal
    that no longer fires is marked ``resolved``.
    """
    now = dt.datetime.now(dt.UTC)
    existing = market.nodes.get("Signal", {})
    nodes, edges = [], []
    for s in found:
        row: dict[str, Any] = {
            "id": s.id,
            "kind": s.kind,
            "score": float(s.score),
            "severity": s.severity,
            "reason": s.reason,
            "suggested_action": s.suggested_action,
            **_provenance(run_id, s.id, now),
        }
        if s.id not in existing:
            row |= {"status": "open", "detected_at": now}
        nodes.append(row)
        evidence = {"numbers": s.numbers, "refs": [list(r) for r in s.refs]}
        edges.append(
            {
                "_from": s.id,
                "_to": s.company,
                "evidence": json.dumps(evidence),
                **_provenance(run_id, s.id, now),
            }
        )
    fired = {s.id for s in found}
    nodes += [
        {"id": key, "kind": props["kind"], "status": "resolved", **_provenance(run_id, key, now)}
        for key, props in sorted(existing.items())
        if key not in fired and props.get("status") == "open"
    ]
    store.upsert_nodes("Signal", nodes)
    store.upsert_edges("ABOUT", "Signal", "Company", edges)
    return len(found)


def write_complements(store: GraphStore, market: Market, run_id: str, *, min_lift: float = 1.5) -> int:
    """Strong mined pairs as ``COMPLEMENTS`` edges (the best rule per ordered pair)."""
    now = dt.datetime.now(dt.UTC)
    ours = market.our_products()
    best: dict[tuple[str, str], Any] = {}
    for rule in [*association_rules(market.purchases(), ours), *sequence_rules(market.purchases(), ours)]:
        key = (rule.antecedent, rule.consequent)
        if rule.lift >= min_lift and (key not in best or rule.lift > best[key].lift):
            best[key] = rule
    rows = [
        {
            "_from": a,
            "_to": b,
            "method": f"{r.kind}_rules",
            "lift": round(r.lift, 4),
            "evidence": json.dumps({"support": r.support, "confidence": r.confidence, "count": r.count}),
            **_provenance(run_id, f"{a}>{b}", now),
        }
        for (a, b), r in sorted(best.items())
    ]
    store.upsert_edges("COMPLEMENTS", "Product", "Product", rows)
    return len(rows)


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


def _influence(store: GraphStore, market: Market, run_id: str) -> tuple[dict[str, Any], Any]:
    chains = {c: influence.decision_chain(market, c) for c in market.customers()}
    network = influence.network_influence(market)
    brokers = sorted(network, key=lambda r: -r.betweenness)[:20]
    summary = {
        "accounts": len(chains),
        "people_ranked": sum(map(len, chains.values())),
        "network_nodes": len(network),
    }
    return summary, {"decision_chains": chains, "network": network[:100], "brokers": brokers}


def _crosssell(store: GraphStore, market: Market, run_id: str) -> tuple[dict[str, Any], Any]:
    model = crosssell.Model.mine(market, market.purchases())
    recs = {c: crosssell.recommend(market, c, model=model) for c in market.customers()}
    evaluation = crosssell.evaluate(market)
    summary = {
        "accounts": len(recs),
        "complements_written": write_complements(store, market, run_id),
        "precision@5": evaluation.blend["precision@5"],
        "popularity_precision@5": evaluation.popularity["precision@5"],
    }
    rendered = {c: [_plain(r) | {"paths": [str(p) for p in r.paths]} for r in rs] for c, rs in recs.items()}
    return summary, {"recommendations": rendered, "evaluation": evaluation}


def _signals(store: GraphStore, market: Market, run_id: str) -> tuple[dict[str, Any], Any]:
    found = signals.detect(market)
    written = write_signals(store, market, found, run_id)
    return {"written": written, **Counter(s.kind for s in found)}, {"signals": found}


def _segments(store: GraphStore, market: Market, run_id: str) -> tuple[dict[str, Any], Any]:
    rfm = segments.rfm_segments(market)
    communities = segments.account_communities(market)
    summary = {**Counter(s.tier for s in rfm), "communities": len(set(communities.values()))}
    return summary, {"rfm": rfm, "communities": communities}


RUNNERS: dict[str, Callable[[GraphStore, Market, str], tuple[dict[str, Any], Any]]] = {
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
) -> dict[str, dict[str, Any]]:
    """Run the named analyses (or ``"all"``) and return a summary per analysis."""
    names = list(ANALYSES) if what == "all" else [what] if isinstance(what, str) else list(what)
    unknown = [n for n in names if n not in RUNNERS]
    if unknown:
        raise ValueError(f"unknown analysis {unknown}; known: {', '.join(ANALYSES)}, all")
    market = market or load_market(store)
    summary: dict[str, dict[str, Any]] = {}
    for name in names:
        summary[name], details = RUNNERS[name](store, market, run_id)
        if results_dir is not None:
            results_dir.mkdir(parents=True, exist_ok=True)
            path = results_dir / f"{run_id}-{name}.json"
            path.write_text(json.dumps(_plain(details), ensure_ascii=False, indent=1), encoding="utf-8")
    return summary
