"""Apply a mapping to one raw record: typed node and edge rows, or rejects with reasons.

A ``Transformer`` compiles its mapping once (key templates into part lists, each
property into a reader closure), because it runs per record of files with millions of
rows: the per-record work is reading the columns, not interpreting the mapping.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from ingest import normalize
from ingest.connectors import RawRecord
from ingest.records.mapping import EdgeMap, EndpointSpec, Mapping, NodeMap, PropSpec
from ingest.records.rejects import Reject

_TRUE = {"true", "1", "yes", "y", "t", "是"}
_FALSE = {"false", "0", "no", "n", "f", "否"}

Fields = dict[str, Any]
Lookup = Callable[[str, str, str], Any]  # (label, key, property) of a node seen earlier

_INT64 = (-(2**63), 2**63 - 1)  # the stores' INT64 / Neo4j integer


@dataclass
class NodeRow:
    label: str
    key: str
    props: dict[str, Any]
    resolve: bool


@dataclass
class EdgeRow:
    type: str
    start: tuple[str, str]
    end: tuple[str, str]
    props: dict[str, Any]


@dataclass
class Mapped:
    nodes: list[NodeRow] = field(default_factory=list)
    edges: list[EdgeRow] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    #: values a mapping lets go (``on_bad: drop``): the record is kept without them
    dropped: list[Reject] = field(default_factory=list)


class _Bad(Exception):
    def __init__(self, field_name: str, value: Any, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reject = (field_name, None if value is None else str(value)[:200], reason, detail)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else str(value)
    return text or None


def _no_lookup(_label: str, _key: str, _prop: str) -> Any:
    return None


class _Template:
    """A key template such as ``"{order_id}:{line_no}"``, parsed once."""

    def __init__(self, template: str) -> None:
        self.parts = [(literal, name) for literal, name, _, _ in string.Formatter().parse(template)]
        self.first = next((name for _, name in self.parts if name), template)

    def render(self, fields: Fields) -> str | None:
        """The key, or None when a column it needs is empty."""
        out = []
        for literal, name in self.parts:
            out.append(literal)
            if name:
                value = _text(fields.get(name))
                if value is None:
                    return None
                out.append(value)
        return "".join(out)

    def render_value(self, fields: Fields) -> str | None:
        """A property value: empty columns drop out with the separators around them
        (``"{given_name} {surname}"`` with no given name is the surname); None when all are empty."""
        values = {name: _text(fields.get(name)) for _, name in self.parts if name}
        if all(v is None for v in values.values()):
            return None
        if all(v is not None for v in values.values()):
            return self.render(fields)
        out: list[str] = []
        for literal, name in self.parts:
            out.append(literal)
            if name:
                out.append(values[name] or "\0")  # a marker: the separators next to it go too
        pieces = [p.strip(" ,;:/-|") for p in "".join(out).split("\0")]
        return " ".join(" ".join(p for p in pieces if p).split()) or None


@dataclass(frozen=True)
class _Prop:
    name: str
    column: str  # named in rejects
    required: bool
    read: Callable[[Fields], Any]  # the typed value, the default, or None; raises _Bad
    drop_bad: bool = False  # an unreadable value is left out instead of rejecting the record


@dataclass(frozen=True)
class _Endpoint:
    label: str
    key: _Template

    def ref(self, fields: Fields) -> tuple[str, str] | None:
        key = self.key.render(fields)
        return None if key is None else (self.label, key)


class Transformer:
    """Turns raw records of one source into rows, using that source's mapping."""

    def __init__(self, mapping: Mapping, lookup: Lookup = _no_lookup) -> None:
        self.mapping = mapping
        self.lookup = lookup
        self.nulls = frozenset(mapping.nulls)
        self.tz = ZoneInfo(mapping.timezone)
        as_of_end = dt.datetime.combine(mapping.as_of, dt.time.max, tzinfo=self.tz) if mapping.as_of else None
        self._readers: dict[str, Callable[[Any], Any]] = {
            "str": str,
            "int": _whole,
            "float": normalize.parse_number,
            "amount": normalize.parse_amount,
            "date": normalize.parse_date,
            "past_date": lambda v: normalize.parse_date(v, not_after=mapping.as_of),
            "datetime": lambda v: normalize.parse_datetime(v, tz=self.tz, not_after=as_of_end),
            "list": lambda v: [str(i) for i in v] if isinstance(v, list) else [str(v)],
            "email": lambda v: normalize.email(str(v)),
        }
        self._checks = self._compile_props(mapping.checks)
        self._nodes = [(spec, _Template(spec.key), self._compile_props(spec.props)) for spec in mapping.nodes]
        self._edges = [
            (spec, _endpoint(spec.start), _endpoint(spec.end), self._compile_props(spec.props))
            for spec in mapping.edges
        ]

    def apply(self, record: RawRecord) -> Mapped:
        """All of a record's rows, or none of them and the reasons (a record is one fact)."""
        out = Mapped()
        fields = record.fields
        if self.nulls:
            fields = {
                k: None if isinstance(v, str) and v.strip() in self.nulls else v for k, v in fields.items()
            }
        dropped: list[_Bad] = []
        try:
            _props(self._checks, fields, dropped)
            for node_map, key, props in self._nodes:
                node = _node(node_map, key, props, fields, dropped)
                if node is not None:
                    out.nodes.append(node)
            for edge, start, end, props in self._edges:
                out.edges += _edges(edge, start, end, props, fields, dropped)
        except _Bad as bad:
            return Mapped(rejects=[Reject(record.source, record.line, *bad.reject)])
        for left_out in dropped:
            field_name, value, reason, detail = left_out.reject
            kept = f"record kept without this value: {detail}" if detail else "record kept without this value"
            out.dropped.append(Reject(record.source, record.line, field_name, value, reason, kept))
        return out

    # ---- compiling the mapping ---------------------------------------------------------
    def _compile_props(self, specs: dict[str, PropSpec]) -> list[_Prop]:
        return [
            _Prop(name, spec.column or name, spec.required, self._reader(name, spec), spec.on_bad == "drop")
            for name, spec in specs.items()
        ]

    def _reader(self, name: str, spec: PropSpec) -> Callable[[Fields], Any]:
        if spec.const is not None:
            const = spec.const
            return lambda _fields: const
        if spec.type == "is_empty":
            column = spec.column or ""
            return lambda fields: _text(fields.get(column)) is None
        if spec.columns is not None:
            columns, default = spec.columns, spec.default
            return lambda fields: [t for t in (_text(fields.get(c)) for c in columns) if t] or default
        raw_of = _raw_reader(spec)
        typed = self._typed(spec)
        where, default, value_map = spec.column or name, spec.default, spec.map
        one_value = spec.type != "list"

        def read(fields: Fields) -> Any:
            raw = raw_of(fields)
            if raw is None or raw == "":
                return default
            if one_value and isinstance(raw, dict | list):  # JSON: stored as a repr otherwise
                raise _Bad(
                    where, raw, "not_a_scalar", f"a JSON {type(raw).__name__} where one value is mapped"
                )
            if value_map is not None and str(raw) in value_map:
                raw = value_map[str(raw)]
            try:
                return typed(raw, fields)
            except normalize.NormalizationError as exc:
                raise _Bad(where, raw, exc.reason, str(exc)) from None

        return read

    def _typed(self, spec: PropSpec) -> Callable[[Any, Fields], Any]:
        if spec.type == "phone":
            return self._phone_reader(spec)
        if spec.type == "bool":
            column = spec.column or ""
            return lambda raw, _fields: _bool(column, raw)
        reader = self._readers[spec.type]
        return lambda raw, _fields: reader(raw)

    def _phone_reader(self, spec: PropSpec) -> Callable[[Any, Fields], Any]:
        region_of = _endpoint(spec.region_of) if spec.region_of else None

        def read(raw: Any, fields: Fields) -> str:
            region = _text(fields.get(spec.region_from)) if spec.region_from else None
            if region is None and region_of is not None:
                ref = region_of.ref(fields)
                region = self.lookup(ref[0], ref[1], "country") if ref else None
            city = _text(fields.get(spec.area_from)) if spec.area_from else None
            region = region or normalize.country_of_city(city) or self.mapping.phone_region
            return normalize.phone_e164(str(raw), region, area_code=normalize.area_code(city))

        return read


def _endpoint(spec: EndpointSpec) -> _Endpoint:
    return _Endpoint(spec.label, _Template(spec.key))


def _raw_reader(spec: PropSpec) -> Callable[[Fields], Any]:
    if spec.template is not None:
        return _Template(spec.template).render_value
    column = spec.column or ""

    def raw(fields: Fields) -> Any:
        value = fields.get(column)
        return value.strip() if isinstance(value, str) else value

    return raw


def _props(props: list[_Prop], fields: Fields, dropped: list[_Bad]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for prop in props:
        try:
            value = prop.read(fields)
        except _Bad as bad:
            if not prop.drop_bad:
                raise
            dropped.append(bad)
            continue
        if value is not None:
            out[prop.name] = value
        elif prop.required:
            raise _Bad(prop.column, None, "missing_required", f"{prop.name} is required")
    return out


def _node(
    spec: NodeMap, key_of: _Template, props: list[_Prop], fields: Fields, dropped: list[_Bad]
) -> NodeRow | None:
    key = key_of.render(fields)
    if key is None:
        if spec.optional:
            return None
        raise _Bad(key_of.first, None, "missing_required", f"{spec.label} key is empty")
    return NodeRow(spec.label, key, _props(props, fields, dropped), spec.resolve)


def _edges(
    spec: EdgeMap, start: _Endpoint, end: _Endpoint, props: list[_Prop], fields: Fields, dropped: list[_Bad]
) -> list[EdgeRow]:
    if spec.when is not None and _text(fields.get(spec.when.column)) != spec.when.equals:
        return []
    if spec.for_each is None:
        edge = _edge(spec, start, end, props, fields, dropped)
        return [] if edge is None else [edge]
    items = fields.get(spec.for_each) or []
    if not isinstance(items, list):
        raise _Bad(spec.for_each, items, "bad_list", "expected a list")
    found = (_edge(spec, start, end, props, fields | {"item": item}, dropped) for item in items)
    return [e for e in found if e is not None]


def _edge(
    spec: EdgeMap, start: _Endpoint, end: _Endpoint, props: list[_Prop], fields: Fields, dropped: list[_Bad]
) -> EdgeRow | None:
    a, b = start.ref(fields), end.ref(fields)
    if a is None or b is None:
        if spec.optional:
            return None
        missing = start if a is None else end
        raise _Bad(missing.key.first, None, "missing_required", f"{spec.type} endpoint key is empty")
    return EdgeRow(spec.type, a, b, _props(props, fields, dropped))


def _whole(raw: Any) -> int:
    """A whole number that fits the stores' 64-bit integers."""
    number = raw if isinstance(raw, int) and not isinstance(raw, bool) else normalize.parse_number(raw)
    if number != int(number):
        raise normalize.NormalizationError("bad_number", str(raw), "not a whole number")
    if not _INT64[0] <= int(number) <= _INT64[1]:
        raise normalize.NormalizationError("bad_number", str(raw), "does not fit a 64-bit integer")
    return int(number)


def _bool(column: str, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _Bad(column, raw, "bad_bool", "not a yes/no value")
