"""Signal detectors that read who we talk to, who left, who knows whom and what they mention."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np

from algorithms._signal import Signal, days_between
from algorithms.influence import decision_chain
from algorithms.market import Market
from algorithms.paths import warm_intro_paths
from graph import NodeRef


def single_threaded(market: Market) -> Iterator[Signal]:
    """Open deals where we talk to one person only, or no economic buyer is known."""
    for company in market.customers() + _prospects(market):
        open_deals = [
            o for o in market.opportunities(company) if market.props("Opportunity", o).get("status") == "open"
        ]
        if not open_deals:
            continue
        engaged = {
            p
            for a in market.activities(company)
            if days_between(market.as_of, market.props("Activity", a)["at"].date()) <= 180
            for p in market.participants(a)
            if not market.props("Person", p).get("internal")
        }
        targets = {("Opportunity", o) for o in open_deals} | {("Company", company)}
        roles = {str(e.props.get("role")) for t in targets for e in market.touching("DECISION_ROLE", t)}
        if len(engaged) > 1 and "economic_buyer" in roles:
            continue
        reasons = [f"{len(engaged)} engaged contact(s) in 180 days"] if len(engaged) <= 1 else []
        reasons += ["no economic buyer known"] if "economic_buyer" not in roles else []
        yield Signal(
            "single_threaded",
            company,
            0.7 if len(engaged) <= 1 else 0.5,
            "; ".join(reasons),
            "multi-thread: meet the economic buyer and a second sponsor",
            {"engaged_contacts": float(len(engaged)), "open_deals": float(len(open_deals))},
            [
                ("Company", company),
                *(("Opportunity", o) for o in open_deals),
                *(("Person", p) for p in sorted(engaged)),
            ],
        )


def _prospects(market: Market) -> list[str]:
    bought = set(market.customers())
    return sorted(c for c in market.nodes.get("Company", {}) if market.opportunities(c) and c not in bought)


def champion_departed(market: Market) -> Iterator[Signal]:
    """A champion on the account's deals no longer works there."""
    left: dict[tuple[str, str], bool] = {}
    for e in market.edges.get("WORKS_AT", []):
        left[(e.start[1], e.end[1])] = e.props.get("current") is False or "until" in e.props
    for company in sorted(market.nodes.get("Company", {})):
        deals = {("Opportunity", o) for o in market.opportunities(company)} | {("Company", company)}
        championed: dict[str, list[tuple[str, str]]] = {}
        for deal in sorted(deals):
            for e in market.touching("DECISION_ROLE", deal):
                if e.props.get("role") == "champion":
                    championed.setdefault(e.start[1], []).append(deal)
        for person, on in sorted(championed.items()):
            if left.get((person, company)):
                yield Signal(
                    "champion_departed",
                    company,
                    0.75,
                    f"champion {market.name('Person', person)} has left the account",
                    "find the new owner of the project; follow the champion to their new employer",
                    {"deals_championed": float(len(on))},
                    [("Company", company), ("Person", person), *on],
                    subject=person,
                )


def _topic_mentions(market: Market) -> dict[tuple[str, str], list[tuple[dt.date, NodeRef]]]:
    """(company, topic) -> dated mentions: documents naming both, and ``INTERESTED_IN``
    edges of the company or its people with a ``last_seen`` date."""
    out: dict[tuple[str, str], list[tuple[dt.date, NodeRef]]] = {}
    by_doc: dict[str, list[NodeRef]] = {}
    for e in market.edges.get("MENTIONS", []):
        by_doc.setdefault(e.start[1], []).append(e.end)
    for doc, named in by_doc.items():
        at = market.props("Document", doc).get("at")
        if not isinstance(at, dt.datetime):
            continue
        for company in (k for label, k in named if label == "Company"):
            for topic in (k for label, k in named if label == "Topic"):
                out.setdefault((company, topic), []).append((at.date(), ("Document", doc)))
    employer = {
        e.start[1]: e.end[1] for e in market.edges.get("WORKS_AT", []) if e.props.get("current") is not False
    }
    for e in market.edges.get("INTERESTED_IN", []):
        seen = e.props.get("last_seen")
        holder = e.start[1] if e.start[0] == "Company" else employer.get(e.start[1])
        if isinstance(seen, dt.date) and holder:
            out.setdefault((holder, e.end[1]), []).append((seen, e.start))
    return out


def interest_surge(market: Market) -> Iterator[Signal]:
    """A topic mentioned at least 3 times in the last 30 days, at least twice the
    account's monthly rate over the 180 days before."""
    for (company, topic), mentions in sorted(_topic_mentions(market).items()):
        ages = [(market.as_of - d).days for d, _ in mentions]
        recent = sum(1 for a in ages if 0 <= a < 30)
        baseline = sum(1 for a in ages if 30 <= a < 210) / 6
        if recent >= 3 and recent >= 2 * (baseline + 0.5):
            sources = sorted({ref for (d, ref), a in zip(mentions, ages, strict=True) if 0 <= a < 30})
            yield Signal(
                "interest_surge",
                company,
                round(min(0.4 + recent / (10 * (baseline + 1)), 1.0), 4),
                f"{market.name('Topic', topic)} mentioned {recent} times in 30 days "
                f"(usually {baseline:.1f} a month)",
                "send material on the topic and offer a specialist call",
                {"mentions_30d": float(recent), "monthly_baseline": round(baseline, 3)},
                [("Company", company), ("Topic", topic), *sources],
                subject=topic,
            )


def warm_intro_available(market: Market) -> Iterator[Signal]:
    """The account's most influential person has never met us, but a rep knows someone
    who knows them."""
    for company in _prospects(market) + market.customers():
        chain = decision_chain(market, company)
        if not chain:
            continue
        top = chain[0].person
        met = {e.end[1] for e in market.touching("PARTICIPATED", ("Person", top))}
        if met & set(market.activities(company)):
            continue
        paths = warm_intro_paths(market, top, k=1)
        if paths:
            path = paths[0]
            yield Signal(
                "warm_intro_available",
                company,
                round(float(np.exp(-path.cost / 2)), 4),
                f"{market.name(*path.nodes[0])} can reach {chain[0].name} in {len(path.hops)} hop(s)",
                "ask for an introduction along the path",
                {"path_cost": path.cost, "hops": float(len(path.hops))},
                [("Company", company), *path.nodes],
                subject=top,
            )
