"""Declarative source mappings: which columns become which node/edge properties.

A mapping is a YAML file per source. It is checked against the ontology when loaded,
before any row is read: an unknown node type, relationship type or property fails with
the file and the place in it. Example::

    source: crm
    file: crm/accounts.csv
    phone_region: CN
    timezone: Asia/Shanghai
    as_of: 2026-09-30          # the export's date: later dates in past-tense fields are rejected
    nodes:
      - label: Company
        key: "{account_id}"
        resolve: true          # takes part in entity resolution across sources
        props:
          name: {column: name, required: true}
          aliases: {columns: [name_local]}
          tier: {column: tier, map: {"1": A, "2": B, "3": C}}
          employees: {column: employees, type: int}
          phone: {column: phone, type: phone, area_from: city}
    edges:
      - type: OWNS
        from: {label: Person, key: "{owner_rep_id}"}
        to: {label: Company, key: "{account_id}"}

A property given as a plain string names its column.
"""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic import ValidationError as PydanticError

from schema import REGISTRY, Registry, SchemaError

ValueType = Literal[
    "str",
    "int",
    "float",
    "amount",
    "bool",
    "date",
    "past_date",
    "datetime",
    "list",
    "phone",
    "email",
    "is_empty",
]


class MappingError(ValueError):
    """A mapping file that cannot be used; the message names the file and the place."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EndpointSpec(_Strict):
    label: str
    key: str  # a template over the record's columns

    def columns_used(self) -> list[str]:
        return _template_fields(self.key)


class PropSpec(_Strict):
    """Where a property's value comes from and how it is read."""

    column: str | None = None
    columns: list[str] | None = None  # a list property from several columns (empty ones skipped)
    template: str | None = None  # e.g. "{order_id}:{line_no}"
    const: Any = None
    type: ValueType = "str"
    map: dict[str, Any] | None = None  # value map applied after stripping, before typing
    default: Any = None
    required: bool = False
    area_from: str | None = None  # phones: the column holding the city, for implied area codes
    region_from: str | None = None  # phones: the column holding the ISO country
    region_of: EndpointSpec | None = None  # phones: take the country of this node (e.g. the account)
    #: ``drop``: an unreadable value (a birth date of 1956-09-31) is left out and reported,
    #: and the record is kept; ``reject`` (the default): the record is rejected
    on_bad: Literal["reject", "drop"] = "reject"

    @model_validator(mode="after")
    def _one_origin(self) -> PropSpec:
        origins = [self.column, self.columns, self.template, self.const]
        if sum(o is not None for o in origins) != 1:
            raise ValueError("give exactly one of column, columns, template, const")
        return self

    def columns_used(self) -> list[str]:
        used = [self.column] if self.column else list(self.columns or [])
        if self.template:
            used += _template_fields(self.template)
        used += [c for c in (self.area_from, self.region_from) if c]
        if self.region_of:
            used += self.region_of.columns_used()
        return used


def _template_fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def _spec(value: Any) -> Any:
    return {"column": value} if isinstance(value, str) else value


class NodeMap(_Strict):
    label: str
    key: str
    resolve: bool = False
    optional: bool = False  # skip the node when its key column is empty
    props: dict[str, PropSpec] = Field(default_factory=dict)

    _wrap = field_validator("props", mode="before")(lambda v: {k: _spec(s) for k, s in (v or {}).items()})


class Condition(_Strict):
    column: str
    equals: str


class EdgeMap(_Strict):
    type: str
    start: EndpointSpec = Field(alias="from")
    end: EndpointSpec = Field(alias="to")
    optional: bool = False  # skip silently when an endpoint key column is empty
    when: Condition | None = None  # only records whose column has this value
    for_each: str | None = None  # a list column: one edge per item, bound to {item}
    props: dict[str, PropSpec] = Field(default_factory=dict)

    _wrap = field_validator("props", mode="before")(lambda v: {k: _spec(s) for k, s in (v or {}).items()})


class Mapping(_Strict):
    """One source: its file, how to read it, and what its records become."""

    source: str
    file: str | None = None
    format: Literal["csv", "jsonl", "json", "xlsx"] | None = None
    encoding: str | None = None
    sheet: str | None = None
    phone_region: str = "CN"
    timezone: str = "UTC"
    as_of: dt.date | None = None
    nulls: list[str] = Field(default_factory=list)  # the source's own "no value" markers, e.g. "—"
    #: the source may hold one entity several times (a lead per booth visit, a raw contact
    #: export); otherwise it keeps one record per entity, and two of its records merge only
    #: on very strong direct evidence
    repeats: bool = False
    #: the column saying when a fact happened or last changed; incremental runs
    #: (``--since``, cursors) skip this source's records older than their start
    changed_at: str | None = None
    checks: dict[str, PropSpec] = Field(default_factory=dict)  # validated, not stored
    nodes: list[NodeMap] = Field(default_factory=list)
    edges: list[EdgeMap] = Field(default_factory=list)

    _wrap = field_validator("checks", mode="before")(lambda v: {k: _spec(s) for k, s in (v or {}).items()})

    def columns_used(self) -> set[str]:
        used: set[str] = {c for spec in self.checks.values() for c in spec.columns_used()}
        if self.changed_at:
            used.add(self.changed_at)
        for node in self.nodes:
            used |= set(_template_fields(node.key))
            for spec in node.props.values():
                used |= set(spec.columns_used())
        for edge in self.edges:
            used |= set(edge.start.columns_used()) | set(edge.end.columns_used())
            used |= {c for c in (edge.for_each, edge.when.column if edge.when else None) if c}
            used.discard("item")
            for spec in edge.props.values():
                used |= set(spec.columns_used())
        return used


def check_against_ontology(mapping: Mapping, registry: Registry = REGISTRY) -> list[str]:
    """Every problem of a mapping against the ontology, each with its place."""
    problems: list[str] = []

    def props(where: str, allowed: tuple[str, ...], names: dict[str, PropSpec]) -> None:
        for name in names:
            if name not in allowed:
                problems.append(f"{where}.props.{name}: no such property (known: {', '.join(allowed)})")

    for i, node in enumerate(mapping.nodes):
        try:
            props(f"nodes[{i}]", registry.node(node.label).prop_names, node.props)
        except SchemaError as exc:
            problems.append(f"nodes[{i}].label: {exc}")
    for i, edge in enumerate(mapping.edges):
        try:
            rel = registry.check_endpoints(edge.type, edge.start.label, edge.end.label)
            props(f"edges[{i}]", rel.prop_names, edge.props)
        except SchemaError as exc:
            problems.append(f"edges[{i}]: {exc}")
    return problems


def load_mapping(path: Path, registry: Registry = REGISTRY) -> Mapping:
    """Read and check a mapping file; raise ``MappingError`` naming every problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise MappingError(f"{path}: cannot read mapping: {exc}") from exc
    try:
        mapping = Mapping.model_validate(data)
    except PydanticError as exc:
        where = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise MappingError(f"{path}: {where}") from None
    problems = check_against_ontology(mapping, registry)
    if problems:
        raise MappingError(f"{path}: " + "; ".join(problems))
    return mapping
