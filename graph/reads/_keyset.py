"""Keyset paging: the rows after a given row in a list's order, as a condition.

A list is ordered by (property, descending) pairs with nodes lacking a value last in either
direction, then by key (``ScopedReads.page``). The page after a row is every row that sorts
after it: an OR over the order's positions of "equal on every earlier part, after on this
one"; the page before a row likewise, read in the reverse order. Unlike an offset, this
holds while rows are written between two page fetches: a row inserted before the cursor's
row does not shift the next page, so nothing repeats or is skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def rows_after(
    refs: Sequence[tuple[str, bool]], values: Sequence[Any], key: str, var: str = "n", before: bool = False
) -> tuple[str, dict[str, Any]]:
    """The condition (text, parameters ``k0``, ``k1``, ...) on ``var`` that holds for rows
    sorting after (with ``before``, before) the row whose ``refs`` values (``n.<prop>`` texts
    with their direction) are ``values`` and whose key is ``key``."""
    if len(values) != len(refs):
        raise ValueError(f"a keyset position needs {len(refs)} value(s), got {len(values)}")
    params: dict[str, Any] = {}
    equal: list[str] = []  # "equal on every earlier part"
    branches: list[str] = []
    for i, ((ref, desc), value) in enumerate(zip(refs, values, strict=True)):
        if value is None:
            # nulls last: every row with a value sorts before this one, none after it
            if before:
                branches.append(" AND ".join([*equal, f"{ref} IS NOT NULL"]))
            equal.append(f"{ref} IS NULL")
            continue
        param = f"k{i}"
        params[param] = value
        if before:
            beyond = f"({ref} IS NOT NULL AND {ref} {'>' if desc else '<'} ${param})"
        else:
            beyond = f"({ref} IS NULL OR {ref} {'<' if desc else '>'} ${param})"
        branches.append(" AND ".join([*equal, beyond]))
        equal.append(f"{ref} = ${param}")
    params["k_key"] = key
    branches.append(" AND ".join([*equal, f"{var}.id {'<' if before else '>'} $k_key"]))
    return "(" + " OR ".join(f"({b})" for b in branches) + ")", params


def order_clause(refs: Sequence[tuple[str, bool]], backward: bool = False, var: str = "n") -> str:
    """The ``ORDER BY`` list of a list's order (nulls last, then the key), or of its reverse."""
    flip = " DESC" if backward else ""
    parts = [f"{ref} IS NULL{flip}, {ref}{' DESC' if desc != backward else ''}" for ref, desc in refs]
    return ", ".join([*parts, f"{var}.id{flip}"])
