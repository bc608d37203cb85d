"""Cross-sell recommendations with their explanations, and their offline evaluation.

Four sources of evidence are blended per account and candidate product (one we sell
that the account has not bought): mined rules (bundles and 90-day sequences),
item-item similarity to what the account owns, peer whitespace (what the most similar
accounts own) and competitor displacement (a competitor's product in the same
category, the sooner its contract ends the stronger).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from algorithms._sparse import FloatArray
from algorithms.crosssell_mining import Baskets, Rule, association_rules, sequence_rules
from algorithms.influence import decision_chain
from algorithms.market import Market, Purchase
from algorithms.paths import GraphPath, Hop

__all__ = ["Evaluation", "Recommendation", "evaluate", "recommend"]

#: weights of rule, item similarity, peer whitespace and displacement evidence
WEIGHTS = {"rule": 0.35, "item": 0.2, "peer": 0.35, "displacement": 0.1}
PEERS = 10
DISPLACEMENT_HORIZON = 365  # days; a contract ending later than this adds nothing


@dataclass(frozen=True)
class Evidence:
    method: str
    detail: str
    numbers: dict[str, float]


@dataclass
class Recommendation:
    company: str
    product: str
    product_name: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    paths: list[GraphPath] = field(default_factory=list)
    contact: str | None = None
    contact_name: str | None = None


@dataclass
class Model:
    """Everything mined from one set of purchases."""

    baskets: Baskets
    rules: dict[str, list[Rule]]  # consequent -> rules with lift > 1
    item_sim: FloatArray
    account_sim: FloatArray
    category_of: dict[str, str]

    @classmethod
    def mine(cls, market: Market, purchases: Sequence[Purchase]) -> Model:
        ours = market.our_products()
        baskets = Baskets.of(purchases, sorted(ours))
        rules: dict[str, list[Rule]] = defaultdict(list)
        for rule in [*association_rules(purchases, ours), *sequence_rules(purchases, ours)]:
            if rule.lift > 1:
                rules[rule.consequent].append(rule)
        category = {k: str(p.get("category", "")) for k, p in market.nodes.get("Product", {}).items()}
        return cls(baskets, rules, baskets.item_similarity(), baskets.account_similarity(), category)


Parts = dict[str, dict[str, tuple[float, Evidence, list[GraphPath]]]]


def _components(model: Model, market: Market, company: str, as_of: dt.date) -> Parts:
    """Per candidate product, per method: (strength in 0..1, evidence, paths)."""
    out: Parts = defaultdict(dict)
    owned = model.baskets.owned(company) if company in model.baskets.row else set()
    _rule_evidence(model, market, company, owned, out)
    _item_evidence(model, market, company, owned, out)
    _peer_whitespace(model, company, owned, out)
    _displacement(model, market, company, owned, as_of, out)
    return out


def _rule_evidence(model: Model, market: Market, company: str, owned: set[str], out: Parts) -> None:
    for product in model.baskets.products:
        rules = [r for r in model.rules.get(product, []) if r.antecedent in owned]
        if product in owned or not rules:
            continue
        best = max(rules, key=lambda r: (r.confidence, r.kind))
        bundle = best.kind == "bundle"
        out[product]["rule"] = (
            best.confidence,
            Evidence(
                best.kind,
                f"{best.confidence:.0%} of {'orders' if bundle else 'buyers'} with "
                f"{market.name('Product', best.antecedent)} "
                f"{'also include' if bundle else 'then buy within 90 days'} "
                f"{market.name('Product', product)} (lift {best.lift:.1f})",
                {"support": best.support, "confidence": best.confidence, "lift": best.lift},
            ),
            [GraphPath((("Company", company), ("Product", best.antecedent)), (Hop("PURCHASED"),))],
        )


def _item_evidence(model: Model, market: Market, company: str, owned: set[str], out: Parts) -> None:
    b = model.baskets
    for product in b.products:
        if product in owned or not owned:
            continue
        sim, source = max((model.item_sim[b.column[product], b.column[o]], o) for o in sorted(owned))
        if sim <= 0:
            continue
        both = b.buyers(source) & b.buyers(product)
        out[product]["item"] = (
            float(sim),
            Evidence(
                "item_similarity",
                f"{len(both)} accounts bought both {market.name('Product', source)} "
                f"and {market.name('Product', product)}",
                {"cosine": float(sim), "co_buyers": float(len(both))},
            ),
            [_via_peer(company, source, min(both - {company}), product)],
        )


def _via_peer(company: str, shared: str, peer: str, product: str) -> GraphPath:
    """Company→PURCHASED→shared←PURCHASED←peer→PURCHASED→product."""
    return GraphPath(
        (("Company", company), ("Product", shared), ("Company", peer), ("Product", product)),
        (Hop("PURCHASED"), Hop("PURCHASED", forward=False), Hop("PURCHASED")),
    )


def _peer_whitespace(
    model: Model,
    company: str,
    owned: set[str],
    out: Parts,
) -> None:
    b = model.baskets
    if company not in b.row:
        return
    sims = model.account_sim[b.row[company]]
    peers = [i for i in np.argsort(-sims, kind="stable")[:PEERS].tolist() if sims[i] > 0]
    total = float(sum(sims[i] for i in peers))
    if not peers:
        return
    holders: dict[str, list[int]] = defaultdict(list)
    for i in peers:
        for j in b.matrix.indices[b.matrix.indptr[i] : b.matrix.indptr[i + 1]].tolist():
            holders[b.products[j]].append(i)
    shared = sorted(owned)
    for product, who in holders.items():
        if product in owned:
            continue
        strength = sum(sims[i] for i in who) / total
        top = who[0]
        peer = b.accounts[top]
        common = [p for p in shared if p in b.owned(peer)][:1]
        paths = [_via_peer(company, common[0], peer, product)] if common else []
        out[product]["peer"] = (
            float(strength),
            Evidence(
                "peer_whitespace",
                f"{len(who)} of the {len(peers)} most similar accounts own it",
                {
                    "peers_owning": float(len(who)),
                    "peers": float(len(peers)),
                    "similarity_share": float(strength),
                },
            ),
            paths,
        )


def _displacement(
    model: Model,
    market: Market,
    company: str,
    owned: set[str],
    as_of: dt.date,
    out: Parts,
) -> None:
    ours = set(model.baskets.products)
    popularity = model.baskets.popularity()
    for e in market.touching("USES", ("Company", company)):
        rival = e.end[1]
        if rival in ours or e.end[0] != "Product":  # a vendor alone names no category to displace
            continue
        end = e.props.get("contract_end")
        days = (end - as_of).days if isinstance(end, dt.date) else DISPLACEMENT_HORIZON
        if days < 0 or days > DISPLACEMENT_HORIZON:
            continue
        category = model.category_of.get(rival, "")
        candidates = [p for p in ours if model.category_of.get(p) == category and p not in owned]
        if not candidates:
            continue
        ours_best = max(candidates, key=lambda p: (popularity.get(p, 0), p))
        strength = 1 - days / DISPLACEMENT_HORIZON
        vendor = market.vendor(rival)
        paths = [GraphPath((("Company", company), ("Product", rival)), (Hop("USES"),))]
        if vendor:
            paths = [
                GraphPath(
                    (("Company", company), ("Product", rival), ("Company", vendor)),
                    (Hop("USES"), Hop("OFFERED_BY")),
                )
            ]
        out[ours_best]["displacement"] = (
            strength,
            Evidence(
                "competitor_displacement",
                f"uses {market.name('Product', rival)} ({category}); contract ends {end} ({days} days)",
                {"days_to_contract_end": float(days)},
            ),
            paths,
        )


def recommend(
    market: Market,
    company: str,
    *,
    model: Model | None = None,
    top: int = 10,
    as_of: dt.date | None = None,
    with_contact: bool = True,
) -> list[Recommendation]:
    """The account's best next products, each with evidence, paths and whom to approach."""
    model = model or Model.mine(market, market.purchases())
    when = as_of or market.as_of
    scored = []
    for product, parts in _components(model, market, company, when).items():
        score = sum(WEIGHTS[m] * s for m, (s, _, _) in parts.items())
        scored.append((score, product, parts))
    scored.sort(key=lambda t: (-t[0], t[1]))
    contact = decision_chain(market, company)[:1] if with_contact else []
    recs = []
    for score, product, parts in scored[:top]:
        rec = Recommendation(company, product, market.name("Product", product), round(score, 6))
        for _, evidence, paths in sorted(parts.values(), key=lambda t: -t[0]):
            rec.evidence.append(evidence)
            rec.paths.extend(paths)
        if contact:
            rec.contact, rec.contact_name = contact[0].person, contact[0].name
            rec.paths.append(
                GraphPath((("Person", contact[0].person), ("Company", company)), (Hop("WORKS_AT"),))
            )
        recs.append(rec)
    return recs


@dataclass(frozen=True)
class Evaluation:
    accounts: int
    cutoff: dt.date
    blend: dict[str, float]
    popularity: dict[str, float]


def _metrics(ranked: list[str], relevant: set[str]) -> tuple[float, float, float]:
    p5 = len(set(ranked[:5]) & relevant) / 5
    r10 = len(set(ranked[:10]) & relevant) / len(relevant)
    hits, ap = 0, 0.0
    for i, p in enumerate(ranked[:10], start=1):
        if p in relevant:
            hits += 1
            ap += hits / i
    return p5, r10, ap / min(len(relevant), 10)


def evaluate(market: Market, *, holdout_days: int = 182) -> Evaluation:
    """Mine on purchases before ``as_of - holdout_days``; for each account that bought
    something new after that, rank with the blend and with product popularity (both
    excluding what the account already owned) and average precision@5, recall@10 and
    MAP@10 over the accounts."""
    cutoff = market.as_of - dt.timedelta(days=holdout_days)
    purchases = market.purchases()
    train = [p for p in purchases if p.at <= cutoff]
    model = Model.mine(market, train)
    popularity = model.baskets.popularity()
    later: dict[str, set[str]] = defaultdict(set)
    for p in purchases:
        if p.at > cutoff and p.product in popularity:
            later[p.company].add(p.product)
    blend, base = [], []
    for company in model.baskets.accounts:
        owned = model.baskets.owned(company)
        relevant = later.get(company, set()) - owned
        if not relevant:
            continue
        ranked = [
            r.product for r in recommend(market, company, model=model, as_of=cutoff, with_contact=False)
        ]
        popular = sorted((p for p in popularity if p not in owned), key=lambda p: (-popularity[p], p))
        blend.append(_metrics(ranked, relevant))
        base.append(_metrics(popular, relevant))

    def mean(rows: list[tuple[float, float, float]]) -> dict[str, float]:
        arr = np.array(rows) if rows else np.zeros((1, 3))
        return dict(
            zip(("precision@5", "recall@10", "map@10"), arr.mean(axis=0).round(4).tolist(), strict=True)
        )

    return Evaluation(len(blend), cutoff, mean(blend), mean(base))
