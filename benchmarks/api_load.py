"""The README's account-360 GraphQL query under load, against a bare Starlette JSON endpoint.

For each store, in one run:
1. setup (reported, not compared): the sample market (seed 7) is generated once per scale
   and cached under the workdir, ingested through the sample mappings and analysed
   (decision chains, signals, cross-sell, segments); the embedded store is cached per scale
   too, Neo4j is a fresh server each run;
2. API: uvicorn serves ``create_app`` over that store in a child process (production mode,
   an analyst API key, rate limit out of the way); 32 keep-alive connections send
   ``tests/api/queries/02_account_360.graphql`` for a rotating set of customers, for
   ``--seconds`` after a warm-up; every answer must be 200 without ``errors``;
3. ceiling: uvicorn serves a bare Starlette endpoint in a child process, which parses the
   same JSON request body and answers with a typical account-360 response (built with
   ``JSONResponse``); same connections, same duration.
Prints p50, p99 and requests/s of both and the ratio of requests/s; then (computed, no cache)
a filtered-and-aggregated request (``FILTERED``: a ``where`` tree with a sort and two
aggregates) rotating over the market's industries. The load generator is
a minimal HTTP/1.1 client on asyncio streams (one process, next to the server's), so it
costs the server as little CPU as a Python client can.

    python benchmarks/api_load.py                          # scale 10, embedded store
    python benchmarks/api_load.py --scale 1 --seconds 10
    python benchmarks/api_load.py --stores embedded,neo4j
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx

from graph import GraphStore
from graph.adapters.ladybug import LadybugStore
from graph.adapters.neo4j import Neo4jStore
from tools import neo4j_launcher

ROOT = Path(__file__).resolve().parents[1]
QUERY = (ROOT / "tests/api/queries/02_account_360.graphql").read_text(encoding="utf-8")
#: a rep's list and dashboard in one request: AND/OR/NOT conditions, a sort, and aggregates
FILTERED = """query Pipeline($industry: String!) {
  companies(first: 20, where: {AND: [{industry: {eq: $industry}},
      {OR: [{tier: {in: ["A", "B"]}}, {NOT: {employees: {lt: 500}}}]}]},
      orderBy: [{field: ANNUAL_REVENUE, direction: DESC}]) {
    totalCount nodes { key name tier annualRevenue } }
  companiesAggregate(groupBy: [TIER, LIFECYCLE], where: {industry: {eq: $industry}}) {
    key { tier lifecycle } count sum { annualRevenue } }
  signalsAggregate(groupBy: [KIND, SEVERITY]) { key { kind severity } count }
}"""
HOST = "127.0.0.1"
TARGET_P99_MS = 100.0
TARGET_RATIO = 0.25


# ---------------------------------------------------------------------------- setup


def sample_dir(workdir: Path, scale: float) -> Path:
    from ingest.sample import generate

    out = workdir / f"api-sample-x{scale:g}"
    if not (out / "manifest.json").exists():
        started = time.perf_counter()
        shutil.rmtree(out, ignore_errors=True)
        generate(out, seed=7, scale=scale)
        print(f"generated the sample at scale {scale:g} in {time.perf_counter() - started:.0f} s", flush=True)
    return out


def populate(store: GraphStore, sample: Path, workdir: Path, kind: str) -> None:
    """Ingest the sample's records and run every analysis, as ``accountgraph demo`` does (without notes)."""
    from algorithms.run import analyze
    from ingest.records import SAMPLE_MAPPINGS, ingest_directory

    store.create_schema()
    started = time.perf_counter()
    ingest_directory(store, sample, SAMPLE_MAPPINGS, workdir / "runs" / f"api-{kind}-ingest", "bench-ingest")
    ingested = time.perf_counter()
    analyze(store, "all", "bench-analyze", results_dir=workdir / "results" / kind)
    print(
        f"{kind}: ingested in {ingested - started:.0f} s, analysed in {time.perf_counter() - ingested:.0f} s",
        flush=True,
    )


def embedded_store(workdir: Path, scale: float, sample: Path) -> str:
    """The populated embedded store's path, built once per scale."""
    path = workdir / f"api-x{scale:g}.lbdb"
    ready = workdir / f"api-x{scale:g}.ready"
    if not ready.exists():
        for p in (path, Path(f"{path}.wal")):
            if p.is_dir():
                shutil.rmtree(p)
            else:
                p.unlink(missing_ok=True)
        store = LadybugStore(path).open()
        try:
            populate(store, sample, workdir, "embedded")
        finally:
            store.close()
        ready.write_text("ok\n", encoding="utf-8")
    return str(path)


# ---------------------------------------------------------------------------- servers (child processes)


def open_store(kind: str, target: str, user: str, password: str) -> GraphStore:
    store: GraphStore
    if kind == "neo4j":
        store = Neo4jStore(target, user, password).open()
    else:
        store = LadybugStore(Path(target)).open()
    return store


def serve(config: dict[str, Any]) -> None:
    """Child process: uvicorn on ``config["port"]`` with the API (``kind`` a store) or the bare app."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    app: Starlette
    if config["kind"] == "bare":
        payload = json.loads(Path(config["payload"]).read_text(encoding="utf-8"))

        async def bare(request: Request) -> Response:
            await request.json()
            return JSONResponse(payload)

        async def healthz(request: Request) -> Response:
            return JSONResponse({"status": "ok"})

        app = Starlette(routes=[Route("/graphql", bare, methods=["POST"]), Route("/healthz", healthz)])
    else:
        from api import ApiSettings, create_app

        data_dir = Path(config["data_dir"])
        settings = ApiSettings(
            mode="production",
            keys_file=data_dir / "api_keys.json",
            audit_log=data_dir / "audit.jsonl",
            rate_limit=1e9,
            rate_burst=10**9,
            response_cache_mb=64.0 if config["cache"] else 0.0,
        )
        store = open_store(config["kind"], config["target"], config["user"], config["password"])
        app = create_app(store, settings, data_dir)
    uvicorn.run(app, host=HOST, port=config["port"], log_level="warning", access_log=False, lifespan="on")


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    url: str

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def start_server(config: dict[str, Any]) -> Server:
    port = neo4j_launcher.free_port(HOST)
    config = {**config, "port": port}
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, __file__, "--child", json.dumps(config)], env=env)
    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 120
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"the {config['kind']} server exited with {proc.returncode}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return Server(proc, url)
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            Server(proc, url).stop()
            raise SystemExit(f"the {config['kind']} server did not start")
        time.sleep(0.2)


# ---------------------------------------------------------------------------- load


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str = ""
    seconds: float = 0.0

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def quantile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")


def http_request(url: str, key: str, body: bytes) -> bytes:
    host = url.removeprefix("http://")
    head = (
        f"POST /graphql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Accept: application/json\r\nAuthorization: Bearer {key}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("the server closed the connection")
    status = int(status_line.split()[1])
    length, chunked = 0, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if not chunked:
        return status, await reader.readexactly(length)
    body = bytearray()
    while size := int((await reader.readline()).split(b";")[0], 16):
        body += await reader.readexactly(size)
        await reader.readline()
    await reader.readline()
    return status, bytes(body)


async def connection(
    url: str,
    requests: list[bytes],
    span: tuple[int, int | None],
    measure_from: float,
    stop_at: float,
    result: Result,
) -> None:
    """Send ``requests`` from ``span[0]`` round robin until ``stop_at`` (or ``span[1]`` sent)."""
    host, _, port = url.removeprefix("http://").partition(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    i, count = span
    end = None if count is None else i + count
    try:
        while (started := time.perf_counter()) < stop_at and (end is None or i < end):
            writer.write(requests[i % len(requests)])
            i += 1
            try:
                status, body = await read_response(reader)
            except (ConnectionError, asyncio.IncompleteReadError) as exc:
                result.errors += 1
                result.first_error = result.first_error or repr(exc)
                writer.close()
                reader, writer = await asyncio.open_connection(host, int(port))
                continue
            took = time.perf_counter() - started
            if started < measure_from:
                continue
            if status != 200 or b'"errors"' in body:
                result.errors += 1
                result.first_error = result.first_error or f"{status} {body[:300]!r}"
            else:
                result.latencies.append(took)
    finally:
        writer.close()


async def load(
    url: str,
    requests: list[bytes],
    connections: int,
    warmup: float,
    seconds: float,
    passes: int | None = None,
) -> Result:
    """``connections`` clients for ``seconds`` after ``warmup``; with ``passes``, each request
    is sent that many times in all and the load ends there."""
    result = Result()
    now = time.perf_counter()
    measure_from, stop_at = now + warmup, now + warmup + seconds
    step = max(1, -(-len(requests) // connections))
    spans = [
        (c * step, None if passes is None else max(0, min(step, len(requests) - c * step)) * passes)
        for c in range(connections)
    ]
    await asyncio.gather(*(connection(url, requests, span, measure_from, stop_at, result) for span in spans))
    result.seconds = seconds if passes is None else time.perf_counter() - now
    return result


# ---------------------------------------------------------------------------- one store


def graphql(url: str, key: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    response = httpx.post(
        f"{url}/graphql",
        json={"query": query, "variables": variables},
        headers={"authorization": f"Bearer {key}", "accept": "application/json"},
        timeout=60,
    )
    body: dict[str, Any] = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise SystemExit(f"GraphQL error: {response.status_code} {json.dumps(body)[:1000]}")
    data: dict[str, Any] = body["data"]
    return data


def company_keys(url: str, key: str, limit: int) -> list[str]:
    keys: list[str] = []
    after = None
    page = (
        "query($after: String) { companies(first: 100, after: $after, "
        'filter: {lifecycle: ["customer"]}, orderBy: [{field: ID}]) '
        "{ nodes { key } pageInfo { hasNextPage endCursor } } }"
    )
    while len(keys) < limit:
        found = graphql(url, key, page, {"after": after})["companies"]
        keys.extend(n["key"] for n in found["nodes"])
        if not found["pageInfo"]["hasNextPage"]:
            break
        after = found["pageInfo"]["endCursor"]
    return keys[:limit]


def report(name: str, result: Result) -> None:
    print(
        f"  {name:<22} {len(result.latencies):>8,} requests  p50 {result.quantile(0.5):7.1f} ms"
        f"  p99 {result.quantile(0.99):7.1f} ms  {result.rps:8,.0f} req/s  errors {result.errors}"
        + (f" (first: {result.first_error})" if result.errors else ""),
        flush=True,
    )


def prime(url: str, requests: list[bytes], connections: int) -> tuple[int, float]:
    """One pass over every request (unmeasured by the load), so each answer is cached once."""
    started = time.perf_counter()
    result = asyncio.run(load(url, requests, connections, 0.0, 3600.0, passes=1))
    return len(result.latencies), time.perf_counter() - started


def serve_and_load(config: dict[str, Any], requests: list[bytes], args: argparse.Namespace) -> Result:
    server = start_server(config)
    try:
        if config.get("cache"):
            n, took = prime(server.url, requests, args.connections)
            print(f"  (answer cache primed: one pass of {n} requests in {took:.1f} s, {n / took:,.0f} req/s)")
        return asyncio.run(load(server.url, requests, args.connections, args.warmup, args.seconds))
    finally:
        server.stop()


def bench(kind: str, target: str, user: str, password: str, workdir: Path, args: argparse.Namespace) -> None:
    from api import KeyStore, Role

    data_dir = workdir / f"api-{kind}"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    api_key = KeyStore(data_dir / "api_keys.json").create(Role.ANALYST, name="api_load")[0]
    config = {"kind": kind, "target": target, "user": user, "password": password, "data_dir": str(data_dir)}
    server = start_server({**config, "cache": False})
    try:
        keys = company_keys(server.url, api_key, args.accounts)
        sizes = []
        for k in keys[:25]:
            answer = graphql(server.url, api_key, QUERY, {"key": k})
            sizes.append((len(json.dumps(answer)), k, answer))
    finally:
        server.stop()
    sizes.sort(key=lambda s: s[0])
    size, typical, answer = sizes[len(sizes) // 2]
    company = answer["company"]
    print(
        f"\n{kind}: {len(keys)} customers queried in rotation; "
        f"a typical answer ({typical}, {size:,} bytes): "
        f"{len(company['decisionChain'])} in the decision chain, "
        f"{company['signals']['totalCount']} signals, "
        f"{len(company['crossSell'])} cross-sell, {len(company['purchaseSummary'])} products bought",
        flush=True,
    )
    requests = [
        http_request(
            f"http://{HOST}", api_key, json.dumps({"query": QUERY, "variables": {"key": k}}).encode()
        )
        for k in keys
    ]
    cached = serve_and_load({**config, "cache": True}, requests, args)
    computed = serve_and_load({**config, "cache": False}, requests, args)
    payload = data_dir / "bare-payload.json"
    payload.write_text(json.dumps({"data": answer}), encoding="utf-8")
    one = [
        http_request(
            f"http://{HOST}", api_key, json.dumps({"query": QUERY, "variables": {"key": typical}}).encode()
        )
    ]
    bare = serve_and_load({"kind": "bare", "payload": str(payload)}, one, args)
    filtered = serve_and_load({**config, "cache": False}, filtered_requests(config, api_key), args)
    print(f"  {args.connections} connections, {args.seconds:g} s each after {args.warmup:g} s of warm-up:")
    report("account-360, cached", cached)
    report("account-360, computed", computed)
    report("bare Starlette JSON", bare)
    report("filtered+aggregated", filtered)
    for name, result in (("cached", cached), ("computed", computed)):
        ratio = result.rps / bare.rps if bare.rps else float("nan")
        p99 = result.quantile(0.99)
        print(
            f"  {name}: account-360 / bare requests/s = {ratio:.2f}  (aim >= {TARGET_RATIO:.2f}: "
            f"{'met' if ratio >= TARGET_RATIO else 'missed'}); p99 {p99:.1f} ms "
            f"(aim < {TARGET_P99_MS:g} ms: {'met' if p99 < TARGET_P99_MS else 'missed'})",
            flush=True,
        )


def filtered_requests(config: dict[str, Any], api_key: str) -> list[bytes]:
    """``FILTERED`` for each industry of the market (every answer checked once first)."""
    server = start_server({**config, "cache": False})
    try:
        groups = graphql(
            server.url, api_key, "{ companiesAggregate(groupBy: [INDUSTRY]) { key { industry } } }", {}
        )
        industries = sorted(
            g["key"]["industry"] for g in groups["companiesAggregate"] if g["key"]["industry"]
        )
        for industry in industries:
            graphql(server.url, api_key, FILTERED, {"industry": industry})
    finally:
        server.stop()
    body = [json.dumps({"query": FILTERED, "variables": {"industry": i}}).encode() for i in industries]
    return [http_request(f"http://{HOST}", api_key, b) for b in body]


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        serve(json.loads(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=10.0, help="sample market scale (default 10)")
    parser.add_argument("--seconds", type=float, default=30.0, help="measured seconds per endpoint")
    parser.add_argument("--warmup", type=float, default=3.0, help="unmeasured seconds before each")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--accounts", type=int, default=500, help="customers queried in rotation")
    parser.add_argument("--stores", default="embedded", help="comma-separated: embedded, neo4j")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/accountgraph-bench"))
    args = parser.parse_args()
    stores = [s.strip() for s in args.stores.split(",") if s.strip()]
    if unknown := set(stores) - {"embedded", "neo4j"}:
        parser.error(f"unknown stores {sorted(unknown)}")
    args.workdir.mkdir(parents=True, exist_ok=True)
    sample = sample_dir(args.workdir, args.scale)
    print(f"sample at scale {args.scale:g} under {sample}; {os.cpu_count()} CPUs", flush=True)
    if "embedded" in stores:
        target = embedded_store(args.workdir, args.scale, sample)
        bench("embedded", target, "", "", args.workdir, args)
    if "neo4j" in stores:
        server = neo4j_launcher.start(args.workdir / "neo4j")
        try:
            store = Neo4jStore(server.uri, server.user, server.password).open()
            try:
                populate(store, sample, args.workdir, "neo4j")
            finally:
                store.close()
            bench("neo4j", server.uri, server.user, server.password, args.workdir, args)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
