"""The registry: look up types and validate records against them.

Validation is a pydantic ``TypeAdapter`` over a ``TypedDict`` built per type, in strict
mode (an int is not a string, a naive datetime is not a datetime), so a whole batch is
checked in one call at about 2 µs a row and every problem is reported with its row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Any, Literal, NotRequired, Required

from pydantic import AwareDatetime, ConfigDict, Field, StrictBool, StrictInt, StrictStr, TypeAdapter
from pydantic import ValidationError as PydanticError
from typing_extensions import TypedDict  # pydantic needs it on Python < 3.12

from schema._errors import SchemaError, ValidationError
from schema._ontology import NODES, RELS
from schema._types import NodeType, Prop, PropType, RelType

_STRICT_TYPES: dict[PropType, Any] = {
    PropType.STRING: StrictStr,
    PropType.INT: StrictInt,
    PropType.FLOAT: Annotated[float, Field(strict=True)],
    PropType.BOOL: StrictBool,
    PropType.DATE: Annotated[dt.date, Field(strict=True)],
    PropType.DATETIME: Annotated[AwareDatetime, Field(strict=True)],
    PropType.STRING_LIST: list[StrictStr],
}

Row = dict[str, Any]


def _annotation(prop: Prop, optional: bool = False) -> Any:
    """A row's field for ``prop``; an ``optional`` required property may be left out (an
    update keeps it as stored) but not cleared."""
    base: Any = Literal[prop.choices] if prop.choices else _STRICT_TYPES[prop.type]
    if prop.minimum is not None or prop.maximum is not None:
        base = Annotated[base, Field(ge=prop.minimum, le=prop.maximum)]
    if prop.required:
        return NotRequired[base] if optional else Required[base]
    return NotRequired[base | None]


def _adapter(
    name: str, props: Iterable[Prop], extra: Mapping[str, Any], keep: frozenset[str] | None = None
) -> TypeAdapter[list[Row]]:
    """Rows of a type; with ``keep``, rows of an update: only the properties in ``keep``
    stay required."""
    fields = {p.name: _annotation(p, keep is not None and p.name not in keep) for p in props} | dict(extra)
    record: Any = TypedDict(name, fields)  # type: ignore[misc]  # built at run time from the ontology
    record.__pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[attr-defined]
    rows: Any = list[record]  # a type built at run time; the checker cannot follow it
    return TypeAdapter(rows)


class Registry:
    """All node and relationship types, and their validators."""

    def __init__(self, nodes: Sequence[NodeType] = NODES, rels: Sequence[RelType] = RELS) -> None:
        self.nodes: dict[str, NodeType] = {n.label: n for n in nodes}
        self.rels: dict[str, RelType] = {r.type: r for r in rels}
        for rel in rels:
            for start, end in rel.endpoints:
                if start not in self.nodes or end not in self.nodes:
                    raise SchemaError(f"{rel.type}: endpoint {start}->{end} names an unknown node type")
        self._node_adapters = {n.label: _adapter(n.label, n.props, {}) for n in nodes}
        self._update_adapters = {n.label: _adapter(n.label, n.props, {}, frozenset({n.key})) for n in nodes}
        endpoints = {"_from": Required[StrictStr], "_to": Required[StrictStr]}
        self._rel_adapters = {r.type: _adapter(r.type, r.props, endpoints) for r in rels}

    def node(self, label: str) -> NodeType:
        try:
            return self.nodes[label]
        except KeyError:
            raise SchemaError(f"unknown node type {label!r}; known: {', '.join(self.nodes)}") from None

    def rel(self, rel_type: str) -> RelType:
        try:
            return self.rels[rel_type]
        except KeyError:
            raise SchemaError(
                f"unknown relationship type {rel_type!r}; known: {', '.join(self.rels)}"
            ) from None

    def check_endpoints(self, rel_type: str, start_label: str, end_label: str) -> RelType:
        rel = self.rel(rel_type)
        if not rel.allows(start_label, end_label):
            allowed = ", ".join(f"{s}->{e}" for s, e in rel.endpoints)
            raise SchemaError(
                f"{rel_type}: {start_label}->{end_label} is not an allowed endpoint pair (allowed: {allowed})"
            )
        return rel

    def validate_nodes(self, label: str, rows: Sequence[Mapping[str, Any]]) -> list[Row]:
        """Return the rows checked and typed, or raise ``ValidationError`` naming each problem."""
        node = self.node(label)
        return _validate(self._node_adapters[label], label, rows, lambda r: r.get(node.key))

    def validate_node_updates(self, label: str, rows: Sequence[Mapping[str, Any]]) -> list[Row]:
        """Like ``validate_nodes`` for rows that change some properties of stored nodes:
        each names its node's key; the other required properties may be left out."""
        node = self.node(label)
        return _validate(self._update_adapters[label], label, rows, lambda r: r.get(node.key))

    def validate_edges(
        self, rel_type: str, start_label: str, end_label: str, rows: Sequence[Mapping[str, Any]]
    ) -> list[Row]:
        """Validate edge rows: ``_from`` and ``_to`` node keys plus the type's properties."""
        self.check_endpoints(rel_type, start_label, end_label)
        return _validate(
            self._rel_adapters[rel_type], rel_type, rows, lambda r: (r.get("_from"), r.get("_to"))
        )


def _validate(
    adapter: TypeAdapter[list[Row]],
    name: str,
    rows: Sequence[Mapping[str, Any]],
    key_of: Any,
) -> list[Row]:
    try:
        return adapter.validate_python(rows)
    except PydanticError as exc:
        problems = []
        for err in exc.errors():
            loc = err["loc"]
            index = int(loc[0]) if loc and isinstance(loc[0], int) else -1
            field = ".".join(str(part) for part in loc[1:]) or "<record>"
            row = rows[index] if 0 <= index < len(rows) else {}
            value = err.get("input")
            reason = err["msg"] if err["type"] == "missing" else f"{err['msg']} (got {value!r:.60})"
            key = key_of(row) if isinstance(row, Mapping) else None
            problems.append((index, str(key), field, reason))
        raise ValidationError(name, problems) from None


REGISTRY = Registry()
