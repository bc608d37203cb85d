"""Writing analysis results into the graph, as diffs against the snapshot.

A row is written only where a value differs from what the store holds, with only the
properties the analysis owns, so a rerun over unchanged inputs writes nothing and the
ingested properties (and their provenance) are left alone. A recommendation or similar
account that drops out is deleted. Nodes an ingestor owns (Person, Company) get the
analysis ``run_id``/``ingested_at`` (the run that last changed them) but keep their
``source``/``source_key``; what the analysis owns (Signal nodes, RECOMMENDS, SIMILAR_TO,
COMPLEMENTS and ABOUT edges) carries ``source="algorithms"``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from algorithms import crosssell, influence, segments, signals
from algorithms.crosssell_mining import association_rules, sequence_rules
from algorithms.market import Market
from algorithms.paths import GraphPath
from graph import GraphStore, NodeRef

__all__ = [
    "write_complements",
    "write_influence",
    "write_recommendations",
    "write_segments",
    "write_signals",
    "write_similar",
]

SOURCE = "algorithms"
#: significant digits kept of network scores, so float noise between runs rewrites nothing
SCORE_DIGITS = 9


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
            rows.append({"id": key, **wanted, **_run_stamp(run_id, now)})
    companies = [
        {"id": key, **wanted, **_run_stamp(run_id, now)}
        for key, stored in sorted(market.nodes.get("Company", {}).items())
        if _differs(stored, wanted := scores.get(("Company", key), _NO_NETWORK))
    ]
    store.update_nodes("Person", rows)
    store.update_nodes("Company", companies)
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
            rows.append({"id": seg.company, **wanted, **_run_stamp(run_id, now)})
    store.update_nodes("Company", rows)
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
