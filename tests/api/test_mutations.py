"""Mutations: signal triage and validated upserts, audited without values."""

from __future__ import annotations

import json
from typing import Any

from api._relay import to_global_id
from tests.api.conftest import Api


def _audit(api: Api) -> list[dict[str, object]]:
    text = (api.data_dir / "audit.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_acknowledge_and_dismiss_a_signal(api: Api) -> None:
    sid = api.data('{ company(key: "E-002") { signals { nodes { id status } } } }', "rep_east")
    signal = sid["company"]["signals"]["nodes"][0]
    assert signal["status"] == "open"
    ack = api.data(f'mutation {{ acknowledgeSignal(id: "{signal["id"]}") {{ status }} }}', "rep_east")
    assert ack == {"acknowledgeSignal": {"status": "acknowledged"}}
    dismissed = api.data(f'mutation {{ dismissSignal(id: "{signal["id"]}") {{ status }} }}', "manager")
    assert dismissed == {"dismissSignal": {"status": "dismissed"}}
    entries = [e for e in _audit(api) if e["action"] == "mutation"]
    assert [e["field"] for e in entries[-2:]] == ["acknowledgeSignal", "dismissSignal"]
    assert entries[-1]["target"] == "Signal:S-E-002"


def test_upserts_validate_and_audit_without_values(api: Api) -> None:
    upsert = "mutation($c: CompanyInput!) { upsertCompany(input: $c) { key name territory lifecycle } }"
    made = api.data(
        upsert, "rep_east", {"c": {"name": "新东方精密仪器", "territory": "East", "lifecycle": "prospect"}}
    )["upsertCompany"]
    key = made.pop("key")
    assert key.startswith("api-company-")
    assert made == {"name": "新东方精密仪器", "territory": "East", "lifecycle": "prospect"}
    again = api.data(
        upsert, "rep_east", {"c": {"id": key, "name": "新东方精密仪器", "lifecycle": "customer"}}
    )
    assert again["upsertCompany"]["key"] == key and again["upsertCompany"]["lifecycle"] == "customer"
    bad = api.post(upsert, "admin", {"c": {"id": key, "name": "x", "lifecycle": "zombie"}}).json()
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    person = (
        "mutation($p: PersonInput!, $c: String) { upsertPerson(input: $p, companyKey: $c) "
        "{ key email employers { nodes { key } } } }"
    )
    made_p = api.data(person, "rep_east", {"p": {"name": "Li Na", "email": "li.na@new.example"}, "c": key})
    assert made_p["upsertPerson"]["employers"]["nodes"] == [{"key": key}]
    assert made_p["upsertPerson"]["email"] == "l***@new.example"  # rep_east has no pii right
    found = api.data('{ search(text: "新东方") { key } }', "rep_east")
    assert found == {"search": [{"key": key}]}
    assert api.data('{ search(text: "新东方") { key } }', "rep_west") == {"search": []}
    entries = [e for e in _audit(api) if e["action"] == "mutation"]
    assert entries[-1]["field"] == "upsertPerson" and "input.email" in entries[-1]["arguments"]  # type: ignore[operator]
    log = (api.data_dir / "audit.jsonl").read_text(encoding="utf-8")
    assert "li.na@new.example" not in log and "新东方精密仪器" not in log


def test_a_rep_cannot_tell_an_unknown_key_from_another_territory_s(api: Api) -> None:
    """A rep who chooses a key learns nothing from the answer: another territory's account, a
    key nobody holds and a West contact all get one error, and nothing is written."""
    company = "mutation($c: CompanyInput!) { upsertCompany(input: $c) { key } }"
    person = 'mutation($p: PersonInput!) { upsertPerson(input: $p, companyKey: "E-001") { key } }'
    answers = [
        api.post(company, "rep_east", {"c": {"id": key, "name": "Probe"}}).json()
        for key in ("W-001", "NOBODY-HAS-THIS", "w-001")
    ]
    answers += [
        api.post(person, "rep_east", {"p": {"id": key, "name": "Probe"}}).json()
        for key in ("P-W-001-0", "P-NOBODY")
    ]
    errors = [(a["data"], [(e["message"], e["extensions"]["code"]) for e in a["errors"]]) for a in answers]
    assert {str(e) for e in errors[:3]} == {str(errors[0])} and errors[0][1][0][1] == "NOT_FOUND"
    assert {str(e) for e in errors[3:]} == {str(errors[3])} and errors[3][1][0][1] == "NOT_FOUND"
    assert api.data('{ company(key: "W-001") { name } }')["company"]["name"] == "West Widgets 001 Ltd"
    assert api.data('{ company(key: "NOBODY-HAS-THIS") { name } }')["company"] is None


LINK = """mutation($type: String!, $a: ID!, $b: ID!, $props: JSONObject) {
  upsertRelationship(type: $type, from: $a, to: $b, properties: $props) {
    type properties from { key } to { key } } }"""


def _link(api: Api, who: str, rel: str, a: tuple[str, str], b: tuple[str, str], props: object = None) -> Any:
    variables = {"type": rel, "a": to_global_id(*a), "b": to_global_id(*b), "props": props}
    return api.post(LINK, who, variables).json()


def test_upsert_relationship_is_validated_against_the_ontology(api: Api) -> None:
    contact, other, company = ("Person", "P-E-010-0"), ("Person", "P-E-011-0"), ("Company", "E-010")
    cases = [
        ("LIKES", contact, other, None, "type: unknown relationship type 'LIKES'"),
        ("KNOWS", contact, company, None, "type: KNOWS: Person->Company is not an allowed endpoint pair"),
        ("KNOWS", contact, other, {"colour": "red"}, "properties.colour: KNOWS has no such property"),
        ("KNOWS", contact, other, {"lastContact": "yesterday"}, "properties.lastContact: not an ISO date"),
        ("KNOWS", contact, other, {"strength": 1.5}, "1 invalid record(s): KNOWS[0]"),
        ("KNOWS", contact, other, {"strength": "high"}, "1 invalid record(s): KNOWS[0]"),
        ("KNOWS", contact, other, {"runId": "mine"}, "properties.runId: KNOWS has no such property"),
        ("SIMILAR_TO", company, ("Company", "E-011"), None, "type: SIMILAR_TO is written by the analyses"),
    ]
    for rel, a, b, props, message in cases:
        body = _link(api, "admin", rel, a, b, props)
        error = body["errors"][0]
        assert error["extensions"]["code"] == "BAD_USER_INPUT", (rel, props, body)
        assert error["message"].startswith(message), (message, error["message"])
    assert (
        "field 'strength'"
        in _link(api, "admin", "KNOWS", contact, other, {"strength": 1.5})["errors"][0]["message"]
    )
    analyst = _link(api, "analyst", "KNOWS", contact, other, {"strength": 0.5})
    assert analyst["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_upsert_relationship_merges_and_is_audited_without_values(api: Api) -> None:
    a, b = ("Person", "P-E-012-0"), ("Person", "P-E-013-0")
    made = _link(api, "rep_east", "KNOWS", a, b, {"strength": 0.25, "lastContact": "2026-09-01"})
    assert made["data"]["upsertRelationship"] == {
        "type": "KNOWS",
        "properties": json.dumps({"last_contact": "2026-09-01", "strength": 0.25}),
        "from": {"key": "P-E-012-0"},
        "to": {"key": "P-E-013-0"},
    }
    again = _link(api, "rep_east", "KNOWS", a, b, {"strength": 0.75})  # merged: one edge, updated
    assert json.loads(again["data"]["upsertRelationship"]["properties"]) == {
        "last_contact": "2026-09-01",
        "strength": 0.75,
    }
    known = api.data('{ person(key: "P-E-012-0") { knows { totalCount edges { strength lastContact } } } }')
    assert known["person"]["knows"] == {
        "totalCount": 1,
        "edges": [{"strength": 0.75, "lastContact": "2026-09-01"}],
    }
    entry = [e for e in _audit(api) if e["action"] == "mutation"][-1]
    assert entry["field"] == "upsertRelationship"
    assert entry["target"] == "KNOWS:Person:P-E-012-0->Person:P-E-013-0"
    assert entry["arguments"] == ["properties.strength"]
    assert "0.75" not in json.dumps({k: v for k, v in entry.items() if k != "at"})  # "at": "…20.755"
