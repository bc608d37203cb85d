"""The access policy: which part of the graph a principal may see, and what is masked.

A scoped principal (a rep, or a manager given territories) reads in a ``graph.reads``
scope: the companies in their territories or owned by them, and what hangs off those
companies (contacts, opportunities, activities, signals, the documents mentioning them);
our reps (``internal`` people), products and topics are visible to everyone. The read
model folds the scope into every read (lists, search, lookups by id, relationship hops),
so no resolver can forget it; how a scope becomes a query condition is the graph layer's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from api._principal import Principal
from graph.reads import Scope

#: personal data: masked unless the principal has the ``pii`` right
PII_FIELDS: dict[str, frozenset[str]] = {
    "Person": frozenset({"email", "phone", "address", "postcode", "birth_date", "external_id"})
}


@dataclass(frozen=True)
class Policy:
    principal: Principal

    def scope(self) -> Scope | None:
        """The principal's view of the graph; ``None`` for an unrestricted one."""
        p = self.principal
        return Scope(frozenset(p.territories), p.person_id) if p.scoped else None

    def may_write_company(self, props: dict[str, Any]) -> bool:
        """A scoped principal may only place a company inside its own scope."""
        scope = self.scope()
        return scope is None or scope.covers(props)

    def masked(self, label: str, field: str) -> bool:
        return field in PII_FIELDS.get(label, ()) and not self.principal.sees_pii


def mask(value: str) -> str:
    """Keep the shape, hide the content: ``k***@example.com``, ``+86*******38``."""
    if "@" in value:
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    keep = value[:3] if value.startswith("+") else ""
    return keep + "*" * max(len(value) - len(keep) - 2, 3) + value[-2:]
