"""Authorisation: a rep sees only their territory's accounts, through every path; PII
masking and its audit; credentials rejected with UNAUTHENTICATED."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from api import create_app
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
    assert theirs["errors"][0]["extensions"]["code"] == "FORBIDDEN"
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
