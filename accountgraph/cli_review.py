"""``accountgraph review``: the candidate pairs entity resolution could not decide.

Pairs come from the latest ingest run's ``review.jsonl``; decisions go to
``<data_dir>/review/decisions.jsonl`` and take effect on the next ingest run.
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from accountgraph.cli_options import StoreOpt, load_settings
from accountgraph.wiring import open_store

if TYPE_CHECKING:
    from accountgraph.settings import Settings
    from ingest.records.review import DecisionLog, ReviewPair, Verdict

review_app = typer.Typer(no_args_is_help=True, help="Review candidate duplicate pairs.")
console = Console()
RunOpt = Annotated[Path | None, typer.Option("--run", help="a run folder (default: the latest run)")]
PairIds = Annotated[list[str], typer.Argument(help="pair ids from `review list`")]


def decision_log(settings: Settings) -> DecisionLog:
    from ingest.records.review import DecisionLog  # noqa: PLC0415 - the record pipeline loads with it

    return DecisionLog(settings.data_dir / "review" / "decisions.jsonl")


def _latest_review(settings: Settings, run: Path | None) -> Path:
    if run is not None:
        path = run / "review.jsonl"
    else:
        found = sorted((settings.data_dir / "runs").glob("*/review.jsonl"), key=lambda p: p.stat().st_mtime)
        if not found:
            console.print(f"[red]no ingest run with review pairs under {settings.data_dir / 'runs'}[/red]")
            raise typer.Exit(2)
        path = found[-1]
    if not path.exists():
        console.print(f"[red]{path} does not exist[/red]")
        raise typer.Exit(2)
    return path


def _pairs(settings: Settings, run: Path | None) -> dict[str, ReviewPair]:
    from ingest.records.review import read_review  # noqa: PLC0415

    return {p.id: p for p in read_review(_latest_review(settings, run))}


@review_app.command("list")
def review_list(
    run: RunOpt = None,
    all_pairs: Annotated[bool, typer.Option("--all", help="include pairs already decided")] = False,
    limit: int = 50,
) -> None:
    """Pairs awaiting a decision, highest score first, with the evidence for each."""
    settings = load_settings()
    decided = decision_log(settings).latest()
    pairs = sorted(_pairs(settings, run).values(), key=lambda p: (-p.score, p.id))
    waiting = [p for p in pairs if all_pairs or p.id not in decided]
    table = Table(title=f"{len(waiting):,} candidate pairs" + ("" if all_pairs else " awaiting review"))
    for col in ("id", "type", "score", "a", "b", "evidence", "decision"):
        table.add_column(col, overflow="fold")
    for p in waiting[:limit]:
        a, b = p.a, p.b
        table.add_row(
            p.id,
            p.label,
            f"{p.score:.2f}",
            f"{a['source']}:{a['key']}\n{' / '.join(a['names'])}",
            f"{b['source']}:{b['key']}\n{' / '.join(b['names'])}",
            "; ".join(p.reasons),
            decided.get(p.id, {}).get("decision", ""),
        )
    console.print(table)


def _decide(pair_ids: list[str], verdict: Verdict, run: Path | None) -> None:
    settings = load_settings()
    pairs = _pairs(settings, run)
    unknown = [i for i in pair_ids if i not in pairs]
    if unknown:
        console.print(f"[red]no such pair in the run's review file[/red]: {', '.join(unknown)}")
        raise typer.Exit(2)
    log = decision_log(settings)
    for pair_id in pair_ids:
        log.record(pairs[pair_id], verdict, by=getpass.getuser())
    word = "the same entity" if verdict == "same" else "different entities"
    console.print(
        f"[green]{len(pair_ids)} pair(s) recorded as {word}[/green]; the next ingest run applies it"
    )


@review_app.command("accept")
def review_accept(
    pair_ids: Annotated[list[str], typer.Argument(help="pair ids")], run: RunOpt = None
) -> None:
    """The records are one entity: the next run merges them."""
    _decide(pair_ids, "same", run)


@review_app.command("reject")
def review_reject(
    pair_ids: Annotated[list[str], typer.Argument(help="pair ids")], run: RunOpt = None
) -> None:
    """The records are different entities: the next run keeps them apart."""
    _decide(pair_ids, "different", run)


@review_app.command("unmerge")
def review_unmerge(
    label: Annotated[str, typer.Argument(help="Company or Person")],
    source_key: Annotated[
        str, typer.Argument(help="the record to take out, as source:key (a node's source_keys)")
    ],
    store: StoreOpt = None,
) -> None:
    """Take one source record out of the entity it was merged into: the next ingest run keeps it
    apart from the entity's other records, on a node of its own; the entity keeps its id."""
    from ingest.records.entities import RESOLVED_LABELS  # noqa: PLC0415
    from ingest.records.review import UnmergeError, unmerge  # noqa: PLC0415

    if label not in RESOLVED_LABELS:
        raise typer.BadParameter(f"{label!r}: entity resolution merges {' and '.join(RESOLVED_LABELS)}")
    settings = load_settings()
    graph = open_store(settings, store)
    try:
        keys = graph.source_key_map(label)
    finally:
        graph.close()
    try:
        others = unmerge(keys, label, source_key, decision_log(settings), by=getpass.getuser())
    except UnmergeError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    node = keys[source_key]
    console.print(
        f"[green]{source_key} recorded as different from {len(others)} record(s) of {node}[/green]"
        "; the next ingest run applies it"
    )
