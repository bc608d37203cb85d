"""GraphQL over HTTP (the GraphQL-over-HTTP spec): GET for queries, POST for everything,
``application/graphql-response+json`` and ``application/json`` responses."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from graphql import (
    DocumentNode,
    ExecutionContext,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    get_operation_ast,
)
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from api._body import BodyTooLarge, TooDeep, admits, body_limit, read_body
from api._body import loads as bounded_json
from api._context import audit_pii_reads
from api._errors import ApiError, AuthError, Code
from api._persisted import PersistedQueryError
from api._principal import Principal
from api._response_cache import Key, Version, request_key
from api._state import ApiState
from api.config import ApiSettings

log = logging.getLogger("accountgraph.api")

GRAPHQL_RESPONSE = "application/graphql-response+json"
#: the pages load only this server's scripts (the libraries are vendored, no CDN)
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; worker-src 'self' blob:; frame-ancestors 'none'"
)
JSON = "application/json"


class _RequestError(Exception):
    def __init__(self, status: int, message: str, code: Code = Code.BAD_USER_INPUT, **headers: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers


def _accepted(accept: str) -> list[str]:
    """Media types the client accepts, best first (q=0 excluded)."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            name, _, value = p.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    return [m for _, _, m in sorted(ranked)]


def negotiate(accept: str | None) -> str | None:
    if not accept:
        return JSON  # legacy clients send no Accept header
    for media in _accepted(accept):
        if media == GRAPHQL_RESPONSE:
            return GRAPHQL_RESPONSE
        if media in (JSON, "application/*", "*/*"):
            return JSON
    return None


def wants_html(request: Request) -> bool:
    accepted = _accepted(request.headers.get("accept", ""))
    return bool(accepted) and accepted[0] == "text/html" and "query" not in request.query_params


def _error_body(message: str, code: Code) -> dict[str, Any]:
    return {"errors": [{"message": message, "extensions": {"code": code.value}}]}


def format_error(error: GraphQLError) -> dict[str, Any]:
    original = error.original_error
    if original is not None and not isinstance(original, GraphQLError):
        log.error("resolver failed", exc_info=original)
        masked = GraphQLError("internal error", error.nodes, path=error.path)
        masked.extensions = {"code": Code.INTERNAL.value}
        return dict(masked.formatted)
    formatted: dict[str, Any] = dict(error.formatted)
    if isinstance(original, ApiError):
        formatted["extensions"] = {**(original.extensions or {}), "code": original.code.value}
    elif not (error.extensions or {}).get("code"):
        formatted["extensions"] = {**(error.extensions or {}), "code": Code.BAD_USER_INPUT.value}
    return formatted


async def _params(request: Request, settings: ApiSettings) -> dict[str, Any]:
    depth = settings.max_json_depth
    if request.method == "GET":
        q = request.query_params
        params: dict[str, Any] = {
            "query": q.get("query"),
            "operationName": q.get("operationName"),
        }
        for name in ("variables", "extensions"):
            raw = q.get(name)
            if raw:
                try:
                    params[name] = bounded_json(raw, depth)
                except TooDeep as exc:
                    raise _RequestError(400, f"{name}: {exc}") from None
                except ValueError:
                    raise _RequestError(400, f"{name} is not valid JSON") from None
        return params
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != JSON:
        raise _RequestError(415, "send the request as application/json")
    try:
        content = await read_body(request, body_limit(settings.max_body_bytes, settings.max_ingest_bytes))
        request.state.body_bytes = len(content)
        body = bounded_json(content, depth)
    except BodyTooLarge as exc:
        raise _RequestError(413, str(exc)) from None
    except TooDeep as exc:
        raise _RequestError(400, str(exc)) from None
    except ValueError:
        raise _RequestError(400, "the body is not valid JSON") from None
    if not isinstance(body, dict):
        raise _RequestError(400, "the body must be a JSON object")
    return body


def _check(params: Mapping[str, Any]) -> tuple[str, dict[str, Any] | None, str | None]:
    query, variables, operation = params.get("query"), params.get("variables"), params.get("operationName")
    if not isinstance(query, str) or not query:
        raise _RequestError(400, "query must be a non-empty string")
    if variables is not None and not isinstance(variables, dict):
        raise _RequestError(400, "variables must be a JSON object")
    if operation is not None and not isinstance(operation, str):
        raise _RequestError(400, "operationName must be a string")
    extensions = params.get("extensions")
    if extensions is not None and not isinstance(extensions, dict):
        raise _RequestError(400, "extensions must be a JSON object")
    return query, variables, operation


async def graphql_endpoint(request: Request) -> Response:
    state: ApiState = request.app.state.api
    started = time.perf_counter()
    if request.method == "GET" and wants_html(request) and state.graphiql_html is not None:
        return HTMLResponse(state.graphiql_html, headers={"content-security-policy": CSP})
    media = negotiate(request.headers.get("accept"))
    outcome = "error"
    try:
        if media is None:
            raise _RequestError(406, f"accept {GRAPHQL_RESPONSE} or {JSON}")
        response, outcome = await _handle(request, state, media)
    except _RequestError as exc:
        response = JSONResponse(
            _error_body(exc.message, exc.code),
            status_code=exc.status,
            media_type=media or JSON,
            headers=exc.headers or None,
        )
        outcome = exc.code.value
    elapsed = time.perf_counter() - started
    state.metrics.observe_request(outcome, response.status_code, elapsed)
    return response


def _admit(request: Request, state: ApiState) -> Principal:
    """The authenticated caller, within its rate limit."""
    try:
        principal = state.auth.authenticate(request.headers)
    except AuthError as exc:
        # callers without valid credentials share one bucket per address: guessing keys
        # or flooding the token check is limited too
        _within_limit(state, f"address:{request.client.host if request.client else '-'}")
        raise _RequestError(401, exc.message, exc.code, **{"WWW-Authenticate": "Bearer"}) from None
    _within_limit(state, principal.subject)
    return principal


def _within_limit(state: ApiState, who: str) -> None:
    wait = state.limiter.check(who)
    if wait:
        raise _RequestError(
            429, "too many requests", Code.RATE_LIMITED, **{"Retry-After": str(int(wait) + 1)}
        )


def _errors(errs: list[GraphQLError], media: str) -> Response:
    status = 400 if media == GRAPHQL_RESPONSE else 200
    return JSONResponse({"errors": [format_error(e) for e in errs]}, status_code=status, media_type=media)


@dataclass(frozen=True)
class _Call:
    """A checked request: who asks, for which operation of which document."""

    principal: Principal
    media: str
    query: str
    variables: dict[str, Any] | None
    operation_name: str | None
    document: DocumentNode
    operation: OperationDefinitionNode

    @property
    def name(self) -> str | None:
        return self.operation.name.value if self.operation.name else None


async def _handle(request: Request, state: ApiState, media: str) -> tuple[Response, str]:
    principal = _admit(request, state)
    try:
        params = state.services.persisted.expand(await _params(request, state.settings))
    except PersistedQueryError as exc:
        raise _RequestError(exc.status, exc.message, exc.code) from None
    query, variables, operation_name = _check(params)
    if not admits(
        getattr(request.state, "body_bytes", 0), state.settings.max_body_bytes, query, operation_name
    ):
        raise _RequestError(413, str(BodyTooLarge(state.settings.max_body_bytes)))
    introspection = state.introspection_for(principal)
    checked = state.documents.lookup(query, introspection)
    if checked is None:  # parse and validate in a worker thread: a big document takes seconds
        checked = await run_in_threadpool(state.documents.get, query, introspection)
    if checked.document is None:
        code = Code.GRAPHQL_PARSE_FAILED if checked.parse_failed else Code.GRAPHQL_VALIDATION_FAILED
        first = (checked.errors[0].extensions or {}).get("code", code.value) if checked.errors else code.value
        return _errors(list(checked.errors), media), str(first)
    operation = get_operation_ast(checked.document, operation_name)
    if operation is None:
        msg = "name the operation to run (operationName)" if operation_name is None else "no such operation"
        return _errors([GraphQLError(msg)], media), Code.BAD_USER_INPUT.value
    if request.method == "GET" and operation.operation is not OperationType.QUERY:
        raise _RequestError(405, "only queries may be sent with GET; use POST", Allow="POST")
    call = _Call(principal, media, query, variables, operation_name, checked.document, operation)
    if not state.responses.enabled or operation.operation is not OperationType.QUERY:
        return await _execute(state, call, None)
    cache = state.responses
    version = (
        cache.current(False) if not cache.needs_check() else await run_in_threadpool(cache.current, True)
    )
    slot = (request_key(principal, media, query, operation_name, variables), version)
    hit = cache.get(*slot)
    if hit is None:
        return await _execute(state, call, slot)
    audit_pii_reads(state.audit, principal, call.name, hit.pii_reads)
    _log(call, errors=0, cached=True)
    return Response(hit.body, media_type=media), "ok"


async def _execute(state: ApiState, call: _Call, slot: tuple[Key, Version] | None) -> tuple[Response, str]:
    """Run the operation; keep a clean answer in the response cache under ``slot``."""
    context = state.context(call.principal, call.name)
    built = ExecutionContext.build(
        state.schema, call.document, None, context, call.variables, call.operation_name
    )
    mutation = call.operation.operation is OperationType.MUTATION
    if isinstance(built, list):
        if mutation:
            state.audit.record_refusals(call.principal, call.name, built)
        return _errors(built, call.media), Code.BAD_USER_INPUT.value
    try:
        data: Any = built.execute_operation(call.operation, None)
        if built.is_awaitable(data):
            data = await cast(Awaitable[Any], data)
    except GraphQLError as exc:
        built.collected_errors.add(exc, None)
        data = None
    result = built.build_response(data, built.collected_errors.errors)
    context.finish()
    if mutation and result.errors:
        state.audit.record_refusals(call.principal, call.name, result.errors)
    body: dict[str, Any] = {"data": result.data}
    if result.errors:
        body["errors"] = [format_error(e) for e in result.errors]
    _log(call, errors=len(result.errors or ()), cached=False)
    response = JSONResponse(body, media_type=call.media)
    if slot is not None and not result.errors and not context.read_volatile:
        state.responses.put(*slot, bytes(response.body), context.pii_reads)
    return response, ("ok" if not result.errors else "partial")


def _log(call: _Call, errors: int, cached: bool) -> None:
    log.info(
        "graphql",
        extra={
            "who": call.principal.subject,
            "operation": call.name,
            "kind": call.operation.operation.value,
            "errors": errors,
            "cached": cached,
        },
    )
