"""Batched reads in a scope: what a request-serving layer asks of the graph.

Each method is one store round trip whatever the number of keys (keyed reads go through
``GraphStore.read_keyed``, which a store may split), so a DataLoader can turn a page of
parents into one call per relationship. The scope's condition is folded into every read
of what it restricts (lists, search, lookups by key, relationship hops), so no caller can
forget it. The Cypher is portable: it runs on LadybugDB and Neo4j.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from graph.port import GraphStore, clean_props
from graph.reads._conditions import Rendered, Where, render
from graph.reads._lists import ListReads, Props
from graph.reads._scope import Scope
from schema import REGISTRY

#: told each read's kind and its duration in seconds (store latency metrics)
Observer = Callable[[str, float], None]
_PERSON_COLUMNS = (
    "p.seniority AS seniority, p.influence_score AS score, p.influence_rank AS rank, "
    "p.influence_reasons AS reasons"
)


def _label(label: str) -> str:
    return REGISTRY.node(label).label  # only ontology labels reach a query text


def _rel(rel_type: str) -> str:
    return REGISTRY.rel(rel_type).type


class ScopedReads(ListReads):
    """The reads of one reader: ``scope`` restricts what they see (``None``: everything)."""

    def __init__(
        self,
        store: GraphStore,
        scope: Scope | None = None,
        observe: Observer | None = None,
        hidden: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        """``hidden``: per type, properties the reader may not read (masked personal data):
        a condition on one filters as if the node had no value."""
        self.store = store
        self.scope = scope
        self._observe = observe
        self.hidden = dict(hidden or {})

    def unscoped(self) -> ScopedReads:
        """The same store and observer without the scope: for caches every reader shares,
        which must be cut to a reader's view before use."""
        return ScopedReads(self.store, None, self._observe)

    def _run(
        self, kind: str, text: str, params: Mapping[str, Any], keys: Sequence[str] | None = None
    ) -> list[dict[str, Any]]:
        """One read; with ``keys``, a keyed read (``... IN $keys``) the store may split."""
        started = time.perf_counter()
        try:
            if keys is not None:
                return self.store.read_keyed(text, keys, params)
            # the port's read hook, from inside the graph layer
            return self.store._read(text, params)
        finally:
            if self._observe is not None:
                self._observe(kind, time.perf_counter() - started)

    def _where(
        self, label: str, var: str, conds: Sequence[Where] = (), extra: Sequence[str] = ()
    ) -> tuple[str, Rendered]:
        """`` WHERE ...`` on ``var`` (a node of ``label``): the conditions, the fixed
        ``extra`` texts, and the scope's condition."""
        # an employer condition is rendered only on people, whose scope condition below
        # always brings the scope's parameters along
        employer = None if self.scope is None else self.scope.condition("Company", "c")
        scope = self.scope
        visible = None if scope is None else scope.condition
        rendered = render(label, conds, var, employer, self.hidden, visible)
        texts = [*rendered.texts, *extra]
        if scope is not None and (own := scope.condition(label, var)) is not None:
            texts.append(own)
            rendered.scoped = True
        if rendered.scoped and scope is not None:
            rendered.params.update(scope.params())
        return (" WHERE " + " AND ".join(texts)) if texts else "", rendered

    # ---- by key --------------------------------------------------------------------------
    def nodes(self, label: str, keys: Sequence[str]) -> dict[str, Props]:
        """Visible nodes by key; keys not found or not visible are absent."""
        where, r = self._where(label, "n")
        # UNWIND and a match on the key, which LadybugDB answers by seek
        text = f"UNWIND $keys AS k MATCH (n:{_label(label)} {{id: k}}){where} RETURN properties(n) AS props"
        rows = self._run("nodes", text, {**r.params, "keys": list(keys)})
        return {row["props"]["id"]: clean_props(row["props"]) for row in rows}

    def related(
        self, rel_type: str, label: str, other: str, outgoing: bool, keys: Sequence[str]
    ) -> dict[str, list[tuple[Props, Props]]]:
        """For each key of ``label``: the visible ``other`` nodes across ``rel_type``, with
        the edge's properties, in a stable order (name, then key)."""
        # ``a.id IN $keys`` rather than ``UNWIND``: LadybugDB plans the UNWIND form with a
        # scan of the relationship (36 ms against 2 ms for one company's contacts)
        where, r = self._where(other, "n", extra=["a.id IN $keys"])
        arrow = f"-[e:{_rel(rel_type)}]->" if outgoing else f"<-[e:{_rel(rel_type)}]-"
        text = (
            f"MATCH (a:{_label(label)}){arrow}(n:{_label(other)}){where} "
            "RETURN a.id AS key, properties(n) AS node, properties(e) AS edge"
        )
        out: dict[str, list[tuple[Props, Props]]] = {k: [] for k in keys}
        for row in self._run("related", text, r.params, keys):
            out.setdefault(row["key"], []).append((clean_props(row["node"]), clean_props(row["edge"])))
        for items in out.values():
            items.sort(key=lambda item: (str(item[0].get("name", "")), item[0]["id"]))
        return out

    def purchase_totals(self, keys: Sequence[str]) -> dict[str, list[Props]]:
        """Per visible company: one row per product bought (``product``, ``lines``,
        ``amount``, ``last_at``: the last order date), largest amount first."""
        where, r = self._where("Company", "a", extra=["a.id IN $keys"])
        text = (
            f"MATCH (a:Company)-[e:PURCHASED]->(n:Product){where} RETURN a.id AS key, n.id AS product, "
            "count(e) AS lines, sum(e.amount) AS amount, max(e.at) AS last_at"
        )
        out = self._by_key("purchase_totals", text, r.params, keys)
        for rows in out.values():
            rows.sort(key=lambda row: (-(row["amount"] or 0.0), row["product"]))
        return out

    def recommendations(self, keys: Sequence[str]) -> dict[str, list[Props]]:
        """Per visible company: its ranked ``RECOMMENDS`` edges with the product key under
        ``product``, best first (the analysis deletes withdrawn ones; a store analysed by an
        older version may still hold them, rank-less, and they stay left out)."""
        where, r = self._where("Company", "a", extra=["a.id IN $keys", "e.rank IS NOT NULL"])
        text = (
            f"MATCH (a:Company)-[e:{_rel('RECOMMENDS')}]->(n:Product){where} "
            "RETURN a.id AS key, n.id AS product, properties(e) AS edge"
        )
        out: dict[str, list[Props]] = {k: [] for k in keys}
        for row in self._run("recommendations", text, r.params, keys):
            out.setdefault(row["key"], []).append(clean_props(row["edge"]) | {"product": row["product"]})
        for rows in out.values():
            rows.sort(key=lambda row: (row["rank"], row["product"]))
        return out

    def _roles_text(self) -> tuple[str, dict[str, Any]]:
        """Decision roles on the company itself (``opportunity`` empty) and on each of its
        opportunities: a buyer named on a deal decides for the account too."""
        where, r = self._where("Company", "a", extra=["a.id IN $keys"])
        columns = (
            "RETURN 'role' AS kind, a.id AS key, p.id AS person, r.role AS role, r.stance AS stance, "
            f"true AS current, {_PERSON_COLUMNS}"
        )
        role = _rel("DECISION_ROLE")
        text = (
            f"MATCH (p:Person)-[r:{role}]->(a:Company){where} {columns}, '' AS opportunity "
            f"UNION ALL MATCH (p:Person)-[r:{role}]->(o:{_label('Opportunity')})"
            f"<-[:{_rel('HAS_OPPORTUNITY')}]-(a:Company){where} {columns}, o.id AS opportunity"
        )
        return text, r.params

    def decision_roles(self, keys: Sequence[str]) -> dict[str, list[Props]]:
        """Per visible company: a row per ``DECISION_ROLE`` on it or on one of its
        opportunities (``person``, ``role``, ``stance``, ``opportunity``, ``seniority``, and
        stored influence as ``decision_people``)."""
        return self._by_key("decision_roles", *self._roles_text(), keys)

    def decision_people(self, keys: Sequence[str]) -> dict[str, list[Props]]:
        """Per visible company, in one read: its decision roles as ``decision_roles`` gives
        them (``kind`` "role") and its current people with a stored influence
        rank (``kind`` "ranked"), each with seniority and stored influence (``score``,
        ``rank``, ``reasons``; unset before an influence analysis has run)."""
        roles, params = self._roles_text()
        extra = ["a.id IN $keys", "p.influence_rank IS NOT NULL", "w.until IS NULL"]
        ranked, _ = self._where("Company", "a", extra=extra)
        text = (
            f"{roles} UNION ALL MATCH (p:Person)-[w:{_rel('WORKS_AT')}]->(a:Company){ranked} "
            "RETURN 'ranked' AS kind, a.id AS key, p.id AS person, '' AS role, '' AS stance, "
            f"coalesce(w.current, true) AS current, {_PERSON_COLUMNS}, '' AS opportunity"
        )
        found = self._by_key("decision_people", text, params, keys)
        return {k: [row for row in rows if row["current"] is not False] for k, rows in found.items()}

    def _by_key(
        self, kind: str, text: str, params: Mapping[str, Any], keys: Sequence[str]
    ) -> dict[str, list[Props]]:
        out: dict[str, list[Props]] = {k: [] for k in keys}
        for row in self._run(kind, text, params, keys):
            out.setdefault(row["key"], []).append(row)
        return out

    def visible_keys(self, label: str, keys: Sequence[str]) -> set[str]:
        """The subset of ``keys`` naming nodes the reader may see (no read where the type
        is visible whatever the scope)."""
        if self.scope is None or self.scope.condition(label) is None:
            return set(keys)
        where, r = self._where(label, "n", extra=["n.id IN $keys"])
        text = f"MATCH (n:{_label(label)}){where} RETURN n.id AS key"
        return {row["key"] for row in self._run("visible", text, r.params, keys)}

    def neighbours(self, label: str, keys: Sequence[str], limit: int) -> list[tuple[str, str, str, str]]:
        """Up to ``limit`` (key, relationship type, label, key) hops from nodes of ``label``,
        either direction, visible or not (callers check with ``visible_keys``)."""
        text = (
            f"MATCH (a:{_label(label)})-[e]-(n) WHERE a.id IN $keys "
            f"RETURN a.id AS a, {self.store._rel_type('e')} AS rel, "
            f"{self.store._node_label('n')} AS label, n.id AS key LIMIT $limit"
        )
        rows = self._run("neighbours", text, {"keys": list(keys), "limit": limit})
        return [(row["a"], row["rel"], row["label"], row["key"]) for row in rows]

    # ---- whole types: no scope applies ------------------------------------------------------
    def links(self, rel_type: str, label: str, other: str, props: Sequence[str] = ()) -> list[Props]:
        """Every ``rel_type`` edge from a ``label`` to an ``other`` node, visible or not: its
        start key ``s``, end key ``t`` and the named edge properties."""
        names = REGISTRY.rel(rel_type).prop_names
        unknown = [p for p in props if p not in names]
        if unknown:
            raise ValueError(f"{rel_type} has no properties {unknown!r}")
        cols = "".join(f", e.{p} AS {p}" for p in props)
        arrow = f"(a:{_label(label)})-[e:{_rel(rel_type)}]->(b:{_label(other)})"
        return self._run("links", f"MATCH {arrow} RETURN a.id AS s, b.id AS t{cols}", {})

    def stamp(self, labels: Sequence[str], rel_types: Sequence[str]) -> tuple[tuple[Any, ...], ...]:
        """Per type: its count and latest ``ingested_at``, which change when it is written
        (every writer stamps provenance)."""
        parts = [
            f"MATCH (n:{_label(lab)}) RETURN '{lab}' AS what, count(n) AS n, max(n.ingested_at) AS at"
            for lab in labels
        ] + [
            f"MATCH ()-[e:{_rel(t)}]->() RETURN '{t}' AS what, count(e) AS n, max(e.ingested_at) AS at"
            for t in rel_types
        ]
        rows = self._run("stamp", " UNION ALL ".join(parts), {})
        return tuple(sorted((row["what"], row["n"], row["at"]) for row in rows))

    def latest_date(self) -> dt.date | None:
        """The newest order line or activity date: the analyses' "today" (``Market.as_of``)."""
        orders = self._run("latest_date", f"MATCH ()-[e:{_rel('PURCHASED')}]->() RETURN max(e.at) AS at", {})
        acts = self._run("latest_date", f"MATCH (a:{_label('Activity')}) RETURN max(a.at) AS at", {})
        dates = [row["at"] for row in orders if row["at"] is not None]
        dates += [row["at"].date() for row in acts if row["at"] is not None]
        return max(dates, default=None)
