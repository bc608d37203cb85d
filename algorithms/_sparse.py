"""Sparse adjacency matrices built from edge arrays or a store projection."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from graph import Projection

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


def adjacency(
    n: int,
    src: npt.ArrayLike,
    dst: npt.ArrayLike,
    weight: npt.ArrayLike | None = None,
    *,
    directed: bool = True,
) -> sp.csr_array:
    """The ``n`` x ``n`` CSR matrix with ``A[i, j]`` the summed weight of edges i→j.

    Parallel edges add up, as in ``networkx.to_scipy_sparse_array`` of a multigraph.
    Undirected: each edge is entered in both directions, a self-loop once.
    """
    s = np.asarray(src, dtype=np.int64)
    d = np.asarray(dst, dtype=np.int64)
    w = np.ones(s.shape[0]) if weight is None else np.asarray(weight, dtype=np.float64)
    if not directed:
        off = s != d
        s, d, w = np.concatenate([s, d[off]]), np.concatenate([d, s[off]]), np.concatenate([w, w[off]])
    matrix = sp.coo_array((w, (s, d)), shape=(n, n)).tocsr()
    matrix.sum_duplicates()
    return matrix


def projection_adjacency(
    projection: Projection, *, directed: bool = True, weighted: bool = True
) -> sp.csr_array:
    """A projection's adjacency matrix, optionally ignoring weights."""
    return adjacency(
        projection.node_count,
        projection.src,
        projection.dst,
        projection.weight if weighted else None,
        directed=directed,
    )


def without_diagonal(adj: sp.csr_array) -> sp.csr_array:
    """A copy of ``adj`` with self-loops (and explicit zeros) dropped."""
    coo = adj.tocoo()
    keep = (coo.row != coo.col) & (coo.data != 0)
    return sp.csr_array((coo.data[keep], (coo.row[keep], coo.col[keep])), shape=adj.shape)
