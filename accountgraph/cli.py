"""The ``accountgraph`` command line.

Only typer, Rich and the settings load with it: the store adapters, the record and text
pipelines and the algorithms are imported by the commands that use them, so ``--help``
and light commands start in a fraction of a second (``benchmarks/cli_startup.py``).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from accountgraph import cli_failures
from accountgraph.cli_eval import eval_app
from accountgraph.cli_keys import keys_app
from accountgraph.cli_options import StoreOpt, load_settings
from accountgraph.cli_read import print_counts, register_read_commands
from accountgraph.cli_review import decision_log, review_app
from accountgraph.cli_text import register_text_commands
from accountgraph.wiring import open_store

if TYPE_CHECKING:
    from accountgraph.settings import Settings, StoreKind
    from algorithms.executors import ExecutorChoice
    from graph import GraphStore
    from ingest.records import RunReport

app = typer.Typer(no_args_is_help=True, add_completion=False, help="AccountGraph: B2B sales knowledge graph.")
store_app = typer.Typer(no_args_is_help=True, help="Inspect the graph store.")
sample_app = typer.Typer(no_args_is_help=True, help="The synthetic sample market.")
ingest_app = typer.Typer(no_args_is_help=True, help="Load data into the graph.")
app.add_typer(store_app, name="store")
app.add_typer(sample_app, name="sample")
app.add_typer(ingest_app, name="ingest")
app.add_typer(review_app, name="review")
app.add_typer(eval_app, name="eval")
register_text_commands(ingest_app, eval_app)
app.add_typer(keys_app, name="keys")
console = Console()
errors = Console(stderr=True)


class _Options:
    """Options of the whole command line, read by ``main`` after the command ended."""

    debug = False


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="show the traceback of an expected failure too")
    ] = False,
) -> None:
    _Options.debug = debug


def _run_id(kind: str) -> str:
    return f"{kind}-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


@app.command()
def init(store: StoreOpt = None) -> None:
    """Create the data directory and the store's schema."""
    settings = load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    graph = open_store(settings, store)
    graph.close()
    console.print(f"[green]schema ready[/green] on the {graph.kind} store")


@sample_app.command("generate")
def sample_generate(
    out: Annotated[Path, typer.Option(help="output directory")] = Path("data/sample"),
    seed: int = 7,
    scale: float = 1.0,
) -> None:
    """Write the synthetic market's source files and ground truth."""
    from ingest.sample import generate  # noqa: PLC0415

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise cli_failures.Refusal(f"--out {out}: cannot create the directory: {e.strerror}") from None
    with console.status("generating sample market"):
        manifest = generate(out, seed=seed, scale=scale)
    console.print(f"[green]sample market written[/green] to {out}: {manifest.counts}")


def _print_report(report: RunReport, run_dir: Path) -> None:
    table = Table(title=f"ingest run {report.run_id}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for what, n in (
        ("records read", report.read),
        ("nodes created or changed", report.nodes_written),
        ("edges created or changed", report.edges_written),
        ("source records merged", report.merged),
        ("pairs for review (accountgraph review list)", report.review_pairs),
        ("facts skipped as older than --since/cursor", report.skipped),
        *((f"rejected: {reason}", n) for reason, n in sorted(report.rejected.items())),
        *((f"value dropped, record kept: {reason}", n) for reason, n in sorted(report.dropped.items())),
        ("conflicting_source: a key two sources disagree on, kept apart", report.kept_apart),
    ):
        table.add_row(what, f"{n:,}")
    table.add_row("rate", f"{report.rows_per_second:,.0f} records/s in {report.seconds:.1f} s", style="bold")
    console.print(table)
    console.print(f"rejects and report: {run_dir}")


def _ingest(
    graph: GraphStore,
    root: Path,
    mappings: Path,
    run_dir: Path,
    run_id: str,
    since: dt.datetime | None = None,
    cursor: Path | None = None,
) -> RunReport:
    from rich.progress import Progress, SpinnerColumn, TextColumn  # noqa: PLC0415

    from ingest.records import ingest_directory  # noqa: PLC0415

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=console) as progress:
        task = progress.add_task("reading", total=None)
        report = ingest_directory(
            graph,
            root,
            mappings,
            run_dir,
            run_id,
            on_progress=lambda stage, n: progress.update(task, description=f"{stage}: {n:,}"),
            decisions=decision_log(load_settings()),
            since=since,
            cursor=cursor,
        )
    _print_report(report, run_dir)
    return report


@ingest_app.command("records")
def ingest_records(
    path: Annotated[Path, typer.Argument(help="an export file, or a directory of them")],
    mapping: Annotated[
        Path | None, typer.Option(help="a mapping YAML, or a directory of them (default: the sample's)")
    ] = None,
    store: StoreOpt = None,
    since: Annotated[
        dt.datetime | None, typer.Option(help="skip facts older than this (sources with changed_at)")
    ] = None,
    cursor: Annotated[
        Path | None, typer.Option(help="a cursor file: start each source where the last run ended")
    ] = None,
) -> None:
    """Ingest exports through their mappings: validate, resolve, write, reject with reasons.
    Exit status 1 when the run's rejects file is not empty (a file or record rejected: the rest
    is ingested)."""
    from ingest.records import SAMPLE_MAPPINGS, MappingError  # noqa: PLC0415

    settings = load_settings()
    run_id = _run_id("ingest")
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=dt.UTC)
    graph = open_store(settings, store)
    try:
        report = _ingest(
            graph,
            path,
            mapping or SAMPLE_MAPPINGS,
            settings.data_dir / "runs" / run_id,
            run_id,
            since,
            cursor,
        )
    except MappingError as exc:
        console.print(f"[red]mapping error[/red] {exc}")
        raise typer.Exit(2) from None
    finally:
        graph.close()
    if report.with_rejects:
        raise typer.Exit(1)


@app.command()
def demo(
    store: StoreOpt = None,
    serve_api: Annotated[
        bool, typer.Option("--serve/--no-serve", help="serve the API and explorer after")
    ] = True,
    port: Annotated[int, typer.Option(help="port for the API and explorer")] = 8000,
) -> None:
    """The main job: generate and ingest the sample market, compute the analytics, serve the explorer."""
    from ingest.records import SAMPLE_MAPPINGS  # noqa: PLC0415
    from ingest.sample import generate  # noqa: PLC0415

    settings = load_settings()
    if not (settings.sample_dir / "manifest.json").exists():
        with console.status("generating sample market"):
            generate(settings.sample_dir, seed=settings.sample_seed, scale=settings.sample_scale)
    run_id = _run_id("demo")
    graph = open_store(settings, store)
    try:
        _ingest(graph, settings.sample_dir, SAMPLE_MAPPINGS, settings.data_dir / "runs" / run_id, run_id)
        _ingest_notes(graph, settings.sample_dir / "notes", settings)
        _analyze(graph, "all", settings)
        print_counts(graph)
    finally:
        graph.close()
    if serve_api:
        _serve_demo(settings, store, port)


def _ingest_notes(graph: GraphStore, notes: Path, settings: Settings) -> None:
    from ingest.text import ingest_text  # noqa: PLC0415 - loads spaCy

    run_id = _run_id("text")
    with console.status("extracting facts from notes and e-mails"):
        report = ingest_text(graph, [notes], run_id, settings.data_dir / "runs" / run_id)
    facts = sum(report.facts.values())
    console.print(
        f"text: {report.documents:,} documents read, {facts:,} facts extracted "
        f"({report.documents and facts / report.documents:.1f} per document), "
        f"{report.edges_written:,} edges written, {sum(report.rejected.values()):,} rejected"
    )


def _serve_demo(settings: Settings, store: StoreKind | None, port: int) -> None:
    """The API and explorer on 127.0.0.1 without authentication (demo mode), said loudly."""
    import uvicorn  # noqa: PLC0415 - the server stack loads only when serving

    from api.app import create_app  # noqa: PLC0415
    from api.config import ApiSettings  # noqa: PLC0415

    app_ = create_app(
        None,
        ApiSettings(mode="demo"),
        settings.data_dir,
        store_factory=partial(open_store, settings, store),
    )
    console.print(
        "[bold red]DEMO MODE: authentication is OFF; every caller is an admin. "
        "Bound to 127.0.0.1 only; never expose this.[/bold red]"
    )
    console.print(f"explorer: http://127.0.0.1:{port}/   GraphQL (GraphiQL): http://127.0.0.1:{port}/graphql")
    uvicorn.run(app_, host="127.0.0.1", port=port, log_config=None, timeout_graceful_shutdown=10)


def _analyze(graph: GraphStore, what: str, settings: Settings, executor: ExecutorChoice = "auto") -> None:
    from algorithms.run import analyze as run_analyses  # noqa: PLC0415 - loads scipy/sklearn
    from graph import RunLog  # noqa: PLC0415

    run_id = _run_id("analyze")
    log = RunLog(graph, run_id, "analyze", [what])
    log.start()
    try:
        with console.status(f"computing {what}"):
            summary = run_analyses(
                graph,
                what,
                run_id,
                results_dir=settings.data_dir / "results",
                executor=executor,
            )
    except Exception as exc:
        log.fail(f"{type(exc).__name__}: {exc}")
        raise
    log.complete({})
    table = Table(title=f"analysis run {run_id}")
    table.add_column("analysis")
    table.add_column("result")
    table.add_column("value", justify="right")
    for name, values in summary.items():
        for key, value in values.items():
            shown = (
                f"{value:.3f}"
                if isinstance(value, float)
                else f"{value:,}"
                if isinstance(value, int)
                else str(value)
            )
            table.add_row(name, key, shown)
    console.print(table)


@app.command()
def analyze(
    what: Annotated[str, typer.Argument(help="influence, crosssell, signals, segments or all")] = "all",
    store: StoreOpt = None,
    executor: Annotated[
        str,
        typer.Option(
            help="where the graph algorithms run: auto (GDS on a Neo4j server that has it), in-process, gds"
        ),
    ] = "auto",
) -> None:
    """Compute influence, cross-sell, signals and segments; write them back with run metadata."""
    from algorithms.executors import EXECUTORS  # noqa: PLC0415
    from algorithms.run import ANALYSES  # noqa: PLC0415

    if what != "all" and what not in ANALYSES:
        raise typer.BadParameter(f"must be one of {', '.join(ANALYSES)} or all", param_hint="WHAT")
    if executor not in EXECUTORS:
        raise typer.BadParameter(f"must be one of {', '.join(EXECUTORS)}", param_hint="--executor")
    settings = load_settings()
    graph = open_store(settings, store)
    try:
        _analyze(graph, what, settings, executor)
    finally:
        graph.close()


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(help="worker processes (Neo4j store only)")] = 1,
) -> None:
    """Serve the GraphQL API (settings: ACCOUNTGRAPH_* and ACCOUNTGRAPH_API_*)."""
    # imported here so the other commands start without loading the server stack
    import uvicorn  # noqa: PLC0415

    from api.config import ApiSettings  # noqa: PLC0415

    # the workers read their settings from the environment: tell them how many they are
    os.environ["ACCOUNTGRAPH_API_WORKERS"] = str(workers)
    settings, api_settings = load_settings(), ApiSettings()
    if workers > 1 and settings.store == "embedded":
        console.print("[red]the embedded store is opened by one process only[/red]: use --workers 1 or Neo4j")
        raise typer.Exit(2)
    if workers > 1:  # metrics of every worker in one scrape (see api._metrics)
        counts = settings.data_dir / "metrics"
        shutil.rmtree(counts, ignore_errors=True)
        counts.mkdir(parents=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(counts)
    if api_settings.mode == "demo":
        console.print("[bold red]DEMO MODE: authentication is OFF; every caller is an admin.[/bold red]")
    uvicorn.run(
        "api.asgi:app_factory",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=None,
        timeout_graceful_shutdown=10,
    )


register_read_commands(app, store_app)  # after the main job's commands in --help


def main() -> None:
    """Run the command line; expected failures end in a line or two (``cli_failures``)
    unless ``--debug`` asks for their traceback."""
    _Options.debug = False
    try:
        app()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else int(done.code is not None)
    except KeyboardInterrupt:
        code = 130
    except Exception as exc:
        lines = None if _Options.debug else cli_failures.explain(exc, _data_dir())
        if lines is None:
            raise
        print(lines, file=sys.stderr)
        code = cli_failures.exit_code(exc)
    cli_failures.finish(code)


def _data_dir() -> Path | None:
    try:
        return load_settings().data_dir
    except ValueError:  # settings that do not validate: the error at hand is told without them
        return None
