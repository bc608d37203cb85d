"""Errors with stable codes, as clients see them in ``errors[].extensions.code``."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from graphql import GraphQLError


class Code(StrEnum):
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    NOT_FOUND = "NOT_FOUND"
    DEPTH_LIMIT_EXCEEDED = "DEPTH_LIMIT_EXCEEDED"
    COST_LIMIT_EXCEEDED = "COST_LIMIT_EXCEEDED"
    INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED"
    RATE_LIMITED = "RATE_LIMITED"
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    STORE_UNAVAILABLE = "STORE_UNAVAILABLE"
    #: a persisted-query hash the server does not know: send the document with it once
    PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
    PERSISTED_QUERY_NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED"
    #: the server runs only allow-listed documents, and this is not one of them
    PERSISTED_QUERY_NOT_IN_LIST = "PERSISTED_QUERY_NOT_IN_LIST"
    INTERNAL = "INTERNAL"


class ApiError(GraphQLError):
    """A GraphQL error that carries one of the stable codes."""

    def __init__(self, code: Code, message: str, **kwargs: Any) -> None:
        extensions = dict(kwargs.pop("extensions", None) or {})
        extensions["code"] = code.value
        super().__init__(message, extensions=extensions, **kwargs)
        self.code = code


class AuthError(Exception):
    """Credentials missing or rejected: the request never reaches GraphQL."""

    def __init__(self, code: Code, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
