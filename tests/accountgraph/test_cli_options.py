"""The command line loads only typer, Rich and its own modules until a command runs."""

from __future__ import annotations

import subprocess
import sys
from typing import get_args

from accountgraph.cli_options import StoreChoice
from accountgraph.settings import StoreKind

HEAVY = (
    "sklearn",
    "scipy",
    "networkx",
    "spacy",
    "neo4j",
    "ladybug",
    "pydantic_settings",
    "graph",
    "ingest",
    "api",
)


def test_the_store_option_offers_the_settings_choices() -> None:
    assert get_args(StoreChoice) == get_args(StoreKind)


def test_loading_the_command_line_imports_nothing_heavy() -> None:
    code = (
        "import sys, accountgraph.cli; print(' '.join(sorted(m for m in sys.argv[1:] if m in sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code, *HEAVY], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
