"""The command line's read commands - ``runs``, ``stats``, ``store check``, ``export`` - which
open an embedded store read-only, so that they work while ``serve`` holds it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from accountgraph import cli_failures
from accountgraph.cli_options import StoreOpt, load_settings
from accountgraph.wiring import open_store

if TYPE_CHECKING:
    from graph import GraphStore

console = Console()


def register_read_commands(app: typer.Typer, store_app: typer.Typer) -> None:
    app.command()(runs)
    app.command()(stats)
    store_app.command("check")(store_check)
    app.command()(export)


def print_counts(store: GraphStore) -> None:
    nodes, edges = store.count_nodes(), store.count_edges()
    table = Table(title=f"graph on the {store.kind} store")
    table.add_column("type")
    table.add_column("kind")
    table.add_column("count", justify="right")
    for name, n in nodes.items():
        table.add_row(name, "node", f"{n:,}")
    for name, n in edges.items():
        table.add_row(name, "edge", f"{n:,}")
    table.add_row("total", "", f"{sum(nodes.values()):,} nodes, {sum(edges.values()):,} edges", style="bold")
    console.print(table)


def runs(store: StoreOpt = None, limit: int = 20) -> None:
    """Recent ingest and analysis runs: status, counts, duration (a killed run stays 'running')."""
    from graph import recent_runs  # noqa: PLC0415

    graph = open_store(load_settings(), store, create_schema=False, read_only=True)
    try:
        found = recent_runs(graph, limit)
    finally:
        graph.close()
    table = Table(title=f"latest {len(found)} runs on the {graph.kind} store")
    for col in ("run", "kind", "status", "started (UTC)", "seconds", "read", "nodes", "edges", "rejected"):
        table.add_column(col, justify="left" if col in ("run", "kind", "status") else "right")
    for node in found:
        p = node.props
        started = p.get("started_at")
        table.add_row(
            node.key,
            p.get("kind", ""),
            p.get("status", ""),
            f"{started:%Y-%m-%d %H:%M:%S}" if started else "",
            f"{p['seconds']:.1f}" if p.get("seconds") is not None else "",
            *(
                f"{p[k]:,}" if p.get(k) is not None else ""
                for k in ("read", "nodes_written", "edges_written", "rejected")
            ),
        )
    console.print(table)


def stats(store: StoreOpt = None) -> None:
    """Node and edge counts by type."""
    graph = open_store(load_settings(), store, create_schema=False, read_only=True)
    try:
        print_counts(graph)
    finally:
        graph.close()


def store_check(store: StoreOpt = None) -> None:
    """Check the store answers, every key is found by lookup, every source key is on one node
    and every edge is whole (counted, unique, its ends found; LadybugDB: both directions agree)."""
    from accountgraph.checks import check_store  # noqa: PLC0415

    graph = open_store(load_settings(), store)
    try:
        problems = check_store(graph)
    finally:
        graph.close()
    for p in problems:
        console.print(f"[red]problem[/red] {p}")
    if problems:
        raise typer.Exit(1)
    console.print(
        f"[green]ok[/green]: the {graph.kind} store answers, every key is found by lookup,"
        " every source key is on one node and every edge is whole"
    )


def export(
    out: Annotated[Path, typer.Option(help="output file")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl or graphml")] = "jsonl",
    root: Annotated[str | None, typer.Option(help="Label:key of a subgraph's centre")] = None,
    depth: int = 2,
    store: StoreOpt = None,
) -> None:
    """Export the whole graph, or the neighbourhood of --root, with all properties."""
    from graph.export import iter_graph, iter_subgraph, write_graphml, write_jsonl  # noqa: PLC0415

    if fmt not in ("jsonl", "graphml"):
        raise typer.BadParameter("must be jsonl or graphml", param_hint="--format")
    graph = open_store(load_settings(), store, create_schema=False, read_only=True)
    try:
        if root:
            label, key = _root(graph, root)
            items = iter_subgraph(graph.neighbourhood(label, key, depth=depth))
        else:
            items = iter_graph(graph)
        with out.open("w", encoding="utf-8") as f:
            n = write_jsonl(items, f) if fmt == "jsonl" else write_graphml(items, f, graph.registry)
    finally:
        graph.close()
    console.print(f"[green]exported[/green] {n:,} nodes and edges to {out}")


def _root(graph: GraphStore, root: str) -> tuple[str, str]:
    """``--root``'s label and key, refused unless the store holds that node."""
    label, _, key = root.partition(":")
    if label not in graph.registry.nodes or not key:
        known = ", ".join(graph.registry.nodes)
        raise cli_failures.Refusal(f"--root {root!r} is not Label:key with a label of {known}")
    if not graph.node_exists(label, key):
        raise cli_failures.Refusal(f"--root {root}: no {label} with key {key!r} in the {graph.kind} store")
    return label, key
