"""API fixtures: a populated embedded store, keys and tokens per role, a test client."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
import uvicorn
from starlette.applications import Starlette

from api import ApiSettings, KeyStore, Role, create_app
from graph.adapters.ladybug import LadybugStore
from tests.api import market

HERE = Path(__file__).parent
SECRET = "test-secret-0123456789abcdef0123456789"


class LiveServer:
    """Uvicorn serving an app on a free loopback port, in a thread of the test process."""

    def __init__(self, app: Starlette) -> None:
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@dataclass
class Api:
    client: httpx.Client
    keys: dict[str, str]
    data_dir: Path

    def post(
        self,
        query: str,
        who: str | None = "admin",
        variables: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        h = {"accept": "application/graphql-response+json", **(headers or {})}
        if who is not None:
            h["authorization"] = f"Bearer {self.keys[who]}"
        return self.client.post("/graphql", json={"query": query, "variables": variables}, headers=h)

    def data(self, query: str, who: str = "admin", variables: dict[str, Any] | None = None) -> Any:
        response = self.post(query, who, variables)
        body = response.json()
        assert response.status_code == 200 and "errors" not in body, body
        return body["data"]


def token(role: str, expires_in: float = 300, secret: str = SECRET, **claims: Any) -> str:
    now = dt.datetime.now(dt.UTC)
    payload = {"sub": f"user-{role}", "role": role, "exp": now + dt.timedelta(seconds=expires_in), **claims}
    return jwt.encode(payload, secret, algorithm="HS256")


@pytest.fixture(scope="module")
def market_store() -> Iterator[LadybugStore]:
    store = LadybugStore().open()
    store.create_schema()
    market.build(store)
    try:
        yield store
    finally:
        store.close()


def make_keys(data_dir: Path) -> dict[str, str]:
    keys = KeyStore(data_dir / "api_keys.json")
    made = {
        "admin": keys.create(Role.ADMIN)[0],
        "analyst": keys.create(Role.ANALYST)[0],
        "analyst_pii": keys.create(Role.ANALYST, pii=True)[0],
        "manager": keys.create(Role.MANAGER)[0],
        "rep_east": keys.create(Role.REP, territories=["East"], person_id="R-E")[0],
        "rep_west": keys.create(Role.REP, territories=["West"], person_id="R-W", pii=True)[0],
    }
    made["jwt_rep_east"] = token("rep", territories=["East"], person_id="R-E")
    return made


def settings(data_dir: Path, **overrides: Any) -> ApiSettings:
    values: dict[str, Any] = {
        "jwt_secret": SECRET,
        "keys_file": data_dir / "api_keys.json",
        "audit_log": data_dir / "audit.jsonl",
        **overrides,
    }
    return ApiSettings(**values)


@pytest.fixture(scope="module")
def api(market_store: LadybugStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    data_dir = tmp_path_factory.mktemp("api")
    keys = make_keys(data_dir)
    app = create_app(market_store, settings(data_dir, rate_burst=10_000, rate_limit=10_000), data_dir)
    with LiveServer(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield Api(client, keys, data_dir)


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """``npm ci`` the test's Node packages (graphql-http) once per session."""
    npm = shutil.which("npm")
    assert npm is not None, "the API tests need Node.js and npm"
    needed = ("graphql-http", "playwright-core", "graphql-request")
    if not all((HERE / "node_modules" / p).exists() for p in needed):
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True, timeout=600)
    return HERE / "node_modules"
