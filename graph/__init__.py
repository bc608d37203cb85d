"""The graph layer: the ``GraphStore`` port, its two adapters, and the values it returns."""

from graph.errors import (
    ConstraintViolation,
    DanglingEdgeError,
    GraphError,
    MissingNodeError,
    QueryError,
    StoreIOError,
    StoreUnavailable,
    UnknownQuery,
)
from graph.model import Edge, Node, NodeRef, Projection, Subgraph
from graph.port import GraphStore
from graph.runs import RunLog, recent_runs

__all__ = [
    "ConstraintViolation",
    "DanglingEdgeError",
    "Edge",
    "GraphError",
    "GraphStore",
    "MissingNodeError",
    "Node",
    "NodeRef",
    "Projection",
    "QueryError",
    "RunLog",
    "StoreIOError",
    "StoreUnavailable",
    "Subgraph",
    "UnknownQuery",
    "recent_runs",
]
