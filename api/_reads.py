"""The reads of one request: the graph layer's scoped batched reads (``graph.reads``) in
the scope the access policy gives the principal, reporting store latency to the metrics."""

from __future__ import annotations

from api._policy import PII_FIELDS, Policy
from graph import GraphStore
from graph.reads import Observer, ScopedReads


class ReadModel(ScopedReads):
    """The policy-checked reads of one request."""

    def __init__(self, store: GraphStore, policy: Policy, observe: Observer | None = None) -> None:
        hidden = {} if policy.principal.sees_pii else PII_FIELDS
        super().__init__(store, policy.scope(), observe, hidden)
        self.policy = policy
