"""The runner: load the market from a store, compute, write results back, summarise.

Every result lives in the graph:

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

Writes are diffs: a row is written only where a value differs from what the store
holds, with only the properties this analysis owns, so a rerun over unchanged inputs
writes nothing and the ingested properties (and their provenance) are left alone. A
recommendation or similar account that drops out is deleted. Nodes an ingestor owns
(Person, Company) get the analysis ``run_id``/``ingested_at`` (the run that last changed
them) but keep their ``source``/``source_key``; what the analysis owns (Signal nodes,
RECOMMENDS, SIMILAR_TO, COMPLEMENTS and ABOUT edges) carries ``source="algorithms"``.
The whole-graph algorithms run on the chosen executor (``algorithms.executors``: GDS on
a Neo4j server that has it, else in-process); each summary names where each ran.
``<results_dir>/<run_id>-<what>.json`` is written as well when a directory is given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from algorithms import crosssell, influence, segments, signals
from algorithms._account_health import churn_scores
from algorithms.crosssell_mining import association_rules, sequence_rules
from algorithms.executors import Executor, ExecutorChoice, choose_executor
from algorithms.market import Market, load_market
from algorithms.paths import GraphPath
from graph import GraphStore, NodeRef

__all__ = ["ANALYSES", "analyze"]

SOURCE = "algorithms"
ANALYSES = ("influence", "crosssell", "signals", "segments")
IN_PROCESS = "in-process"
#: significant digits kept of network scores, so float noise between runs rewrites nothing
SCORE_DIGITS = 9

Props = dict[str, Any]


def _provenance(run_id: str, key: str, now: dt.datetime) -> dict[str, Any]:
    return {"source": SOURCE, "source_key": key, "run_id": run_id, "ingested_at": now}


def _run_stamp(run_id: str, now: dt.datetime) -> dict[str, Any]:
    """Provenance for properties added to a node an ingestor owns: which run changed it."""
    return {"run_id": run_id, "ingested_at": now}


def _differs(stored: Mapping[str, Any], wanted: Mapping[str, Any]) -> bool:
    """Whether writing ``wanted`` would change ``stored`` (``None`` means unset)."""
    return any(stored.get(k) != v for k, v in wanted.items())


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def write_signals(store: GraphStore, market: Market, found: Sequence[signals.Signal], run_id: str) -> int:
    """Upsert signals by their stable id; return how many signal nodes changed.

    A new signal is ``open`` and dated now (``detected_at``); a known one keeps its
    status (an acknowledgement survives reruns) and first detection date, except that a
    ``resolved`` signal firing again is reopened. ``last_detected_at`` is set only when a
    signal is new, reopened or its content (score, reason, evidence...) changed: stamping
    every run would make every rerun rewrite every signal. An ``open`` signal that no
    longer fires is marked ``resolved``.
    """
    now = dt.datetime.now(dt.UTC)
    existing = market.nodes.get("Signal", {})
    nodes, edges = [], []
    for s in found:
        evidence = _json({"numbers": s.numbers, "refs": [list(r) for r in s.refs]})
        content: dict[str, Any] = {
            "kind": s.kind,
            "score": float(s.score),
            "severity": s.severity,
            "reason": s.reason,
            "suggested_action": s.suggested_action,
            "evidence": evidence,
        }
        stored = existing.get(s.id)
        if stored is None:
            content |= {"status": "open", "detected_at": now}
        elif stored.get("status") == "resolved":
            content["status"] = "open"
        if stored is None or _differs(stored, content):
            nodes.append({"id": s.id, **content, "last_detected_at": now, **_provenance(run_id, s.id, now)})
        edges.append(
            {"_from": s.id, "_to": s.company, "evidence": evidence, **_provenance(run_id, s.id, now)}
        )
    fired = {s.id for s in found}
    nodes += [
        {"id": key, "kind": props["kind"], "status": "resolved", **_provenance(run_id, key, now)}
        for key, props in sorted(existing.items())
        if key not in fired and props.get("status") == "open"
    ]
    store.upsert_nodes("Signal", nodes)
    store.upsert_edges("ABOUT", "Signal", "Company", edges)
    return len(nodes)


def _network_props(network: Sequence[influence.NetworkInfluence]) -> dict[NodeRef, dict[str, Any]]:
    return {
        (n.label, n.key): {
            "network_influence": _significant(n.pagerank),
            "network_rank": n.rank,
            "brokerage": _significant(n.betweenness),
        }
        for n in network
    }


def _significant(value: float) -> float:
    return float(f"{value:.{SCORE_DIGITS}g}")


_NO_NETWORK = {"network_influence": None, "network_rank": None, "brokerage": None}


def write_influence(
    store: GraphStore,
    market: Market,
    chains: Mapping[str, Sequence[influence.Influence]],
    network: Sequence[influence.NetworkInfluence],
    run_id: str,
) -> tuple[int, int]:
    """Each ranked person's score, rank and reasons, and every person's and company's
    network scores, on their nodes; return how many people and companies changed.

    Someone ranked in several accounts keeps their strongest place (ties: the first
    account in key order); people no longer ranked, or no longer in the network, lose
    the values."""
    now = dt.datetime.now(dt.UTC)
    best: dict[str, influence.Influence] = {}
    for company in sorted(chains):
        for member in chains[company]:
            if member.person not in best or member.score > best[member.person].score:
                best[member.person] = member
    scores = _network_props(network)
    rows = []
    for key, stored in sorted(market.nodes.get("Person", {}).items()):
        found = best.get(key)
        wanted: dict[str, Any] = {
            "influence_score": None if found is None else float(found.score),
            "influence_rank": None if found is None else found.rank,
            "influence_reasons": None if found is None else list(found.reasons),
            **scores.get(("Person", key), _NO_NETWORK),
        }
        if _differs(stored, wanted):
            rows.append({"id": key, "name": stored["name"], **wanted, **_run_stamp(run_id, now)})
    companies = [
        {"id": key, "name": stored["name"], **wanted, **_run_stamp(run_id, now)}
        for key, stored in sorted(market.nodes.get("Company", {}).items())
        if _differs(stored, wanted := scores.get(("Company", key), _NO_NETWORK))
    ]
    store.upsert_nodes("Person", rows)
    store.upsert_nodes("Company", companies)
    return len(rows), len(companies)


def _replace_edges(
    store: GraphStore,
    rel: tuple[str, str, str],
    wanted: Mapping[tuple[str, str], Mapping[str, Any]],
    run_id: str,
) -> int:
    """Make the analysis' edges of a type (one per pair) exactly ``wanted``: write the new
    and changed ones, delete the ones no longer wanted; return how many changed."""
    rel_type, start, end = rel
    now = dt.datetime.now(dt.UTC)
    existing = {(e.start[1], e.end[1]): e.props for e in store.iter_edges(rel_type)}
    rows = [
        {"_from": a, "_to": b, **props, **_provenance(run_id, f"{a}>{b}", now)}
        for (a, b), props in sorted(wanted.items())
        if (a, b) not in existing or _differs(existing[(a, b)], props)
    ]
    store.upsert_edges(rel_type, start, end, rows)
    return len(rows) + store.delete_edges(rel_type, start, end, sorted(set(existing) - set(wanted)))


def _path_json(market: Market, path: GraphPath) -> dict[str, Any]:
    return {
        "nodes": [[label, key, market.name(label, key)] for label, key in path.nodes],
        "hops": [[hop.rel, hop.forward] for hop in path.hops],
    }


def _recommendation_props(market: Market, rank: int, rec: crosssell.Recommendation) -> dict[str, Any]:
    kinds = list(dict.fromkeys(e.method for e in rec.evidence))
    return {
        "rank": rank,
        "score": float(rec.score),
        "explanation": "; ".join(e.detail for e in rec.evidence) or None,
        "paths": _json([_path_json(market, p) for p in rec.paths]),
        "contact_id": rec.contact,
        "kinds": kinds,
        "evidence": _json(
            [{"method": e.method, "detail": e.detail, "numbers": e.numbers} for e in rec.evidence]
        ),
    }


def write_recommendations(
    store: GraphStore,
    market: Market,
    recs: Mapping[str, Sequence[crosssell.Recommendation]],
    run_id: str,
) -> int:
    """Each account's ranked list as ``RECOMMENDS`` edges; return how many edges were
    written or deleted (a product no longer recommended loses its edge)."""
    wanted = {
        (company, rec.product): _recommendation_props(market, rank, rec)
        for company in sorted(recs)
        for rank, rec in enumerate(recs[company], start=1)
    }
    return _replace_edges(store, ("RECOMMENDS", "Company", "Product"), wanted, run_id)


def write_similar(
    store: GraphStore, similar: Mapping[str, Sequence[segments.SimilarAccount]], run_id: str
) -> int:
    """Each account's most similar accounts as ranked ``SIMILAR_TO`` edges with reasons;
    return how many edges were written or deleted (one no longer similar is deleted)."""
    wanted = {
        (s.company, s.other): {"score": s.score, "rank": s.rank, "reasons": list(s.reasons)}
        for rows in similar.values()
        for s in rows
    }
    return _replace_edges(store, ("SIMILAR_TO", "Company", "Company"), wanted, run_id)


def write_segments(
    store: GraphStore,
    market: Market,
    rfm: Sequence[segments.Segment],
    communities: Mapping[str, int],
    churn: Mapping[str, float],
    run_id: str,
) -> int:
    """RFM, LTV, community and churn risk on each segmented ``Company``; return how many
    companies changed. A customer no longer scored for churn (it churned) loses the value."""
    now = dt.datetime.now(dt.UTC)
    companies = market.nodes.get("Company", {})
    rows = []
    for seg in sorted(rfm, key=lambda s: s.company):
        stored = companies.get(seg.company)
        if stored is None:
            continue
        community = communities.get(seg.company)
        wanted: dict[str, Any] = {
            "rfm_tier": seg.tier,
            "rfm_r": seg.r,
            "rfm_f": seg.f,
            "rfm_m": seg.m,
            "rfm_recency_days": seg.recency_days,
            "rfm_frequency": seg.frequency,
            "rfm_monetary": float(seg.monetary),
            "ltv": float(seg.ltv),
            "community": None if community is None else str(community),
            "churn_risk": churn.get(seg.company),
        }
        if _differs(stored, wanted):
            rows.append({"id": seg.company, "name": stored["name"], **wanted, **_run_stamp(run_id, now)})
    store.upsert_nodes("Company", rows)
    return len(rows)


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
