"""A read-only snapshot of the market graph, loaded once through the port.

The algorithms work on plain Python and numpy values, not on the store: the runner
loads a ``Market`` (every node and edge of the types below, about 6 s for the sample
market on the embedded store) and hands it to pure functions.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from graph import Edge, GraphStore

__all__ = ["Market", "Purchase", "load_market"]

LABELS = ("Company", "Person", "Product", "Opportunity", "Activity", "Document", "Topic", "Signal")
REL_TYPES = (
    "WORKS_AT",
    "REPORTS_TO",
    "DECISION_ROLE",
    "KNOWS",
    "INFLUENCES",
    "OWNS",
    "REFERRED",
    "PURCHASED",
    "USES",
    "OFFERED_BY",
    "HAS_OPPORTUNITY",
    "FOR_PRODUCT",
    "PARTICIPATED",
    "ABOUT",
    "INTERESTED_IN",
    "MENTIONS",
    "COMPETES_WITH",
)
Props = dict[str, Any]
T = TypeVar("T")
LATEST = dt.date.min


@dataclass(frozen=True)
class Purchase:
    company: str
    product: str
    line_id: str
    order_id: str
    at: dt.date
    amount: float


@dataclass
class Market:
    """Nodes by label and key, edges by type, and the indexes most algorithms need."""

    nodes: dict[str, dict[str, Props]]
    edges: dict[str, list[Edge]]
    #: "today" for the snapshot; ``LATEST`` means the newest order or activity date
    as_of: dt.date = LATEST
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.as_of == LATEST:
            self.as_of = self.latest_date()

    # ---- nodes -------------------------------------------------------------------
    def props(self, label: str, key: str) -> Props:
        return self.nodes.get(label, {}).get(key, {})

    def name(self, label: str, key: str) -> str:
        return str(self.props(label, key).get("name", key))

    @property
    def self_id(self) -> str | None:
        """Our own company (``is_self``)."""
        return next((k for k, p in self.nodes.get("Company", {}).items() if p.get("is_self")), None)

    def reps(self) -> set[str]:
        return {k for k, p in self.nodes.get("Person", {}).items() if p.get("internal")}

    def our_products(self) -> set[str]:
        """Products offered by our company (all products, if the vendor is unknown)."""
        me = self.self_id
        ours = {e.start[1] for e in self.edges.get("OFFERED_BY", []) if e.end[1] == me}
        return ours or set(self.nodes.get("Product", {}))

    def vendor(self, product: str) -> str | None:
        return self.cached(
            "vendor", lambda: {e.start[1]: e.end[1] for e in self.edges.get("OFFERED_BY", [])}
        ).get(product)

    def customers(self) -> list[str]:
        """Companies that bought from us, in key order."""
        return sorted({p.company for p in self.purchases()})

    # ---- derived indexes -----------------------------------------------------------
    def purchases(self) -> list[Purchase]:
        def build() -> list[Purchase]:
            rows = []
            for e in self.edges.get("PURCHASED", []):
                at = e.props.get("at")
                if isinstance(at, dt.date):
                    rows.append(
                        Purchase(
                            e.start[1],
                            e.end[1],
                            str(e.props.get("line_id", "")),
                            str(e.props.get("order_id") or e.props.get("line_id", "")),
                            at,
                            float(e.props.get("amount") or 0.0),
                        )
                    )
            return sorted(rows, key=lambda p: (p.company, p.at, p.line_id))

        result: list[Purchase] = self.cached("purchases", build)
        return result

    def employees(self, company: str, current_only: bool = True) -> list[str]:
        """People who work at ``company`` (currently, unless told otherwise)."""
        by_company: dict[str, list[tuple[str, bool]]] = self.cached("employees", self._employees)
        return [p for p, current in by_company.get(company, []) if current or not current_only]

    def _employees(self) -> dict[str, list[tuple[str, bool]]]:
        out: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        for e in self.edges.get("WORKS_AT", []):
            out[e.end[1]].append((e.start[1], e.props.get("current") is not False and "until" not in e.props))
        return out

    def opportunities(self, company: str) -> list[str]:
        index: dict[str, list[str]] = self.cached(
            "opps", lambda: _group(self.edges.get("HAS_OPPORTUNITY", []))
        )
        return index.get(company, [])

    def activities(self, company: str) -> list[str]:
        """Activities about ``company``, oldest first."""

        def build() -> dict[str, list[str]]:
            out: dict[str, list[str]] = defaultdict(list)
            for e in self.edges.get("ABOUT", []):
                if e.start[0] == "Activity" and e.end[0] == "Company":
                    out[e.end[1]].append(e.start[1])
            acts = self.nodes.get("Activity", {})
            epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
            for keys in out.values():
                keys.sort(key=lambda k: (acts.get(k, {}).get("at") or epoch, k))
            return out

        index: dict[str, list[str]] = self.cached("acts", build)
        return index.get(company, [])

    def participants(self, activity: str) -> list[str]:
        index: dict[str, list[str]] = self.cached(
            "participants", lambda: _group(self.edges.get("PARTICIPATED", []), by_end=True)
        )
        return index.get(activity, [])

    def touching(self, rel_type: str, node: tuple[str, str]) -> list[Edge]:
        """Edges of ``rel_type`` that start or end at ``node``."""

        def build() -> dict[tuple[str, str], list[Edge]]:
            out: dict[tuple[str, str], list[Edge]] = defaultdict(list)
            for e in self.edges.get(rel_type, []):
                out[e.start].append(e)
                if e.end != e.start:
                    out[e.end].append(e)
            return out

        return self.cached(f"touching:{rel_type}", build).get(node, [])

    def cached(self, name: str, build: Callable[[], T]) -> T:
        """``build()``, computed once per snapshot under ``name``."""
        if name not in self._cache:
            self._cache[name] = build()
        result: T = self._cache[name]
        return result

    def latest_date(self) -> dt.date:
        """The newest order or activity date: "today" for a snapshot."""
        dates = [p.at for p in self.purchases()]
        dates += [a["at"].date() for a in self.nodes.get("Activity", {}).values() if a.get("at")]
        return max(dates, default=dt.date.today())


def _group(edges: Iterable[Edge], by_end: bool = False) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        a, b = (e.end[1], e.start[1]) if by_end else (e.start[1], e.end[1])
        out[a].append(b)
    return out


def load_market(store: GraphStore, as_of: dt.date | None = None) -> Market:
    """Every node and edge the algorithms read, through the port's paging readers."""
    nodes = {label: {n.key: n.props for n in store.iter_nodes(label)} for label in LABELS}
    edges = {t: list(store.iter_edges(t)) for t in REL_TYPES}
    return Market(nodes, edges, as_of or LATEST)
