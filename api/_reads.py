"""Batched reads the API needs, with the access policy folded into every query.

Each method is one store round trip whatever the number of keys, so DataLoaders can turn
a page of parents into one call per relationship. The Cypher here is portable (it runs
on LadybugDB and Neo4j); these texts are candidates for ``graph.queries`` named queries
with a ``where`` hook, and live here until the graph layer offers batched reads by key.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from api._policy import Policy
from api._principal import Principal, Role
from graph import GraphStore
from schema import REGISTRY

Props = dict[str, Any]
_PERSON_COLUMNS = (
    "p.seniority AS seniority, p.influence_score AS score, p.influence_rank AS rank, "
    "p.influence_reasons AS reasons"
)
Observer = Callable[[str, float], None]


def clean(props: Mapping[str, Any]) -> Props:
    return {k: v for k, v in props.items() if v is not None and not k.startswith("_")}


@dataclass
class Clause:
    """A filter condition on ``n`` with its parameters (names unique per query)."""

    text: str
    params: dict[str, Any] = field(default_factory=dict)
    #: parameters the text uses as variables: LadybugDB's list lambdas (``any(a IN ...)``)
    #: cannot read a parameter, but can read a variable bound by ``WITH $p AS p``
    bound: tuple[str, ...] = ()


def _bind(clauses: Sequence[Clause]) -> str:
    names = [b for c in clauses for b in c.bound]
    return ("WITH " + ", ".join(f"${b} AS {b}" for b in names) + " ") if names else ""


def _label(label: str) -> str:
    return REGISTRY.node(label).label  # only ontology labels reach a query text


def _rel(rel_type: str) -> str:
    return REGISTRY.rel(rel_type).type


class ReadModel:
    """The policy-checked reads of one request."""

    def __init__(self, store: GraphStore, policy: Policy, observe: Observer | None = None) -> None:
        self.store = store
        self.policy = policy
        self._observe = observe

    def _run(
        self, kind: str, text: str, params: Mapping[str, Any], keys: Sequence[str] | None = None
    ) -> list[dict[str, Any]]:
        """One read; with ``keys``, a keyed read (``... IN $keys``) the store may split."""
        started = time.perf_counter()
        scoped = {**params, **self.policy.params()}
        try:
            if keys is not None:
                return self.store.read_keyed(text, keys, scoped)
            # the port's read hook: these texts become named queries once graph/ has them
            return self.store._read(text, scoped)
        finally:
            if self._observe is not None:
                self._observe(kind, time.perf_counter() - started)

    def _where(self, label: str, var: str, clauses: Sequence[Clause] = ()) -> tuple[str, dict[str, Any]]:
        conds = [c.text for c in clauses]
        params: dict[str, Any] = {}
        for c in clauses:
            params.update(c.params)
        scope = self.policy.predicate(label, var)
        if scope is not None:
            conds.append(scope)
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def nodes(self, label: str, keys: Sequence[str]) -> dict[str, Props]:
        """Visible nodes by key; keys not found or not visible are absent."""
        where, params = self._where(label, "n")
        text = f"UNWIND $keys AS k MATCH (n:{_label(label)} {{id: k}}){where} RETURN properties(n) AS props"
        rows = self._run("nodes", text, {**params, "keys": list(keys)})
        return {r["props"]["id"]: clean(r["props"]) for r in rows}

    def related(
        self, rel_type: str, label: str, other: str, outgoing: bool, keys: Sequence[str]
    ) -> dict[str, list[tuple[Props, Props]]]:
        """For each key of ``label``: the visible ``other`` nodes across ``rel_type``, with
        the edge's properties, in a stable order."""
        # ``a.id IN $keys`` rather than ``UNWIND``: LadybugDB plans the UNWIND form with a
        # scan of the relationship (36 ms against 2 ms for one company's contacts)
        where, params = self._where(other, "n", [Clause("a.id IN $keys")])
        arrow = f"-[e:{_rel(rel_type)}]->" if outgoing else f"<-[e:{_rel(rel_type)}]-"
        text = (
            f"MATCH (a:{_label(label)}){arrow}(n:{_label(other)}){where} "
            "RETURN a.id AS key, properties(n) AS node, properties(e) AS edge"
        )
        out: dict[str, list[tuple[Props, Props]]] = {k: [] for k in keys}
        for r in self._run("related", text, params, keys):
            out.setdefault(r["key"], []).append((clean(r["node"]), clean(r["edge"])))
        for items in out.values():
            items.sort(key=lambda item: (str(item[0].get("name", "")), item[0]["id"]))
        return out

    def purchase_totals(self, keys: Sequence[str]) -> dict[str, list[Props]]:
        """Per company: one row per product bought (lines, amount, last order date)."""
        where, params = self._where("Company", "a", [Clause("a.id IN $keys")])
        text = (
            f"MATCH (a:Company)-[e:PURCHASED]->(n:Product){where} RETURN a.id AS key, n.id AS product, "
            "count(e) AS lines, sum(e.amount) AS amount, max(e.at) AS last_at"
        )
        out: dict[str, list[Props]] = {k: [] for k in keys}
        for r in self._run("purchase_totals", text, params, keys):
            out.setdefault(r["key"], []).append(r)
        for rows in out.values():
            rows.sort(key=lambda r: (-(r["amount"] or 0.0), r["product"]))
        return out

    def recommendations(self, keys: Sequence[str]) -> dict[str, list[Props]]:
        """Per visible company: its ranked ``RECOMMENDS`` edges with the product key under
        ``product``, best first (the analysis deletes withdrawn ones; a store analysed by an
        older version may still hold them, rank-less, and they stay left out)."""
        where, params = self._where("Company", "a", [Clause("a.id IN $keys"), Clause("e.rank IS NOT NULL")])
        text = (
            f"MATCH (a:Company)-[e:{_rel('RECOMMENDS')}]->(n:Product){where} "
            "RETURN a.id AS key, n.id AS product, properties(e) AS edge"
        )
        out: dict[str, list[Props]] = {k: [] for k in keys}
        for r in self._run("recommendations", text, params, keys):
            out.setdefault(r["key"], []).append(clean(r["edge"]) | {"product": r["product"]})
        for rows in out.values():
            rows.sort(key=lambda r: (r["rank"], r["product"]))
        return out

    def decision_people(self, keys: Sequence[str]) -> dict[str, list[Props]]:
        """Per visible company, in one read: the people with a ``DECISION_ROLE`` on it
        (``kind`` "role": role, stance) and its current people with a stored influence
        rank (``kind`` "ranked"), each with seniority and stored influence (``score``,
        ``rank``, ``reasons``; unset before an influence analysis has run)."""
        roles, params = self._where("Company", "a", [Clause("a.id IN $keys")])
        ranked_clauses = [
            Clause("a.id IN $keys"),
            Clause("p.influence_rank IS NOT NULL"),
            Clause("w.until IS NULL"),
        ]
        ranked, _ = self._where("Company", "a", ranked_clauses)
        text = (
            f"MATCH (p:Person)-[r:{_rel('DECISION_ROLE')}]->(a:Company){roles} "
            "RETURN 'role' AS kind, a.id AS key, p.id AS person, r.role AS role, r.stance AS stance, "
            f"true AS current, {_PERSON_COLUMNS} "
            f"UNION ALL MATCH (p:Person)-[w:{_rel('WORKS_AT')}]->(a:Company){ranked} "
            "RETURN 'ranked' AS kind, a.id AS key, p.id AS person, '' AS role, '' AS stance, "
            f"coalesce(w.current, true) AS current, {_PERSON_COLUMNS}"
        )
        found = self._by_key("decision_people", text, params, keys)
        return {k: [r for r in rows if r["current"] is not False] for k, rows in found.items()}

    def _by_key(
        self, kind: str, text: str, params: Mapping[str, Any], keys: Sequence[str]
    ) -> dict[str, list[Props]]:
        out: dict[str, list[Props]] = {k: [] for k in keys}
        for r in self._run(kind, text, params, keys):
            out.setdefault(r["key"], []).append(r)
        return out

    def page(
        self, label: str, clauses: Sequence[Clause], order: Sequence[tuple[str, bool]], skip: int, limit: int
    ) -> list[Props]:
        where, params = self._where(label, "n", clauses)
        keys = [*order, ("id", False)]
        order_by = ", ".join(f"n.{_prop(label, p)}{' DESC' if desc else ''}" for p, desc in keys)
        text = (
            f"{_bind(clauses)}MATCH (n:{_label(label)}){where} RETURN properties(n) AS props "
            f"ORDER BY {order_by} SKIP $skip LIMIT $limit"
        )
        rows = self._run("page", text, {**params, "skip": skip, "limit": limit})
        return [clean(r["props"]) for r in rows]

    def count(self, label: str, clauses: Sequence[Clause]) -> int:
        where, params = self._where(label, "n", clauses)
        text = f"{_bind(clauses)}MATCH (n:{_label(label)}){where} RETURN count(n) AS n"
        rows = self._run("count", text, params)
        return int(rows[0]["n"]) if rows else 0

    def search(self, label: str, texts: Sequence[str], limit: int) -> list[Props]:
        """Nodes whose name or an alias contains one of ``texts`` (case-insensitive),
        shortest names first (an exact hit beats a longer name that contains it)."""
        # one variable per text: LadybugDB's lambdas see neither parameters nor outer lambdas
        params = {f"t{i}": t.lower() for i, t in enumerate(texts)}
        aliases = "aliases" in {p.name for p in REGISTRY.node(label).props}
        match = " OR ".join(
            f"lower(n.name) CONTAINS t{i}"
            + (f" OR any(a IN coalesce(n.aliases, []) WHERE lower(a) CONTAINS t{i})" if aliases else "")
            for i in range(len(texts))
        )
        clause = Clause(f"({match})", params, tuple(params))
        where, params = self._where(label, "n", [clause])
        text = (
            f"{_bind([clause])}MATCH (n:{_label(label)}){where} RETURN properties(n) AS props "
            "ORDER BY size(n.name), n.name, n.id LIMIT $limit"
        )
        return [clean(r["props"]) for r in self._run("search", text, {**params, "limit": limit})]

    def visible_keys(self, label: str, keys: Sequence[str]) -> set[str]:
        """The subset of ``keys`` naming nodes the principal may see."""
        if self.policy.predicate(label) is None:
            return set(keys)
        where, params = self._where(label, "n", [Clause("n.id IN $keys")])
        text = f"MATCH (n:{_label(label)}){where} RETURN n.id AS key"
        return {r["key"] for r in self._run("visible", text, params, keys)}

    def neighbours(self, label: str, keys: Sequence[str], limit: int) -> list[tuple[str, str, str, str]]:
        """Up to ``limit`` (key, relationship type, label, key) hops from nodes of ``label``,
        either direction, visible or not (callers check with ``visible_keys``)."""
        text = (
            f"MATCH (a:{_label(label)})-[e]-(n) WHERE a.id IN $keys "
            f"RETURN a.id AS a, {self.store._rel_type('e')} AS rel, "
            f"{self.store._node_label('n')} AS label, n.id AS key LIMIT $limit"
        )
        rows = self._run("neighbours", text, {"keys": list(keys), "limit": limit})
        return [(r["a"], r["rel"], r["label"], r["key"]) for r in rows]

    def unscoped(self) -> ReadModel:
        """The same store and metrics without the policy: for caches every principal shares,
        which must be cut to a principal's view before use."""
        return ReadModel(self.store, Policy(Principal("shared-reads", Role.ADMIN)), self._observe)

    def all_keys(self, label: str, clauses: Sequence[Clause] = ()) -> set[str]:
        """The keys of every visible node of ``label`` that meets ``clauses``."""
        where, params = self._where(label, "n", clauses)
        text = f"{_bind(clauses)}MATCH (n:{_label(label)}){where} RETURN n.id AS key"
        return {r["key"] for r in self._run("all_keys", text, params)}

    def links(self, rel_type: str, label: str, other: str, props: Sequence[str] = ()) -> list[Props]:
        """Every ``rel_type`` edge from a ``label`` to an ``other`` node, visible or not: its
        start key ``s``, end key ``t`` and the named edge properties."""
        names = {p.name for p in REGISTRY.rel(rel_type).props}
        assert set(props) <= names, "edge properties come from the ontology"
        cols = "".join(f", e.{p} AS {p}" for p in props)
        arrow = f"(a:{_label(label)})-[e:{_rel(rel_type)}]->(b:{_label(other)})"
        text = f"MATCH {arrow} RETURN a.id AS s, b.id AS t{cols}"
        return self._run("links", text, {})

    def stamp(self, labels: Sequence[str], rel_types: Sequence[str]) -> tuple[tuple[Any, ...], ...]:
        """Per type: its count and latest ``ingested_at``, which change when it is written
        (every writer stamps provenance). Whole types, so no policy applies."""
        parts = [
            f"MATCH (n:{_label(lab)}) RETURN '{lab}' AS what, count(n) AS n, max(n.ingested_at) AS at"
            for lab in labels
        ] + [
            f"MATCH ()-[e:{_rel(t)}]->() RETURN '{t}' AS what, count(e) AS n, max(e.ingested_at) AS at"
            for t in rel_types
        ]
        rows = self._run("stamp", " UNION ALL ".join(parts), {})
        return tuple(sorted((r["what"], r["n"], r["at"]) for r in rows))

    def latest_date(self) -> dt.date | None:
        """The newest order line or activity date: the analyses' "today" (``Market.as_of``)."""
        orders = self._run("latest_date", f"MATCH ()-[e:{_rel('PURCHASED')}]->() RETURN max(e.at) AS at", {})
        acts = self._run("latest_date", f"MATCH (a:{_label('Activity')}) RETURN max(a.at) AS at", {})
        dates = [r["at"] for r in orders if r["at"] is not None]
        dates += [r["at"].date() for r in acts if r["at"] is not None]
        return max(dates, default=None)


def _prop(label: str, name: str) -> str:
    if name not in {p.name for p in REGISTRY.node(label).props}:
        raise ValueError(f"{label} has no property {name!r}")
    return name
