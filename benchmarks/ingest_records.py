"""Record ingestion, file to store, against the store-only upsert of the same rows.

For each store, in one run:
1. setup (reported, not compared): a fresh store gets the sample market's companies
   (resolved across CRM, ERP, market and leads) and its products through the pipeline;
2. end to end: a child process ingests ``erp/order_lines.csv`` alone through its mapping
   (read GB18030 CSV, map, normalise, validate, translate ERP codes to resolved company ids
   through the graph, write with rejects), printing its resident memory after every batch;
3. baseline: the PURCHASED rows that run wrote are read back and upserted through the
   port into a fresh store holding the same companies and products, in batches of the
   pipeline's size.
Prints both rates, their ratio, and the end-to-end process's memory as the file is read:
flat means the pipeline streams (its memory does not grow with the rows read).

    python benchmarks/ingest_records.py                    # scale 65: about 1M order lines
    python benchmarks/ingest_records.py --scale 4 --stores embedded
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psutil

from graph import GraphStore
from graph.adapters.ladybug import LadybugStore
from graph.adapters.neo4j import Neo4jStore
from ingest.records import SAMPLE_MAPPINGS, ingest_directory
from ingest.sample import generate
from tools import neo4j_launcher

ORDER_LINES = SAMPLE_MAPPINGS / "14_erp_order_lines.yaml"
SETUP_MAPPINGS = ("01_", "02_", "03_", "04_", "07_")  # companies (all their sources) and products
BATCH = 20_000  # the pipeline's batch (RecordIngest.batch_size)


def sample_dir(workdir: Path, scale: float) -> Path:
    out = workdir / f"sample-x{scale:g}"
    if not (out / "manifest.json").exists():
        started = time.perf_counter()
        generate(out, seed=7, scale=scale)
        print(f"generated the sample at scale {scale:g} in {time.perf_counter() - started:.0f} s")
    return out


def open_store(kind: str, target: str, user: str = "", password: str = "") -> GraphStore:
    store: GraphStore
    if kind == "neo4j":
        store = Neo4jStore(target, user, password).open()
    else:
        store = LadybugStore(Path(target)).open()
    store.create_schema()
    return store


def fresh(kind: str, target: str, user: str, password: str) -> GraphStore:
    if kind == "embedded":
        shutil.rmtree(target, ignore_errors=True)
        Path(target).unlink(missing_ok=True)
        Path(target + ".wal").unlink(missing_ok=True)
        return open_store(kind, target)
    store = open_store(kind, target, user, password)
    assert isinstance(store, Neo4jStore)
    with store.driver.session() as session:  # edges first: a company may hold thousands of them
        session.run("MATCH ()-[e]->() CALL (e) { DELETE e } IN TRANSACTIONS OF 10000 ROWS").consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    return store


def child(kind: str, target: str, user: str, password: str, data: str, run_dir: str) -> None:
    """The end-to-end run, alone in its process so its memory is its own."""
    store = open_store(kind, target, user, password)
    proc = psutil.Process()
    samples: list[tuple[int, int]] = []
    objects: list[int] = []  # live Python objects: the pipeline's own state, without the store's page cache

    def batch(stage: str, read: int) -> None:
        if stage == "facts":
            samples.append((read, proc.memory_info().rss))
            objects.append(len(gc.get_objects()))

    # ru_maxrss would count the parent's memory at fork time: sample our own RSS instead
    peak = [proc.memory_info().rss]
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.1):
            peak[0] = max(peak[0], proc.memory_info().rss)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    report = ingest_directory(store, Path(data), ORDER_LINES, Path(run_dir), "e2e", batch)
    store.close()
    done.set()
    watcher.join()
    result = {
        "read": report.read,
        "edges": report.edges_written,
        "rejected": sum(report.rejected.values()),
        "seconds": report.seconds,
        "samples": samples,
        "objects": objects,
        "peak": peak[0],
    }
    (Path(run_dir) / "e2e.json").write_text(json.dumps(result), encoding="utf-8")
    print(json.dumps(result))


def end_to_end(kind: str, target: str, user: str, password: str, data: Path, run_dir: Path) -> dict[str, Any]:
    argv = [sys.executable, __file__, "--child", kind, target, user, password, str(data), str(run_dir)]
    out = subprocess.run(argv, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"the end-to-end run failed:\n{out.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def rows_of(store: GraphStore, rel: str) -> list[dict[str, Any]]:
    rows = []
    for edge in store.iter_edges(rel, page=20_000):
        props = {k: v for k, v in edge.props.items() if k != "content_hash" and v is not None}
        rows.append({"_from": edge.start[1], "_to": edge.end[1], **props})
    return rows


def nodes_of(store: GraphStore, label: str) -> list[dict[str, Any]]:
    return [
        {k: v for k, v in node.props.items() if k != "content_hash" and v is not None}
        for node in store.iter_nodes(label, page=20_000)
    ]


def bench(kind: str, target: str, user: str, password: str, sample: Path, workdir: Path) -> None:
    mappings = workdir / "setup-mappings"
    shutil.rmtree(mappings, ignore_errors=True)
    mappings.mkdir(parents=True)
    for path in SAMPLE_MAPPINGS.glob("*.yaml"):
        if path.name.startswith(SETUP_MAPPINGS):
            shutil.copy(path, mappings / path.name)
    store = fresh(kind, target, user, password)
    started = time.perf_counter()
    ingest_directory(store, sample, mappings, workdir / "runs" / f"{kind}-setup", "setup")
    setup = time.perf_counter() - started
    store.close()

    e2e = end_to_end(kind, target, user, password, sample / "erp/order_lines.csv", workdir / "runs" / kind)

    store = open_store(kind, target, user, password)
    companies, products = nodes_of(store, "Company"), nodes_of(store, "Product")
    rows = rows_of(store, "PURCHASED")
    store.close()
    assert len(rows) == e2e["edges"], (len(rows), e2e["edges"])

    store = fresh(kind, target, user, password)
    store.upsert_nodes("Company", companies)
    store.upsert_nodes("Product", products)
    started = time.perf_counter()
    written = sum(
        store.upsert_edges("PURCHASED", "Company", "Product", rows[i : i + BATCH])
        for i in range(0, len(rows), BATCH)
    )
    baseline = time.perf_counter() - started
    store.close()
    assert written == len(rows)

    e2e_rate, base_rate = e2e["read"] / e2e["seconds"], len(rows) / baseline
    print(
        f"\n{kind}: setup (companies resolved, products) {setup:.0f} s; {len(companies):,} companies\n"
        f"  end to end  {e2e['read']:>10,} lines in {e2e['seconds']:7.1f} s  {e2e_rate:>9,.0f} lines/s"
        f"  ({e2e['edges']:,} edges, {e2e['rejected']:,} rejected)\n"
        f"  store only  {len(rows):>10,} edges in {baseline:7.1f} s  {base_rate:>9,.0f} rows/s\n"
        f"  end-to-end / store-only = {e2e_rate / base_rate:.2f}"
    )
    samples = e2e["samples"]
    quarters = [samples[min(len(samples) - 1, round(q * (len(samples) - 1)))] for q in (0.25, 0.5, 0.75, 1.0)]
    shown = ", ".join(f"{read:,} lines: {rss / 2**20:,.0f} MiB" for read, rss in quarters)
    first, last = quarters[0][1], quarters[-1][1]
    print(f"  memory as the file is read: {shown}; growth first->last quarter {last / first:.2f}x")
    counts = [e2e["objects"][min(len(samples) - 1, round(q * (len(samples) - 1)))] for q in (0.25, 1.0)]
    print(
        f"  live Python objects at the first and last quarter: {counts[0]:,} and {counts[1]:,} "
        f"(RSS also holds the embedded store's page cache, which grows with the database)"
    )
    print(f"  peak RSS of the end-to-end process {e2e['peak'] / 2**20:,.0f} MiB")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:8])
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=65.0)
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/accountgraph-bench"))
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    sample = sample_dir(args.workdir, args.scale)
    with (sample / "erp/order_lines.csv").open("rb") as f:
        lines = sum(1 for _ in f) - 1
    print(f"sample at scale {args.scale:g}: {lines:,} order lines")
    if "embedded" in args.stores:
        bench("embedded", str(args.workdir / "bench.lbdb"), "", "", sample, args.workdir)
    if "neo4j" in args.stores:
        server = neo4j_launcher.start(args.workdir / "neo4j")
        try:
            bench("neo4j", server.uri, server.user, server.password, sample, args.workdir)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
