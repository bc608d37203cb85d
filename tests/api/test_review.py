"""Reviewing entity resolution over GraphQL: candidate pairs listed, accepted and rejected,
a record taken out of its entity, each applied by a real ingest run started over the API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from api import KeyStore, Role, create_app
from api._relay import to_global_id
from graph import GraphStore
from tests.api.conftest import Api, LiveServer, make_keys, settings

COMPANIES = """source: expo
nodes:
  - label: Company
    key: "{lead_id}"
    resolve: true
    props:
      name: {column: name, required: true}
      city: city
      domain: domain
"""
# L-1/L-2 and L-3/L-4 are near-duplicates resolution leaves to people; L-5/L-6 it merges
LEADS = """lead_id,name,city,domain
L-1,"Hefei Tonghua Circuit Board Co., Ltd.",Hefei,
L-2,Tonghua Circuits,Hefei,
L-3,"Nanjing Ruiqi Medical Devices Co., Ltd.",Nanjing,
L-4,Ruiqi Medical Devices,Shanghai,
L-5,"Suzhou Lanbo Precision Machinery Co., Ltd.",Suzhou,lanbo.cn
L-6,Lanbo Precision Machinery,Suzhou,lanbo.cn
"""
CONTACTS = """source: expo_contacts
nodes:
  - label: Person
    key: "{contact_id}"
    resolve: true
    props:
      name: {column: name, required: true}
      email: {column: email, type: email}
      phone: {column: phone, type: phone}
edges:
  - type: WORKS_AT
    from: {label: Person, key: "{contact_id}"}
    to: {label: Company, key: "{company}"}
"""
# one person twice, or two namesakes at one account: the evidence quotes e-mails and phones
PEOPLE = """contact_id,name,email,phone,company
C-1,Wang Lei,wang.lei@tonghua-pcb.cn,+8613912345678,L-1
C-2,Wang Lei,wanglei@163.com,+8613800000000,L-1
"""
INGEST = """mutation($input: IngestRecordsInput!) { ingestRecords(input: $input, wait: true) {
  id status error report { counts } } }"""
PAIRS = """query($run: String, $status: ReviewStatus, $first: Int, $after: String) {
  reviewPairs(run: $run, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id runId type score reasons a { source key sourceKey names } b { sourceKey names }
            decision { verdict by at } } } }"""
DECIDE = """mutation($ids: [ID!]!, $run: String) {
  %s(ids: $ids, run: $run) { id decision { verdict by } } }"""
ACCEPT, REJECT = DECIDE % "acceptReviewPairs", DECIDE % "rejectReviewPairs"
UNMERGE = """mutation($key: String!) { unmergeRecord(type: COMPANY, sourceKey: $key) {
  record entityId entityKey keptApartFrom } }"""
SOURCE_KEYS = "query($key: String!) { company(key: $key) { id provenance { sourceKeys } } }"


@dataclass
class Flow:
    """The app over a fresh store, and the ingest runs this module started, oldest first."""

    api: Api
    runs: list[str] = field(default_factory=list)

    def ingest(self, mapping: str, content: str) -> dict[str, Any]:
        given = {"mappingYaml": mapping, "content": content}
        job = self.api.data(INGEST, "analyst", {"input": given})["ingestRecords"]
        assert (job["status"], job["error"]) == ("COMPLETED", None), job
        self.runs.append(job["id"])
        counts: dict[str, Any] = json.loads(job["report"]["counts"])
        return counts

    def pairs(self, who: str = "analyst", **variables: Any) -> dict[str, Any]:
        listed: dict[str, Any] = self.api.data(PAIRS, who, variables)["reviewPairs"]
        return listed

    def pair(self, run: str, a: str, b: str) -> dict[str, Any]:
        found: list[dict[str, Any]] = [
            p
            for p in self.pairs(run=run, status="ALL")["nodes"]
            if {p["a"]["sourceKey"], p["b"]["sourceKey"]} == {a, b}
        ]
        assert len(found) == 1, found
        return found[0]

    def source_keys(self, key: str) -> list[str] | None:
        company = self.api.data(SOURCE_KEYS, "admin", {"key": key})["company"]
        return None if company is None else sorted(company["provenance"]["sourceKeys"])

    def decisions(self) -> str:
        path = self.api.data_dir / "review" / "decisions.jsonl"
        return path.read_text(encoding="utf-8") if path.exists() else ""


@dataclass
class App:
    api: Api
    store: GraphStore


@pytest.fixture
def app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[App]:
    """The API over a store of the backend the test is parametrised with (embedded by default)."""
    backend = getattr(request, "param", "embedded")
    store: GraphStore = request.getfixturevalue(f"{backend}_store")
    keys = make_keys(tmp_path)
    keys["analyst"] = KeyStore(tmp_path / "api_keys.json").create(Role.ANALYST, name="Ana Reviewer")[0]
    created = create_app(store, settings(tmp_path), tmp_path)
    with LiveServer(created) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield App(Api(client, keys, tmp_path), store)


@pytest.fixture
def flow(app: App) -> Flow:
    """Leads and contacts ingested over the API: the companies' run, then the contacts'."""
    made = Flow(app.api)
    assert made.ingest(COMPANIES, LEADS)["merged"] == 1  # L-6 into L-5
    made.ingest(CONTACTS, PEOPLE)
    return made


def _error(api: Api, query: str, who: str, variables: dict[str, Any]) -> tuple[str, str]:
    body = api.post(query, who, variables).json()
    assert "errors" in body, body
    return body["errors"][0]["extensions"]["code"], body["errors"][0]["message"]


def test_pairs_are_listed_highest_score_first_with_their_evidence(flow: Flow) -> None:
    companies_run, contacts_run = flow.runs
    listed = flow.pairs(run=companies_run)
    assert listed["totalCount"] == 2
    scores = [p["score"] for p in listed["nodes"]]
    assert scores == sorted(scores, reverse=True) and all(0.6 <= s < 0.85 for s in scores)
    tonghua = flow.pair(companies_run, "expo:L-1", "expo:L-2")
    assert tonghua["runId"] == companies_run and tonghua["type"] == "COMPANY"
    assert tonghua["decision"] is None
    assert {tuple(tonghua["a"]["names"]), tuple(tonghua["b"]["names"])} == {
        ("Hefei Tonghua Circuit Board Co., Ltd.",),
        ("Tonghua Circuits",),
    }
    assert "same city Hefei" in tonghua["reasons"]
    first = flow.pairs(run=companies_run, first=1)
    assert first["pageInfo"]["hasNextPage"] and len(first["nodes"]) == 1
    rest = flow.pairs(run=companies_run, first=1, after=first["pageInfo"]["endCursor"])
    assert [p["id"] for p in first["nodes"] + rest["nodes"]] == [p["id"] for p in listed["nodes"]]
    assert not rest["pageInfo"]["hasNextPage"]
    latest = flow.pairs()
    assert {p["runId"] for p in latest["nodes"]} == {contacts_run} and latest["nodes"][0]["type"] == "PERSON"


def test_a_persons_email_and_phone_in_the_evidence_are_masked_without_the_pii_right(flow: Flow) -> None:
    run = flow.runs[1]
    masked = " ".join(flow.pairs(run=run)["nodes"][0]["reasons"])
    assert "w***@tonghua-pcb.cn" in masked and "+86*********78" in masked, masked
    assert "wang.lei@" not in masked and "13912345678" not in masked
    shown = flow.pairs("analyst_pii", run=run)["nodes"][0]
    assert "wang.lei@tonghua-pcb.cn" in " ".join(shown["reasons"])
    assert shown["a"]["names"] == ["Wang Lei"]  # names are shown as Person.name is
    audit = [json.loads(line) for line in (flow.api.data_dir / "audit.jsonl").read_text("utf-8").splitlines()]
    reads = [e for e in audit if e["action"] == "pii_read"]
    assert reads[-1]["fields"] == {"Person.email": 1, "Person.phone": 1}


def test_an_accepted_pair_is_merged_by_the_next_run(flow: Flow) -> None:
    run = flow.runs[0]
    pair = flow.pair(run, "expo:L-1", "expo:L-2")
    node_id = flow.api.data(SOURCE_KEYS, "admin", {"key": "L-1"})["company"]["id"]
    accepted = flow.api.data(ACCEPT, "analyst", {"ids": [pair["id"]], "run": run})["acceptReviewPairs"]
    assert [(p["id"], p["decision"]["verdict"]) for p in accepted] == [(pair["id"], "SAME")]
    assert accepted[0]["decision"]["by"].startswith("Ana Reviewer (key:")  # the key's name, not the OS user
    decided = flow.pairs(run=run, status="DECIDED")["nodes"]
    assert [p["id"] for p in decided] == [pair["id"]] and decided[0]["decision"]["at"]
    assert pair["id"] not in {p["id"] for p in flow.pairs(run=run)["nodes"]}  # no longer awaiting

    flow.ingest(COMPANIES, LEADS)
    assert flow.source_keys("L-1") == ["expo:L-1", "expo:L-2"]
    assert flow.source_keys("L-2") is None  # folded into the entity
    assert flow.api.data(SOURCE_KEYS, "admin", {"key": "L-1"})["company"]["id"] == node_id
    assert flow.pairs(run=flow.runs[-1], status="ALL")["totalCount"] == 1  # only L-3/L-4 is left open
    audit = (flow.api.data_dir / "audit.jsonl").read_text("utf-8").splitlines()
    entry = next(e for e in map(json.loads, audit) if e.get("field") == "acceptReviewPairs")
    assert (entry["target"], entry["arguments"], entry["pairs"]) == (f"Run:{run}", ["ids", "run"], 1)


def test_a_rejected_pair_stays_apart_and_is_not_offered_again(flow: Flow) -> None:
    run = flow.runs[0]
    pair = flow.pair(run, "expo:L-3", "expo:L-4")
    rejected = flow.api.data(REJECT, "admin", {"ids": [pair["id"]], "run": run})["rejectReviewPairs"]
    assert rejected[0]["decision"]["verdict"] == "DIFFERENT"
    flow.ingest(COMPANIES, LEADS)
    assert (flow.source_keys("L-3"), flow.source_keys("L-4")) == (["expo:L-3"], ["expo:L-4"])
    offered = {p["id"] for p in flow.pairs(run=flow.runs[-1], status="ALL")["nodes"]}
    assert pair["id"] not in offered and len(offered) == 1  # L-1/L-2 is still open


def test_unknown_pair_ids_and_runs_are_named_and_nothing_is_recorded(flow: Flow) -> None:
    run = flow.runs[0]
    real = flow.pairs(run=run)["nodes"][0]["id"]
    code, message = _error(flow.api, ACCEPT, "analyst", {"ids": [real, "nope-1", "nope-2"], "run": run})
    assert code == "NOT_FOUND" and message.endswith(
        f"no such pair in run {run}'s review file: nope-1, nope-2"
    )
    assert _error(flow.api, REJECT, "analyst", {"ids": []})[0] == "BAD_USER_INPUT"
    assert _error(flow.api, ACCEPT, "analyst", {"ids": [real], "run": "../../etc"})[0] == "BAD_USER_INPUT"
    code, message = _error(flow.api, PAIRS, "analyst", {"run": "ingest-nope"})
    assert (code, message) == ("NOT_FOUND", "run: no ingest run 'ingest-nope' with review pairs")
    assert flow.decisions() == ""


@pytest.mark.parametrize("who", ["rep_east", "jwt_rep_east", "manager"])
def test_other_roles_are_refused_alike_whatever_the_ids(flow: Flow, who: str) -> None:
    real = flow.pairs(run=flow.runs[0])["nodes"][0]["id"]
    refusals = {
        _error(flow.api, PAIRS, who, {}),
        _error(flow.api, ACCEPT, who, {"ids": [real]}),
        _error(flow.api, ACCEPT, who, {"ids": ["nope"]}),
        _error(flow.api, REJECT, who, {"ids": [real], "run": "ingest-nope"}),
        _error(flow.api, UNMERGE, who, {"key": "expo:L-6"}),
        _error(flow.api, UNMERGE, who, {"key": "expo:NOPE"}),
    }
    role = "manager" if who == "manager" else "rep"
    assert refusals == {("FORBIDDEN", f"the {role} role may not review or undo merges")}
    assert flow.decisions() == ""


@pytest.mark.parametrize("app", ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)], indirect=True)
def test_an_unmerged_record_gets_a_node_of_its_own_and_the_entity_keeps_its_id(app: App) -> None:
    flow = Flow(app.api)
    flow.ingest(COMPANIES, LEADS)
    assert flow.source_keys("L-5") == ["expo:L-5", "expo:L-6"]
    entity = app.api.data(SOURCE_KEYS, "admin", {"key": "L-5"})["company"]["id"]
    done = app.api.data(UNMERGE, "analyst", {"key": "expo:L-6"})["unmergeRecord"]
    assert done == {
        "record": "expo:L-6",
        "entityId": to_global_id("Company", "L-5"),
        "entityKey": "L-5",
        "keptApartFrom": ["expo:L-5"],
    }
    assert entity == done["entityId"]
    assert '"by": "Ana Reviewer (key:' in flow.decisions()
    code, message = _error(app.api, UNMERGE, "analyst", {"key": "expo:NOPE"})
    assert (code, message) == (
        "NOT_FOUND",
        "sourceKey: no Company holds the record 'expo:NOPE' (give it as source:key)",
    )
    code, message = _error(app.api, UNMERGE, "admin", {"key": "expo:L-1"})
    assert code == "BAD_USER_INPUT" and message.endswith(
        "is the only record of Company 'L-1': nothing to unmerge"
    )

    flow.ingest(COMPANIES, LEADS)
    assert (flow.source_keys("L-5"), flow.source_keys("L-6")) == (["expo:L-5"], ["expo:L-6"])
    assert app.api.data(SOURCE_KEYS, "admin", {"key": "L-5"})["company"]["id"] == entity
    assert app.store.get_node("Company", "L-6") is not None
