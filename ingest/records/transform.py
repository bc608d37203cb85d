"""Apply a mapping to one raw record: typed node and edge rows, or rejects with reasons."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from ingest import normalize
from ingest.connectors import RawRecord
from ingest.records.mapping import EdgeMap, EndpointSpec, Mapping, NodeMap, PropSpec
from ingest.records.rejects import Reject

_FIELD = re.compile(r"{(\w+)}")
_TRUE = {"true", "1", "yes", "y", "t", "是"}
_FALSE = {"false", "0", "no", "n", "f", "否"}


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


class _Bad(Exception):
    def __init__(self, field_name: str, value: Any, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reject = (field_name, None if value is None else str(value)[:200], reason, detail)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else str(value)
    return text or None


Lookup = Callable[[str, str, str], Any]  # (label, key, property) of a node seen earlier


def _no_lookup(_label: str, _key: str, _prop: str) -> Any:
    return None


class Transformer:
    """Turns raw records of one source into rows, using that source's mapping."""

    def __init__(self, mapping: Mapping, lookup: Lookup = _no_lookup) -> None:
        self.mapping = mapping
        self.lookup = lookup
        self.nulls = set(mapping.nulls)
        self.tz = ZoneInfo(mapping.timezone)
        self.as_of = mapping.as_of
        self.as_of_end = (
            dt.datetime.combine(mapping.as_of, dt.time.max, tzinfo=self.tz) if mapping.as_of else None
        )

    def apply(self, record: RawRecord) -> Mapped:
        """All of a record's rows, or none of them and the reasons (a record is one fact)."""
        out = Mapped()
        fields = {
            k: None if isinstance(v, str) and v.strip() in self.nulls else v for k, v in record.fields.items()
        }
        record = RawRecord(record.source, record.line, fields)
        try:
            self._props(self.mapping.checks, record.fields)
            found = (self._node(spec, record.fields) for spec in self.mapping.nodes)
            out.nodes = [n for n in found if n is not None]
            for spec in self.mapping.edges:
                out.edges += self._edges(spec, record.fields)
        except _Bad as bad:
            field_name, value, reason, detail = bad.reject
            out = Mapped(rejects=[Reject(record.source, record.line, field_name, value, reason, detail)])
        return out

    def _node(self, spec: NodeMap, fields: dict[str, Any]) -> NodeRow | None:
        key = self._key(spec.key, fields)
        if key is None and spec.optional:
            return None
        if key is None:
            raise _Bad(_first_field(spec.key), None, "missing_required", f"{spec.label} key is empty")
        props = self._props(spec.props, fields)
        return NodeRow(spec.label, key, props, spec.resolve)

    def _edges(self, spec: EdgeMap, fields: dict[str, Any]) -> list[EdgeRow]:
        if spec.when is not None and _text(fields.get(spec.when.column)) != spec.when.equals:
            return []
        if spec.for_each is None:
            edge = self._edge(spec, fields)
            return [] if edge is None else [edge]
        items = fields.get(spec.for_each) or []
        if not isinstance(items, list):
            raise _Bad(spec.for_each, items, "bad_list", "expected a list")
        found = (self._edge(spec, fields | {"item": item}) for item in items)
        return [e for e in found if e is not None]

    def _edge(self, spec: EdgeMap, fields: dict[str, Any]) -> EdgeRow | None:
        start, end = self._endpoint(spec.start, fields), self._endpoint(spec.end, fields)
        if start is None or end is None:
            if spec.optional:
                return None
            missing = spec.start if start is None else spec.end
            raise _Bad(
                _first_field(missing.key), None, "missing_required", f"{spec.type} endpoint key is empty"
            )
        return EdgeRow(spec.type, start, end, self._props(spec.props, fields))

    def _endpoint(self, spec: EndpointSpec, fields: dict[str, Any]) -> tuple[str, str] | None:
        key = self._key(spec.key, fields)
        return None if key is None else (spec.label, key)

    @staticmethod
    def _key(template: str, fields: dict[str, Any]) -> str | None:
        values = {name: _text(fields.get(name)) for name in _FIELD.findall(template)}
        if any(v is None for v in values.values()):
            return None
        return template.format(**values)

    def _props(self, specs: dict[str, PropSpec], fields: dict[str, Any]) -> dict[str, Any]:
        props: dict[str, Any] = {}
        for name, spec in specs.items():
            value = self._value(name, spec, fields)
            if value is None and spec.required:
                raise _Bad(spec.column or name, None, "missing_required", f"{name} is required")
            if value is not None:
                props[name] = value
        return props

    def _value(self, name: str, spec: PropSpec, fields: dict[str, Any]) -> Any:
        if spec.const is not None:
            return spec.const
        if spec.type == "is_empty":
            return _text(fields.get(spec.column or "")) is None
        if spec.columns is not None:
            items = [_text(fields.get(c)) for c in spec.columns]
            return [i for i in items if i] or spec.default
        if spec.template is not None:
            raw: Any = self._key(spec.template, fields)
        else:
            raw = fields.get(spec.column or "")
        if isinstance(raw, str):
            raw = raw.strip()
        if raw is None or raw == "":
            return spec.default
        if spec.map is not None and str(raw) in spec.map:
            raw = spec.map[str(raw)]
        try:
            return self._typed(spec, raw, fields)
        except normalize.NormalizationError as exc:
            raise _Bad(spec.column or name, raw, exc.reason, str(exc)) from None

    def _typed(self, spec: PropSpec, raw: Any, fields: dict[str, Any]) -> Any:
        if spec.type == "phone":
            return self._phone(spec, str(raw), fields)
        if spec.type == "bool":
            return _bool(spec.column or "", raw)
        readers: dict[str, Callable[[Any], Any]] = {
            "str": str,
            "int": _whole,
            "float": normalize.parse_number,
            "amount": normalize.parse_amount,
            "date": normalize.parse_date,
            "past_date": lambda v: normalize.parse_date(v, not_after=self.as_of),
            "datetime": lambda v: normalize.parse_datetime(v, tz=self.tz, not_after=self.as_of_end),
            "list": lambda v: [str(i) for i in v] if isinstance(v, list) else [str(v)],
            "email": lambda v: normalize.email(str(v)),
        }
        return readers[spec.type](raw)

    def _phone(self, spec: PropSpec, raw: str, fields: dict[str, Any]) -> str:
        region = _text(fields.get(spec.region_from)) if spec.region_from else None
        if region is None and spec.region_of is not None:
            ref = self._key(spec.region_of.key, fields)
            region = self.lookup(spec.region_of.label, ref, "country") if ref else None
        city = _text(fields.get(spec.area_from)) if spec.area_from else None
        region = region or normalize.country_of_city(city) or self.mapping.phone_region
        return normalize.phone_e164(raw, region, area_code=normalize.area_code(city))


def _whole(raw: Any) -> int:
    number = normalize.parse_number(raw)
    if number != int(number):
        raise normalize.NormalizationError("bad_number", str(raw), "not a whole number")
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


def _first_field(template: str) -> str:
    found = _FIELD.findall(template)
    return found[0] if found else template
