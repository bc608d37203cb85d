"""Driver errors mapped to the graph layer's, at the adapter's boundary."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from neo4j import exceptions as neo4j_errors

from graph.errors import ConstraintViolation, GraphError, QueryError, StoreUnavailable


@contextmanager
def translated() -> Iterator[None]:
    """Map driver errors to the graph layer's errors, keeping the driver's as the cause."""
    try:
        yield
    except GraphError:
        raise
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
        raise StoreUnavailable(f"Neo4j is unavailable: {exc}") from exc
    except neo4j_errors.ConstraintError as exc:
        raise ConstraintViolation(str(exc.message)) from exc
    except neo4j_errors.Neo4jError as exc:
        if exc.is_retryable():
            raise StoreUnavailable(f"Neo4j transient error: {exc.message}") from exc
        raise QueryError(str(exc.message)) from exc
    except neo4j_errors.DriverError as exc:
        raise StoreUnavailable(f"Neo4j driver error: {exc}") from exc
