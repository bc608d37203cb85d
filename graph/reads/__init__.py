"""Batched, scoped reads for request-serving callers (the API): no Cypher outside graph/.

``ScopedReads`` over a ``GraphStore`` and a ``Scope`` (or none: unrestricted) answers the
reads a GraphQL page needs, each in one store round trip whatever the number of keys;
``Cond`` values say how to filter a list.
"""

from graph.reads._conditions import AllOf, AnyOf, Cond, Not, Op, Related, Where
from graph.reads._lists import Props
from graph.reads._scope import ANCHORS, Scope
from graph.reads._scoped import Observer, ScopedReads

__all__ = [
    "ANCHORS", "AllOf", "AnyOf", "Cond", "Not", "Observer", "Op", "Props", "Related", "Scope", "ScopedReads",
    "Where",
]  # fmt: skip
