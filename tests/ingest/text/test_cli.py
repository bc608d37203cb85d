"""``accountgraph ingest text`` through the CLI module, on a store of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from accountgraph.cli_text import text_app

from .conftest import DATA


def test_ingest_command_reports_and_rejects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCOUNTGRAPH_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(
        text_app, ["ingest", str(DATA / "handwritten_zh.jsonl"), str(tmp_path / "empty.txt")]
    )
    assert result.exit_code == 1, result.output  # done, with a file rejected
    assert "documents extracted" in result.output
    assert "rejected: empty" in result.output
    runs = list((tmp_path / "data" / "runs").glob("text-*/rejects.jsonl"))
    assert len(runs) == 1 and '"empty"' in runs[0].read_text(encoding="utf-8")


def test_eval_command_needs_a_sample(tmp_path: Path) -> None:
    result = CliRunner().invoke(text_app, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert "text_facts.jsonl" in result.output
