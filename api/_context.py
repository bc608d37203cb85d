"""Per-request state handed to resolvers: the principal, its policy-checked reads, loaders."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool

from api._audit import AuditLog
from api._loader import DataLoader
from api._policy import Policy
from api._principal import Principal
from api._reads import ReadModel
from api._services import Services
from api.intelligence import CrossSellItem, DecisionMember, Intelligence, ScopedIntelligence
from graph import GraphStore
from graph.reads import Props

Related = list[tuple[Props, Props]]
T = TypeVar("T")


@dataclass
class Context:
    principal: Principal
    reads: ReadModel
    store: GraphStore
    intelligence: Intelligence
    audit: AuditLog
    max_page: int = 100
    operation: str | None = None
    pii_reads: Counter[str] = field(default_factory=Counter)
    #: the answer read something besides the store (``volatile``): never cache it
    read_volatile: bool = False
    _nodes: dict[str, DataLoader[str, Props | None]] = field(default_factory=dict)
    _related: dict[tuple[str, str, str, bool], DataLoader[str, Related]] = field(default_factory=dict)
    _chains: DataLoader[str, list[DecisionMember]] | None = None
    _cross_sell: dict[int, DataLoader[str, list[CrossSellItem]]] = field(default_factory=dict)
    _purchases: DataLoader[str, list[Props]] | None = None
    #: jobs, warm-introduction graphs, ingest locations (``api._services``)
    services: Services | None = None

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a blocking store call in a worker thread."""
        return await run_in_threadpool(fn, *args)

    @property
    def policy(self) -> Policy:
        return self.reads.policy

    def node_loader(self, label: str) -> DataLoader[str, Props | None]:
        loader = self._nodes.get(label)
        if loader is None:

            def batch(keys: Sequence[str]) -> dict[str, Props | None]:
                return dict(self.reads.nodes(label, keys))

            loader = self._nodes[label] = DataLoader(batch, None)
        return loader

    def related_loader(self, rel: str, label: str, other: str, outgoing: bool) -> DataLoader[str, Related]:
        ident = (rel, label, other, outgoing)
        loader = self._related.get(ident)
        if loader is None:

            def batch(keys: Sequence[str]) -> dict[str, Related]:
                found = self.reads.related(rel, label, other, outgoing, keys)
                nodes = self.node_loader(other)
                for items in found.values():
                    for node, _ in items:
                        nodes_cache_prime(nodes, node)
                return found

            loader = self._related[ident] = DataLoader(batch, [])
        return loader

    def _intelligence(self) -> Intelligence:
        """The analytics adapter, bound to this request's policy-checked reads if it can be."""
        if isinstance(self.intelligence, ScopedIntelligence):
            return self.intelligence.scoped(self.reads)
        return self.intelligence

    def chain_loader(self) -> DataLoader[str, list[DecisionMember]]:
        if self._chains is None:
            self._chains = DataLoader(self._intelligence().decision_chains, [])
        return self._chains

    def purchases_loader(self) -> DataLoader[str, list[Props]]:
        if self._purchases is None:
            self._purchases = DataLoader(self.reads.purchase_totals, [])
        return self._purchases

    def cross_sell_loader(self, first: int) -> DataLoader[str, list[CrossSellItem]]:
        loader = self._cross_sell.get(first)
        if loader is None:
            intelligence = self._intelligence()
            loader = self._cross_sell[first] = DataLoader(
                lambda keys: intelligence.cross_sell(keys, first), []
            )
        return loader

    def read_pii(self, label: str, field_name: str) -> None:
        self.pii_reads[f"{label}.{field_name}"] += 1

    def volatile(self) -> None:
        """Say that this answer reads state outside the store (a job's progress, say), so
        it may change while the graph does not and must not be cached."""
        self.read_volatile = True

    def finish(self) -> None:
        audit_pii_reads(self.audit, self.principal, self.operation, self.pii_reads)


def audit_pii_reads(
    audit: AuditLog, principal: Principal, operation: str | None, fields: Mapping[str, int]
) -> None:
    """One audit line naming the personal-data fields an answer showed (never their values)."""
    if fields:
        audit.record(principal, "pii_read", operation=operation, fields=dict(fields))


def nodes_cache_prime(loader: DataLoader[str, Props | None], node: Props) -> None:
    """Remember a node met across a relationship (runs in the loader's worker thread)."""
    loader.remember(node["id"], node)


def audit_args(args: dict[str, Any]) -> list[str]:
    """The names of a mutation's arguments and input fields, never their values."""
    names: list[str] = []
    for key, value in args.items():
        if isinstance(value, dict):
            names.extend(f"{key}.{k}" for k in sorted(value))
        else:
            names.append(key)
    return names
