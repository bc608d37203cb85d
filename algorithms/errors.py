"""Errors the algorithms raise for input they cannot answer.

AlgorithmError
 ├── EmptyGraph            a graph with no nodes where at least one is needed
 └── NotConverged          an iterative method ran out of iterations
"""

from __future__ import annotations


class AlgorithmError(Exception):
    """Base class of every error raised in ``algorithms``."""


class EmptyGraph(AlgorithmError):
    """The graph has no nodes, so the question has no answer."""


class NotConverged(AlgorithmError):
    """An iterative method did not reach its tolerance within ``max_iter`` iterations."""

    def __init__(self, method: str, max_iter: int) -> None:
        super().__init__(f"{method} did not converge within {max_iter} iterations")
        self.method = method
        self.max_iter = max_iter
