"""Side channels closed: what masking or the territory scope hides does not come back
through a sort order, an id spelled another way, a reject report or a mapping's file."""

from __future__ import annotations

import base64
import json
from typing import Any

from api._relay import to_global_id
from graph.adapters.ladybug import LadybugStore
from tests.api import market
from tests.api.conftest import Api

PEOPLE = "query($o: [PersonOrder!]) { people(first: 60, orderBy: $o) { nodes { key email } } }"
RECORDS = """mutation($input: IngestRecordsInput!) { ingestRecords(input: $input, wait: true) {
  id status error report { rejects { line field reason detail value } } } }"""
CONTACTS = market.contacts_mapping("side_channel_contacts")


def _keys(api: Api, who: str, order: list[dict[str, str]]) -> list[str]:
    return [p["key"] for p in api.data(PEOPLE, who, {"o": order})["people"]["nodes"]]


def test_a_masked_value_sorts_as_if_absent(api: Api) -> None:
    planted = 'mutation($p: PersonInput!) { upsertPerson(input: $p, companyKey: "E-001") { key } }'
    for key, email in (("P-PLANT-A", "a@plant.example"), ("P-PLANT-Z", "zzz@plant.example")):
        api.data(planted, "rep_east", {"p": {"name": key, "email": email}})
    for who in ("rep_east", "analyst"):
        by_key = _keys(api, who, [{"field": "ID"}])
        for field in ("EMAIL", "PHONE"):
            for direction in ("ASC", "DESC"):
                assert _keys(api, who, [{"field": field, "direction": direction}]) == by_key, (who, field)
        then_name = _keys(api, who, [{"field": "EMAIL", "direction": "DESC"}, {"field": "NAME"}])
        assert then_name == _keys(api, who, [{"field": "NAME"}])
    clear = api.data(PEOPLE, "analyst_pii", {"o": [{"field": "EMAIL"}]})["people"]["nodes"]
    emails = [p["email"] for p in clear if p["email"] is not None]
    assert emails == sorted(emails) and [p["key"] for p in clear] != _keys(
        api, "analyst_pii", [{"field": "ID"}]
    )


def _b64(text: str, pad: bool = False) -> str:
    encoded = base64.urlsafe_b64encode(text.encode()).decode()
    return encoded if pad else encoded.rstrip("=")


def test_every_id_form_goes_through_the_same_scope(api: Api) -> None:
    west = to_global_id("Company", "W-001")
    forms = [
        "W-001",
        "Company:W-001",
        west + "==",
        " " + west,
        base64.b64encode(b"Company:W-001").decode(),
        _b64("Company:W-001", pad=True),
    ]
    node = "query($i: ID!) { node(id: $i) { id ... on Company { key name } } }"
    for form in forms:
        for who in ("rep_east", "rep_west", "admin"):
            body = api.post(node, who, {"i": form}).json()
            assert body["data"] == {"node": None}, (form, who)
            assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
            assert "West Widgets" not in json.dumps(body)
    forged = ("Person:W-001", "Signal:W-001", "Company:W-001 ", "Company: W-001", "Company:w-001")
    for form in (*(_b64(f) for f in forged), west):
        assert api.data(node, "rep_east", {"i": form}) == {"node": None}
    assert api.data(node, "rep_west", {"i": west})["node"]["key"] == "W-001"
    mine = to_global_id("Company", "E-001")
    path = "query($a: ID!, $b: ID!) { path(from: $a, to: $b) { length } }"
    refused = api.post(path, "rep_east", {"a": mine, "b": west + "=="}).json()
    assert refused["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert api.data(path, "rep_east", {"a": mine, "b": west}) == {"path": None}


def _ingest(api: Api, who: str, given: dict[str, Any]) -> Any:
    return api.post(RECORDS, who, {"input": given}).json()


def test_reject_details_do_not_echo_masked_values(api: Api) -> None:
    csv = "id,name,phone\nP-REJ-1,Reject One,+86 139 0001 23\n"
    given = {"mappingYaml": CONTACTS, "content": csv}
    job = _ingest(api, "analyst", given)["data"]["ingestRecords"]
    rejects = api.data(
        "query($id: ID!) { job(id: $id) { report { rejects { field reason detail value } } } }",
        "analyst",
        {"id": job["id"]},
    )["job"]["report"]["rejects"]
    assert [(r["field"], r["reason"], r["value"]) for r in rejects] == [("phone", "bad_phone", None)]
    assert "139" not in rejects[0]["detail"] and "bad_phone" in rejects[0]["detail"]
    clear = _ingest(api, "analyst_pii", given)["data"]["ingestRecords"]["report"]["rejects"]
    assert clear[0]["value"] == "+86 139 0001 23" and "+86 139 0001 23" in clear[0]["detail"]


def test_a_mapping_file_stays_inside_the_ingest_directory(api: Api) -> None:
    inbox = api.data_dir / "side_inbox"
    inbox.mkdir(exist_ok=True)
    (inbox / "contacts.csv").write_text("id,name,phone\nP-IN-1,Inside,\n", encoding="utf-8")
    outside = api.data_dir.parent / "outside_secret.csv"
    outside.write_text("id,name,phone\nP-OUT-1,Secret Person,\n", encoding="utf-8")
    (inbox / "link.csv").unlink(missing_ok=True)
    (inbox / "link.csv").symlink_to(outside)
    escapes = ["../../outside_secret.csv", str(outside), "link.csv"]
    for file in escapes:
        mapping = CONTACTS.replace("nodes:", f"file: {file}\nnodes:", 1)
        body = _ingest(api, "admin", {"mappingYaml": mapping, "path": "side_inbox"})
        error = body["errors"][0]
        assert error["extensions"]["code"] == "BAD_USER_INPUT", file
        assert error["message"].startswith("mapping: its file lies outside"), error["message"]
    assert api.data('{ person(key: "P-OUT-1") { key } }') == {"person": None}
    inside = CONTACTS.replace("nodes:", "file: contacts.csv\nnodes:", 1)
    job = _ingest(api, "admin", {"mappingYaml": inside, "path": "side_inbox"})["data"]["ingestRecords"]
    assert job["status"] == "COMPLETED"
    owned = CONTACTS + "      influence_rank: {column: rank, type: int}\n"
    body = _ingest(api, "admin", {"mappingYaml": owned, "content": "id,name,phone,rank\nP-X,X,,1\n"})
    assert body["errors"][0]["message"] == "mapping: Person.influence_rank is written by the analyses"


def test_signal_evidence_names_no_node_out_of_scope(market_store: LadybugStore, api: Api) -> None:
    refs = [["Company", "E-002"], ["Person", "R-E"], ["Person", "P-W-001-0"], ["Company", "W-001"]]
    evidence = json.dumps({"numbers": {"hops": 2.0}, "refs": refs})
    signal = {"id": "S-WARM", "kind": "warm_intro_available", "status": "open", "evidence": evidence}
    market_store.upsert_nodes("Signal", [signal | market.PROV])
    market_store.upsert_edges(
        "ABOUT", "Signal", "Company", [{"_from": "S-WARM", "_to": "E-002"} | market.PROV]
    )
    query = '{ company(key: "E-002") { signals(first: 50) { nodes { key evidence } } } }'

    def shown(who: str) -> Any:
        nodes = api.data(query, who)["company"]["signals"]["nodes"]
        return json.loads(next(n["evidence"] for n in nodes if n["key"] == "S-WARM"))["refs"]

    assert shown("admin") == refs
    assert shown("rep_east") == [["Company", "E-002"], ["Person", "R-E"], ["Person", None], ["Company", None]]


SIGNALS = "query($o: [SignalOrder!]) { signals(first: 100, orderBy: $o) { nodes { key reason evidence } } }"


def test_a_signal_reason_names_no_one_the_caller_may_not_see(api: Api, market_store: LadybugStore) -> None:
    """A warm-introduction signal on an East account whose path starts at the West rep (a
    colleague, whom every rep sees) and runs through a West contact: an East rep reads the reason
    with the contact hidden, and cannot learn the name from the order of reasons either."""
    west_contact = "Contact 0 of W-001"
    reason = f"Wang West can reach Contact 0 of E-003 through {west_contact} in 2 hop(s)"
    refs = [["Company", "E-003"], ["Person", "R-W"], ["Person", "P-W-001-0"], ["Person", "P-E-003-0"]]
    planted: list[dict[str, Any]] = [
        {"id": "S-LEAK-A", "kind": "warm_intro_available", "status": "open", "reason": reason,
         "evidence": json.dumps({"numbers": {}, "refs": refs}), **market._p("S-LEAK-A")},
        {"id": "S-LEAK-B", "kind": "warm_intro_available", "status": "open",
         "reason": "Erin East can reach Contact 0 of E-002 in 1 hop(s)",
         "evidence": json.dumps({"numbers": {}, "refs": [["Company", "E-002"], ["Person", "R-E"]]}),
         **market._p("S-LEAK-B")},
    ]  # fmt: skip
    market_store.upsert_nodes("Signal", planted)
    about = [("S-LEAK-A", "E-003"), ("S-LEAK-B", "E-002")]
    market_store.upsert_edges(
        "ABOUT", "Signal", "Company", [{"_from": s, "_to": c, **market._p(s)} for s, c in about]
    )
    try:
        seen = {
            s["key"]: s for s in api.data(SIGNALS, "rep_east", {"o": [{"field": "ID"}]})["signals"]["nodes"]
        }
        shown = seen["S-LEAK-A"]["reason"]
        assert west_contact not in shown and "W-001" not in shown, shown
        assert shown == reason.replace(west_contact, "someone outside your territory")
        assert "Contact 0 of E-003" in shown and seen["S-LEAK-B"]["reason"] == planted[1]["reason"]
        admin = {
            s["key"]: s for s in api.data(SIGNALS, "admin", {"o": [{"field": "ID"}]})["signals"]["nodes"]
        }
        assert admin["S-LEAK-A"]["reason"] == reason
        by_id = list(seen)
        for direction in ("ASC", "DESC"):
            order = [{"field": "REASON", "direction": direction}, {"field": "ID"}]
            sorted_keys = [s["key"] for s in api.data(SIGNALS, "rep_east", {"o": order})["signals"]["nodes"]]
            assert sorted_keys == by_id, direction
    finally:
        market_store.delete_nodes("Signal", ["S-LEAK-A", "S-LEAK-B"])


BASIS = """query($o: [SignalOrder!]) { signals(first: 100, orderBy: $o) { nodes {
  key basis { numbers { name value }
    restsOn { label outside node { id ... on Person { key name } } } } } } }"""


def test_a_signal_basis_is_typed_and_hides_what_the_caller_may_not_see(
    api: Api, market_store: LadybugStore
) -> None:
    refs = [["Company", "E-003"], ["Person", "P-W-001-0"], ["Person", "P-E-003-0"]]
    planted = {"id": "S-BASIS", "kind": "warm_intro_available", "status": "open", "reason": "r",
               "evidence": json.dumps({"numbers": {"hops": 2, "path_cost": 1.5}, "refs": refs}),
               **market._p("S-BASIS")}  # fmt: skip
    market_store.upsert_nodes("Signal", [planted])
    market_store.upsert_edges(
        "ABOUT", "Signal", "Company", [{"_from": "S-BASIS", "_to": "E-003", **market._p("S-BASIS")}]
    )
    try:
        for who, hidden in (("rep_east", True), ("admin", False)):
            nodes = api.data(BASIS, who, {"o": [{"field": "ID"}]})["signals"]["nodes"]
            basis = next(n["basis"] for n in nodes if n["key"] == "S-BASIS")
            assert basis["numbers"] == [{"name": "hops", "value": 2.0}, {"name": "path_cost", "value": 1.5}]
            west = basis["restsOn"][1]
            assert west["label"] == "Person" and west["outside"] is hidden
            assert (west["node"] is None) is hidden
            assert basis["restsOn"][2]["node"]["key"] == "P-E-003-0"
            if hidden:
                assert "W-001" not in json.dumps(basis) and "Contact 0 of W" not in json.dumps(basis)
    finally:
        market_store.delete_nodes("Signal", ["S-BASIS"])
