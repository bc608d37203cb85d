"""Requests without valid credentials are rate-limited per address, apart from the keys'
own buckets."""

from __future__ import annotations

from pathlib import Path

import httpx

from api import create_app
from graph.adapters.ladybug import LadybugStore
from tests.api.conftest import LiveServer, make_keys, settings

QUERY = {"query": "{ me { role } }"}


def test_unauthenticated_requests_are_limited_per_address(market_store: LadybugStore, tmp_path: Path) -> None:
    keys = make_keys(tmp_path)
    app = create_app(market_store, settings(tmp_path, rate_burst=3, rate_limit=0.01), tmp_path)
    with LiveServer(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        guesses = [
            client.post("/graphql", json=QUERY, headers={"authorization": f"Bearer ag_guess_{i}"})
            for i in range(5)
        ]
        assert [r.status_code for r in guesses] == [401, 401, 401, 429, 429]
        assert guesses[-1].json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
        assert int(guesses[-1].headers["retry-after"]) > 1
        assert client.post("/graphql", json=QUERY).status_code == 429  # no credentials at all
        known = client.post("/graphql", json=QUERY, headers={"authorization": f"Bearer {keys['admin']}"})
        assert known.status_code == 200 and known.json() == {"data": {"me": {"role": "admin"}}}
