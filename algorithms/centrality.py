"""PageRank and betweenness centrality on sparse adjacency matrices.

Both follow networkx's reference implementations step for step (same iteration,
normalisation and rescaling), so their answers agree to floating-point noise; the
difference is speed: the work is done in scipy/numpy, not in Python loops.
"""

from __future__ import annotations

import random

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from algorithms._sparse import FloatArray, without_diagonal
from algorithms.errors import EmptyGraph, NotConverged

__all__ = ["betweenness", "pagerank", "sample_pivots"]

#: graphs with more nodes than this get sampled betweenness unless told otherwise
EXACT_BETWEENNESS_LIMIT = 5000
_BATCH = 64  # BFS sources processed together as the rows of one dense block


def pagerank(
    adj: sp.csr_array,
    *,
    alpha: float = 0.85,
    personalization: npt.ArrayLike | None = None,
    dangling: npt.ArrayLike | None = None,
    max_iter: int = 100,
    tol: float = 1.0e-6,
) -> FloatArray:
    """PageRank of every node of a weighted directed graph given as ``adj[i, j]`` = weight i→j.

    ``personalization`` (teleport) and ``dangling`` (where the rank of nodes without
    out-edges goes) are non-negative vectors, normalised here; both default to uniform,
    and ``dangling`` defaults to ``personalization`` as in networkx. The iteration stops
    when the L1 change falls below ``n * tol``.

    >>> import numpy as np
    >>> from algorithms._sparse import adjacency
    >>> pagerank(adjacency(3, [0, 1], [1, 2])).round(3).tolist()
    [0.184, 0.341, 0.474]

    Each iteration costs O(n + m).
    """
    n = adj.shape[0]
    if n == 0:
        raise EmptyGraph("pagerank needs at least one node")
    out = np.asarray(adj.sum(axis=1)).ravel()
    inv = np.divide(1.0, out, out=np.zeros(n), where=out != 0)
    transition = (sp.diags_array(inv) @ adj).T.tocsr()  # column-stochastic, transposed for x @ A
    p = _distribution(personalization, n)
    dangling_weights = p if dangling is None else _distribution(dangling, n)
    is_dangling = np.flatnonzero(out == 0)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * (transition @ x + x[is_dangling].sum() * dangling_weights) + (1 - alpha) * p
        if np.abs(x - last).sum() < n * tol:
            result: FloatArray = x / x.sum()
            return result
    raise NotConverged("pagerank", max_iter)


def _distribution(values: npt.ArrayLike | None, n: int) -> FloatArray:
    if values is None:
        return np.full(n, 1.0 / n)
    v = np.asarray(values, dtype=np.float64)
    if v.shape != (n,) or (v < 0).any() or v.sum() <= 0:
        raise ValueError("a personalization/dangling vector needs n non-negative values, not all zero")
    result: FloatArray = v / v.sum()
    return result


def sample_pivots(n: int, k: int, seed: int) -> list[int]:
    """The ``k`` source nodes networkx picks for ``betweenness_centrality(G, k, seed=seed)``
    when G's nodes are ``0 .. n-1`` in order; a seeded, reproducible sample."""
    return random.Random(seed).sample(range(n), k)  # noqa: S311 (sampling, not security)


def betweenness(
    adj: sp.csr_array,
    *,
    directed: bool = True,
    normalized: bool = True,
    sources: npt.ArrayLike | None = None,
    k: int | None = None,
    seed: int = 0,
) -> FloatArray:
    """Shortest-path (hop count) betweenness of every node, as networkx computes it.

    Exact over all sources by default; with ``sources`` (or ``k`` sampled pivots, or
    more than ``EXACT_BETWEENNESS_LIMIT`` nodes) it is the pivot estimate, rescaled as
    networkx rescales it. For an undirected graph pass the symmetric ``adj`` and
    ``directed=False``. Brandes' algorithm, run level-synchronously for a block of
    sources at a time: each BFS level is one sparse-matrix product.

    >>> from algorithms._sparse import adjacency
    >>> betweenness(adjacency(3, [0, 1], [1, 2], directed=False), directed=False).tolist()
    [0.0, 1.0, 0.0]

    Costs O(s * m) for s sources.
    """
    n = adj.shape[0]
    if n == 0:
        raise EmptyGraph("betweenness needs at least one node")
    if sources is None and k is None and n > EXACT_BETWEENNESS_LIMIT:
        k = EXACT_BETWEENNESS_LIMIT // 10
    if sources is None and k is not None and k < n:
        sources = sample_pivots(n, k, seed)
    pivots = np.arange(n) if sources is None else np.asarray(sources, dtype=np.int64)
    pattern = without_diagonal(adj)
    pattern.data = np.ones_like(pattern.data)
    bc = np.zeros(n)
    for start in range(0, pivots.shape[0], _BATCH):
        bc += _dependencies(pattern, pivots[start : start + _BATCH])
    return _rescale(bc, n, normalized, directed, None if sources is None else pivots)


def _dependencies(pattern: sp.csr_array, sources: npt.NDArray[np.int64]) -> FloatArray:
    """Sum over ``sources`` of Brandes' dependency of each node, without the sources' own."""
    b, n = sources.shape[0], pattern.shape[0]
    rows = np.arange(b)
    sigma = np.zeros((b, n))
    sigma[rows, sources] = 1.0
    depth = np.full((b, n), -1, dtype=np.int32)
    depth[rows, sources] = 0
    frontier = sigma.copy()
    level = 0
    while True:
        reached = np.asarray(pattern.T @ frontier.T).T  # path counts one hop beyond the frontier
        reached[depth >= 0] = 0.0
        if not reached.any():
            break
        level += 1
        depth[reached > 0] = level
        sigma += reached
        frontier = reached
    delta = np.zeros((b, n))
    safe_sigma = np.where(sigma > 0, sigma, 1.0)
    for d in range(level, 1, -1):
        share = np.where(depth == d, (1.0 + delta) / safe_sigma, 0.0)
        back = np.asarray(pattern @ share.T).T  # pulled back along edges into level d-1
        delta += np.where(depth == d - 1, back * sigma, 0.0)
    result: FloatArray = delta.sum(axis=0)
    return result


def _rescale(
    bc: FloatArray,
    n: int,
    normalized: bool,
    directed: bool,
    pivots: npt.NDArray[np.int64] | None,
) -> FloatArray:
    """networkx's ``_rescale`` for ``endpoints=False``."""
    pairs = n - 1  # targets other than v
    if pairs < 2:
        return bc
    correction = 1 if directed else 2
    k = pairs if pivots is None else pivots.shape[0]
    if pivots is None:
        scale = 1 / (k * (pairs - 1)) if normalized else pairs / (k * correction)
        result: FloatArray = bc * scale
        return result
    if normalized:
        on_source = 1 / ((k - 1) * (pairs - 1)) if k > 1 else np.nan
        off_source = 1 / (k * (pairs - 1))
    else:
        on_source = pairs / ((k - 1) * correction) if k > 1 else np.nan
        off_source = pairs / (k * correction)
    scale_by = np.full(n, off_source)
    scale_by[pivots] = on_source
    result = bc * scale_by
    return result
