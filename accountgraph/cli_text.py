"""``accountgraph ingest text`` and ``accountgraph eval text``: notes and e-mails into the graph.

Wire into the main CLI with ``register_text_commands(ingest_app, eval_app)``; ``text_app``
offers the same two commands as a group of its own.
"""

from __future__ import annotations

import datetime as dt
import secrets
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from accountgraph.cli_failures import Refusal
from accountgraph.cli_options import StoreOpt, load_settings
from accountgraph.wiring import open_store

if TYPE_CHECKING:
    from ingest.text import Scores, TextReport

# ingest.text loads spaCy and its models: each command imports it when it runs.

text_app = typer.Typer(no_args_is_help=True, help="Notes and e-mails (English, Chinese).")
console = Console()


def _print_report(report: TextReport, run_dir: Path) -> None:
    table = Table(title=f"text run {report.run_id}")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents extracted", f"{report.documents:,}")
    table.add_row("documents unchanged (skipped)", f"{report.unchanged:,}")
    table.add_row("nodes written", f"{report.nodes_written:,}")
    table.add_row("edges written", f"{report.edges_written:,}")
    table.add_row("facts already in the graph", f"{report.corroborated:,}")
    for rel, n in sorted(report.facts.items()):
        table.add_row(f"facts {rel}", f"{n:,}")
    for rel, n in sorted(report.not_stored.items()):
        table.add_row(f"not stored (no {rel} in the ontology)", f"{n:,}", style="yellow")
    for reason, n in sorted(report.rejected.items()):
        table.add_row(f"rejected: {reason}", f"{n:,}", style="red")
    table.add_row("time", f"{report.seconds:.1f} s", style="bold")
    console.print(table)
    console.print(f"rejects: {run_dir / 'rejects.jsonl'}")


@text_app.command("ingest")
def ingest_text_command(
    paths: Annotated[list[Path], typer.Argument(help="TXT, HTML, EML or JSONL files, or folders of them")],
    store: StoreOpt = None,
) -> None:
    """Extract people, roles, competitors, suppliers and needs from notes and e-mails.
    Exit status 1 when the run's rejects file is not empty (a note or a whole file rejected:
    the rest is ingested)."""
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise Refusal(f"no such file or directory: {', '.join(missing)}")
    from rich.progress import Progress, SpinnerColumn, TextColumn  # noqa: PLC0415

    from ingest.text import ingest_text  # noqa: PLC0415
    from ingest.text._documents import NOTE_SUFFIXES, note_files  # noqa: PLC0415

    if next(note_files(paths), None) is None:
        kinds = ", ".join(f"*{suffix}" for suffix in NOTE_SUFFIXES)
        raise Refusal(f"no notes ({kinds}) in {', '.join(map(str, paths))}")

    settings = load_settings()
    run_id = f"text-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"
    run_dir = settings.data_dir / "runs" / run_id
    graph = open_store(settings, store)
    try:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=console) as progress:
            task = progress.add_task("reading the graph's names", total=None)
            report = ingest_text(
                graph,
                paths,
                run_id,
                run_dir,
                on_progress=lambda stage, n: progress.update(task, description=f"{stage}: {n:,}"),
            )
    finally:
        graph.close()
    _print_report(report, run_dir)
    if report.rejected:
        raise typer.Exit(1)


def _print_errors(scores: Scores, groups: list[str], lang: str | None) -> None:
    from ingest.text import error_lines  # noqa: PLC0415

    for group in groups:
        lines = error_lines(scores, group, lang)
        console.print(f"\n[bold]{group} errors{f' ({lang})' if lang else ''}: {len(lines)}[/bold]")
        for line in lines:
            console.print(line, markup=False, highlight=False, soft_wrap=True)


@text_app.command("eval")
def eval_text_command(
    sample: Annotated[
        Path | None, typer.Argument(help="a generated sample market (default: data/sample)")
    ] = None,
    extra: Annotated[
        list[Path] | None,
        typer.Option(help="more JSONL notes that carry their own facts (e.g. hand-written)"),
    ] = None,
    show_errors: Annotated[
        list[str] | None,
        typer.Option(
            "--show-errors",
            help="list the missed and invented facts of a relation or group (e.g. DECISION_ROLE, "
            "WORKS_AT+title, competitor/supplier/product), with each invented fact's rule and sentence",
        ),
    ] = None,
    lang: Annotated[str | None, typer.Option(help="with --show-errors: only en or zh documents")] = None,
    corpus: Annotated[
        list[Path] | None,
        typer.Option(
            help="a hand-written corpus directory (corpora/notes/README.md); the sample is "
            "scored too only when given as the argument"
        ),
    ] = None,
) -> None:
    """Precision, recall and F1 per relation and language against the sample's planted facts
    or a hand-written corpus's truth."""
    from graph.adapters.ladybug import LadybugStore  # noqa: PLC0415
    from ingest.text import TextPipeline, below_floors, evaluate, evaluate_sample, load_sample_graph  # noqa: PLC0415

    if corpus:
        _eval_corpora(corpus, show_errors or [], lang)
        if sample is None:
            return
    root = sample or load_settings().sample_dir
    if not (root / "ground_truth" / "text_facts.jsonl").exists():
        console.print(f"[red]{root} is not a sample market (no ground_truth/text_facts.jsonl)[/red]")
        raise typer.Exit(2)
    store = LadybugStore().open()
    store.create_schema()
    try:
        with tempfile.TemporaryDirectory() as tmp, console.status("loading the sample's records"):
            load_sample_graph(store, root, Path(tmp))
        pipeline = TextPipeline.from_store(store)
        scores = evaluate_sample(pipeline, root)
        console.print(f"[bold]sample market notes and e-mails ({root})[/bold]")
        console.print(scores.table())
        _print_errors(scores, show_errors or [], lang)
        for path in extra or []:
            console.print(f"\n[bold]{path}[/bold]")
            extra_scores = evaluate(pipeline, [path], path)
            console.print(extra_scores.table())
            _print_errors(extra_scores, show_errors or [], lang)
    finally:
        store.close()
    failed = below_floors(scores)
    for line in failed:
        console.print(f"[red]below floor[/red] {line}")
    if failed:
        raise typer.Exit(1)


def _eval_corpora(roots: list[Path], show_errors: list[str], lang: str | None) -> None:
    from graph.adapters.ladybug import LadybugStore  # noqa: PLC0415
    from ingest.text import CorpusError, evaluate_corpus  # noqa: PLC0415

    failed: list[str] = []
    for root in roots:
        try:
            scores = evaluate_corpus(root, lambda: LadybugStore().open())
        except CorpusError as exc:
            raise Refusal(str(exc)) from None
        console.print(f"[bold]{root}[/bold]")
        console.print(scores.table(), markup=False, highlight=False)
        console.print(scores.summary(), markup=False, highlight=False)
        _print_errors(scores, show_errors, lang)
        if "traps" in show_errors:
            for err in scores.trap_hits + scores.too_sure:
                console.print(f"{err.kind}: {err.describe()}", markup=False, highlight=False, soft_wrap=True)
        failed += [f"{root}: {line}" for line in scores.below_floors()]
    for line in failed:
        console.print(f"[red]below floor[/red] {line}")
    if failed:
        raise typer.Exit(1)


def register_text_commands(ingest_app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``ingest text`` and ``eval text`` to the main CLI's groups."""
    ingest_app.command("text")(ingest_text_command)
    eval_app.command("text")(eval_text_command)
