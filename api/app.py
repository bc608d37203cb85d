"""The ASGI app: GraphQL at /graphql, health, readiness and metrics."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from api._audit import AuditLog
from api._auth import Authenticator, JwtVerifier
from api._documents import DocumentCache
from api._http import CSP, graphql_endpoint
from api._keys import KeyStore
from api._metrics import Metrics
from api._ratelimit import LocalRateLimiter, RateLimiter, SharedRateLimiter
from api._response_cache import ResponseCache
from api._schema import graphql_schema
from api._services import build_services
from api._state import ApiState
from api.config import ApiSettings
from api.intelligence import Intelligence, StoredIntelligence
from graph import GraphError, GraphStore

log = logging.getLogger("accountgraph.api")
STATIC = Path(__file__).with_name("static")

DEMO_BANNER = (
    "DEMO MODE: authentication is OFF. Every caller is an admin and sees personal data. "
    "Never expose this server beyond your own machine."
)


def build_state(
    store: GraphStore,
    settings: ApiSettings,
    data_dir: Path,
    intelligence: Intelligence | None = None,
) -> ApiState:
    demo = settings.mode == "demo"
    verifier = JwtVerifier(
        secret=settings.jwt_secret.get_secret_value() if settings.jwt_secret else None,
        jwks_file=settings.jwks_file,
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
    )
    schema = graphql_schema()
    return ApiState(
        settings=settings,
        store=store,
        intelligence=intelligence or StoredIntelligence(store),
        auth=Authenticator(KeyStore(settings.keys_path(data_dir)), verifier, demo=demo),
        audit=AuditLog(settings.audit_path(data_dir)),
        schema=schema,
        documents=DocumentCache(
            schema,
            settings.max_depth,
            settings.max_cost,
            settings.max_page,
            settings.document_cache,
            max_chars=settings.document_cache_kb << 10,
            max_tokens=settings.max_tokens,
        ),
        limiter=_limiter(settings, data_dir),
        metrics=Metrics(),
        services=build_services(store, settings, data_dir),
        responses=ResponseCache(
            store,
            max_bytes=int(settings.response_cache_mb * (1 << 20)),
            ttl=settings.response_cache_ttl,
            check_interval=settings.store_check_interval,
        ),
    )


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    state: ApiState = request.app.state.api
    try:
        await run_in_threadpool(state.store.get_node, "Company", "__readyz__")
    except GraphError as exc:
        return JSONResponse(
            {"status": "unavailable", "store": state.store.kind, "error": type(exc).__name__}, 503
        )
    return JSONResponse({"status": "ready", "store": state.store.kind})


async def explorer(request: Request) -> Response:
    return FileResponse(STATIC / "index.html", headers={"content-security-policy": CSP})


async def metrics(request: Request) -> Response:
    state: ApiState = request.app.state.api
    return Response(state.metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8")


def _limiter(settings: ApiSettings, data_dir: Path) -> RateLimiter:
    if settings.workers > 1:
        return SharedRateLimiter(settings.ratelimit_path(data_dir), settings.rate_limit, settings.rate_burst)
    return LocalRateLimiter(settings.rate_limit, settings.rate_burst)


def create_app(
    store: GraphStore | None,
    settings: ApiSettings,
    data_dir: Path,
    intelligence: Intelligence | None = None,
    store_factory: Callable[[], GraphStore] | None = None,
) -> Starlette:
    """The app over ``store``; or, with ``store=None``, over the store ``store_factory``
    opens at start-up and the app closes at shutdown (what ``accountgraph serve`` does)."""
    assert (store is None) != (store_factory is None), "give a store or a store factory"

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        owned = store is None
        graph = store if store is not None else await run_in_threadpool(store_factory)  # type: ignore[arg-type]
        state = build_state(graph, settings, data_dir, intelligence)
        state.graphiql_html = _graphiql()
        app.state.api = state
        if settings.mode == "demo":
            log.warning(DEMO_BANNER)
            print(f"\n*** {DEMO_BANNER} ***\n", file=sys.stderr, flush=True)
        try:
            yield
        finally:
            if owned:
                graph.close()

    routes = [
        Route("/graphql", graphql_endpoint, methods=["GET", "POST"]),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics),
        Route("/", explorer),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


def _graphiql() -> str | None:
    page = STATIC / "graphiql.html"
    return page.read_text(encoding="utf-8") if page.exists() else None
