"""Persisted queries: automatic registration by SHA-256 hash (APQ), and an allow-list.

APQ, as Apollo clients speak it: a GET or POST carries ``extensions.persistedQuery =
{"version": 1, "sha256Hash": H}``. Without a ``query``, the server runs the document it
registered under ``H``, or answers 404 ``PERSISTED_QUERY_NOT_FOUND`` (message
``PersistedQueryNotFound``, which clients recognise), and the client sends the hash again
with the document; the server checks that the document hashes to ``H`` and registers it.

With an allow-list (``allowlist_dir``: ``*.graphql`` files, hashed at start-up) only those
documents run, by hash or sent in full; any other is refused with 403
``PERSISTED_QUERY_NOT_IN_LIST`` (an unknown hash with 404), and nothing is registered. Each
file is listed under the hash of its exact text and of its printed form
(``graphql.print_ast``), which is what Apollo Client hashes and sends.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from graphql import GraphQLError, parse, print_ast

from api._errors import Code

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class PersistedQueryError(Exception):
    """A persisted-query request refused before GraphQL sees it: HTTP status, code, message."""

    def __init__(self, status: int, code: Code, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_allowlist(directory: Path) -> dict[str, str]:
    """Hash -> document for every ``*.graphql`` under ``directory``; a file that does not
    parse fails start-up with its name and the error."""
    if not directory.is_dir():
        raise ValueError(f"allowlist_dir {directory} is not a directory")
    listed: dict[str, str] = {}
    for path in sorted(directory.rglob("*.graphql")):
        text = path.read_text(encoding="utf-8")
        try:
            printed = print_ast(parse(text))
        except GraphQLError as exc:
            raise ValueError(f"allow-listed document {path} does not parse: {exc.message}") from None
        listed[sha256(text)] = text
        listed.setdefault(sha256(printed), printed)
    return listed


class PersistedQueries:
    """The documents known by hash: registered by clients (APQ), or the allow-list."""

    def __init__(self, enabled: bool = True, size: int = 1000, allowlist: Mapping[str, str] | None = None):
        self.enabled = enabled or allowlist is not None
        self.allowlist = dict(allowlist) if allowlist is not None else None
        self.size = size
        self._registered: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def expand(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """The request's parameters with ``query`` taken from its hash, once checked."""
        extensions = params.get("extensions")
        persisted = extensions.get("persistedQuery") if isinstance(extensions, dict) else None
        query = params.get("query")
        if persisted is None:
            listed = self.allowlist
            if listed is not None and isinstance(query, str) and query and sha256(query) not in listed:
                raise _not_listed()
            return dict(params)
        if not self.enabled:
            raise PersistedQueryError(400, Code.PERSISTED_QUERY_NOT_SUPPORTED, "PersistedQueryNotSupported")
        digest = _digest(persisted)
        if query is None:
            return {**params, "query": self._known(digest)}
        if isinstance(query, str) and sha256(query) != digest:
            raise PersistedQueryError(400, Code.BAD_USER_INPUT, "provided sha256Hash does not match query")
        if self.allowlist is not None:
            if digest not in self.allowlist:
                raise _not_listed()
        elif isinstance(query, str) and query:
            self._register(digest, query)
        return dict(params)

    def _known(self, digest: str) -> str:
        if self.allowlist is not None:
            listed = self.allowlist.get(digest)
            if listed is None:
                raise PersistedQueryError(404, Code.PERSISTED_QUERY_NOT_IN_LIST, "PersistedQueryNotInList")
            return listed
        with self._lock:
            found = self._registered.get(digest)
            if found is not None:
                self._registered.move_to_end(digest)
        if found is None:
            raise PersistedQueryError(404, Code.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound")
        return found

    def _register(self, digest: str, query: str) -> None:
        if not self.size:
            return
        with self._lock:
            self._registered[digest] = query
            self._registered.move_to_end(digest)
            while len(self._registered) > self.size:
                self._registered.popitem(last=False)


def _digest(persisted: Any) -> str:
    if not isinstance(persisted, dict):
        raise PersistedQueryError(400, Code.BAD_USER_INPUT, "extensions.persistedQuery must be an object")
    if persisted.get("version") != 1:
        raise PersistedQueryError(
            400, Code.BAD_USER_INPUT, "extensions.persistedQuery.version: only version 1 is supported"
        )
    digest = persisted.get("sha256Hash")
    if not isinstance(digest, str) or not _SHA256.match(digest.lower()):
        raise PersistedQueryError(
            400, Code.BAD_USER_INPUT, "extensions.persistedQuery.sha256Hash: 64 hexadecimal digits expected"
        )
    return digest.lower()


def _not_listed() -> PersistedQueryError:
    return PersistedQueryError(
        403, Code.PERSISTED_QUERY_NOT_IN_LIST, "only allow-listed documents run on this server"
    )
