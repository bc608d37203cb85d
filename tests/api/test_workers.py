"""Rate limits and metrics hold per server across its worker processes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from api._ratelimit import LocalRateLimiter, RateLimiter, SharedRateLimiter
from graph.adapters.neo4j import Neo4jStore
from tests.api.conftest import make_keys
from tools import neo4j_launcher

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", ["local", "shared"])
def test_a_bucket_admits_its_burst_then_refills_at_its_rate(kind: str, tmp_path: Path) -> None:
    rate, burst = 20.0, 3
    limiter: RateLimiter = (
        LocalRateLimiter(rate, burst)
        if kind == "local"
        else SharedRateLimiter(tmp_path / "rl.sqlite", rate, burst)
    )
    assert [limiter.check("k1") for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.check("k1")
    assert 0 < wait <= 1 / rate
    assert limiter.check("k2") == 0.0, "another key has its own bucket"
    time.sleep(wait + 0.02)
    assert limiter.check("k1") == 0.0


def test_limiters_on_one_file_share_each_keys_budget_across_processes(tmp_path: Path) -> None:
    path = tmp_path / "rl.sqlite"
    here, other = SharedRateLimiter(path, 0.001, 5), SharedRateLimiter(path, 0.001, 5)
    assert [here.check("k"), other.check("k")] == [0.0, 0.0]
    spend = (
        "import sys; from pathlib import Path; from api._ratelimit import SharedRateLimiter; "
        "l = SharedRateLimiter(Path(sys.argv[1]), 0.001, 5); print([l.check('k') == 0 for _ in range(4)])"
    )
    out = subprocess.run(
        [sys.executable, "-c", spend, str(path)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[True, True, True, False]", "the other process had 3 of the 5 left"
    assert here.check("k") > 0 and other.check("k") > 0


def _requests_counted(metrics: str) -> dict[str, float]:
    """``accountgraph_graphql_requests_total`` per HTTP status, from a Prometheus scrape."""
    counted: dict[str, float] = {}
    for line in metrics.splitlines():
        if line.startswith("accountgraph_graphql_requests_total{"):
            labels, value = line.rsplit(" ", 1)
            status = labels.split('status="')[1].split('"')[0]
            counted[status] = counted.get(status, 0.0) + float(value)
    return counted


def _worker_pids(metrics_dir: Path) -> set[str]:
    return {p.stem.rsplit("_", 1)[-1] for p in metrics_dir.glob("*.db")}


def test_serve_with_two_workers_shares_buckets_and_metrics(
    neo4j_store: Neo4jStore, neo4j_server: neo4j_launcher.Neo4jServer, tmp_path: Path
) -> None:
    keys = make_keys(tmp_path)
    port = neo4j_launcher.free_port()
    env = os.environ | {
        "ACCOUNTGRAPH_STORE": "neo4j",
        "ACCOUNTGRAPH_NEO4J_URI": neo4j_server.uri,
        "ACCOUNTGRAPH_NEO4J_USER": neo4j_server.user,
        "ACCOUNTGRAPH_NEO4J_PASSWORD": neo4j_server.password,
        "ACCOUNTGRAPH_DATA_DIR": str(tmp_path),
        "ACCOUNTGRAPH_API_RATE_BURST": "4",
        "ACCOUNTGRAPH_API_RATE_LIMIT": "0.001",
    }
    cmd = [
        str(Path(sys.executable).with_name("accountgraph")),
        "serve",
        "--port",
        str(port),
        "--workers",
        "2",
    ]
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and server.poll() is None:
            try:
                if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.5)
        assert server.poll() is None, log.read_text()
        # each worker, once started, keeps its counts in files named by its pid
        while len(_worker_pids(tmp_path / "metrics")) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(_worker_pids(tmp_path / "metrics")) == 2, log.read_text()

        def ask(_: int) -> int:
            with httpx.Client(base_url=url, timeout=30) as client:  # a connection each
                h = {"authorization": f"Bearer {keys['analyst']}"}
                return client.post("/graphql", json={"query": "{ me { role } }"}, headers=h).status_code

        # which worker accepts each connection is up to the kernel and asyncio (one may
        # take a whole burst): this shows the budget served and kept in the shared file;
        # the sharing itself across processes is the test above
        with ThreadPoolExecutor(16) as pool:
            codes = list(pool.map(ask, range(16)))
        assert sorted(codes) == [200] * 4 + [429] * 12
        db = sqlite3.connect(tmp_path / "ratelimit.sqlite")
        try:
            buckets = db.execute("SELECT tokens FROM buckets").fetchall()
        finally:
            db.close()
        assert len(buckets) == 1 and buckets[0][0] < 1, "the workers spent one shared bucket"
        for _ in range(4):  # whichever worker answers the scrape counts every worker's requests
            with httpx.Client(base_url=url, timeout=30) as client:
                scraped = client.get("/metrics").text
            assert _requests_counted(scraped) == {"200": 4.0, "429": 12.0}
    finally:
        server.terminate()
        server.wait(timeout=30)
