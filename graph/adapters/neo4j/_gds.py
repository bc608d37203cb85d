"""Graph Data Science on the Neo4j server: in-memory projections and the algorithms on them.

``Gds`` projects part of the stored graph into GDS's in-memory catalogue with a Cypher
aggregation (``gds.graph.project``) and yields a ``GdsGraph``, whose methods run one
algorithm each and stream the result back keyed by ``(label, key)``; leaving the
``with`` block drops the projection. All calls on one projection go through one session
opened for writing: a projection lives in the memory of the server that built it, and
on a cluster that is the primary.

Labels, types and property names come from the ontology and pass ``check_identifier``
before they are spliced into the text; keys, weights and settings are parameters.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

import neo4j
from neo4j import exceptions as neo4j_errors

from graph.adapters.neo4j._errors import translated
from graph.errors import QueryError
from graph.model import NodeRef
from schema import Registry, check_identifier

__all__ = ["Gds", "GdsGraph", "GdsPath", "SimilarityMetric", "gds_version"]

SimilarityMetric = Literal["JACCARD", "OVERLAP", "COSINE"]
#: settings for the algorithms whose answer would otherwise depend on thread timing
#: (ties in a top-k list, Louvain's move order): the same graph gives the same answer
_DETERMINISTIC = {"concurrency": 1}


def _ref(var: str, prefix: str = "") -> str:
    """Cypher returning the ontology identity of a GDS node id: ``<prefix>label, <prefix>key``."""
    return f"labels(gds.util.asNode({var}))[0] AS {prefix}label, gds.util.asNode({var}).id AS {prefix}key"


def gds_version(driver: neo4j.Driver, database: str) -> str | None:
    """The server's GDS version, or ``None`` when the plugin is not installed."""
    try:
        records, _, _ = driver.execute_query("RETURN gds.version() AS version", database_=database)
    except neo4j_errors.ClientError as exc:
        if "gds.version" in str(exc.message) or "Unknown function" in str(exc.message):
            return None
        raise
    return str(records[0]["version"])


@dataclass(frozen=True)
class GdsPath:
    """A path found by GDS: its nodes in order and its total cost (hops when unweighted)."""

    nodes: tuple[NodeRef, ...]
    cost: float


class GdsGraph:
    """One projection in the GDS catalogue; each method runs one algorithm on it."""

    def __init__(self, session: neo4j.Session, name: str, node_count: int, relationship_count: int) -> None:
        self._session = session
        self.name = name
        self.node_count = node_count
        self.relationship_count = relationship_count

    def _stream(self, text: str, **params: Any) -> list[dict[str, Any]]:
        with translated():
            return [r.data() for r in self._session.run(text, {"g": self.name, **params})]

    def _scores(self, procedure: str, config: Mapping[str, Any]) -> dict[NodeRef, float]:
        if self.node_count == 0:
            return {}
        rows = self._stream(
            f"CALL {procedure}($g, $config) YIELD nodeId, score RETURN {_ref('nodeId')}, score",
            config=dict(config),
        )
        return {(r["label"], r["key"]): float(r["score"]) for r in rows}

    def pagerank(
        self, *, alpha: float = 0.85, max_iter: int = 100, tol: float = 1.0e-10, weighted: bool = True
    ) -> dict[NodeRef, float]:
        """PageRank, normalised to sum to 1.

        GDS lets the rank of nodes without out-edges leak away instead of spreading it.
        With uniform teleport that only scales every score by the same factor, so the
        normalised result is the networkx one (dangling rank spread uniformly).
        """
        config: dict[str, Any] = {"dampingFactor": alpha, "maxIterations": max_iter, "tolerance": tol}
        if weighted:
            config["relationshipWeightProperty"] = "weight"
        scores = self._scores("gds.pageRank.stream", config)
        total = sum(scores.values()) or 1.0
        return {ref: score / total for ref, score in scores.items()}

    def betweenness(self, *, sampling_size: int | None = None, seed: int = 0) -> dict[NodeRef, float]:
        """Hop-count betweenness, unnormalised (an undirected projection counts each pair
        once); with ``sampling_size``, the sum over that many seeded random sources."""
        config: dict[str, Any] = {}
        if sampling_size is not None and sampling_size < self.node_count:
            config = {"samplingSize": sampling_size, "samplingSeed": seed}
        return self._scores("gds.betweenness.stream", config)

    def louvain(
        self,
        *,
        relationship_types: Sequence[str] = ("*",),
        node_labels: Sequence[str] = ("*",),
        weight: str | None = "weight",
    ) -> dict[NodeRef, int]:
        """Louvain communities (GDS's community ids) on an undirected projection."""
        if self.node_count == 0:
            return {}
        config: dict[str, Any] = {
            "relationshipTypes": list(relationship_types),
            "nodeLabels": list(node_labels),
            **_DETERMINISTIC,
        }
        if weight is not None:
            config["relationshipWeightProperty"] = weight
        rows = self._stream(
            f"CALL gds.louvain.stream($g, $config) YIELD nodeId, communityId "
            f"RETURN {_ref('nodeId')}, communityId",
            config=config,
        )
        return {(r["label"], r["key"]): int(r["communityId"]) for r in rows}

    def _similarity_config(self, metric: SimilarityMetric, top_k: int, weighted: bool) -> dict[str, Any]:
        config: dict[str, Any] = {"similarityMetric": metric, "topK": top_k, **_DETERMINISTIC}
        if weighted:
            config["relationshipWeightProperty"] = "weight"
        return config

    def node_similarity(
        self, *, metric: SimilarityMetric = "JACCARD", top_k: int = 10, weighted: bool = True
    ) -> list[tuple[NodeRef, NodeRef, float]]:
        """For each node with out-edges, its ``top_k`` most similar such nodes by the
        targets they share (weighted Jaccard, overlap or cosine); similarity > 0 only."""
        if self.relationship_count == 0:
            return []
        rows = self._stream(
            "CALL gds.nodeSimilarity.stream($g, $config) YIELD node1, node2, similarity "
            f"RETURN {_ref('node1', 'a_')}, {_ref('node2', 'b_')}, similarity",
            config=self._similarity_config(metric, top_k, weighted),
        )
        return [
            ((r["a_label"], r["a_key"]), (r["b_label"], r["b_key"]), float(r["similarity"])) for r in rows
        ]

    def add_similarity(
        self, rel_type: str, *, metric: SimilarityMetric = "COSINE", top_k: int = 10, weighted: bool = True
    ) -> int:
        """``node_similarity`` kept in the projection as ``rel_type`` relationships with a
        ``score`` property (not written to the database); returns how many."""
        if self.relationship_count == 0:
            return 0
        config = self._similarity_config(metric, top_k, weighted)
        config |= {"mutateRelationshipType": check_identifier(rel_type), "mutateProperty": "score"}
        rows = self._stream(
            "CALL gds.nodeSimilarity.mutate($g, $config) YIELD relationshipsWritten "
            "RETURN relationshipsWritten",
            config=config,
        )
        return int(rows[0]["relationshipsWritten"])

    def add_undirected(self, rel_type: str, undirected_type: str) -> int:
        """An undirected copy of ``rel_type`` in the projection, one relationship per pair
        (the larger property value where both directions exist); returns how many."""
        config = {
            "relationshipType": check_identifier(rel_type),
            "mutateRelationshipType": check_identifier(undirected_type),
            "aggregation": "MAX",
        }
        rows = self._stream(
            "CALL gds.graph.relationships.toUndirected($g, $config) YIELD relationshipsWritten "
            "RETURN relationshipsWritten",
            config=config,
        )
        return int(rows[0]["relationshipsWritten"])

    def _paths(
        self, procedure: str, source: NodeRef, target: NodeRef, config: dict[str, Any]
    ) -> list[GdsPath]:
        if self.node_count == 0:
            return []
        (a, a_key), (b, b_key) = source, target
        settings = "".join(f", {check_identifier(k)}: ${k}" for k in config)
        nodes = "[n IN nodeIds | [labels(gds.util.asNode(n))[0], gds.util.asNode(n).id]] AS nodes"
        try:
            rows = self._stream(
                f"MATCH (s:{check_identifier(a)} {{id: $source}}) "
                f"MATCH (t:{check_identifier(b)} {{id: $target}}) "
                f"CALL {procedure}($g, {{sourceNode: s, targetNode: t{settings}}}) "
                f"YIELD index, totalCost, nodeIds RETURN index, totalCost, {nodes} ORDER BY index",
                source=a_key,
                target=b_key,
                **config,
            )
        except QueryError as exc:
            if "do not exist in the in-memory graph" in str(exc):
                return []  # an end without edges of the projected types: no path
            raise
        return [
            GdsPath(tuple((str(n[0]), str(n[1])) for n in r["nodes"]), float(r["totalCost"])) for r in rows
        ]

    def shortest_path(self, source: NodeRef, target: NodeRef, *, weighted: bool = True) -> GdsPath | None:
        """The cheapest path by Dijkstra (fewest hops when unweighted), or ``None``."""
        config = {"relationshipWeightProperty": "weight"} if weighted else {}
        found = self._paths("gds.shortestPath.dijkstra.stream", source, target, config)
        return found[0] if found else None

    def k_shortest_paths(
        self, source: NodeRef, target: NodeRef, k: int, *, weighted: bool = True
    ) -> list[GdsPath]:
        """Up to ``k`` cheapest loopless paths by Yen's algorithm, cheapest first."""
        config: dict[str, Any] = {"k": k, **({"relationshipWeightProperty": "weight"} if weighted else {})}
        return self._paths("gds.shortestPath.yens.stream", source, target, config)


class Gds:
    """The GDS procedures of a Neo4j server (``Neo4jStore.gds()`` finds out whether it has them)."""

    def __init__(self, driver: neo4j.Driver, database: str, registry: Registry, version: str) -> None:
        self._driver = driver
        self._database = database
        self.registry = registry
        self.version = version

    @contextmanager
    def _projected(self, body: str, params: Mapping[str, Any], undirected: bool) -> Iterator[GdsGraph]:
        """Project the rows ``a, b, w`` that ``body`` yields; drop the projection afterwards."""
        name = f"accountgraph-{uuid.uuid4().hex}"
        text = (
            f"{body} WITH gds.graph.project($name, a, b, "
            "{sourceNodeLabels: labels(a), targetNodeLabels: labels(b), "
            "relationshipProperties: {weight: w}}, "
            "{undirectedRelationshipTypes: $undirected}) AS g "
            "RETURN g.nodeCount AS nodes, g.relationshipCount AS rels"
        )
        with (
            translated(),
            self._driver.session(database=self._database, default_access_mode=neo4j.WRITE_ACCESS) as session,
        ):
            row = session.run(
                text, {**params, "name": name, "undirected": ["*"] if undirected else []}
            ).single()
            nodes = 0 if row is None or row["nodes"] is None else int(row["nodes"])
            rels = 0 if row is None or row["rels"] is None else int(row["rels"])
            try:
                yield GdsGraph(session, name, nodes, rels)
            finally:
                session.run(
                    "CALL gds.graph.drop($name, false) YIELD graphName RETURN graphName", name=name
                ).consume()

    @contextmanager
    def project(
        self,
        rel_types: Sequence[str],
        *,
        reverse: Collection[str] = (),
        undirected: bool = False,
        weighted: bool = True,
        simple: bool = False,
    ) -> Iterator[GdsGraph]:
        """The stored edges of ``rel_types`` and the nodes they join.

        ``reverse`` names types projected end → start; each edge weighs its type's weight
        property (1.0 where the type has none or it is unset, or ``weighted=False``).
        ``simple`` keeps one relationship per node pair (per unordered pair when
        undirected), weights summed, and no self-loops.
        """
        if not rel_types:
            raise ValueError("a GDS projection needs at least one relationship type")
        parts = []
        for rel_type in rel_types:
            rel = self.registry.rel(rel_type)
            weight = (
                f"toFloat(coalesce(r.{check_identifier(rel.weight)}, 1.0))"
                if weighted and rel.weight
                else "1.0"
            )
            a, b = ("t", "s") if rel_type in reverse else ("s", "t")
            parts += [
                f"MATCH (s:{check_identifier(start)})-[r:{check_identifier(rel.type)}]->"
                f"(t:{check_identifier(end)}) RETURN {a} AS a, {b} AS b, {weight} AS w"
                for start, end in rel.endpoints
            ]
        body = "CALL () { " + " UNION ALL ".join(parts) + " }"
        if simple and undirected:
            body += (
                " WITH CASE WHEN elementId(a) < elementId(b) THEN [a, b] ELSE [b, a] END AS ends, w"
                " WHERE ends[0] <> ends[1] WITH ends[0] AS a, ends[1] AS b, sum(w) AS w"
            )
        elif simple:
            body += " WITH a, b, sum(w) AS w WHERE a <> b"
        with self._projected(body, {}, undirected) as graph:
            yield graph

    @contextmanager
    def project_bipartite(
        self, rel_type: str, start_label: str, end_label: str, end_weights: Mapping[str, float]
    ) -> Iterator[GdsGraph]:
        """One relationship per (start, end) pair joined by ``rel_type``, for the end nodes
        named in ``end_weights``, weighing that end node's weight (e.g. an inverse
        popularity): the input of node similarity over what the start nodes share."""
        rel = self.registry.check_endpoints(rel_type, start_label, end_label)
        end = self.registry.node(end_label)
        body = (
            f"MATCH (a:{check_identifier(start_label)})-[:{check_identifier(rel.type)}]->"
            f"(b:{check_identifier(end.label)}) WHERE b.{end.key} IN $keys "
            f"WITH DISTINCT a, b WITH a, b, toFloat($weights[b.{end.key}]) AS w"
        )
        params = {"keys": list(end_weights), "weights": dict(end_weights)}
        with self._projected(body, params, undirected=False) as graph:
            yield graph

    @contextmanager
    def project_edges(self, label: str, edges: Sequence[tuple[str, str, float]]) -> Iterator[GdsGraph]:
        """Edges given by the caller, ``(from key, to key, weight)`` between stored nodes of
        ``label``: for weights the caller derives (e.g. a cost from strength and recency)."""
        node = self.registry.node(label)
        match = f"MATCH (a:{check_identifier(node.label)} {{{node.key}: e[0]}}) "
        match += f"MATCH (b:{check_identifier(node.label)} {{{node.key}: e[1]}})"
        body = f"UNWIND $edges AS e {match} WITH a, b, toFloat(e[2]) AS w"
        with self._projected(body, {"edges": [list(e) for e in edges]}, undirected=False) as graph:
            if graph.relationship_count != len(edges):
                raise QueryError(
                    f"{len(edges) - graph.relationship_count} of {len(edges)} {label} edges name a node "
                    "that does not exist"
                )
            yield graph
