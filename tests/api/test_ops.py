"""Operations: key management from the command line, demo mode, JSON logs without values."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from accountgraph.cli import app as cli
from api import KeyStore, create_app
from api._logging import JsonFormatter
from graph.adapters.ladybug import LadybugStore
from tests.api.conftest import LiveServer, settings


def test_keys_create_list_revoke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCOUNTGRAPH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    created = runner.invoke(cli, ["keys", "create", "--role", "rep", "--territory", "East", "--pii"])
    assert created.exit_code == 0, created.output
    secret = created.output.strip().splitlines()[-1]
    store = KeyStore(tmp_path / "api_keys.json")
    record = store.verify(secret)
    assert record is not None and record.territories == ["East"] and record.pii
    assert secret not in (tmp_path / "api_keys.json").read_text(encoding="utf-8")
    listed = runner.invoke(cli, ["keys", "list"])
    assert record.id in listed.output and secret not in listed.output
    assert runner.invoke(cli, ["keys", "revoke", record.id]).exit_code == 0
    assert store.verify(secret) is None
    assert runner.invoke(cli, ["keys", "revoke", record.id]).exit_code == 1
    assert runner.invoke(cli, ["keys", "create", "--role", "king"]).exit_code != 0


def test_demo_mode_runs_open_and_says_so(
    market_store: LadybugStore, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(market_store, settings(tmp_path, mode="demo"), tmp_path)
    with caplog.at_level(logging.WARNING), LiveServer(app) as url, httpx.Client(base_url=url) as client:
        me = client.post("/graphql", json={"query": "{ me { role pii } }"}).json()
    assert me == {"data": {"me": {"role": "admin", "pii": True}}}
    assert any("DEMO MODE" in r.getMessage() for r in caplog.records)


def test_json_logs_carry_only_allowed_fields() -> None:
    record = logging.LogRecord("accountgraph.api", logging.INFO, __file__, 1, "graphql", None, None)
    record.__dict__.update({"who": "key:abc", "operation": "Account", "email": "x@y.example"})
    line = json.loads(JsonFormatter().format(record))
    assert line["who"] == "key:abc" and line["operation"] == "Account" and "email" not in line
    assert io.StringIO(json.dumps(line)).read()
