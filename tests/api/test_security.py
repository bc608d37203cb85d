"""Authorisation: a rep sees only their territory's accounts, through every path; PII
masking and its audit; credentials rejected with UNAUTHENTICATED."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from api import create_app
from api._relay import to_global_id
from graph.adapters.ladybug import LadybugStore
from tests.api import market
from tests.api.conftest import Api, LiveServer, make_keys, settings, token

WEST = "W-001"


def _gid(api: Api, key: str) -> str:
    company = api.data(f'{{ company(key: "{key}") {{ id }} }}')["company"]
    return str(company["id"])


@pytest.mark.parametrize("who", ["rep_east", "jwt_rep_east"])
def test_rep_lists_only_their_territory(api: Api, who: str) -> None:
    page = api.data("{ companies(first: 100) { totalCount nodes { territory } } }", who)["companies"]
    assert page["totalCount"] == market.N
    assert {n["territory"] for n in page["nodes"]} == {"East"}
    west = api.data('{ companies(filter: {territory: ["West"]}) { totalCount } }', who)
    assert west["companies"]["totalCount"] == 0


def test_rep_cannot_reach_another_territory_by_any_path(api: Api) -> None:
    gid = _gid(api, WEST)
    rep = "rep_east"
    assert api.data(f'{{ node(id: "{gid}") {{ id }} }}', rep) == {"node": None}
    assert api.data(f'{{ company(key: "{WEST}") {{ key }} }}', rep) == {"company": None}
    assert api.data('{ search(text: "West", types: [COMPANY, PRODUCT]) { key } }', rep) == {"search": []}
    assert api.data('{ search(text: "west medical 010") { key } }', rep) == {"search": []}
    buyers = api.data(
        '{ search(text: "Infusion Pump") { ... on Product { purchasedBy(first: 100) '
        "{ totalCount nodes { territory } } } } }",
        rep,
    )["search"][0]["purchasedBy"]
    assert buyers["totalCount"] == market.N and {n["territory"] for n in buyers["nodes"]} == {"East"}
    contact = api.data(f'{{ person(key: "P-{WEST}-0") {{ key }} }}', rep)
    assert contact == {"person": None}
    signals = api.data(
        "{ signals(first: 100) { totalCount nodes { aboutCompanies { nodes { territory } } } } }", rep
    )
    assert signals["signals"]["totalCount"] == market.N
    territories = {c["territory"] for s in signals["signals"]["nodes"] for c in s["aboutCompanies"]["nodes"]}
    assert territories == {"East"}
    colleague = api.data('{ person(key: "R-W") { ownedAccounts(first: 100) { totalCount } } }', rep)
    assert colleague == {"person": {"ownedAccounts": {"totalCount": 0}}}
    assert api.data(f'{{ node(id: "{gid}") {{ id }} }}', "rep_west") == {"node": {"id": gid}}


def test_rep_cannot_change_another_territory(api: Api) -> None:
    signal = api.data('{ signals(filter: {kind: ["churn_risk"]}, first: 1) { nodes { id } } }', "rep_west")
    sid = signal["signals"]["nodes"][0]["id"]
    refused = api.post(f'mutation {{ acknowledgeSignal(id: "{sid}") {{ status }} }}', "rep_east").json()
    assert refused["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    upsert = "mutation($c: CompanyInput!) { upsertCompany(input: $c) { key } }"
    theirs = api.post(upsert, "rep_east", {"c": {"id": WEST, "name": "Mine now"}}).json()
    assert theirs["errors"][0]["extensions"]["code"] == "NOT_FOUND"  # as for a key nobody holds
    move = api.post(
        upsert, "rep_east", {"c": {"id": "E-001", "name": "E1", "territory": "West", "ownerId": "R-W"}}
    ).json()
    assert move["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    analyst = api.post(upsert, "analyst", {"c": {"id": "E-001", "name": "E1"}}).json()
    assert analyst["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    name = api.data(f'{{ company(key: "{WEST}") {{ name }} }}')["company"]["name"]
    assert name == "West Widgets 001 Ltd"


def test_pii_is_masked_without_the_right_and_its_reads_are_audited(api: Api) -> None:
    query = '{ person(key: "P-E-001-0") { email phone } }'
    masked = api.data(query, "analyst")["person"]
    assert masked == {"email": "c***@client.example", "phone": "+86*********00"}
    clear = api.data(query, "analyst_pii")["person"]
    assert clear == {"email": "c0.e-001@client.example", "phone": "+8613900010000"}
    log = (api.data_dir / "audit.jsonl").read_text(encoding="utf-8")
    entries = [json.loads(line) for line in log.splitlines()]
    reads = [e for e in entries if e["action"] == "pii_read"]
    assert reads and reads[-1]["fields"] == {"Person.email": 1, "Person.phone": 1}
    assert reads[-1]["who"].startswith("key:") and reads[-1]["role"] == "analyst"
    assert "c0.e-001@client.example" not in log and "+8613900010000" not in log


def test_contact_export_fields_are_masked_and_no_list_sorts_by_them(api: Api) -> None:
    query = '{ person(key: "P-E-001-0") { address postcode birthDate city } }'
    masked = api.data(query, "analyst")["person"]
    assert masked == {"address": "*" * 14 + "ue", "postcode": "****01", "birthDate": None, "city": None}
    clear = api.data(query, "analyst_pii")["person"]
    assert clear == {
        "address": "1 Century Avenue",
        "postcode": "200101",
        "birthDate": "1980-01-02",
        "city": None,
    }
    fields = api.data('{ __type(name: "PersonSortField") { enumValues { name } } }')
    names = {v["name"] for v in fields["__type"]["enumValues"]}
    assert "NAME" in names and not names & {"ADDRESS", "POSTCODE", "BIRTH_DATE", "EXTERNAL_ID"}


@pytest.mark.parametrize(
    ("authorization", "why"),
    [
        (None, "no credentials"),
        ("Bearer ag_nope_nope", "unknown key"),
        ("Bearer " + token("rep", expires_in=-60, territories=["East"]), "expired"),
        ("Bearer " + token("rep", secret="another-secret-0123456789abcdef0123"), "bad signature"),
        ("Bearer " + token("emperor"), "unknown role"),
        ("Bearer not.a.jwt", "garbage"),
    ],
)
def test_bad_credentials_are_rejected(api: Api, authorization: str | None, why: str) -> None:
    headers = {"accept": "application/graphql-response+json"}
    if authorization:
        headers["authorization"] = authorization
    response = api.client.post("/graphql", json={"query": "{ me { role } }"}, headers=headers)
    assert response.status_code == 401, why
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert response.headers["www-authenticate"] == "Bearer"


def test_rs256_tokens_verified_with_a_jwks_file(market_store: LadybugStore, tmp_path: Path) -> None:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    (tmp_path / "jwks.json").write_text(json.dumps({"keys": [{**jwk, "kid": "k1", "use": "sig"}]}))
    app = create_app(market_store, settings(tmp_path, jwks_file=tmp_path / "jwks.json"), tmp_path)
    claims = {"sub": "sso-user", "role": "analyst", "exp": dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)}
    good = jwt.encode(claims, private, algorithm="RS256", headers={"kid": "k1"})
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = jwt.encode(claims, other, algorithm="RS256", headers={"kid": "k1"})
    with LiveServer(app) as url, httpx.Client(base_url=url) as client:

        def ask(tok: str) -> httpx.Response:
            return client.post(
                "/graphql",
                json={"query": "{ me { subject role } }"},
                headers={"authorization": f"Bearer {tok}"},
            )

        assert ask(good).json() == {"data": {"me": {"subject": "jwt:sso-user", "role": "analyst"}}}
        assert ask(forged).status_code == 401


def test_rate_limit_per_key(market_store: LadybugStore, tmp_path: Path) -> None:
    keys = make_keys(tmp_path)
    app = create_app(market_store, settings(tmp_path, rate_burst=3, rate_limit=0.01), tmp_path)
    with LiveServer(app) as url, httpx.Client(base_url=url) as client:

        def ask(who: str) -> int:
            h = {"authorization": f"Bearer {keys[who]}"}
            return client.post("/graphql", json={"query": "{ me { role } }"}, headers=h).status_code

        assert [ask("analyst") for _ in range(4)] == [200, 200, 200, 429]
        assert ask("admin") == 200  # another key has its own bucket


PATH = "query($a: ID!, $b: ID!) { path(from: $a, to: $b) { length relationships nodes { key } } }"


def test_paths_never_cross_another_territory(api: Api) -> None:
    east, west, east3 = _gid(api, "E-001"), _gid(api, WEST), _gid(api, "E-003")
    found = api.data(PATH, "admin", {"a": east, "b": west})["path"]
    assert found == {
        "length": 2,
        "relationships": ["PURCHASED", "PURCHASED"],
        "nodes": [{"key": "E-001"}, {"key": "PRD-1"}, {"key": WEST}],
    }
    assert api.data(PATH, "rep_east", {"a": east, "b": west}) == {"path": None}
    inside = api.data(PATH, "rep_east", {"a": east, "b": east3})["path"]
    assert inside["length"] == 2 and all(not n["key"].startswith("W-") for n in inside["nodes"])


# ---- the network fields, links and jobs: the same policy ------------------------------------

WARM = """query($to: ID!) { warmIntroPaths(to: $to, first: 10) {
  rep { key } hops { person { key } } } }"""
INFLUENCERS = "query($s: InfluencerScope) { influencers(scope: $s, first: 20) { node { key } } }"


@pytest.fixture(scope="module")
def network(api: Api, market_store: LadybugStore) -> Api:
    market.build_network(market_store)
    return api


def _keys_on(paths: list[dict[str, Any]]) -> set[str]:
    return {h["person"]["key"] for p in paths for h in p["hops"]} | {p["rep"]["key"] for p in paths}


def test_warm_intro_paths_pass_only_through_people_a_rep_may_see(network: Api) -> None:
    target = {"to": to_global_id("Person", market.WARM_TARGET)}
    everyone = network.data(WARM, "admin", target)["warmIntroPaths"]
    east = network.data(WARM, "rep_east", target)["warmIntroPaths"]
    assert "P-W-001-0" in _keys_on(everyone) and len(everyone) == 4
    assert east == [p for p in everyone if "P-W-001-0" not in _keys_on([p])] and len(east) == 3
    assert not any(k.startswith("P-W-") for k in _keys_on(east))
    assert network.data(WARM, "rep_west", target) == {"warmIntroPaths": []}  # an East contact


def test_influencers_and_similar_accounts_stay_in_the_territory(network: Api) -> None:
    def keys(who: str, scope: dict[str, str] | None = None) -> list[str]:
        found = network.data(INFLUENCERS, who, {"s": scope})["influencers"]
        return [i["node"]["key"] for i in found]

    assert keys("admin") == [k for _, k, *_ in market.NETWORK]
    assert keys("rep_east") == ["E-001", "P-E-001-0", "R-E", "P-E-002-0"]
    assert keys("rep_east", {"territory": "West"}) == []
    assert keys("rep_west") == ["P-W-001-0", "W-002", "R-E"]  # our reps are visible to all
    assert keys("rep_west", {"account": to_global_id("Company", "E-005")}) == []
    assert keys("rep_east", {"account": to_global_id("Company", "E-005")}) == ["P-E-005-1", "P-E-005-0"]
    similar = '{ company(key: "E-001") { similar { company { key } } } }'
    shown = network.data(similar, "rep_east")["company"]["similar"]
    assert [s["company"]["key"] for s in shown] == ["E-002", "E-004"]
    assert len(network.data(similar)["company"]["similar"]) == 3


LINK = """mutation($a: ID!, $b: ID!) { upsertRelationship(type: "KNOWS", from: $a, to: $b,
  properties: {strength: 0.5}) { type } }"""


def test_a_rep_links_only_people_they_may_see(network: Api) -> None:
    mine, theirs = to_global_id("Person", "P-E-001-1"), to_global_id("Person", "P-W-002-1")
    for a, b in ((mine, theirs), (theirs, mine), (theirs, to_global_id("Person", "P-W-003-1"))):
        refused = network.post(LINK, "rep_east", {"a": a, "b": b}).json()
        assert refused["errors"][0]["extensions"]["code"] == "NOT_FOUND", refused
    colleague = to_global_id("Person", "R-W")  # our reps are visible to every rep
    assert network.data(LINK, "rep_east", {"a": mine, "b": colleague}) == {
        "upsertRelationship": {"type": "KNOWS"}
    }
    west = '{ person(key: "P-W-002-1") { knownBy { totalCount } } }'
    assert network.data(west) == {"person": {"knownBy": {"totalCount": 0}}}


@pytest.mark.parametrize(
    ("who", "query", "variables"),
    [
        ("rep_east", '{ job(id: "analyze-x") { status } }', None),
        ("manager", "mutation { recomputeAnalytics(what: [SEGMENTS]) { id } }", None),
        ("rep_east", 'mutation { ingestText(input: {documents: [{id: "d", text: "hi"}]}) { id } }', None),
        ("analyst", 'mutation { ingestText(input: {path: "notes"}) { id } }', None),
        (
            "analyst",
            'mutation { ingestRecords(input: {mapping: "12_crm_relationships", path: "x.csv"}) { id } }',
            None,
        ),
    ],
)
def test_jobs_are_for_analysts_and_server_paths_for_admins(
    api: Api, who: str, query: str, variables: dict[str, object] | None
) -> None:
    refused = api.post(query, who, variables).json()
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN", refused
