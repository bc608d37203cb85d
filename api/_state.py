"""What the app holds for its lifetime, and how it builds each request's context."""

from __future__ import annotations

from dataclasses import dataclass

from graphql import GraphQLSchema

from api._audit import AuditLog
from api._auth import Authenticator
from api._context import Context
from api._documents import DocumentCache
from api._metrics import Metrics
from api._policy import Policy
from api._principal import Principal
from api._ratelimit import RateLimiter
from api._reads import ReadModel
from api._response_cache import ResponseCache
from api._services import Services
from api.config import ApiSettings
from api.intelligence import Intelligence
from graph import GraphStore


@dataclass
class ApiState:
    settings: ApiSettings
    store: GraphStore
    intelligence: Intelligence
    auth: Authenticator
    audit: AuditLog
    schema: GraphQLSchema
    documents: DocumentCache
    limiter: RateLimiter
    metrics: Metrics
    services: Services
    responses: ResponseCache
    graphiql_html: str | None = None

    def introspection_for(self, principal: Principal) -> bool:
        return self.settings.mode != "production" or principal.is_admin

    def context(self, principal: Principal, operation: str | None) -> Context:
        reads = ReadModel(self.store, Policy(principal), self.metrics.observe_store)
        return Context(
            principal=principal,
            reads=reads,
            store=self.store,
            intelligence=self.intelligence,
            audit=self.audit,
            max_page=self.settings.max_page,
            operation=operation,
            services=self.services,
        )
