"""Delete mutations: within the caller's scope, what an ingest brought only by an admin, and
each one audited with the label, key and provenance of what went (never its name)."""

from __future__ import annotations

import json
from typing import Any

from api._relay import to_global_id
from graph.adapters.ladybug import LadybugStore
from tests.api import market
from tests.api.conftest import Api

DELETE = "mutation($id: ID!) { deleteNode(id: $id) { id key label } }"
UNLINK = 'mutation($a: ID!, $b: ID!) { deleteRelationship(type: "KNOWS", from: $a, to: $b) }'
LINK = 'mutation($a: ID!, $b: ID!) { upsertRelationship(type: "KNOWS", from: $a, to: $b) { type } }'


def _audit(api: Api) -> list[dict[str, Any]]:
    lines = (api.data_dir / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _error(body: dict[str, Any]) -> tuple[str, str]:
    return body["errors"][0]["message"], body["errors"][0]["extensions"]["code"]


def test_a_rep_deletes_what_was_written_through_the_api(api: Api) -> None:
    made = api.data(
        'mutation($p: PersonInput!) { upsertPerson(input: $p, companyKey: "E-002") { id key } }',
        "rep_east",
        {"p": {"name": "Temp Contact Zhao"}},
    )["upsertPerson"]
    contact = to_global_id("Person", "P-E-002-0")
    assert (
        api.data(LINK, "rep_east", {"a": made["id"], "b": contact})["upsertRelationship"]["type"] == "KNOWS"
    )
    assert api.data(UNLINK, "rep_east", {"a": made["id"], "b": contact}) == {"deleteRelationship": True}
    again = api.post(UNLINK, "rep_east", {"a": made["id"], "b": contact}).json()
    assert _error(again)[1] == "NOT_FOUND"
    gone = api.data(DELETE, "rep_east", {"id": made["id"]})["deleteNode"]
    assert gone == {"id": made["id"], "key": made["key"], "label": "Person"}
    assert api.data("query($i: ID!) { node(id: $i) { id } }", "admin", {"i": made["id"]}) == {"node": None}
    entry = [e for e in _audit(api) if e.get("field") == "deleteNode"][-1]
    assert entry["target"] == f"Person:{made['key']}" and entry["deleted"]["source"] == "api"
    assert "Temp Contact Zhao" not in (api.data_dir / "audit.jsonl").read_text(encoding="utf-8")


def test_what_an_ingest_brought_only_an_admin_removes(api: Api, market_store: LadybugStore) -> None:
    market_store.upsert_nodes(
        "Company", [{"id": "E-DEL", "name": "Deletable", "territory": "East", **market._p("E-DEL")}]
    )
    target = to_global_id("Company", "E-DEL")
    refused = api.post(DELETE, "rep_east", {"id": target}).json()
    assert _error(refused)[1] == "FORBIDDEN"
    contacts = (to_global_id("Person", "P-E-003-0"), to_global_id("Person", "P-E-004-0"))
    market_store.upsert_edges(
        "KNOWS", "Person", "Person", [{"_from": "P-E-003-0", "_to": "P-E-004-0", **market._p("k-del")}]
    )
    assert _error(api.post(UNLINK, "rep_east", {"a": contacts[0], "b": contacts[1]}).json())[1] == "FORBIDDEN"
    assert api.data(UNLINK, "admin", {"a": contacts[0], "b": contacts[1]}) == {"deleteRelationship": True}
    assert api.data(DELETE, "admin", {"id": target})["deleteNode"]["key"] == "E-DEL"
    assert market_store.get_node("Company", "E-DEL") is None


def test_a_hidden_node_is_answered_as_a_missing_one(api: Api) -> None:
    west = api.post(DELETE, "rep_east", {"id": to_global_id("Company", "W-001")}).json()
    missing = api.post(DELETE, "rep_east", {"id": to_global_id("Company", "NO-SUCH-CO")}).json()
    assert _error(west) == _error(missing) and _error(west)[1] == "NOT_FOUND"
    assert api.data('{ company(key: "W-001") { key } }')["company"] == {"key": "W-001"}
    analyst = api.post(DELETE, "analyst", {"id": to_global_id("Company", "E-001")}).json()
    assert _error(analyst)[1] == "FORBIDDEN"
    signal = api.post(DELETE, "admin", {"id": to_global_id("Signal", "S-E-001")}).json()
    assert _error(signal)[1] == "BAD_USER_INPUT"
