"""Errors of the graph layer; adapters translate driver errors into these at their boundary.

    GraphError
    ├── StoreUnavailable        the store cannot be reached now (retryable)
    ├── StoreIOError            the store's files cannot be written or opened (disk full,
    │                           read-only folder, a path that is no database)
    ├── ConstraintViolation     a write broke a key/uniqueness rule
    ├── DanglingEdgeError       an edge names a node key that does not exist
    ├── MissingNodeError        an update names a node key that does not exist
    ├── QueryError              the store rejected a query (syntax, binder, type)
    └── UnknownQuery            a named read query that no adapter defines

Schema problems (unknown type, wrong property type, missing key) are raised as
``schema.SchemaError`` / ``schema.ValidationError`` before anything reaches a store.
"""

from __future__ import annotations


class GraphError(Exception):
    """Base of every graph-layer error."""

    def is_retryable(self) -> bool:
        return False


class StoreUnavailable(GraphError):
    """The store is down, restarting or unreachable; the same call may succeed later."""

    def is_retryable(self) -> bool:
        return True


class StoreIOError(GraphError):
    """The store's files cannot be written or opened: the disk is full, the folder is
    read-only, or the path is not a database. Not retryable: the same call fails until
    someone frees space or fixes the path. ``folder`` is where the store's files live."""

    def __init__(self, message: str, folder: str = "") -> None:
        super().__init__(message)
        self.folder = folder


class ConstraintViolation(GraphError):
    """A write broke a uniqueness or key constraint."""


class DanglingEdgeError(GraphError):
    """Edges whose endpoint node does not exist; nothing of their batch was written."""

    def __init__(self, rel_type: str, missing: list[tuple[str, str]]) -> None:
        self.rel_type = rel_type
        self.missing = missing
        shown = ", ".join(f"{label}:{key!r}" for label, key in missing[:5])
        more = f" (and {len(missing) - 5} more)" if len(missing) > 5 else ""
        super().__init__(f"{rel_type}: endpoint node(s) not found: {shown}{more}")


class MissingNodeError(GraphError):
    """Updates of nodes that do not exist; nothing of the call (or of the batch, when one
    was deleted meanwhile) was written."""

    def __init__(self, label: str, missing: list[str]) -> None:
        self.label = label
        self.missing = missing
        shown = ", ".join(repr(key) for key in missing[:5])
        more = f" (and {len(missing) - 5} more)" if len(missing) > 5 else ""
        super().__init__(f"{label}: no stored node with key {shown}{more}")


class QueryError(GraphError):
    """The store rejected a query."""


class UnknownQuery(GraphError):
    """A named query that is not defined."""
