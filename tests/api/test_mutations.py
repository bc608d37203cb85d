"""Mutations: signal triage and validated upserts, audited without values."""

from __future__ import annotations

import json

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
        upsert,
        "rep_east",
        {"c": {"id": "E-NEW", "name": "新东方精密仪器", "territory": "East", "lifecycle": "prospect"}},
    )
    assert made["upsertCompany"] == {
        "key": "E-NEW",
        "name": "新东方精密仪器",
        "territory": "East",
        "lifecycle": "prospect",
    }
    bad = api.post(upsert, "admin", {"c": {"id": "E-NEW", "name": "x", "lifecycle": "zombie"}}).json()
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    person = (
        'mutation($p: PersonInput!) { upsertPerson(input: $p, companyKey: "E-NEW") '
        "{ key email employers { nodes { key } } } }"
    )
    made_p = api.data(
        person, "rep_east", {"p": {"id": "P-NEW", "name": "Li Na", "email": "li.na@new.example"}}
    )
    assert made_p["upsertPerson"]["employers"]["nodes"] == [{"key": "E-NEW"}]
    assert made_p["upsertPerson"]["email"] == "l***@new.example"  # rep_east has no pii right
    found = api.data('{ search(text: "新东方") { key } }', "rep_east")
    assert found == {"search": [{"key": "E-NEW"}]}
    assert api.data('{ search(text: "新东方") { key } }', "rep_west") == {"search": []}
    entries = [e for e in _audit(api) if e["action"] == "mutation"]
    assert entries[-1]["field"] == "upsertPerson" and "input.email" in entries[-1]["arguments"]  # type: ignore[operator]
    log = (api.data_dir / "audit.jsonl").read_text(encoding="utf-8")
    assert "li.na@new.example" not in log and "新东方精密仪器" not in log
