"""Port overhead: upsert N nodes and M edges through ``GraphStore`` vs the store's raw path.

For each store, in the same run and on a fresh database each time:
- port:      ``upsert_nodes`` / ``upsert_edges`` (validation, grouping, batched MERGE,
             dangling-edge checks, per-batch transactions);
- baseline:  LadybugDB ``COPY FROM`` pandas DataFrames of the same rows (its bulk loader),
             Neo4j hand-written ``UNWIND $rows CREATE`` batches of 10k rows (no MERGE, no checks).
Prints rows/s for both and the ratio port/baseline, plus peak RSS.

    python benchmarks/store_upsert.py                      # 200k nodes, 1M edges, both stores
    python benchmarks/store_upsert.py --nodes 20000 --edges 100000 --stores embedded
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph import GraphStore
from graph.adapters.ladybug import LadybugStore, _bulk
from graph.adapters.neo4j import Neo4jStore
from tools import neo4j_launcher

NOW = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
PRODUCTS = 1000


def make_rows(
    n_nodes: int, n_edges: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    companies = [
        {
            "id": f"C{i:07d}",
            "name": f"Company {i}",
            "city": ("上海", "Berlin", "Austin")[i % 3],
            "employees": 10 + i % 5000,
            "tier": "ABC"[i % 3],
            "source": "bench",
            "run_id": "r1",
            "ingested_at": NOW,
        }
        for i in range(n_nodes - PRODUCTS)
    ]
    products = [
        {"id": f"P{i:05d}", "name": f"Product {i}", "price": 10.0 + i, "source": "bench"}
        for i in range(PRODUCTS)
    ]
    n_c = len(companies)
    edges = [
        {
            "_from": f"C{(i * 7919) % n_c:07d}",
            "_to": f"P{i % PRODUCTS:05d}",
            "line_id": f"SO{i}:1",
            "order_id": f"SO{i}",
            "amount": float(i % 997),
            "quantity": 1.0 + i % 9,
            "source": "bench",
        }
        for i in range(n_edges)
    ]
    return companies, products, edges


@contextmanager
def timed(results: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    results[name] = time.perf_counter() - start


def via_port(store: GraphStore, rows: tuple[list[dict[str, Any]], ...]) -> dict[str, float]:
    companies, products, edges = rows
    t: dict[str, float] = {}
    with timed(t, "nodes"):
        store.upsert_nodes("Company", companies)
        store.upsert_nodes("Product", products)
    with timed(t, "edges"):
        store.upsert_edges("PURCHASED", "Company", "Product", edges)
    return t


def ladybug_copy(store: LadybugStore, rows: tuple[list[dict[str, Any]], ...]) -> dict[str, float]:
    """LadybugDB's bulk loader on Arrow tables built from the same Python rows."""
    companies, products, edges = rows
    conn, reg = store.conn, store.registry
    t: dict[str, float] = {}
    with timed(t, "nodes"):
        company_table = _bulk.table(companies, reg.node("Company").props)
        product_table = _bulk.table(products, reg.node("Product").props)
        conn.execute("COPY Company FROM $t", {"t": company_table})
        conn.execute("COPY Product FROM $t", {"t": product_table})
    with timed(t, "edges"):
        edge_table = _bulk.table(edges, reg.rel("PURCHASED").props, endpoints=True)
        conn.execute("COPY PURCHASED FROM $t (from='Company', to='Product')", {"t": edge_table})
    return t


def neo4j_create(
    store: Neo4jStore, rows: tuple[list[dict[str, Any]], ...], batch: int = 10_000
) -> dict[str, float]:
    companies, products, edges = rows
    t: dict[str, float] = {}

    def run(query: str, data: list[dict[str, Any]]) -> None:
        for i in range(0, len(data), batch):
            store._write([(query, {"rows": data[i : i + batch]})])

    with timed(t, "nodes"):
        run("UNWIND $rows AS r CREATE (n:Company) SET n = r", companies)
        run("UNWIND $rows AS r CREATE (n:Product) SET n = r", products)
    with timed(t, "edges"):
        run(
            "UNWIND $rows AS r MATCH (a:Company {id: r._from}) MATCH (b:Product {id: r._to}) "
            "CREATE (a)-[e:PURCHASED]->(b) SET e.line_id = r.line_id, e.order_id = r.order_id, "
            "e.amount = r.amount, e.quantity = r.quantity, e.source = r.source",
            edges,
        )
    return t


def fresh_ladybug(tmp: Path, name: str) -> LadybugStore:
    store = LadybugStore(tmp / f"{name}.lbdb").open()
    store.create_schema()
    return store


def fresh_neo4j(server: neo4j_launcher.Neo4jServer) -> Neo4jStore:
    store = Neo4jStore(server.uri, server.user, server.password).open()
    with store.driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume()
    store.create_schema()
    return store


def report(store_kind: str, n_rows: tuple[int, int], port: dict[str, float], base: dict[str, float]) -> None:
    n_nodes, n_edges = n_rows
    for what, n in (("nodes", n_nodes), ("edges", n_edges)):
        p, b = n / port[what], n / base[what]
        print(
            f"{store_kind:9} {what:6} port {p:>10,.0f} rows/s   baseline {b:>10,.0f} rows/s   "
            f"port/baseline {p / b:5.2f}"
        )
    total_p = sum(n_rows) / sum(port.values())
    total_b = sum(n_rows) / sum(base.values())
    print(
        f"{store_kind:9} total  port {total_p:>10,.0f} rows/s   baseline {total_b:>10,.0f} rows/s   "
        f"port/baseline {total_p / total_b:5.2f}"
    )


def bench(
    name: str,
    make: Callable[[str], GraphStore],
    base_fn: Callable[[Any, Any], dict[str, float]],
    rows: tuple[list[dict[str, Any]], ...],
    n_rows: tuple[int, int],
) -> None:
    store = make("port")
    port = via_port(store, rows)
    counts = (store.count_nodes(), store.count_edges()["PURCHASED"])
    store.close()
    store = make("baseline")
    base = base_fn(store, rows)
    base_counts = (store.count_nodes(), store.count_edges()["PURCHASED"])
    store.close()
    assert counts == base_counts, (
        f"{name}: port and baseline stored different graphs: {counts} vs {base_counts}"
    )
    report(name, n_rows, port, base)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--nodes", type=int, default=200_000)
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--stores", default="embedded,neo4j")
    args = parser.parse_args()
    rows = make_rows(args.nodes, args.edges)
    n_rows = (args.nodes, args.edges)
    print(f"{args.nodes:,} nodes and {args.edges:,} edges per run")
    with tempfile.TemporaryDirectory() as tmp:
        if "embedded" in args.stores:
            bench("embedded", lambda n: fresh_ladybug(Path(tmp), n), ladybug_copy, rows, n_rows)
        if "neo4j" in args.stores:
            server = neo4j_launcher.start(Path(tmp) / "neo4j")
            try:
                bench("neo4j", lambda _: fresh_neo4j(server), neo4j_create, rows, n_rows)
            finally:
                server.stop()
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")


if __name__ == "__main__":
    main()
