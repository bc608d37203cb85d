"""Request bodies and variables past the server's size and depth limits answer 400 or
413 with a GraphQL error, never 500, and the server keeps serving."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api import create_app
from graph.adapters.ladybug import LadybugStore
from tests.api.conftest import Api, LiveServer, make_keys, settings

HEADERS = {"accept": "application/graphql-response+json", "content-type": "application/json"}


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _post(api: Api, body: bytes | str, who: str = "rep_east") -> httpx.Response:
    headers = {**HEADERS, "authorization": f"Bearer {api.keys[who]}"}
    return api.client.post("/graphql", content=body, headers=headers)


@pytest.mark.parametrize("depth", [40, 2_000, 200_000])
def test_deeply_nested_json_is_a_bad_request(api: Api, depth: int) -> None:
    query = "query($x: [PersonOrder!]) { people(orderBy: $x, first: 1) { totalCount } }"
    in_variables = f'{{"query": "{query}", "variables": {{"x": {_nested(depth)}}}}}'
    whole_body = _nested(depth)
    for body in (in_variables, whole_body):
        response = _post(api, body)
        assert response.status_code == 400, (depth, response.text[:200])
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "BAD_USER_INPUT" and "nests deeper" in error["message"]
    if depth <= 2_000:  # a URL holds no more
        get = api.client.get(
            "/graphql",
            params={"query": query, "variables": '{"x": ' + _nested(depth) + "}"},
            headers={"accept": HEADERS["accept"], "authorization": f"Bearer {api.keys['rep_east']}"},
        )
        assert get.status_code == 400 and "nests deeper" in get.json()["errors"][0]["message"]
    assert api.data("{ me { role } }", "rep_east") == {"me": {"role": "rep"}}


def test_ordinary_nesting_still_passes(api: Api) -> None:
    query = "query($x: [PersonOrder!]) { people(orderBy: $x, first: 1) { nodes { key } } }"
    body = {"query": query, "variables": {"x": [{"field": "NAME", "direction": "DESC"}]}}
    assert _post(api, json.dumps(body)).json()["data"]["people"]["nodes"]


@pytest.fixture(scope="module")
def small(market_store: LadybugStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    data_dir = tmp_path_factory.mktemp("small")
    keys = make_keys(data_dir)
    limits = {"max_body_bytes": 4_096, "max_ingest_bytes": 8_192}  # an ingest may send 4096 + 8192 + 1 MiB
    app = create_app(market_store, settings(data_dir, **limits), data_dir)
    with LiveServer(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield Api(client, keys, Path(data_dir))


def test_an_oversized_body_is_refused_with_413(small: Api) -> None:
    big = json.dumps({"query": "{ me { role } }", "variables": {"pad": "x" * 10_000}})
    response = _post(small, big)
    assert response.status_code == 413
    assert "larger than this server takes" in response.json()["errors"][0]["message"]
    huge = json.dumps({"query": "{ me { role } }", "variables": {"pad": "x" * (2 << 20)}})

    def chunks() -> Iterator[bytes]:  # no content-length: counted as it streams
        yield huge.encode()[:3_000]
        yield huge.encode()[3_000:]

    headers = {**HEADERS, "authorization": f"Bearer {small.keys['rep_east']}"}
    streamed = small.client.post("/graphql", content=chunks(), headers=headers)
    assert streamed.status_code == 413
    assert small.data("{ me { role } }", "rep_east") == {"me": {"role": "rep"}}


def test_only_an_ingest_may_carry_more_than_the_body_limit(small: Api) -> None:
    content = "from_contact_id,to_contact_id,kind\n" + "P-NONE-1,P-NONE-2,KNOWS\n" * 200  # ~5 KB
    ingest = """mutation($c: String!) { ingestRecords(input: {mapping: "12_crm_relationships", content: $c},
      wait: true) { status } }"""
    done = _post(small, json.dumps({"query": ingest, "variables": {"c": content}}), "analyst")
    assert done.status_code == 200 and done.json()["data"]["ingestRecords"]["status"] == "COMPLETED"
    sneaked = ingest.replace("{ status } }", "{ status } dismissSignal(id: $s) { id } }").replace(
        "String!)", "String!, $s: ID!)"
    )
    variables = {"c": content, "s": "U2lnbmFsOlMtRS0wMDE"}
    mixed = _post(small, json.dumps({"query": sneaked, "variables": variables}), "analyst")
    assert mixed.status_code == 413, mixed.text[:200]
    query = _post(
        small, json.dumps({"query": "query($c: String) { me { role } }", "variables": {"c": content}})
    )
    assert query.status_code == 413
