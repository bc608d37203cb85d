"""What the API asks of the analytics: precomputed results per company, read in batches.

``Intelligence`` is the port. ``StoredIntelligence`` (the default) serves what
``accountgraph analyze`` wrote into the graph: ``RECOMMENDS`` edges for cross-sell and
each person's stored influence for the decision chain, through the request's
policy-checked reads (``scoped``), one store read per batch of companies. Before an
influence analysis has run on an account it falls back to ``StoreIntelligence``'s
transparent role-and-seniority score over ``DECISION_ROLE`` edges.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from graph import GraphStore
from graph.reads import Props, ScopedReads


@dataclass(frozen=True)
class DecisionMember:
    person_id: str
    role: str
    stance: str | None
    influence: float
    reasons: tuple[str, ...]
    rank: int | None = None


@dataclass(frozen=True)
class CrossSellItem:
    product_id: str
    score: float
    explanation: str
    evidence: tuple[str, ...] = ()
    paths: tuple[tuple[str, ...], ...] = ()
    contact_id: str | None = None
    rank: int | None = None
    kinds: tuple[str, ...] = ()


class Intelligence(Protocol):
    def decision_chains(self, company_ids: Sequence[str]) -> dict[str, list[DecisionMember]]: ...

    def cross_sell(self, company_ids: Sequence[str], first: int) -> dict[str, list[CrossSellItem]]: ...


@runtime_checkable
class ScopedIntelligence(Protocol):
    """An adapter that reads through a request's policy-checked reads."""

    def scoped(self, reads: ScopedReads) -> Intelligence: ...


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


def role_based(row: Props) -> DecisionMember:
    """A transparent influence from the role and seniority alone (no analysis needed)."""
    role_w = ROLE_WEIGHT.get(row["role"], 0.2)
    seniority_w = SENIORITY_WEIGHT.get(row["seniority"] or "", 0.4)
    reasons = [f"role {row['role']} (weight {role_w:.2f})"]
    if row["seniority"]:
        reasons.append(f"seniority {row['seniority']} (weight {seniority_w:.2f})")
    if row["stance"]:
        reasons.append(f"stance {row['stance']}")
    return DecisionMember(
        person_id=row["person"],
        role=row["role"],
        stance=row["stance"],
        influence=round(0.6 * role_w + 0.4 * seniority_w, 4),
        reasons=tuple(reasons),
    )


class StoreIntelligence:
    """Decision chains from the graph's role edges alone; no cross-sell. Ignores analysis
    results and the request's policy (callers pass visible companies only)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def decision_chains(self, company_ids: Sequence[str]) -> dict[str, list[DecisionMember]]:
        found = ScopedReads(self.store).decision_roles(company_ids)
        return {
            k: _ranked([role_based(r) for r in _strongest_roles(rows).values()]) for k, rows in found.items()
        }

    def cross_sell(self, company_ids: Sequence[str], first: int) -> dict[str, list[CrossSellItem]]:
        return {k: [] for k in company_ids}


#: a role for a ranked person who holds no decision role on the account
CONTACT = "contact"
#: what a node of an explanation path the caller may not see is called, wherever paths are served
OUTSIDE = "someone outside your territory"


class StoredIntelligence:
    """Serves the analyses' stored results; the role-based chain where none are stored.

    ``scoped(reads)`` binds it to a request's reads, so the territory policy and the
    store-latency metrics apply; unbound, it reads without restriction (for programs
    that are not serving a principal).
    """

    def __init__(self, store: GraphStore, reads: ScopedReads | None = None) -> None:
        self.store = store
        self.reads = reads or ScopedReads(store)

    def scoped(self, reads: ScopedReads) -> StoredIntelligence:
        return StoredIntelligence(self.store, reads)

    def decision_chains(self, company_ids: Sequence[str]) -> dict[str, list[DecisionMember]]:
        """Per company: people ranked by the influence analysis (rank order), then anyone
        else holding a decision role; accounts never analysed get the role-based chain."""
        found = self.reads.decision_people(company_ids)
        chains: dict[str, list[DecisionMember]] = {}
        for key in company_ids:
            rows = found.get(key, [])
            by_person = _strongest_roles(r for r in rows if r["kind"] == "role")
            people = sorted(
                (r for r in rows if r["kind"] == "ranked"), key=lambda r: (r["rank"], r["person"])
            )
            members = [_stored_member(r, by_person.get(r["person"])) for r in people]
            seen = {r["person"] for r in people}
            chains[key] = members + _ranked([role_based(r) for p, r in by_person.items() if p not in seen])
        return chains

    def cross_sell(self, company_ids: Sequence[str], first: int) -> dict[str, list[CrossSellItem]]:
        """Per company: its ``RECOMMENDS`` edges, best first, at most ``first``; names of
        accounts and people on explanation paths the principal may not see are hidden."""
        found = {k: rows[:first] for k, rows in self.reads.recommendations(company_ids).items()}
        paths = {id(row): _paths(row.get("paths")) for rows in found.values() for row in rows}
        visible = self._visible(n for ps in paths.values() for p in ps for n in p["nodes"])
        out: dict[str, list[CrossSellItem]] = {}
        for key, rows in found.items():
            out[key] = [_item(row, paths[id(row)], visible) for row in rows]
        return out

    def _visible(self, nodes: Iterable[Sequence[Any]]) -> set[tuple[str, str]]:
        wanted: dict[str, set[str]] = {}
        for label, key, *_ in nodes:
            wanted.setdefault(str(label), set()).add(str(key))
        out: set[tuple[str, str]] = set()
        for label, keys in sorted(wanted.items()):
            # public types (products) cost no read, nor does an unscoped reader
            out.update((label, k) for k in self.reads.visible_keys(label, sorted(keys)))
        return out


def _strongest_roles(rows: Iterable[Props]) -> dict[str, Props]:
    """Each person's weightiest role row (on the account or on any of its opportunities;
    ties go to the account's own role, then the first opportunity by key)."""
    best: dict[str, Props] = {}
    for row in sorted(rows, key=lambda r: (r["person"], -ROLE_WEIGHT.get(r["role"], 0.0), r["opportunity"])):
        best.setdefault(row["person"], row)
    return best


def _ranked(members: list[DecisionMember]) -> list[DecisionMember]:
    """Role-based members, most influential first."""
    return sorted(members, key=lambda m: (-m.influence, m.person_id))


def _stored_member(row: Props, role: Props | None) -> DecisionMember:
    return DecisionMember(
        person_id=row["person"],
        role=role["role"] if role else CONTACT,
        stance=role["stance"] if role else None,
        influence=float(row["score"] or 0.0),
        reasons=tuple(row["reasons"] or ()),
        rank=int(row["rank"]),
    )


def _paths(text: str | None) -> list[dict[str, Any]]:
    value = json.loads(text) if text else []
    return value if isinstance(value, list) else []


def _render(path: dict[str, Any], visible: set[tuple[str, str]]) -> tuple[str, ...]:
    """``name, REL, name, ...``; a hop walked against its direction reads ``←REL``."""
    nodes = path.get("nodes", [])
    hops = path.get("hops", [])
    parts: list[str] = []
    for i, (label, key, name) in enumerate(nodes):
        if i:
            rel, forward = hops[i - 1]
            parts.append(str(rel) if forward else f"←{rel}")
        parts.append(str(name) if (label, key) in visible else OUTSIDE)
    return tuple(parts)


def _evidence(text: str | None) -> tuple[str, ...]:
    out = []
    for item in json.loads(text) if text else []:
        numbers = ", ".join(
            f"{k} {v:.3g}" if isinstance(v, float) else f"{k} {v}" for k, v in item["numbers"].items()
        )
        out.append(f"{item['method']}: {item['detail']}" + (f" ({numbers})" if numbers else ""))
    return tuple(out)


def _item(row: Props, paths: list[dict[str, Any]], visible: set[tuple[str, str]]) -> CrossSellItem:
    return CrossSellItem(
        product_id=row["product"],
        score=float(row["score"]),
        explanation=str(row.get("explanation") or ""),
        evidence=_evidence(row.get("evidence")),
        paths=tuple(_render(p, visible) for p in paths),
        contact_id=row.get("contact_id"),
        rank=row.get("rank"),
        kinds=tuple(row.get("kinds") or ()),
    )
