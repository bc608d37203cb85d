from __future__ import annotations

import datetime as dt

import pytest

import schema
from schema import NODES, REGISTRY, RELS, NodeType, Prop, Registry, RelType, SchemaError, ValidationError


def test_ontology_has_every_type_of_the_design() -> None:
    assert [n.label for n in NODES] == [
        "Company",
        "Person",
        "Product",
        "Opportunity",
        "Activity",
        "Document",
        "Topic",
        "Signal",
        "Run",
    ]
    assert {r.type for r in RELS} == {
        "WORKS_AT",
        "REPORTS_TO",
        "DECISION_ROLE",
        "KNOWS",
        "INFLUENCES",
        "OWNS",
        "REFERRED",
        "PURCHASED",
        "USES",
        "OFFERED_BY",
        "COMPLEMENTS",
        "SUPPLIES",
        "COMPETES_WITH",
        "EVALUATING",
        "SUBSIDIARY_OF",
        "PARTNER_OF",
        "HAS_OPPORTUNITY",
        "FOR_PRODUCT",
        "PARTICIPATED",
        "ABOUT",
        "MENTIONS",
        "INTERESTED_IN",
        "RECOMMENDS",
        "SIMILAR_TO",
    }


def test_every_type_carries_provenance() -> None:
    for node in NODES:
        assert {"source", "source_key", "run_id", "ingested_at", "source_keys"} <= set(node.prop_names)
    for rel in RELS:
        assert {"source", "source_key", "run_id", "ingested_at", "evidence", "confidence"} <= set(
            rel.prop_names
        )


def test_valid_rows_come_back_typed() -> None:
    at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    rows = REGISTRY.validate_nodes(
        "Company", [{"id": "c", "name": "n", "annual_revenue": 5, "ingested_at": at}]
    )
    assert rows == [{"id": "c", "name": "n", "annual_revenue": 5.0, "ingested_at": at}]
    assert isinstance(rows[0]["annual_revenue"], float)


@pytest.mark.parametrize(
    ("row", "field", "reason"),
    [
        ({"name": "x"}, "id", "Field required"),
        ({"id": "c", "name": "x", "employees": "12"}, "employees", "valid integer"),
        ({"id": "c", "name": "x", "employees": -1}, "employees", "greater than or equal to 0"),
        ({"id": "c", "name": "x", "lifecycle": "zombie"}, "lifecycle", "'prospect', 'customer' or 'churned'"),
        ({"id": "c", "name": "x", "ingested_at": dt.datetime(2026, 1, 1)}, "ingested_at", "timezone"),
        ({"id": "c", "name": "x", "aliases": ["a", 3]}, "aliases.1", "valid string"),
        ({"id": "c", "name": "x", "colour": "red"}, "colour", "Extra inputs are not permitted"),
    ],
)
def test_invalid_rows_name_field_and_reason(row: dict[str, object], field: str, reason: str) -> None:
    with pytest.raises(ValidationError) as info:
        REGISTRY.validate_nodes("Company", [row])
    ((index, _key, got_field, got_reason),) = info.value.problems
    assert (index, got_field) == (0, field)
    assert reason in got_reason


def test_edges_need_endpoint_keys_and_allowed_pairs() -> None:
    with pytest.raises(ValidationError, match="'_to': Field required"):
        REGISTRY.validate_edges("WORKS_AT", "Person", "Company", [{"_from": "p"}])
    with pytest.raises(SchemaError, match=r"allowed: Person->Company, Person->Opportunity"):
        REGISTRY.validate_edges("DECISION_ROLE", "Company", "Person", [])
    with pytest.raises(ValidationError, match="role"):
        REGISTRY.validate_edges(
            "DECISION_ROLE", "Person", "Company", [{"_from": "p", "_to": "c", "role": "boss"}]
        )


def test_keyed_relationship_requires_its_key() -> None:
    with pytest.raises(ValidationError, match="line_id"):
        REGISTRY.validate_edges("PURCHASED", "Company", "Product", [{"_from": "c", "_to": "p"}])


@pytest.mark.parametrize("bad", ["Company)", "a b", "1abc", "x`y", "", "n:Label"])
def test_identifiers_are_checked(bad: str) -> None:
    with pytest.raises(ValueError, match="unsafe identifier"):
        schema.check_identifier(bad)
    with pytest.raises(ValueError, match="unsafe identifier"):
        NodeType(bad, (Prop("id"),))


def test_registry_refuses_an_endpoint_of_unknown_type() -> None:
    with pytest.raises(SchemaError, match="unknown node type"):
        Registry(nodes=NODES, rels=(RelType("ODD", (("Company", "Planet"),)),))
