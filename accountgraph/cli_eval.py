"""``accountgraph eval``: quality of what the pipelines produce, against the sample's truth."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from accountgraph.cli_options import load_settings
from accountgraph.cli_review import decision_log

if TYPE_CHECKING:
    from algorithms.market import Market

# Each command imports what it evaluates with (scikit-learn, SciPy, the record pipeline)
# when it runs, so the rest of the command line starts without them.

eval_app = typer.Typer(no_args_is_help=True, help="Evaluate extraction, resolution and the algorithms.")
console = Console()

SampleArg = Annotated[Path | None, typer.Argument(help="a generated sample market (default: data/sample)")]
CHURN_HORIZON = 90
"""The horizon the churn floor applies to."""
CHURN_COLUMNS = (
    "horizon",
    "AUC truth",
    "AUC CRM",
    "best single feature",
    "test rows",
    "churners",
    "train rows",
)


def _sample_root(sample: Path | None, truth: str) -> Path:
    root = sample or load_settings().sample_dir
    if not (root / "ground_truth" / truth).exists():
        console.print(f"[red]{root} is not a sample market (no ground_truth/{truth})[/red]")
        raise typer.Exit(2)
    return root


def _sample_market(root: Path) -> Market:
    """``root`` ingested through the record pipeline into an in-memory embedded store."""
    return _ingested(root.resolve(), (root / "manifest.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _ingested(root: Path, manifest: str) -> Market:
    """Cached by path and manifest: one process evaluating the same sample twice ingests it once."""
    from algorithms.market import load_market  # noqa: PLC0415
    from graph.adapters.ladybug import LadybugStore  # noqa: PLC0415
    from ingest.records import SAMPLE_MAPPINGS, MappingError, ingest_directory  # noqa: PLC0415

    store = LadybugStore().open()
    try:
        store.create_schema()
        with tempfile.TemporaryDirectory() as run_dir, console.status(f"ingesting {root} into memory"):
            ingest_directory(store, root, SAMPLE_MAPPINGS, Path(run_dir), "eval")
        return load_market(store)
    except MappingError as exc:
        console.print(f"[red]mapping error[/red] {exc}")
        raise typer.Exit(2) from None
    finally:
        store.close()


@eval_app.command("resolution")
def eval_resolution(
    sample: SampleArg = None,
    mapping: Annotated[
        Path | None, typer.Option(help="a mapping YAML, or a directory of them (default: the sample's)")
    ] = None,
    decisions: Annotated[bool, typer.Option(help="apply reviewers' decisions")] = False,
    febrl: Annotated[
        int | None, typer.Option(help="instead of SAMPLE: the public Febrl person set 1, 2 or 3")
    ] = None,
    companies: Annotated[
        str | None,
        typer.Option(
            help="instead of SAMPLE: the company benchmark (real listed companies, and Chinese companies "
            "in both scripts), dev or test"
        ),
    ] = None,
) -> None:
    """Entity resolution through the record pipeline: pairwise precision, recall and F1."""
    from graph.adapters.ladybug import LadybugStore  # noqa: PLC0415
    from ingest.records import SAMPLE_MAPPINGS, MappingError  # noqa: PLC0415
    from ingest.records.bilingual_benchmark import write_bilingual_benchmark  # noqa: PLC0415
    from ingest.records.company_benchmark import MAPPING as COMPANY_MAPPING  # noqa: PLC0415
    from ingest.records.company_benchmark import PARTS as COMPANY_PARTS  # noqa: PLC0415
    from ingest.records.company_benchmark import write_company_benchmark  # noqa: PLC0415
    from ingest.records.evaluate import evaluate_resolution, render  # noqa: PLC0415
    from ingest.records.febrl import MAPPING as FEBRL_MAPPING  # noqa: PLC0415
    from ingest.records.febrl import write_febrl  # noqa: PLC0415

    if sum(x is not None for x in (sample, febrl, companies)) > 1:
        raise typer.BadParameter("give one of SAMPLE, --febrl and --companies")
    if companies is not None and companies not in COMPANY_PARTS:
        raise typer.BadParameter(f"--companies is one of {', '.join(COMPANY_PARTS)}, not {companies!r}")
    settings = load_settings()
    log = decision_log(settings) if decisions else None
    store = LadybugStore().open()  # resolution writes nothing; the store only lends the schema
    try:
        if febrl is not None:
            with tempfile.TemporaryDirectory() as tmp:
                run = evaluate_resolution(store, write_febrl(febrl, Path(tmp)), FEBRL_MAPPING, log)
        elif companies is not None:
            for title, write in (
                ("Listed companies (pytickersymbols)", write_company_benchmark),
                ("Chinese companies written in Chinese and in English", write_bilingual_benchmark),
            ):
                with tempfile.TemporaryDirectory() as tmp:
                    run = evaluate_resolution(store, write(companies, Path(tmp)), COMPANY_MAPPING, log)
                render(run, console, f"{title}, {companies} half: pairwise P/R/F1")
            return
        else:
            root = _sample_root(sample, "duplicates.jsonl")
            run = evaluate_resolution(store, root, mapping or SAMPLE_MAPPINGS, log)
    except MappingError as exc:
        console.print(f"[red]mapping error[/red] {exc}")
        raise typer.Exit(2) from None
    finally:
        store.close()
    render(run, console)


def _seed_list(spec: str) -> list[int]:
    """``"1-5,7"`` as ``[1, 2, 3, 4, 5, 7]``."""
    seeds: list[int] = []
    try:
        for part in spec.split(","):
            lo, _, hi = part.strip().partition("-")
            seeds.extend(range(int(lo), int(hi or lo) + 1))
    except ValueError:
        raise typer.BadParameter(f"{spec!r} is not a list of seeds such as 1-5,7") from None
    if not seeds:
        raise typer.BadParameter(f"{spec!r} names no seed")
    return seeds


def _churn_across_seeds(seeds: list[int], scale: float, floor: float) -> None:
    """Generate each seed's sample into a temporary directory, ingest it and run the
    90-day holdout; one table row per seed; exit 1 if any seed is below the floor."""
    from algorithms.churn import Panel, crm_churn_dates, default_split, time_holdout  # noqa: PLC0415
    from ingest.sample import generate, read_churn  # noqa: PLC0415

    table = Table(title=f"Churn model, 90-day time-based holdout, per sample seed (scale {scale})")
    for col in (
        "seed",
        "AUC truth",
        "AUC CRM",
        "best single feature",
        "model - best",
        "churners",
        "train churn",
    ):
        table.add_column(col, justify="left" if col == "best single feature" else "right")
    aucs = []
    for seed in seeds:
        with tempfile.TemporaryDirectory() as tmp, console.status(f"seed {seed}: generating and ingesting"):
            root = Path(tmp) / "sample"
            generate(root, seed=seed, scale=scale)
            truth, market = read_churn(root), _sample_market(root)
        split, panel = default_split(market), Panel(market)
        with console.status(f"seed {seed}: holdout"):
            res = time_holdout(market, truth, truth, split=split, horizon=CHURN_HORIZON, panel=panel)
            crm = crm_churn_dates(market, as_of=split)
            by_crm = time_holdout(market, crm, truth, split=split, horizon=CHURN_HORIZON, panel=panel)
        aucs.append(res.auc)
        table.add_row(
            str(seed),
            f"{res.auc:.3f}",
            f"{by_crm.auc:.3f}",
            f"{res.best_feature} {res.best_feature_auc:.3f}",
            f"{res.auc - res.best_feature_auc:+.3f}",
            str(res.test_churners),
            str(res.train_positives),
        )
    console.print(table)
    console.print(f"mean AUC {sum(aucs) / len(aucs):.3f}, lowest {min(aucs):.3f}")
    if min(aucs) < floor:
        console.print(f"[red]a seed is below the floor {floor:.2f}[/red]")
        raise typer.Exit(1)


@eval_app.command("churn")
def eval_churn(
    sample: SampleArg = None,
    horizon: Annotated[
        list[int] | None,
        typer.Option(help="days ahead to predict, repeatable (default: 30, 60, 90; 90 always)"),
    ] = None,
    grouped: Annotated[bool, typer.Option(help="also the account-grouped cross-validation")] = True,
    floor: Annotated[float, typer.Option(help="fail below this AUC at 90 days")] = 0.80,
    seeds: Annotated[
        str | None,
        typer.Option(help="instead of SAMPLE: generate these sample seeds (e.g. 1-9) and tabulate each"),
    ] = None,
    scale: Annotated[float, typer.Option(help="sample scale with --seeds")] = 1.0,
) -> None:
    """Churn model ROC AUC on a time-based holdout, trained on the sample's truth and on
    the CRM's own labels, scored against the truth; exit 1 below the floor at 90 days."""
    from algorithms.churn import Panel, crm_churn_dates, default_split, grouped_cv_auc, time_holdout  # noqa: PLC0415
    from ingest.sample import read_churn  # noqa: PLC0415

    if seeds is not None:
        if sample is not None:
            raise typer.BadParameter("give a SAMPLE or --seeds, not both")
        _churn_across_seeds(_seed_list(seeds), scale, floor)
        return
    root = _sample_root(sample, "churn.csv")
    truth = read_churn(root)
    market = _sample_market(root)
    split, panel = default_split(market), Panel(market)
    crm = crm_churn_dates(market, as_of=split)
    horizons = sorted({*(horizon or (30, 60, 90)), CHURN_HORIZON})
    table = Table(
        title=f"Churn model, time-based holdout at {split}: ROC AUC against the sample's truth",
        caption="rows: (account, month end); churn rows: the account churned within the horizon",
    )
    for col in CHURN_COLUMNS:
        table.add_column(col, justify="left" if col == "best single feature" else "right")
    results = {}
    for h in horizons:
        with console.status(f"{h}-day horizon"):
            res = time_holdout(market, truth, truth, split=split, horizon=h, panel=panel)
            by_crm = time_holdout(market, crm, truth, split=split, horizon=h, panel=panel)
        results[h] = res
        table.add_row(
            f"{h} days",
            f"{res.auc:.3f}",
            f"{by_crm.auc:.3f}",
            f"{res.best_feature} {res.best_feature_auc:.3f}",
            f"{res.test_rows:,} ({res.test_positives} churn)",
            f"{res.test_churners}",
            f"{res.train_rows:,} ({res.train_positives} churn)",
        )
    console.print(table)
    churners = sum(v is not None for v in truth.values())
    flagged = sum(v is not None for v in crm_churn_dates(market).values())
    at90 = results[CHURN_HORIZON]
    console.print(
        f"At {CHURN_HORIZON} days the model learns from month ends up to {at90.train_until} and is scored "
        f"on {at90.test_from} .. {at90.test_until}.\n{churners} of {len(truth)} accounts churned "
        f"(ground truth); the CRM marks {flagged} as churned, {sum(v is not None for v in crm.values())} "
        f"of them silent by {split} (the CRM-label model's positives)."
    )
    if grouped:
        with console.status("account-grouped cross-validation"):
            cv = grouped_cv_auc(market, truth, horizon=CHURN_HORIZON, panel=panel)
        console.print(f"secondary: account-grouped 5-fold AUC over all month ends, 90 days: {cv:.3f}")
    if at90.auc < floor:
        console.print(f"[red]AUC {at90.auc:.3f} at {CHURN_HORIZON} days is below the floor {floor:.2f}[/red]")
        raise typer.Exit(1)


@eval_app.command("crosssell")
def eval_crosssell(
    sample: SampleArg = None,
    min_lift: Annotated[
        float, typer.Option(help="fail below this blend/popularity ratio at precision@5")
    ] = 1.3,
) -> None:
    """Cross-sell on the held-out last half-year: the blend against product popularity
    measured in the same run; exit 1 if the blend's precision@5 is below --min-lift times
    popularity's."""
    from algorithms import crosssell  # noqa: PLC0415

    root = _sample_root(sample, "complements.csv")
    market = _sample_market(root)
    with console.status("mining and ranking"):
        result = crosssell.evaluate(market)
    table = Table(title=f"Cross-sell, purchases after {result.cutoff} held out ({result.accounts} accounts)")
    for col in ("metric", "blend", "popularity", "blend / popularity"):
        table.add_column(col, justify="left" if col == "metric" else "right")
    for name in ("precision@5", "recall@10", "map@10"):
        blend, base = result.blend[name], result.popularity[name]
        table.add_row(name, f"{blend:.3f}", f"{base:.3f}", f"{blend / base:.2f}x" if base else "-")
    console.print(table)
    if result.blend["precision@5"] < min_lift * result.popularity["precision@5"]:
        console.print(f"[red]precision@5 is below {min_lift:.2f}x popularity[/red]")
        raise typer.Exit(1)
