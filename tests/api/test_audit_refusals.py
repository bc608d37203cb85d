"""Refused mutations and reads of rejected values leave an audit line, without values."""

from __future__ import annotations

import json
from typing import Any

from tests.api import market
from tests.api.conftest import Api

RECORDS = """mutation($input: IngestRecordsInput!) { ingestRecords(input: $input, wait: true) {
  report { rejects { field value } } } }"""
CONTACTS = market.contacts_mapping("audit_contacts")


def _audit(api: Api) -> list[dict[str, Any]]:
    path = api.data_dir / "audit.jsonl"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return [json.loads(line) for line in text.splitlines()]


def test_refused_mutations_are_audited_by_field_and_code(api: Api) -> None:
    before = len(_audit(api))
    upsert = "mutation Take($c: CompanyInput!) { upsertCompany(input: $c) { key } }"
    assert api.post(upsert, "rep_east", {"c": {"id": "W-001", "name": "Secret Name"}}).status_code == 200
    assert api.post(upsert, "rep_east", {"c": {"id": "E-001", "name": "E", "ltv": 1.0}}).status_code == 400
    refused = [e for e in _audit(api)[before:] if e["action"] == "mutation_refused"]
    assert [(e["field"], e["code"], e["operation"]) for e in refused] == [
        ("upsertCompany", "NOT_FOUND", "Take"),
        (None, "BAD_USER_INPUT", "Take"),
    ]
    assert all(e["who"].startswith("key:") and e["role"] == "rep" for e in refused)
    assert "Secret Name" not in (api.data_dir / "audit.jsonl").read_text(encoding="utf-8")


def test_reading_rejected_values_is_audited(api: Api) -> None:
    given = {"mappingYaml": CONTACTS, "content": "id,name,phone\nP-AUD-1,Aud One,+86 139 0001 23\n"}
    body = api.post(RECORDS, "analyst_pii", {"input": given}).json()
    assert body["data"]["ingestRecords"]["report"]["rejects"] == [
        {"field": "phone", "value": "+86 139 0001 23"}
    ]
    reads = [e for e in _audit(api) if e["action"] == "pii_read"]
    assert reads[-1]["fields"] == {"IngestReject.value": 1} and reads[-1]["role"] == "analyst"
    api.post(RECORDS, "analyst", {"input": given})
    last = _audit(api)[-1]
    assert last["action"] != "pii_read" or "IngestReject.value" not in last["fields"]
    assert "+86 139 0001 23" not in (api.data_dir / "audit.jsonl").read_text(encoding="utf-8")
