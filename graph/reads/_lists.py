"""The list reads of a reader (mixed into ``ScopedReads``): pages in any order by keyset or
offset, counts, search by name, every key, and aggregates by group, each under the reader's
scope and in one query the store runs (nothing is filtered or summed in Python)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from graph.port import clean_props
from graph.reads._conditions import Cond, Rendered, Where
from graph.reads._keyset import order_clause, rows_after
from schema import REGISTRY, PropType

Props = dict[str, Any]
#: the measures an aggregate takes of each numeric property
MEASURES = ("sum", "avg", "min", "max")
MAX_GROUPS = 1000


def _label(label: str) -> str:
    return REGISTRY.node(label).label  # only ontology labels reach a query text


def _prop(label: str, name: str) -> str:
    if name not in REGISTRY.node(label).prop_names:
        raise ValueError(f"{label} has no property {name!r}")
    return name


class ListReads:
    """Lists of one type; the scope and the query runner come from ``ScopedReads``."""

    def _where(
        self, label: str, var: str, conds: Sequence[Where] = (), extra: Sequence[str] = ()
    ) -> tuple[str, Rendered]:
        raise NotImplementedError

    def _run(
        self, kind: str, text: str, params: Mapping[str, Any], keys: Sequence[str] | None = None
    ) -> list[dict[str, Any]]:
        raise NotImplementedError

    def page(
        self,
        label: str,
        conds: Sequence[Where],
        order: Sequence[tuple[str, bool]],
        skip: int,
        limit: int,
        after: tuple[Sequence[Any], str] | None = None,
        backward: bool = False,
    ) -> list[Props]:
        """Visible nodes meeting ``conds``, ordered by (property, descending) pairs and then
        by key, ``limit`` of them after the first ``skip``, and after the row ``after``
        names by its order values and key (keyset paging). Nodes without a value come last
        in either direction (the stores' own rule puts them first when descending).
        ``backward`` reads from the end: the ``limit`` rows before ``after`` (or the last
        ones), nearest first."""
        keys = [(f"n.{_prop(label, p)}", desc) for p, desc in order]
        extra: list[str] = []
        position: dict[str, Any] = {}
        if after is not None:
            text, position = rows_after(keys, *after, before=backward)
            extra.append(text)
        where, r = self._where(label, "n", conds, extra)
        r.params.update(position)
        order_by = order_clause(keys, backward)
        text = (
            f"{r.binding()}MATCH (n:{_label(label)}){where} RETURN properties(n) AS props "
            f"ORDER BY {order_by} SKIP $skip LIMIT $limit"
        )
        rows = self._run("page", text, {**r.params, "skip": skip, "limit": limit})
        return [clean_props(row["props"]) for row in rows]

    def count(self, label: str, conds: Sequence[Where]) -> int:
        where, r = self._where(label, "n", conds)
        text = f"{r.binding()}MATCH (n:{_label(label)}){where} RETURN count(n) AS n"
        rows = self._run("count", text, r.params)
        return int(rows[0]["n"]) if rows else 0

    def search(self, label: str, texts: Sequence[str], limit: int) -> list[tuple[int, Props]]:
        """Visible nodes whose name or an alias contains one of ``texts`` (any case), best
        match first, each with its rank: the whole name (0), its beginning (2), the beginning
        of a word in it (4), anywhere (6), each one more when only an alias matches; within
        a rank, shorter names first."""
        where, r = self._where(label, "n", [Cond.name_contains(*texts)])
        aliases = "aliases" in REGISTRY.node(label).prop_names
        for j, t in enumerate(texts):
            # LadybugDB's list lambdas read variables, not parameters: bound before the MATCH
            r.params |= {f"s{j}": t.lower(), f"sw{j}": " " + t.lower()}
            r.bound += [f"s{j}", f"sw{j}"]
        whens = []
        for kind, test in enumerate(("= s{}", "STARTS WITH s{}", "CONTAINS sw{}", "CONTAINS s{}")):
            of = [test.format(j) for j in range(len(texts))]
            whens.append((2 * kind, " OR ".join(f"lower(n.name) {o}" for o in of)))
            if aliases and kind < 3:
                alias = " OR ".join(f"any(x IN coalesce(n.aliases, []) WHERE lower(x) {o})" for o in of)
                whens.append((2 * kind + 1, alias))
        rank = "CASE " + " ".join(f"WHEN {cond} THEN {i}" for i, cond in whens) + " ELSE 7 END"
        text = (
            f"{r.binding()}MATCH (n:{_label(label)}){where} RETURN properties(n) AS props, {rank} AS rank "
            "ORDER BY rank, size(n.name), n.name, n.id LIMIT $limit"
        )
        rows = self._run("search", text, {**r.params, "limit": limit})
        return [(int(row["rank"]), clean_props(row["props"])) for row in rows]

    def all_keys(self, label: str, conds: Sequence[Cond] = ()) -> set[str]:
        """The keys of every visible node of ``label`` that meets ``conds``."""
        where, r = self._where(label, "n", conds)
        text = f"{r.binding()}MATCH (n:{_label(label)}){where} RETURN n.id AS key"
        return {row["key"] for row in self._run("all_keys", text, r.params)}

    def aggregate(
        self, label: str, conds: Sequence[Where], group_by: Sequence[str], measured: Sequence[str]
    ) -> list[Props]:
        """Per group of the visible nodes meeting ``conds`` (one group per combination of the
        ``group_by`` values, nodes without a value in a group of their own): ``count`` and
        ``<measure>_<prop>`` for each numeric property in ``measured``; groups in the order of
        their values, at most ``MAX_GROUPS``."""
        node = REGISTRY.node(label)
        numeric = {p.name for p in node.props if p.type in (PropType.INT, PropType.FLOAT)}
        not_numeric = [p for p in measured if p not in numeric]
        if not_numeric:
            raise ValueError(f"{label}: not numeric, so not measured: {not_numeric!r}")
        where, r = self._where(label, "n", conds)
        groups = [f"n.{_prop(label, p)} AS g{i}" for i, p in enumerate(group_by)]
        values = [f"{m}(n.{p}) AS {m}_{p}" for p in measured for m in MEASURES]
        order = ", ".join([*(f"g{i} IS NULL, g{i}" for i in range(len(group_by))), "count"]) or "count"
        text = (
            f"{r.binding()}MATCH (n:{_label(label)}){where} "
            f"RETURN {', '.join([*groups, 'count(n) AS count', *values])} ORDER BY {order} LIMIT $limit"
        )
        rows = self._run("aggregate", text, {**r.params, "limit": MAX_GROUPS})
        keys = [f"g{i}" for i in range(len(group_by))]
        return [
            {k: v for k, v in row.items() if k not in keys} | {"group": [row[k] for k in keys]}
            for row in rows
        ]
