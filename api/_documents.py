"""Parsed and validated documents, cached: graphql-core validation dominates latency.

A parsed document takes about a hundred times its text in memory (a 368 KB document with
9,000 aliases took 37-49 MB), so the cache is bounded by the text it holds
(``max_chars``), not by a count, and a document longer than a tenth of that is never kept.
Parsing stops at ``max_tokens``. ``lookup`` answers from the cache alone, so the server
can run the slow ``get`` in a worker thread, off the event loop.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse, specified_rules, validate
from graphql.validation import ASTValidationRule

from api._errors import Code
from api._limits import NoIntrospection, limits_rule


@dataclass(frozen=True)
class Checked:
    document: DocumentNode | None
    errors: Sequence[GraphQLError]
    parse_failed: bool = False


class DocumentCache:
    def __init__(
        self,
        schema: GraphQLSchema,
        max_depth: int,
        max_cost: int,
        max_page: int,
        size: int = 512,
        max_chars: int = 1 << 20,
        max_tokens: int = 20_000,
    ) -> None:
        self.schema = schema
        self.size = size
        self.max_chars = max_chars
        self.max_tokens = max_tokens
        self._chars = 0
        limits = limits_rule(max_depth, max_cost, max_page)
        self._rules: dict[bool, list[type[ASTValidationRule]]] = {
            True: [*specified_rules, limits],
            False: [*specified_rules, limits, NoIntrospection],
        }
        self._cache: OrderedDict[tuple[str, bool], Checked] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def lookup(self, query: str, introspection: bool) -> Checked | None:
        """The cached answer, or ``None`` (then ``get`` parses and validates)."""
        key = (query, introspection)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                self.hits += 1
            return found

    def get(self, query: str, introspection: bool) -> Checked:
        found = self.lookup(query, introspection)
        if found is not None:
            return found
        with self._lock:
            self.misses += 1
        checked = self._check(query, introspection)
        if self.size and len(query) <= self.max_chars // 10:
            with self._lock:
                if (query, introspection) not in self._cache:
                    self._cache[(query, introspection)] = checked
                    self._chars += len(query)
                while len(self._cache) > self.size or self._chars > self.max_chars:
                    (gone, _), _ = self._cache.popitem(last=False)
                    self._chars -= len(gone)
        return checked

    def _check(self, query: str, introspection: bool) -> Checked:
        try:
            document = parse(query, max_tokens=self.max_tokens)
        except GraphQLError as exc:
            exc.extensions = {**(exc.extensions or {}), "code": Code.GRAPHQL_PARSE_FAILED.value}
            return Checked(None, [exc], parse_failed=True)
        errors = validate(self.schema, document, self._rules[introspection])
        for e in errors:
            if not (e.extensions or {}).get("code"):
                e.extensions = {**(e.extensions or {}), "code": Code.GRAPHQL_VALIDATION_FAILED.value}
        return Checked(None if errors else document, errors)
