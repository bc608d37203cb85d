"""``accountgraph eval churn`` and ``eval crosssell`` on the sample: numbers, floors, exit codes.

Both commands ingest the sample into memory; the CLI keeps the last ingested sample, so
the sample here is ingested once for all the tests in this module.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accountgraph.cli import app
from ingest.sample import generate

#: one table row per line; the console reads COLUMNS when it prints (setting its width
#: instead would outlive the test and squeeze other modules' tables)
runner = CliRunner(env={"COLUMNS": "160"})


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("eval") / "sample"
    generate(out, seed=7, scale=1.0)
    return out


def test_eval_churn_prints_the_holdout_and_gates_on_the_floor(sample: Path) -> None:
    """One run (the evaluation takes a while): the numbers it prints meet the issue's 0.80
    and beat the best single feature, and a floor above them exits 1."""
    args = ["eval", "churn", str(sample), "--horizon", "90", "--no-grouped", "--floor", "0.99"]
    result = runner.invoke(app, args)
    row = re.search(r"90 days\s*│\s*([\d.]+)\s*│\s*([\d.]+)\s*│\s*(\w+) ([\d.]+)", result.output)
    assert row, result.output
    truth, crm, single = float(row[1]), float(row[2]), float(row[4])
    assert truth >= 0.80 and crm > 0.5 and single < truth
    assert "churned (ground truth)" in result.output
    assert result.exit_code == 1 and "below the floor 0.99" in result.output


def test_eval_crosssell_reports_blend_against_popularity(sample: Path) -> None:
    result = runner.invoke(app, ["eval", "crosssell", str(sample)])
    assert result.exit_code == 0, result.output
    ratio = re.search(r"precision@5\s*│\s*([\d.]+)\s*│\s*([\d.]+)", result.output)
    assert ratio, result.output
    assert float(ratio[1]) >= 1.3 * float(ratio[2])
    assert "recall@10" in result.output and "map@10" in result.output
    failed = runner.invoke(app, ["eval", "crosssell", str(sample), "--min-lift", "100"])
    assert failed.exit_code == 1 and "below 100.00x popularity" in failed.output


def test_eval_refuses_a_directory_that_is_no_sample(tmp_path: Path) -> None:
    for command in ("churn", "crosssell"):
        result = runner.invoke(app, ["eval", command, str(tmp_path)])
        assert result.exit_code == 2
        assert "is not a sample market" in result.output


def test_eval_churn_refuses_bad_seeds(sample: Path) -> None:
    """``--seeds`` is checked before anything is generated, and excludes a SAMPLE."""
    bad = runner.invoke(app, ["eval", "churn", "--seeds", "1-x"])
    assert bad.exit_code == 2 and "is not a list of seeds" in bad.output
    both = runner.invoke(app, ["eval", "churn", str(sample), "--seeds", "8"])
    assert both.exit_code == 2 and "not both" in both.output
