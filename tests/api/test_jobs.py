"""Ingest and recompute mutations as background jobs: inline content and server paths,
their run reports and rejects, the job's status query, one job at a time per store."""

from __future__ import annotations

import json
import time
from typing import Any

from graph import RunLog
from graph.adapters.ladybug import LadybugStore
from tests.api.conftest import Api

RECORDS = """mutation($input: IngestRecordsInput!, $wait: Boolean) {
  ingestRecords(input: $input, wait: $wait) {
  id kind status error summary counts { name value }
  report { runId read nodesWritten edgesWritten counts countsByName { name value } rejected { reason count }
           rejects { file line field reason detail value } } } }"""
TEXT = """mutation($input: IngestTextInput!) { ingestText(input: $input, wait: true) {
  id kind status error report { read nodesWritten edgesWritten counts rejected { reason count } } } }"""
RECOMPUTE = "mutation($what: [Analysis!]) { recomputeAnalytics(what: $what) { id kind status } }"
JOB = "query($id: ID!) { job(id: $id) { id kind status startedAt finishedAt summary error } }"
#: the sample CRM's relationships export (mapping 12_crm_relationships), about the test market
RELATIONSHIPS = """from_contact_id,to_contact_id,kind,strength,last_contact
P-E-020-0,P-E-021-0,KNOWS,0.6,2026-08-01
P-E-020-1,P-E-021-1,INFLUENCES,0.4,
P-E-022-0,P-E-023-0,KNOWS,high,2026-08-01
P-E-024-0,P-E-025-0,KNOWS,0.5,2027-01-01
P-NOBODY,P-E-025-0,KNOWS,0.5,2026-08-01
"""


def _errors(api: Api, query: str, who: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = api.post(query, who, variables).json()
    assert "errors" in body, body
    return dict(body["errors"][0])


def _wait_for(api: Api, job_id: str, seconds: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while True:
        job = api.data(JOB, "analyst", {"id": job_id})["job"]
        if job["status"] in ("COMPLETED", "FAILED") or time.monotonic() > deadline:
            return dict(job)
        time.sleep(0.05)


def test_inline_records_are_ingested_with_their_rejects(api: Api) -> None:
    given = {"mapping": "12_crm_relationships", "content": RELATIONSHIPS}
    job = api.data(RECORDS, "analyst", {"input": given, "wait": True})["ingestRecords"]
    assert (job["kind"], job["status"], job["error"]) == ("ingest_records", "COMPLETED", None)
    report = job["report"]
    assert report["runId"] == job["id"] and job["id"].startswith("ingest-")
    assert (report["read"], report["nodesWritten"], report["edgesWritten"]) == (5, 0, 2)
    assert report["rejected"] == [
        {"reason": "bad_number", "count": 1},
        {"reason": "future_date", "count": 1},
        {"reason": "unknown_reference", "count": 1},
    ]
    where = sorted((r["line"], r["field"], r["reason"]) for r in report["rejects"])
    assert where == [
        (4, "strength", "bad_number"),
        (5, "last_contact", "future_date"),
        (6, None, "unknown_reference"),
    ]
    assert {r["file"] for r in report["rejects"]} == {f"runs/{job['id']}/records.csv"}
    assert all(r["value"] is None for r in report["rejects"])  # values are for the pii right only
    assert json.loads(job["summary"]) == {
        "read": 5,
        "nodes_written": 0,
        "edges_written": 2,
        "rejected": 3,
        **json.loads(report["counts"]),
    }
    # the same counts as types (the JSON strings are deprecated)
    assert {c["name"]: c["value"] for c in job["counts"]} == json.loads(job["summary"])
    assert {c["name"]: c["value"] for c in report["countsByName"]} == json.loads(report["counts"])
    known = api.data('{ person(key: "P-E-020-0") { knows { edges { strength lastContact node { key } } } } }')
    assert known["person"]["knows"]["edges"] == [
        {"strength": 0.6, "lastContact": "2026-08-01", "node": {"key": "P-E-021-0"}}
    ]
    entry = json.loads((api.data_dir / "audit.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert entry["field"] == "ingestRecords" and entry["target"] == f"Job:{job['id']}"
    assert entry["arguments"] == ["input.content", "input.mapping"]
    assert "P-E-020-0" not in json.dumps(entry)


def test_rejected_values_are_shown_to_the_pii_right_and_a_rerun_writes_nothing(api: Api) -> None:
    given = {"mapping": "12_crm_relationships", "content": RELATIONSHIPS}
    # ingested here too, not only by the first test: xdist may run this test on another worker,
    # whose module-scoped store has not seen these records
    api.data(RECORDS, "analyst", {"input": given, "wait": True})
    job = api.data(RECORDS, "analyst_pii", {"input": given, "wait": True})["ingestRecords"]
    assert job["report"]["edgesWritten"] == 0  # the same facts again
    values = {r["field"]: r["value"] for r in job["report"]["rejects"]}
    assert values["strength"] == "high" and values["last_contact"] == "2027-01-01"


def test_an_inline_mapping_is_checked_against_the_ontology(api: Api) -> None:
    mapping = """source: partner_portal
nodes:
  - label: Company
    key: "{code}"
    props:
      name: {column: name, required: true}
      territory: territory
"""
    csv = "code,name,territory\nPP-1,Portal One,East\nPP-2,,East\n"
    job = api.data(RECORDS, "admin", {"input": {"mappingYaml": mapping, "content": csv}, "wait": True})
    report = job["ingestRecords"]["report"]
    assert (report["read"], report["nodesWritten"]) == (2, 1)
    assert [(r["line"], r["field"], r["reason"]) for r in report["rejects"]] == [
        (3, "name", "missing_required")
    ]
    assert api.data('{ company(key: "PP-1") { name territory } }', "rep_east") == {
        "company": {"name": "Portal One", "territory": "East"}
    }
    bad = mapping.replace("territory: territory", "colour: colour")
    error = _errors(api, RECORDS, "admin", {"input": {"mappingYaml": bad, "content": csv}})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"].startswith("mappingYaml: nodes[0].props.colour: no such property")


def test_bad_ingest_inputs_name_the_field(api: Api) -> None:
    cases = [
        ({"mapping": "99_nothing", "content": "a\n1\n"}, "mapping: no sample mapping '99_nothing'"),
        ({"content": "a\n1\n"}, "mapping: give a sample mapping's name or mappingYaml"),
        ({"mapping": "12_crm_relationships"}, "content: give inline content or a server path"),
        ({"mapping": "sample", "content": "a\n"}, "mapping: inline content is read with one mapping"),
        ({"mapping": "12_crm_relationships", "path": "../../etc/passwd"}, "path: outside the directory"),
        ({"mapping": "12_crm_relationships", "path": "/etc/passwd"}, "path: outside the directory"),
        ({"mapping": "12_crm_relationships", "path": "missing.csv"}, "path: no such file"),
        (
            {"mappingYaml": "source: x\nformat: csv\n", "content": "{}", "format": "JSONL"},
            "format: the mapping",
        ),
        ({"mappingYaml": "source: [", "content": "a\n"}, "mappingYaml: cannot read mapping"),
    ]
    for given, message in cases:
        error = _errors(api, RECORDS, "admin", {"input": given})
        assert error["extensions"]["code"] == "BAD_USER_INPUT", (given, error)
        assert error["message"].startswith(message), (message, error["message"])
    assert not [d for d in (api.data_dir / "runs").iterdir() if not any(d.iterdir())]  # no empty folders


def test_admins_ingest_a_file_under_the_data_directory(api: Api) -> None:
    inbox = api.data_dir / "inbox"
    inbox.mkdir(exist_ok=True)
    (inbox / "relationships.csv").write_text(
        "from_contact_id,to_contact_id,kind,strength,last_contact\nP-E-030-0,P-E-031-0,KNOWS,0.9,2026-09-01\n",
        encoding="utf-8",
    )
    given = {"mapping": "12_crm_relationships", "path": "inbox/relationships.csv"}
    job = api.data(RECORDS, "admin", {"input": given, "wait": True})["ingestRecords"]
    assert job["status"] == "COMPLETED" and job["report"]["edgesWritten"] == 1


def test_an_unreadable_file_is_one_reject_with_its_reason(api: Api, market_store: LadybugStore) -> None:
    """An empty upload is a file-level reject (unreadable_file, line 0): the run completes and says
    why nothing was read, as the CLI's ingest does."""
    given = {"mapping": "12_crm_relationships", "content": ""}
    job = api.data(RECORDS, "admin", {"input": given, "wait": True})["ingestRecords"]
    assert job["status"] == "COMPLETED" and job["error"] is None
    report = job["report"]
    assert report["rejected"] == [{"reason": "unreadable_file", "count": 1}]
    assert (report["read"], report["nodesWritten"], report["edgesWritten"]) == (0, 0, 0)
    (reject,) = report["rejects"]
    assert reject["line"] == 0 and "empty" in reject["detail"]
    run = market_store.get_node("Run", job["id"])
    assert run is not None and run.props["status"] != "failed"


def test_inline_text_documents_are_ingested_once(api: Api) -> None:
    documents = [
        {
            "id": "api-note-1",
            "text": "Contact 0 of E-040 says East华040医疗器械有限公司 needs infusion pumps.",
            "accountId": "E-040",
        },
        {"id": "api-note-2", "text": "   "},
    ]
    job = api.data(TEXT, "analyst", {"input": {"documents": documents}})["ingestText"]
    assert (job["kind"], job["status"], job["error"]) == ("ingest_text", "COMPLETED", None)
    report = job["report"]
    assert report["read"] == 1 and report["rejected"] == [{"reason": "empty", "count": 1}]
    assert (
        report["nodesWritten"] >= 2 and json.loads(report["counts"])["documents"] == 1
    )  # Document, Activity
    activity = api.data('{ company(key: "E-040") { activities { nodes { key kind } } } }')
    assert {"key": "ACT-api-note-1", "kind": "note"} in activity["company"]["activities"]["nodes"]
    again = api.data(TEXT, "analyst", {"input": {"documents": documents}})["ingestText"]["report"]
    assert (again["nodesWritten"], again["edgesWritten"], json.loads(again["counts"])["unchanged"]) == (
        0,
        0,
        1,
    )


def _orders() -> str:
    """Dated order lines for East accounts (the test market's purchases carry no date)."""
    lines = ["order_id,line_no,cust_code,product_id,order_date,quantity,unit_price,amount,currency"]
    for i in range(1, 7):
        for month in range(1, 10, 1 + i % 3):
            product = "PRD-1" if month % 2 else "PRD-2"
            lines.append(f"SO-{i}-{month},1,E-{i:03d},{product},2026-{month:02d}-15,2,50,{100 * i},CNY")
    return "\n".join(lines) + "\n"


def test_recompute_runs_in_the_background_one_job_at_a_time(api: Api, market_store: LadybugStore) -> None:
    orders = {"mapping": "14_erp_order_lines", "content": _orders()}
    loaded = api.data(RECORDS, "admin", {"input": orders, "wait": True})["ingestRecords"]["report"]
    assert loaded["edgesWritten"] == loaded["read"] > 20 and loaded["rejected"] == []
    assert api.data('{ company(key: "E-001") { rfm { tier } } }') == {"company": {"rfm": None}}
    first = api.data(RECOMPUTE, "analyst", {"what": ["INFLUENCE", "SEGMENTS"]})["recomputeAnalytics"]
    second = api.data(RECOMPUTE, "admin", {"what": ["ALL"]})["recomputeAnalytics"]
    assert first["status"] in ("QUEUED", "RUNNING") and second["status"] in ("QUEUED", "RUNNING")
    done = [_wait_for(api, j["id"]) for j in (first, second)]
    assert [d["status"] for d in done] == ["COMPLETED", "COMPLETED"], done
    assert sorted(json.loads(done[0]["summary"])) == ["influence", "segments"]
    assert sorted(json.loads(done[1]["summary"])) == ["crosssell", "influence", "segments", "signals"]
    assert done[0]["finishedAt"] <= done[1]["startedAt"]  # never at once on one store
    run = market_store.get_node("Run", first["id"])
    assert run is not None and (run.props["kind"], run.props["status"]) == ("analyze", "completed")
    ranked = api.data('{ company(key: "E-001") { rfm { tier } decisionChain { rank } } }')["company"]
    assert ranked["rfm"] is not None and ranked["decisionChain"][0]["rank"] == 1
    empty = _errors(api, RECOMPUTE, "admin", {"what": []})
    assert empty["message"].startswith("what: name at least one of")


def test_a_job_is_found_again_from_its_run(api: Api, market_store: LadybugStore) -> None:
    log = RunLog(market_store, "analyze-elsewhere", "analyze", ["all"])
    log.start()
    assert api.data(JOB, "admin", {"id": "analyze-elsewhere"})["job"]["status"] == "RUNNING"
    log.fail("ValueError: no market")
    job = api.data(JOB, "admin", {"id": "analyze-elsewhere"})["job"]
    assert (job["kind"], job["status"], job["error"]) == ("analyze", "FAILED", "ValueError: no market")
    assert api.data(JOB, "admin", {"id": "nothing-like-it"}) == {"job": None}
