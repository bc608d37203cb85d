"""Parsed and validated documents, cached: graphql-core validation dominates latency."""

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
        self, schema: GraphQLSchema, max_depth: int, max_cost: int, max_page: int, size: int = 512
    ) -> None:
        self.schema = schema
        self.size = size
        limits = limits_rule(max_depth, max_cost, max_page)
        self._rules: dict[bool, list[type[ASTValidationRule]]] = {
            True: [*specified_rules, limits],
            False: [*specified_rules, limits, NoIntrospection],
        }
        self._cache: OrderedDict[tuple[str, bool], Checked] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, query: str, introspection: bool) -> Checked:
        key = (query, introspection)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                self.hits += 1
                return found
            self.misses += 1
        checked = self._check(query, introspection)
        if self.size:
            with self._lock:
                self._cache[key] = checked
                while len(self._cache) > self.size:
                    self._cache.popitem(last=False)
        return checked

    def _check(self, query: str, introspection: bool) -> Checked:
        try:
            document = parse(query)
        except GraphQLError as exc:
            exc.extensions = {**(exc.extensions or {}), "code": Code.GRAPHQL_PARSE_FAILED.value}
            return Checked(None, [exc], parse_failed=True)
        errors = validate(self.schema, document, self._rules[introspection])
        for e in errors:
            if not (e.extensions or {}).get("code"):
                e.extensions = {**(e.extensions or {}), "code": Code.GRAPHQL_VALIDATION_FAILED.value}
        return Checked(None if errors else document, errors)
