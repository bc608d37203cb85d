"""Visibility scopes: which nodes a restricted reader sees, and the query condition for it.

A ``Scope`` is a set of territories and, optionally, an owner (a rep's person id). A
company is in the scope when its ``territory`` is one of them or its ``owner_id`` is the
owner; any other node is visible when it reaches such a company along one of its type's
anchors (a person through ``WORKS_AT``, an opportunity through ``HAS_OPPORTUNITY``, an
activity or a signal through ``ABOUT`` and on, a document through ``MENTIONS``). Our reps
(``Person.internal``), products and topics are visible in every scope; a type without
anchors is hidden. Readers without a scope (``None``) are unrestricted.

Who gets which scope is the API's decision; how a scope becomes a condition is here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from schema import REGISTRY

#: one step of an anchor: relationship type, walked from its start to its end, label reached
Hop = tuple[str, bool, str]
_ABOUT: tuple[tuple[Hop, ...], ...] = (
    (("ABOUT", True, "Company"),),
    (("ABOUT", True, "Person"), ("WORKS_AT", True, "Company")),
    (("ABOUT", True, "Opportunity"), ("HAS_OPPORTUNITY", False, "Company")),
)
#: how each type reaches the companies that decide its visibility
ANCHORS: Mapping[str, tuple[tuple[Hop, ...], ...]] = {
    "Person": ((("WORKS_AT", True, "Company"),),),
    "Opportunity": ((("HAS_OPPORTUNITY", False, "Company"),),),
    "Activity": _ABOUT,
    "Signal": _ABOUT,
    "Document": ((("MENTIONS", True, "Company"),),),
}
PUBLIC_LABELS = frozenset({"Product", "Topic"})
_VAR = re.compile(r"^[a-z][a-z0-9_]*$")
_TERRITORIES = "_scope_territories"  # parameter names no query of its own uses
_OWNER = "_scope_owner"


@dataclass(frozen=True)
class Scope:
    """A restricted reader's view: companies in ``territories`` or owned by ``owner_id``."""

    territories: frozenset[str] = field(default_factory=frozenset)
    owner_id: str | None = None

    def covers(self, company: Mapping[str, Any]) -> bool:
        """Whether a company with these properties is in the scope (the rule ``condition``
        renders, for a company that is about to be written)."""
        if company.get("territory") in self.territories:
            return True
        return self.owner_id is not None and company.get("owner_id") == self.owner_id

    def params(self) -> dict[str, Any]:
        """The parameters ``condition`` texts refer to."""
        out: dict[str, Any] = {_TERRITORIES: sorted(self.territories)}
        if self.owner_id is not None:
            out[_OWNER] = self.owner_id
        return out

    def condition(self, label: str, var: str = "n") -> str | None:
        """A Cypher condition on ``var`` (a node of ``label``): true when the node is
        visible; ``None`` where the type is visible whatever the scope."""
        assert _VAR.match(var), "condition variables are plain identifiers"
        if label in PUBLIC_LABELS:
            return None
        if label == "Company":
            return self._company(var)
        anchors = ANCHORS.get(label)
        if anchors is None:  # a type the scope does not know is hidden
            return "false"
        checks = [f"EXISTS {{ MATCH {_path(var, hops)} WHERE {self._company('c')} }}" for hops in anchors]
        if label == "Person":
            checks.insert(0, f"{var}.internal = true")
        return "(" + " OR ".join(checks) + ")"

    def _company(self, var: str) -> str:
        owned = f" OR {var}.owner_id = ${_OWNER}" if self.owner_id is not None else ""
        return f"({var}.territory IN ${_TERRITORIES}{owned})"


def _path(var: str, hops: tuple[Hop, ...]) -> str:
    """``(n)-[:ABOUT]->(:Person)-[:WORKS_AT]->(c:Company)``: the last node is ``c``."""
    parts = [f"({var})"]
    for i, (rel_type, forward, label) in enumerate(hops):
        rel = REGISTRY.rel(rel_type).type  # only ontology names reach a query text
        node = ("c" if i == len(hops) - 1 else "") + ":" + REGISTRY.node(label).label
        parts.append((f"-[:{rel}]->" if forward else f"<-[:{rel}]-") + f"({node})")
    return "".join(parts)
