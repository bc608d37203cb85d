"""Persisted queries: APQ registration by SHA-256 hash over GET and POST, and a server that
runs only the documents of its allow-list (here the README's example queries)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import parse, print_ast

from api import create_app
from api._persisted import load_allowlist
from graph.adapters.ladybug import LadybugStore
from tests.api.conftest import Api, LiveServer, make_keys, settings

QUERIES = Path(__file__).parent / "queries"
ME = "query Me { me { role territories } }"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def persisted(digest: str, version: int = 1) -> dict[str, Any]:
    return {"persistedQuery": {"version": version, "sha256Hash": digest}}


def post(api: Api, who: str, body: dict[str, Any]) -> httpx.Response:
    headers = {"authorization": f"Bearer {api.keys[who]}", "accept": "application/graphql-response+json"}
    return api.client.post("/graphql", json=body, headers=headers)


def get(api: Api, who: str, params: dict[str, Any]) -> httpx.Response:
    headers = {"authorization": f"Bearer {api.keys[who]}", "accept": "application/json"}
    query = {k: json.dumps(v) if isinstance(v, dict) else v for k, v in params.items()}
    return api.client.get("/graphql", params=query, headers=headers)


def code(response: httpx.Response) -> str:
    return str(response.json()["errors"][0]["extensions"]["code"])


def test_a_document_is_registered_by_its_hash_then_sent_by_hash_alone(api: Api) -> None:
    query = ME + "  # apq " + sha("unique to this test")
    digest = sha(query)
    unknown = post(api, "rep_east", {"extensions": persisted(digest)})
    assert unknown.status_code == 404 and code(unknown) == "PERSISTED_QUERY_NOT_FOUND"
    assert unknown.json()["errors"][0]["message"] == "PersistedQueryNotFound"
    registered = post(api, "rep_east", {"query": query, "extensions": persisted(digest)})
    expected = {"data": {"me": {"role": "rep", "territories": ["East"]}}}
    assert registered.status_code == 200 and registered.json() == expected
    assert post(api, "rep_east", {"extensions": persisted(digest)}).json() == expected
    by_get = get(api, "rep_east", {"extensions": persisted(digest)})
    assert by_get.status_code == 200 and by_get.json() == expected
    admin = post(api, "admin", {"extensions": persisted(digest)}).json()  # documents, not answers, are shared
    assert admin == {"data": {"me": {"role": "admin", "territories": []}}}


def test_mutations_by_hash_still_need_post(api: Api) -> None:
    mutation = 'mutation { dismissSignal(id: "nope") { id } }'
    post(api, "admin", {"query": mutation, "extensions": persisted(sha(mutation))})
    refused = get(api, "admin", {"extensions": persisted(sha(mutation))})
    assert refused.status_code == 405 and refused.headers["allow"] == "POST"


@pytest.mark.parametrize(
    ("extensions", "message"),
    [
        (persisted(sha("{ me { role } }x")), "provided sha256Hash does not match query"),
        (persisted(sha("{ me { role } }"), version=2), "extensions.persistedQuery.version"),
        (persisted("not-a-hash"), "extensions.persistedQuery.sha256Hash"),
        ({"persistedQuery": "yes"}, "extensions.persistedQuery must be an object"),
    ],
)
def test_bad_persisted_query_requests(api: Api, extensions: dict[str, Any], message: str) -> None:
    refused = post(api, "admin", {"query": "{ me { role } }", "extensions": extensions})
    assert refused.status_code == 400 and code(refused) == "BAD_USER_INPUT"
    assert refused.json()["errors"][0]["message"].startswith(message)


@pytest.fixture(scope="module")
def listed(market_store: LadybugStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    data_dir = tmp_path_factory.mktemp("allowlist")
    app = create_app(market_store, settings(data_dir, allowlist_dir=QUERIES), data_dir)
    with LiveServer(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield Api(client, make_keys(data_dir), data_dir)


def test_an_allow_list_runs_its_documents_only(listed: Api) -> None:
    search = (QUERIES / "01_search.graphql").read_text(encoding="utf-8")
    variables = {"text": "East华002"}
    full = post(listed, "rep_east", {"query": search, "variables": variables})
    assert full.status_code == 200 and full.json()["data"]["search"][0]["key"] == "E-002"
    by_hash = get(listed, "rep_east", {"extensions": persisted(sha(search)), "variables": variables})
    assert by_hash.json() == full.json()
    printed = print_ast(parse(search))  # what Apollo Client hashes and sends
    apollo = post(
        listed, "rep_east", {"query": printed, "variables": variables, "extensions": persisted(sha(printed))}
    )
    assert apollo.json() == full.json()
    other = post(listed, "admin", {"query": ME})
    assert other.status_code == 403 and code(other) == "PERSISTED_QUERY_NOT_IN_LIST"
    registering = post(listed, "admin", {"query": ME, "extensions": persisted(sha(ME))})
    assert registering.status_code == 403 and code(registering) == "PERSISTED_QUERY_NOT_IN_LIST"
    unknown = post(listed, "admin", {"extensions": persisted(sha(ME))})
    assert unknown.status_code == 404 and code(unknown) == "PERSISTED_QUERY_NOT_IN_LIST"


def test_a_broken_allow_list_stops_the_start(tmp_path: Path) -> None:
    (tmp_path / "good.graphql").write_text(ME, encoding="utf-8")
    assert set(load_allowlist(tmp_path).values()) == {ME, print_ast(parse(ME))}
    (tmp_path / "bad.graphql").write_text("query { me {", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.graphql does not parse"):
        load_allowlist(tmp_path)
    with pytest.raises(ValueError, match="is not a directory"):
        load_allowlist(tmp_path / "good.graphql")


def test_persisted_queries_can_be_switched_off(market_store: LadybugStore, tmp_path: Path) -> None:
    app = create_app(market_store, settings(tmp_path, persisted_queries=False), tmp_path)
    with LiveServer(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        off = Api(client, make_keys(tmp_path), tmp_path)
        refused = post(off, "admin", {"query": ME, "extensions": persisted(sha(ME))})
        assert refused.status_code == 400 and code(refused) == "PERSISTED_QUERY_NOT_SUPPORTED"
        assert post(off, "admin", {"query": ME}).json() == {
            "data": {"me": {"role": "admin", "territories": []}}
        }
