"""``accountgraph eval``: quality of what the pipelines produce, against the sample's truth."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from accountgraph.cli_review import decision_log
from accountgraph.settings import Settings
from graph.adapters.ladybug import LadybugStore
from ingest.records import SAMPLE_MAPPINGS, MappingError
from ingest.records.evaluate import evaluate_resolution, render

eval_app = typer.Typer(no_args_is_help=True, help="Evaluate extraction and resolution quality.")
console = Console()


@eval_app.command("resolution")
def eval_resolution(
    sample: Annotated[
        Path | None, typer.Argument(help="a generated sample market (default: data/sample)")
    ] = None,
    mapping: Annotated[Path, typer.Option(help="a mapping YAML, or a directory of them")] = SAMPLE_MAPPINGS,
    decisions: Annotated[bool, typer.Option(help="apply reviewers' decisions")] = False,
) -> None:
    """Entity resolution through the record pipeline: pairwise precision, recall and F1."""
    settings = Settings()
    root = sample or settings.sample_dir
    if not (root / "ground_truth" / "duplicates.jsonl").exists():
        console.print(f"[red]{root} is not a sample market (no ground_truth/duplicates.jsonl)[/red]")
        raise typer.Exit(2)
    store = LadybugStore().open()  # resolution writes nothing; the store only lends the schema
    try:
        run = evaluate_resolution(store, root, mapping, decision_log(settings) if decisions else None)
    except MappingError as exc:
        console.print(f"[red]mapping error[/red] {exc}")
        raise typer.Exit(2) from None
    finally:
        store.close()
    render(run, console)
