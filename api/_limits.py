"""Static limits on a document, checked once per document with validation: depth and cost.

Cost estimates the objects a query may touch: each field costs 1, and a field taking
``first`` (a connection or a bounded list) multiplies the cost of what is under it by
``first`` (the page limit when it is a variable, the default page when absent). Plain
list fields multiply by ``LIST_FACTOR``. A connection's ``totalCount`` costs what it
counts (``COUNT_COST``), whatever the page size (``first: 0`` included). A ``path``
search costs ``PATH_BRANCHING ** maxHops``: it may walk that many nodes before it knows
there is no path (an unreachable ``maxHops: 6`` took seconds). Every alias is a field of
its own. Introspection fields are not counted: they are gated separately.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    get_named_type,
)

from api._errors import Code
from api._paths import MAX_HOPS
from api._relay import DEFAULT_PAGE

LIST_FACTOR = 10
COUNT_COST = 100  # the rows a count may scan, in objects
PATH_BRANCHING = 5  # the neighbours a path search expands per hop, in the cost model
RuleFactory = Callable[..., ValidationRule]


def _error(code: Code, message: str, node: Any) -> GraphQLError:
    return GraphQLError(message, node, extensions={"code": code.value})


class _Walker:
    def __init__(self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode], max_page: int):
        self.schema = schema
        self.fragments = fragments
        self.max_page = max_page

    def _fields(
        self, sel: SelectionSetNode | None, seen: frozenset[str]
    ) -> list[tuple[FieldNode, frozenset[str]]]:
        out: list[tuple[FieldNode, frozenset[str]]] = []
        for node in sel.selections if sel else ():
            if isinstance(node, FieldNode):
                out.append((node, seen))
            elif isinstance(node, InlineFragmentNode):
                out.extend(self._fields(node.selection_set, seen))
            elif isinstance(node, FragmentSpreadNode) and node.name.value not in seen:
                frag = self.fragments.get(node.name.value)
                if frag is not None:
                    out.extend(self._fields(frag.selection_set, seen | {node.name.value}))
        return out

    def depth(self, sel: SelectionSetNode | None, seen: frozenset[str] = frozenset()) -> int:
        deepest = 0
        for field, inner in self._fields(sel, seen):
            if field.name.value.startswith("__"):
                continue
            deepest = max(deepest, 1 + self.depth(field.selection_set, inner))
        return deepest

    def cost(self, sel: SelectionSetNode | None, parent: Any, seen: frozenset[str] = frozenset()) -> int:
        total = 0
        for field, inner in self._fields(sel, seen):
            name = field.name.value
            if name.startswith("__"):
                continue
            gql_field = _lookup(self.schema, parent, name)
            child_type = get_named_type(gql_field.type) if gql_field else None
            if name == "path" and parent is self.schema.query_type:
                total += _path_cost(field, gql_field)
            factor = 1
            sizes = [a for a in field.arguments or () if a.name.value in ("first", "last")]
            if sizes:  # a page's size either way; a variable may hold the largest
                factor = max(
                    int(a.value.value) if isinstance(a.value, IntValueNode) else self.max_page for a in sizes
                )
            elif gql_field is not None and "first" in gql_field.args:
                factor = DEFAULT_PAGE
            elif gql_field is not None and _is_list(gql_field.type) and not _is_connection(parent):
                factor = LIST_FACTOR
            if _is_connection(child_type):  # its count is charged whatever the page size
                total += 1 + self._connection(field.selection_set, child_type, inner, factor)
            else:
                total += 1 + factor * self.cost(field.selection_set, child_type, inner)
        return total

    def _connection(self, sel: SelectionSetNode | None, conn: Any, seen: frozenset[str], factor: int) -> int:
        total = 0
        for field, inner in self._fields(sel, seen):
            if field.name.value == "totalCount":
                total += COUNT_COST
            elif not field.name.value.startswith("__"):
                single = SelectionSetNode(selections=(field,))
                total += factor * self.cost(single, conn, inner)
        return total


def _path_cost(field: FieldNode, gql_field: Any) -> int:
    """``PATH_BRANCHING ** maxHops``: the literal, else the default when the argument is
    left out, else (a variable) the largest hop limit the field takes."""
    hops: Any = next((a.value for a in field.arguments or () if a.name.value == "maxHops"), None)
    if isinstance(hops, IntValueNode):
        limit = min(int(hops.value), MAX_HOPS)
    elif hops is None and gql_field is not None and isinstance(gql_field.args["maxHops"].default_value, int):
        limit = gql_field.args["maxHops"].default_value
    else:
        limit = MAX_HOPS
    return int(PATH_BRANCHING**limit)


def _is_connection(parent: Any) -> bool:
    """A connection's edges and nodes are already counted by its ``first``."""
    return str(getattr(parent, "name", "")).endswith("Connection")


def _is_list(t: Any) -> bool:
    if isinstance(t, GraphQLNonNull):
        t = t.of_type
    return isinstance(t, GraphQLList)


def _lookup(schema: GraphQLSchema, parent: Any, name: str) -> Any:
    fields = getattr(parent, "fields", None)
    if fields and name in fields:
        return fields[name]
    # an interface or union parent: take the field from any type that has it
    for t in schema.type_map.values():
        if isinstance(t, GraphQLObjectType) and name in t.fields:
            return t.fields[name]
    return None


def limits_rule(max_depth: int, max_cost: int, max_page: int) -> type[ValidationRule]:
    class LimitsRule(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            ctx: ValidationContext = self.context
            fragments = {
                d.name.value: d for d in ctx.document.definitions if isinstance(d, FragmentDefinitionNode)
            }
            walker = _Walker(ctx.schema, fragments, max_page)
            depth = walker.depth(node.selection_set)
            if depth > max_depth:
                ctx.report_error(
                    _error(
                        Code.DEPTH_LIMIT_EXCEEDED, f"query depth {depth} exceeds the limit {max_depth}", node
                    )
                )
                return
            root = ctx.schema.get_root_type(node.operation)
            cost = walker.cost(node.selection_set, root)
            if cost > max_cost:
                ctx.report_error(
                    _error(Code.COST_LIMIT_EXCEEDED, f"query cost {cost} exceeds the limit {max_cost}", node)
                )

    return LimitsRule


class NoIntrospection(ValidationRule):
    """Refuse ``__schema`` and ``__type`` (``__typename`` stays allowed)."""

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        if node.name.value in ("__schema", "__type"):
            self.report_error(
                _error(Code.INTROSPECTION_DISABLED, "introspection is available to admins only", node)
            )
