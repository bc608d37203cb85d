"""The Neo4j adapter (official driver)."""

from graph.adapters.neo4j.store import Neo4jStore

__all__ = ["Neo4jStore"]
