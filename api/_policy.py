"""The access policy: which nodes a principal may see, and which properties are masked.

Visibility is one Cypher predicate per node type over a variable, applied by the read
model to every read (lists, search, lookups by id, relationship hops), so no resolver
can forget it. A scoped principal (a rep, or a manager given territories) sees the
companies in their territories or owned by them, and what hangs off those companies:
their contacts, opportunities, activities, signals and the documents mentioning them.
Our reps (``internal`` people), products and topics are visible to everyone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from api._principal import Principal

_VAR = re.compile(r"^[a-z][a-z0-9_]*$")

#: how each type reaches the companies that decide its visibility; {n} is the node
_ANCHORS: dict[str, tuple[str, ...]] = {
    "Company": (),
    "Person": ("({n})-[:WORKS_AT]->(c:Company)",),
    "Opportunity": ("(c:Company)-[:HAS_OPPORTUNITY]->({n})",),
    "Activity": (
        "({n})-[:ABOUT]->(c:Company)",
        "({n})-[:ABOUT]->(:Person)-[:WORKS_AT]->(c:Company)",
        "({n})-[:ABOUT]->(:Opportunity)<-[:HAS_OPPORTUNITY]-(c:Company)",
    ),
    "Signal": (
        "({n})-[:ABOUT]->(c:Company)",
        "({n})-[:ABOUT]->(:Person)-[:WORKS_AT]->(c:Company)",
        "({n})-[:ABOUT]->(:Opportunity)<-[:HAS_OPPORTUNITY]-(c:Company)",
    ),
    "Document": ("({n})-[:MENTIONS]->(c:Company)",),
}
PUBLIC_LABELS = frozenset({"Product", "Topic"})
#: personal data: masked unless the principal has the ``pii`` right
PII_FIELDS: dict[str, frozenset[str]] = {"Person": frozenset({"email", "phone"})}


@dataclass(frozen=True)
class Policy:
    principal: Principal

    def params(self) -> dict[str, Any]:
        """Parameters the predicates refer to (prefixed so they never meet a query's own)."""
        return {
            "_scope_territories": sorted(self.principal.territories),
            "_scope_owner": self.principal.person_id or "",
        }

    def _company(self, var: str) -> str:
        return f"({var}.territory IN $_scope_territories OR {var}.owner_id = $_scope_owner)"

    def predicate(self, label: str, var: str = "n") -> str | None:
        """A Cypher condition on ``var`` (a node of ``label``), or ``None`` for no restriction."""
        assert _VAR.match(var), "predicate variables are plain identifiers"
        if not self.principal.scoped or label in PUBLIC_LABELS:
            return None
        if label == "Company":
            return self._company(var)
        anchors = _ANCHORS.get(label)
        if anchors is None:  # a type the policy does not know is hidden from scoped callers
            return "false"
        checks = [f"EXISTS {{ MATCH {a.format(n=var)} WHERE {self._company('c')} }}" for a in anchors]
        if label == "Person":
            checks.insert(0, f"{var}.internal = true")
        return "(" + " OR ".join(checks) + ")"

    def may_write_company(self, props: dict[str, Any]) -> bool:
        """A scoped principal may only place a company inside its own scope."""
        if not self.principal.scoped:
            return True
        p = self.principal
        return props.get("territory") in p.territories or (
            p.person_id is not None and props.get("owner_id") == p.person_id
        )

    def masked(self, label: str, field: str) -> bool:
        return field in PII_FIELDS.get(label, ()) and not self.principal.sees_pii


def mask(value: str) -> str:
    """Keep the shape, hide the content: ``k***@example.com``, ``+86*******38``."""
    if "@" in value:
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    keep = value[:3] if value.startswith("+") else ""
    return keep + "*" * max(len(value) - len(keep) - 2, 3) + value[-2:]
