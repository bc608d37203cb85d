"""The public GraphQL schema as a committed contract: ``schema.graphql`` at the repository root.

The schema is built from the ontology, so a change there changes the API; the committed
SDL makes every such change visible in review. A change that would break a client
(graphql-core's ``find_breaking_changes``: a field, argument, enum value or type removed,
a type changed) is accepted only when the committed schema deprecated what goes away;
anything else that breaks (a changed type, a new required argument) is refused outright,
since no deprecation can announce it: add the new shape beside the old one instead.

    python -m api.schema_sdl            # exit 1 and a diff when the built schema differs
    python -m api.schema_sdl --write    # rewrite schema.graphql (refused while it breaks)
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    build_schema,
    get_named_type,
    print_schema,
    validate_schema,
)
from graphql.utilities import BreakingChangeType, find_breaking_changes

SDL_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"
REGENERATE = "python -m api.schema_sdl --write"

_FIELD = re.compile(r"^(\w+)\.(\w+) was removed\.$")
_ARG = re.compile(r"^(\w+)\.(\w+) arg (\w+) was removed\.$")
_VALUE = re.compile(r"^(\w+) was removed from enum type (\w+)\.$")
_TYPE = re.compile(r"^(\w+) was removed\.$")


def sdl(schema: GraphQLSchema) -> str:
    """The schema's SDL, in the order the schema builds its types (the same on every run;
    graphql-core's lexicographic sort cannot copy Graphene's enums with their defaults)."""
    return print_schema(schema) + "\n"


def _deprecated(old: GraphQLSchema, kind: BreakingChangeType, description: str) -> bool:
    """Whether ``old`` announced this removal with a deprecation."""
    if kind is BreakingChangeType.FIELD_REMOVED and (m := _FIELD.match(description)):
        owner = old.get_type(m[1])
        if isinstance(owner, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            return owner.fields[m[2]].deprecation_reason is not None
    if kind is BreakingChangeType.ARG_REMOVED and (m := _ARG.match(description)):
        owner = old.get_type(m[1])
        if isinstance(owner, GraphQLObjectType | GraphQLInterfaceType):
            return owner.fields[m[2]].args[m[3]].deprecation_reason is not None
    if kind is BreakingChangeType.VALUE_REMOVED_FROM_ENUM and (m := _VALUE.match(description)):
        owner = old.get_type(m[2])
        return isinstance(owner, GraphQLEnumType) and owner.values[m[1]].deprecation_reason is not None
    if kind is BreakingChangeType.TYPE_REMOVED and (m := _TYPE.match(description)):
        return not _still_used(old, m[1])
    return False


def _still_used(old: GraphQLSchema, type_name: str) -> bool:
    """Whether a field or argument of ``old`` that is not deprecated leads to the type: a
    type may go once everything that leads to it was deprecated."""
    for named in old.type_map.values():
        if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            continue
        for field in named.fields.values():
            if field.deprecation_reason is None and get_named_type(field.type).name == type_name:
                return True
            args = field.args.values() if isinstance(field, GraphQLField) else ()
            if any(a.deprecation_reason is None and get_named_type(a.type).name == type_name for a in args):
                return True
    return False


def unannounced_breaks(old_sdl: str, new_sdl: str) -> list[str]:
    """The changes from ``old_sdl`` to ``new_sdl`` that break a client without ``old_sdl``
    having deprecated what they remove. Both sides are read from SDL, so that Graphene's
    scalar classes do not count as changed kinds."""
    old = build_schema(old_sdl)
    return sorted(
        f"{change.type.name}: {change.description}"
        for change in find_breaking_changes(old, build_schema(new_sdl))
        if not _deprecated(old, change.type, change.description)
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.schema_sdl", description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite schema.graphql from the built schema")
    parser.add_argument(
        "--file", type=Path, default=SDL_FILE, help="the committed SDL (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    from api._schema import graphql_schema  # noqa: PLC0415 - builds every GraphQL type

    built = graphql_schema()
    if invalid := validate_schema(built):  # a type without fields prints, but no server serves it
        for error in invalid:
            print(f"invalid schema: {error.message}", file=sys.stderr)
        return 1
    new = sdl(built)
    old = args.file.read_text(encoding="utf-8") if args.file.exists() else None
    if old == new:
        print(f"{args.file}: up to date")
        return 0
    breaks = unannounced_breaks(old, new) if old is not None else []
    for line in breaks:
        print(f"breaking, not deprecated first: {line}", file=sys.stderr)
    if not args.write:
        sys.stdout.writelines(difflib.unified_diff((old or "").splitlines(True), new.splitlines(True)))
        print(f"{args.file} differs from the built schema; run {REGENERATE}", file=sys.stderr)
        return 1
    if breaks:
        print("deprecate these first (a release with the deprecation), then remove them", file=sys.stderr)
        return 1
    args.file.write_text(new, encoding="utf-8")
    print(f"{args.file}: written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
