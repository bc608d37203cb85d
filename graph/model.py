"""Plain values the port hands out: nodes, edges, subgraphs and algorithm projections."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

NodeRef = tuple[str, str]  # (label, key)


@dataclass(frozen=True)
class Node:
    label: str
    key: str
    props: dict[str, Any]

    @property
    def ref(self) -> NodeRef:
        return (self.label, self.key)


@dataclass(frozen=True)
class Edge:
    type: str
    start: NodeRef
    end: NodeRef
    props: dict[str, Any]


@dataclass
class Subgraph:
    """A bounded piece of the graph, e.g. a node's neighbourhood."""

    nodes: dict[NodeRef, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)


@dataclass(frozen=True)
class Projection:
    """A typed subgraph for algorithms: dense node indices and edge arrays.

    Node ``i`` is ``(labels[i], keys[i])``; edge ``j`` goes from ``src[j]`` to ``dst[j]``
    with weight ``weight[j]`` (1.0 where the type has no weight property or it is unset)
    and type ``rel_types[rel_type_index[j]]``.
    """

    labels: list[str]
    keys: list[str]
    src: npt.NDArray[np.int64]
    dst: npt.NDArray[np.int64]
    weight: npt.NDArray[np.float64]
    rel_type_index: npt.NDArray[np.int16]
    rel_types: list[str]

    @property
    def node_count(self) -> int:
        return len(self.keys)

    @property
    def edge_count(self) -> int:
        return int(self.src.shape[0])

    def index(self) -> dict[NodeRef, int]:
        return {(label, key): i for i, (label, key) in enumerate(zip(self.labels, self.keys, strict=True))}
