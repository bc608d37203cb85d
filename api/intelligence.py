"""What the API asks of the analytics: precomputed results per company, read in batches.

``Intelligence`` is the port; ``StoreIntelligence`` is the default adapter. Until the
analytics runners store their results, it derives the decision chain directly from
``DECISION_ROLE`` and ``WORKS_AT`` edges with a transparent score, and serves no
cross-sell recommendations (none are stored). A runner-backed adapter replaces it
without touching the schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from graph import GraphStore


@dataclass(frozen=True)
class DecisionMember:
    person_id: str
    role: str
    stance: str | None
    influence: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class CrossSellItem:
    product_id: str
    score: float
    explanation: str
    evidence: tuple[str, ...] = ()
    paths: tuple[tuple[str, ...], ...] = ()
    contact_id: str | None = None


class Intelligence(Protocol):
    def decision_chains(self, company_ids: Sequence[str]) -> dict[str, list[DecisionMember]]: ...

    def cross_sell(self, company_ids: Sequence[str], first: int) -> dict[str, list[CrossSellItem]]: ...


ROLE_WEIGHT = {
    "economic_buyer": 1.0,
    "decision_maker": 0.9,
    "champion": 0.7,
    "technical_evaluator": 0.6,
    "influencer": 0.5,
    "blocker": 0.5,
    "gatekeeper": 0.3,
    "user": 0.2,
}
SENIORITY_WEIGHT = {"c_level": 1.0, "vp": 0.85, "director": 0.7, "manager": 0.5, "staff": 0.3}

_CHAIN = (
    "UNWIND $keys AS k MATCH (c:Company {id: k}) MATCH (p:Person)-[r:DECISION_ROLE]->(c) "
    "RETURN c.id AS company, p.id AS person, r.role AS role, r.stance AS stance, "
    "p.seniority AS seniority, p.title AS title"
)


class StoreIntelligence:
    """Decision chains from the graph's role edges; cross-sell from stored results (none yet)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def decision_chains(self, company_ids: Sequence[str]) -> dict[str, list[DecisionMember]]:
        chains: dict[str, list[DecisionMember]] = {k: [] for k in company_ids}
        for row in self.store._read(_CHAIN, {"keys": list(company_ids)}):
            role_w = ROLE_WEIGHT.get(row["role"], 0.2)
            seniority_w = SENIORITY_WEIGHT.get(row["seniority"] or "", 0.4)
            reasons = [f"role {row['role']} (weight {role_w:.2f})"]
            if row["seniority"]:
                reasons.append(f"seniority {row['seniority']} (weight {seniority_w:.2f})")
            if row["stance"]:
                reasons.append(f"stance {row['stance']}")
            chains[row["company"]].append(
                DecisionMember(
                    person_id=row["person"],
                    role=row["role"],
                    stance=row["stance"],
                    influence=round(0.6 * role_w + 0.4 * seniority_w, 4),
                    reasons=tuple(reasons),
                )
            )
        for members in chains.values():
            members.sort(key=lambda m: (-m.influence, m.person_id))
        return chains

    def cross_sell(self, company_ids: Sequence[str], first: int) -> dict[str, list[CrossSellItem]]:
        return {k: [] for k in company_ids}
