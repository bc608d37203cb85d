"""Server-side executor: PageRank, betweenness and Louvain run by Neo4j's Graph Data Science.

The graph is projected into GDS's in-memory catalogue with a Cypher aggregation
(``gds.graph.project``) over the given node labels and relationship types, streamed
back keyed by ``(label, key)``, and the projection dropped. Labels, types and weight
properties come from the ontology and pass ``check_identifier`` before they are spliced
into the text; everything else is a parameter.

GDS reports PageRank unnormalised and lets the rank of dangling nodes leak away; this
executor divides by the sum, so on graphs without dangling nodes it matches
``centrality.pagerank``. GDS betweenness is unnormalised; Louvain's communities are
compared by modularity, not label for label.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from graph import NodeRef
from graph.adapters.neo4j import Neo4jStore
from schema import REGISTRY, Registry, check_identifier

__all__ = ["GdsExecutor"]

_NAME_AND_KEY = "labels(gds.util.asNode(nodeId))[0] AS label, gds.util.asNode(nodeId).id AS key"


class GdsExecutor:
    """Graph algorithms run inside a Neo4j server with the GDS plugin."""

    def __init__(self, store: Neo4jStore, registry: Registry = REGISTRY) -> None:
        self.store = store
        self.registry = registry

    def _run(self, text: str, **params: Any) -> list[dict[str, Any]]:
        records, _, _ = self.store.driver.execute_query(text, params, database_=self.store.database)
        return [r.data() for r in records]

    @contextmanager
    def projected(
        self,
        node_labels: Sequence[str],
        rel_types: Sequence[str],
        *,
        undirected: bool = False,
        weighted: bool = True,
    ) -> Iterator[str]:
        """A GDS in-memory graph of the nodes and edges; yields its name, drops it after."""
        labels = [check_identifier(self.registry.node(n).label) for n in node_labels]
        types = [check_identifier(self.registry.rel(t).type) for t in rel_types]
        weights = sorted({w for t in rel_types if (w := self.registry.rel(t).weight)}) if weighted else []
        weight = "coalesce(" + ", ".join([*(f"r.{check_identifier(w)}" for w in weights), "1.0"]) + ")"
        is_member = " OR ".join(f"{{v}}:{label}" for label in labels)
        name = f"accountgraph-{uuid.uuid4().hex}"
        text = (
            f"MATCH (s) WHERE {is_member.format(v='s')} "
            f"OPTIONAL MATCH (s)-[r:{'|'.join(types)}]->(t) WHERE {is_member.format(v='t')} "
            f"WITH gds.graph.project($name, s, t, {{relationshipProperties: {{weight: toFloat({weight})}}}}, "
            "{undirectedRelationshipTypes: $undirected}) AS g RETURN g.nodeCount AS nodes"
        )
        self._run(text, name=name, undirected=["*"] if undirected else [])
        try:
            yield name
        finally:
            self._run("CALL gds.graph.drop($name, false) YIELD graphName RETURN graphName", name=name)

    def pagerank(
        self,
        node_labels: Sequence[str],
        rel_types: Sequence[str],
        *,
        undirected: bool = False,
        weighted: bool = True,
        alpha: float = 0.85,
        max_iter: int = 100,
        tol: float = 1.0e-10,
    ) -> dict[NodeRef, float]:
        """PageRank, normalised to sum to one."""
        config: dict[str, Any] = {"dampingFactor": alpha, "maxIterations": max_iter, "tolerance": tol}
        if weighted:
            config["relationshipWeightProperty"] = "weight"
        with self.projected(node_labels, rel_types, undirected=undirected, weighted=weighted) as g:
            rows = self._run(
                f"CALL gds.pageRank.stream($g, $config) YIELD nodeId, score RETURN {_NAME_AND_KEY}, score",
                g=g,
                config=config,
            )
        total = sum(float(r["score"]) for r in rows) or 1.0
        return {(r["label"], r["key"]): float(r["score"]) / total for r in rows}

    def betweenness(
        self, node_labels: Sequence[str], rel_types: Sequence[str], *, undirected: bool = False
    ) -> dict[NodeRef, float]:
        """Exact hop-count betweenness, unnormalised, as GDS reports it."""
        with self.projected(node_labels, rel_types, undirected=undirected, weighted=False) as g:
            rows = self._run(
                f"CALL gds.betweenness.stream($g) YIELD nodeId, score RETURN {_NAME_AND_KEY}, score", g=g
            )
        return {(r["label"], r["key"]): float(r["score"]) for r in rows}

    def louvain(
        self, node_labels: Sequence[str], rel_types: Sequence[str], *, weighted: bool = True
    ) -> dict[NodeRef, int]:
        """Louvain communities on the undirected projection."""
        config: dict[str, Any] = {"relationshipWeightProperty": "weight"} if weighted else {}
        with self.projected(node_labels, rel_types, undirected=True, weighted=weighted) as g:
            rows = self._run(
                f"CALL gds.louvain.stream($g, $config) YIELD nodeId, communityId "
                f"RETURN {_NAME_AND_KEY}, communityId",
                g=g,
                config=config,
            )
        return {(r["label"], r["key"]): int(r["communityId"]) for r in rows}
