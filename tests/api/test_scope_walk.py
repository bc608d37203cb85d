"""A rep of the East territory asks for every query field of the committed schema, each
with every field it leads to a few levels down, arguments pointing at the West where they
take a key or an id: no key, name or id of a West account or its contacts comes back, in
data or in errors. Generated from ``schema.graphql``, so a new field is walked by default.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
    build_schema,
    get_named_type,
)

from api import create_app
from api._relay import to_global_id
from api.schema_sdl import SDL_FILE
from graph.adapters.ladybug import LadybugStore
from tests.api import market
from tests.api.conftest import Api, LiveServer, make_keys, settings

WEST_COMPANY = "W-001"
WEST_PERSON = f"P-{WEST_COMPANY}-0"
#: what would betray the West: its account keys (and every key built on them: contacts,
#: signals, order lines, e-mails), its account names, the global ids of its nodes
_WEST_KEY = re.compile(r"(?i)(?<![A-Za-z0-9])w-\d{3}(?![0-9])")
_WEST_NAMES = ("West Widgets", "West华")
DEPTH = 4  # object levels below each root field


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    store = LadybugStore().open()
    store.create_schema()
    market.build(store)
    market.build_network(store)
    data_dir = tmp_path_factory.mktemp("walk")
    limits = {
        "max_cost": 10**9,
        "max_depth": 100,
        "max_tokens": 10**7,
        "rate_burst": 10_000,
        "rate_limit": 10_000.0,
    }
    app = create_app(store, settings(data_dir, **limits), data_dir)
    try:
        with LiveServer(app) as url, httpx.Client(base_url=url, timeout=120) as client:
            yield Api(client, make_keys(data_dir), Path(data_dir))
    finally:
        store.close()


def _west_ids(store_keys: list[tuple[str, str]]) -> list[str]:
    return [to_global_id(label, key) for label, key in store_keys]


WEST_IDS = _west_ids(
    [("Company", f"W-{i:03d}") for i in range(market.N)]
    + [("Person", f"P-W-{i:03d}-{j}") for i in range(market.N) for j in range(3)]
    + [("Signal", f"S-W-{i:03d}") for i in range(market.N)]
)


def _value(type_: Any) -> str | None:
    """A literal for a required argument: keys and ids point at the West."""
    named = get_named_type(type_)
    if isinstance(named, GraphQLEnumType):
        return next(iter(named.values))
    if isinstance(named, GraphQLInputObjectType):
        required = [n for n, f in named.fields.items() if isinstance(f.type, GraphQLNonNull)]
        return "{}" if not required else None
    literals = {"ID": json.dumps(to_global_id("Company", WEST_COMPANY)), "String": json.dumps(WEST_COMPANY)}
    literals |= {"Int": "2", "Float": "1.0", "Boolean": "false"}
    return literals.get(named.name)


def _arguments(field: GraphQLField) -> str | None:
    given = []
    for name, arg in field.args.items():
        if name == "first":
            given.append("first: 2")
        elif isinstance(arg.type, GraphQLNonNull):
            value = _value(arg.type)
            if value is None:
                return None
            given.append(f"{name}: {value}")
    return f"({', '.join(given)})" if given else ""


def _selection(type_: Any, depth: int) -> str:
    named = get_named_type(type_)
    if isinstance(named, GraphQLScalarType | GraphQLEnumType):
        return ""
    if isinstance(named, GraphQLUnionType):
        return "__typename"
    assert isinstance(named, GraphQLObjectType | GraphQLInterfaceType)
    parts = ["__typename"]
    for name, field in named.fields.items():
        args = _arguments(field)
        if args is None:
            continue
        if isinstance(get_named_type(field.type), GraphQLScalarType | GraphQLEnumType):
            parts.append(name + args)
        elif depth > 0 and (inner := _selection(field.type, depth - 1)):
            parts.append(f"{name}{args} {{ {inner} }}")
    return " ".join(parts)


def _queries(schema: GraphQLSchema) -> dict[str, str]:
    assert schema.query_type is not None
    out = {}
    for name, field in schema.query_type.fields.items():
        args = _arguments(field)
        if args is None:
            continue
        inner = _selection(field.type, DEPTH)
        out[name] = f"{{ {name}{args}" + (f" {{ {inner} }}" if inner else "") + " }"
    return out


SCHEMA = build_schema(SDL_FILE.read_text(encoding="utf-8"))
QUERIES = _queries(SCHEMA)


def test_every_query_field_is_walked() -> None:
    assert SCHEMA.query_type is not None
    assert set(QUERIES) == set(SCHEMA.query_type.fields)


@pytest.mark.parametrize("field", sorted(QUERIES))
def test_a_rep_sees_nothing_of_another_territory(walked: Api, field: str) -> None:
    response = walked.post(QUERIES[field], "rep_east")
    text = response.text
    assert "data" in response.json(), f"{field} did not run: {text[:300]}"  # walked, not refused
    leaked = _WEST_KEY.findall(text) + [n for n in _WEST_NAMES if n in text]
    leaked += [gid for gid in WEST_IDS if gid in text and gid not in QUERIES[field]]
    assert not leaked, f"{field}: {sorted(set(leaked))[:5]}"
    if field in ("companies", "people", "signals"):  # the walk reached the data it checks
        assert json.loads(text)["data"][field]["nodes"], text[:300]


def test_the_same_walk_shows_an_admin_the_west(walked: Api) -> None:
    """The detector is not blind: walked as an admin, these answers name West nodes."""
    for field in ("search", "node", "company", "influencers"):
        text = walked.post(QUERIES[field], "admin").text
        assert _WEST_KEY.search(text) or any(n in text for n in _WEST_NAMES), field
