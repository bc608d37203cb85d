"""How long ``accountgraph --help`` and a light command take to start, next to
``python -c pass`` measured in the same run (the interpreter's own start is the floor).

Each command runs ``--runs`` times in a fresh interpreter (the same one that runs this
file); the median wall time is printed with its ratio to the baseline. The goal is under
0.5 s for ``--help``: the command line imports the store adapters, the record and text
pipelines, scikit-learn and SciPy only inside the commands that use them.

    python benchmarks/cli_startup.py
    python benchmarks/cli_startup.py --runs 21
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

COMMANDS = {
    "python -c pass": ["-c", "pass"],
    "accountgraph --help": ["-c", "from accountgraph.cli import main; main()", "--help"],
    "accountgraph stats --help": ["-c", "from accountgraph.cli import main; main()", "stats", "--help"],
}
GOAL = 0.5  # seconds, for accountgraph --help


def median_seconds(args: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs per command (the median is shown)")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as data:  # light commands read settings, not your data
        env = os.environ | {"ACCOUNTGRAPH_DATA_DIR": data}
        env.pop("ACCOUNTGRAPH_CONFIG", None)
        times = {name: median_seconds(args, runs, env) for name, args in COMMANDS.items()}
    base = times["python -c pass"]
    print(f"median of {runs} runs each, {sys.executable}")
    for name, seconds in times.items():
        print(f"{name:<24} {seconds:6.3f} s  {seconds / base:5.1f}x python -c pass")
    verdict = "within" if times["accountgraph --help"] < GOAL else "OVER"
    print(f"accountgraph --help is {verdict} the {GOAL} s goal")


if __name__ == "__main__":
    main()
