"""The public schema is a committed contract: ``schema.graphql`` is what the server builds,
and a change breaks no client unless the committed schema deprecated what goes away."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import GraphQLObjectType, build_schema

from api._schema import graphql_schema
from api.schema_sdl import REGENERATE, SDL_FILE, main, sdl, unannounced_breaks

OLD = """
type Query {
  kept: Int
  gone: Int @deprecated(reason: "use kept")
  retyped: Int @deprecated(reason: "use kept")
  tier: Tier
  legacy: Legacy @deprecated(reason: "nothing replaces it")
  search(text: String, lang: String @deprecated(reason: "detected"), limit: Int): [String]
}
enum Tier { GOLD SILVER BRONZE @deprecated(reason: "now SILVER") }
type Legacy { value: Int }
input Filter { name: String, code: String @deprecated(reason: "use name") }
type Mutation { find(filter: Filter): Int }
"""


def _breaks(new_sdl: str) -> list[str]:
    return unannounced_breaks(OLD, new_sdl)


def test_the_committed_schema_is_the_built_one() -> None:
    committed = SDL_FILE.read_text(encoding="utf-8")
    built = sdl(graphql_schema())
    assert built == committed, f"{SDL_FILE.name} is not the schema the server builds: run {REGENERATE}"


def test_the_built_schema_breaks_nothing_the_committed_one_promised() -> None:
    committed = SDL_FILE.read_text(encoding="utf-8")
    assert unannounced_breaks(committed, sdl(graphql_schema())) == []


def test_removing_what_was_deprecated_is_accepted() -> None:
    new = """
    type Query { kept: Int, retyped: Int, tier: Tier, search(text: String, limit: Int): [String] }
    enum Tier { GOLD SILVER }
    input Filter { name: String }
    type Mutation { find(filter: Filter): Int }
    """
    assert _breaks(new) == []


@pytest.mark.parametrize(
    ("new", "reported"),
    [
        (OLD.replace("  kept: Int\n", ""), "FIELD_REMOVED: Query.kept was removed."),
        (OLD.replace("GOLD ", ""), "VALUE_REMOVED_FROM_ENUM: GOLD was removed from enum type Tier."),
        (OLD.replace(", limit: Int", ""), "ARG_REMOVED: Query.search arg limit was removed."),
        (OLD.replace("name: String, ", ""), "FIELD_REMOVED: Filter.name was removed."),
        # deprecated, yet no deprecation can announce a new type: add a new field instead
        (OLD.replace("retyped: Int", "retyped: String"), "FIELD_CHANGED_KIND: Query.retyped changed type"),
        (OLD.replace("limit: Int)", "limit: Int!)"), "ARG_CHANGED_KIND: Query.search arg limit has changed"),
        (
            OLD.replace("type Legacy { value: Int }", "").replace("  legacy: Legacy", "  legacy: Int"),
            "Legacy",
        ),
    ],
)
def test_removing_what_was_not_deprecated_is_reported(new: str, reported: str) -> None:
    found = _breaks(new)
    assert found and any(b.startswith(reported) or reported in b for b in found), found


def test_the_tool_writes_the_schema_and_refuses_an_unannounced_break(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "schema.graphql"
    assert main(["--write", "--file", str(file)]) == 0
    assert main(["--file", str(file)]) == 0
    extra = file.read_text(encoding="utf-8").replace("type Query {\n", "type Query {\n  retired: Int\n", 1)
    file.write_text(extra, encoding="utf-8")
    assert main(["--file", str(file)]) == 1
    assert main(["--write", "--file", str(file)]) == 1
    assert "Query.retired was removed" in capsys.readouterr().err
    assert file.read_text(encoding="utf-8") == extra
    deprecated = extra.replace("  retired: Int\n", '  retired: Int @deprecated(reason: "gone")\n')
    file.write_text(deprecated, encoding="utf-8")
    assert main(["--write", "--file", str(file)]) == 0
    assert file.read_text(encoding="utf-8") == sdl(graphql_schema())


def test_data_served_in_two_shapes_keeps_one_the_other_deprecated() -> None:
    schema = graphql_schema()
    company, person = schema.type_map["Company"], schema.type_map["Person"]
    assert isinstance(company, GraphQLObjectType) and isinstance(person, GraphQLObjectType)
    assert company.fields["churnRisk"].deprecation_reason == "use rfm { churnRisk }"
    assert company.fields["rfmTier"].deprecation_reason == "use rfm { tier }"
    assert person.fields["influenceRank"].deprecation_reason == "use influence { rank }"
    assert company.fields["recommendedProducts"].deprecation_reason
    for kept in (company.fields["rfm"], company.fields["crossSell"], company.fields["networkRank"]):
        assert kept.deprecation_reason is None


def test_the_tool_refuses_to_write_an_invalid_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A type without fields prints as SDL, but no server serves it: nothing is written."""
    invalid = build_schema("type Query { empty: Empty }\ntype Empty")
    monkeypatch.setattr("api._schema.graphql_schema", lambda: invalid)
    file = tmp_path / "schema.graphql"
    assert main(["--write", "--file", str(file)]) == 1
    assert not file.exists() and "Empty must define one or more fields" in capsys.readouterr().err
