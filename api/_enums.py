"""GraphQL enums for the ontology's fixed choices, so a misspelt value is a validation
error instead of an empty answer.

One enum per property with ``choices`` (``SignalSeverity``: ``LOW``, ``MEDIUM``, ...),
named ``<Label><Property>``; each member stands for the stored string (``HIGH`` for
``high``, ``LOYAL_HIGH_VALUE`` for ``loyal high-value``). Signal kinds are not a
constraint the store checks (an older graph may hold others), so their list comes from
``schema.SIGNAL_KINDS``.
"""

from __future__ import annotations

import re
from typing import Any

import graphene

from schema import REGISTRY, SIGNAL_KINDS

_CACHE: dict[tuple[str, str], Any] = {}


def member(value: str) -> str:
    """The enum member's name for a stored value: ``loyal high-value`` -> ``LOYAL_HIGH_VALUE``."""
    return re.sub(r"[^A-Za-z0-9]+", "_", value).strip("_").upper()


def choices(label: str, prop: str) -> tuple[str, ...]:
    """The values a property may hold, ``()`` when it is free text."""
    if (label, prop) == ("Signal", "kind"):
        return SIGNAL_KINDS
    return REGISTRY.node(label).prop(prop).choices


def choice_enum(label: str, prop: str) -> Any:
    """The GraphQL enum of a property with fixed choices (built once per property)."""
    key = (label, prop)
    if key not in _CACHE:
        name = label + "".join(w.capitalize() for w in prop.split("_"))
        values = [(member(v), v) for v in choices(label, prop)]
        _CACHE[key] = graphene.Enum(name, values, description=f"the values of {label}.{prop}")
    return _CACHE[key]
