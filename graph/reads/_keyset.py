"""Keyset paging: the rows after a given row in a list's order, as a condition.

A list is ordered by (property, descending) pairs with nodes lacking a value last in either
direction, then by key (``ScopedReads.page``). The page after a row is every row that sorts
after it: an OR over the order's positions of "equal on every earlier part, after on this
one". Unlike an offset, this holds while rows are written between two page fetches: a row
inserted before the cursor's row does not shift the next page, so nothing repeats or is
skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def rows_after(
    refs: Sequence[tuple[str, bool]], values: Sequence[Any], key: str, var: str = "n"
) -> tuple[str, dict[str, Any]]:
    """The condition (text, parameters ``k0``, ``k1``, ...) on ``var`` that holds for rows
    sorting after the row whose ``refs`` values (``n.<prop>`` texts with their direction) are
    ``values`` and whose key is ``key``."""
    if len(values) != len(refs):
        raise ValueError(f"a keyset position needs {len(refs)} value(s), got {len(values)}")
    params: dict[str, Any] = {}
    equal: list[str] = []  # "equal on every earlier part"
    branches: list[str] = []
    for i, ((ref, desc), value) in enumerate(zip(refs, values, strict=True)):
        if value is None:
            # a row without a value: what follows has none either (nulls last), so this part is
            # equal for every later row and none sorts after it here
            equal.append(f"{ref} IS NULL")
            continue
        param = f"k{i}"
        params[param] = value
        after = f"({ref} IS NULL OR {ref} {'<' if desc else '>'} ${param})"
        branches.append(" AND ".join([*equal, after]))
        equal.append(f"{ref} = ${param}")
    params["k_key"] = key
    branches.append(" AND ".join([*equal, f"{var}.id > $k_key"]))
    return "(" + " OR ".join(f"({b})" for b in branches) + ")", params
