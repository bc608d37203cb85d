"""Property types, property definitions and the node/relationship type descriptors."""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def check_identifier(name: str) -> str:
    """Return ``name`` if it is safe to splice into Cypher as a label, type or property.

    Labels, relationship types and property names cannot be query parameters, so every
    one that reaches a query string passes this check first.
    """
    if not IDENTIFIER.match(name):
        raise ValueError(f"unsafe identifier {name!r}: must match {IDENTIFIER.pattern}")
    return name


class PropType(enum.Enum):
    """The value types a property can hold; each store maps them to its own types."""

    STRING = "string"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    DATE = "date"
    DATETIME = "datetime"  # always timezone-aware; stores keep UTC
    STRING_LIST = "string_list"

    @property
    def python_type(self) -> type:
        return _PYTHON_TYPES[self]


_PYTHON_TYPES: dict[PropType, type] = {
    PropType.STRING: str,
    PropType.INT: int,
    PropType.FLOAT: float,
    PropType.BOOL: bool,
    PropType.DATE: dt.date,
    PropType.DATETIME: dt.datetime,
    PropType.STRING_LIST: list,
}


@dataclass(frozen=True)
class Prop:
    """One property of a node or relationship type."""

    name: str
    type: PropType = PropType.STRING
    required: bool = False
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    doc: str = ""
    #: the analysis that writes the value; such a property is read-only to everyone else
    derived_by: str = ""

    def __post_init__(self) -> None:
        check_identifier(self.name)


@dataclass(frozen=True)
class NodeType:
    """A node label with its key property and properties (provenance included)."""

    label: str
    props: tuple[Prop, ...]
    key: str = "id"
    doc: str = ""
    indexed: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_identifier(self.label)
        if self.key not in self.prop_names:
            raise ValueError(f"{self.label}: key {self.key!r} is not a property")

    @property
    def prop_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.props)

    @property
    def derived(self) -> frozenset[str]:
        """The properties an analysis owns: never input to hand edits."""
        return frozenset(p.name for p in self.props if p.derived_by)

    def prop(self, name: str) -> Prop:
        for p in self.props:
            if p.name == name:
                return p
        raise KeyError(name)


@dataclass(frozen=True)
class RelType:
    """A relationship type: allowed (from, to) label pairs and its properties.

    ``key`` names a property whose value is unique among all edges of this type, for
    types with several edges between the same two nodes (``PURCHASED`` has one edge per
    order line); without it there is at most one edge of the type per ordered pair.
    """

    type: str
    endpoints: tuple[tuple[str, str], ...]
    props: tuple[Prop, ...] = ()
    key: str | None = None
    doc: str = ""
    weight: str | None = None  # the property algorithms read as edge weight
    #: the analysis that writes (and deletes) every edge of the type: not for hand edits
    derived_by: str = ""

    def __post_init__(self) -> None:
        check_identifier(self.type)
        if self.key is not None and self.key not in self.prop_names:
            raise ValueError(f"{self.type}: key {self.key!r} is not a property")

    @property
    def prop_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.props)

    def allows(self, from_label: str, to_label: str) -> bool:
        return (from_label, to_label) in self.endpoints
