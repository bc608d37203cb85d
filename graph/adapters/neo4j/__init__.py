"""The Neo4j adapter (official driver), with Graph Data Science when the server has it."""

from graph.adapters.neo4j._gds import Gds, GdsGraph, GdsPath, SimilarityMetric
from graph.adapters.neo4j.store import Neo4jStore

__all__ = ["Gds", "GdsGraph", "GdsPath", "Neo4jStore", "SimilarityMetric"]
