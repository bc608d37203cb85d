"""``NamedNumber``: a number with its name, the typed form of a JSON object of counts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import graphene


class NamedNumber(graphene.ObjectType):  # type: ignore[misc]
    name = graphene.String(required=True)
    value = graphene.Float()


def named_numbers(values: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The numeric entries of ``values`` by name (a text or a date is no number)."""
    return [
        {"name": str(k), "value": float(v)}
        for k, v in sorted(values.items())
        if isinstance(v, int | float) and not isinstance(v, bool)
    ]
