"""``python -m ingest.resolve.evaluate DIR``: resolve a generated sample market and print the scores.

With ``--generate`` the sample is written to DIR first (``--seed``, ``--scale``).
Run it with ``-m`` only: importing this module in-process would shadow the package's
``evaluate`` function (``ingest.resolve.evaluate``); use ``ingest.resolve.report`` instead.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console

from .report import render, run_sample


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.resolve.evaluate", description=__doc__)
    parser.add_argument("dir", type=Path, help="a sample market written by ingest.sample.generate")
    parser.add_argument("--generate", action="store_true", help="generate the sample into DIR first")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    console = Console()
    if not console.is_terminal:  # piped or captured: do not squeeze the table into 80 columns
        console = Console(width=110)
    if args.generate:
        from ingest.sample import generate  # noqa: PLC0415 - only needed with --generate

        generate(args.dir, seed=args.seed, scale=args.scale)
    if not (args.dir / "ground_truth/duplicates.jsonl").exists():
        console.print(f"[red]{args.dir} is not a sample market (no ground_truth/duplicates.jsonl)[/red]")
        return 2
    render(run_sample(args.dir), console)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
