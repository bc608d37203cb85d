"""Wrong input and unreachable stores end the command in one or two lines that name the
path, setting or store, with a non-zero exit and no traceback; ``--debug`` keeps the
traceback. (The store locked by another process: ``test_cli_failures.py``.)"""

from __future__ import annotations

import datetime as dt
import json
import socket
import sys
from pathlib import Path

import pytest

from accountgraph.cli import main
from accountgraph.cli_failures import Refusal
from graph.adapters.ladybug import LadybugStore


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("STORE", "EMBEDDED_PATH", "CONFIG", "NEO4J_URI"):
        monkeypatch.delenv(f"ACCOUNTGRAPH_{name}", raising=False)
    monkeypatch.setenv("ACCOUNTGRAPH_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run the command line in this process; its exit status and its error output."""
    monkeypatch.setattr(sys, "argv", ["accountgraph", *args])
    with pytest.raises(SystemExit) as done:
        main()
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert isinstance(done.value.code, int)
    return done.value.code, err.strip()


def refused(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The one line of a refusal (exit status 2)."""
    code, err = run(monkeypatch, capsys, *args)
    assert code == 2, err
    assert len(err.splitlines()) == 1, err
    return err


def with_company(env: Path, territory: str) -> None:
    store = LadybugStore(env / "data" / "accountgraph.lbdb").open()
    try:
        store.create_schema()
        row = {"id": "c1", "name": "Acme", "territory": territory, "source": "test", "run_id": "r1"}
        store.upsert_nodes("Company", [row | {"ingested_at": dt.datetime(2026, 1, 2, tzinfo=dt.UTC)}])
    finally:
        store.close()


def test_ingest_text_of_a_missing_path(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    line = refused(monkeypatch, capsys, "ingest", "text", str(env / "nowhere"))
    assert line == f"error: no such file or directory: {env / 'nowhere'}"
    assert not (env / "data" / "runs").exists()


def test_eval_text_of_a_missing_corpus_prints_no_markup(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    line = refused(monkeypatch, capsys, "eval", "text", "--corpus", str(env / "nowhere"))
    assert str(env / "nowhere") in line and "[" not in line


@pytest.mark.parametrize(
    ("root", "said"),
    [
        ("Company:NOPE", "--root Company:NOPE: no Company with key 'NOPE' in the embedded store"),
        ("Compnay:c1", "--root 'Compnay:c1' is not Label:key with a label of Company, Person"),
        ("Company", "--root 'Company' is not Label:key"),
    ],
)
def test_export_of_an_unknown_root_writes_no_file(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], root: str, said: str
) -> None:
    with_company(env, "North")
    line = refused(monkeypatch, capsys, "export", "--out", "sub.jsonl", "--root", root)
    assert line.startswith(f"error: {said}")
    assert not (env / "sub.jsonl").exists()
    code, _ = run(monkeypatch, capsys, "export", "--out", "sub.jsonl", "--root", "Company:c1")
    assert code == 0 and json.loads((env / "sub.jsonl").read_text().splitlines()[0])["key"] == "c1"


def test_a_settings_file_named_but_missing(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ACCOUNTGRAPH_CONFIG", str(env / "prod.toml"))
    line = refused(monkeypatch, capsys, "stats")
    assert line == f"error: the settings file {env / 'prod.toml'} (ACCOUNTGRAPH_CONFIG) does not exist"


def test_a_settings_file_that_is_not_toml(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / "accountgraph.toml").write_text('data_dir = "x"\nstore = "embedded\n', encoding="utf-8")
    line = refused(monkeypatch, capsys, "stats")
    assert line.startswith("error: the settings file accountgraph.toml is not valid TOML: ")
    assert line.endswith("(at line 2, column 18)")


def test_a_setting_that_does_not_validate_is_named_not_echoed(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ACCOUNTGRAPH_SAMPLE_SCALE", "-secret-7")
    line = refused(monkeypatch, capsys, "stats")
    assert line.startswith("error: setting sample_scale (ACCOUNTGRAPH_SAMPLE_SCALE or the settings file): ")
    assert "secret" not in line


def test_neo4j_not_reachable(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as probe:  # a port nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    uri = f"neo4j://127.0.0.1:{port}"
    monkeypatch.setenv("ACCOUNTGRAPH_STORE", "neo4j")
    monkeypatch.setenv("ACCOUNTGRAPH_NEO4J_URI", uri)
    code, err = run(monkeypatch, capsys, "stats")
    assert code == 3
    assert 1 <= len(err.splitlines()) <= 2, err
    assert err.splitlines()[-1].startswith("error: Neo4j is unavailable") and uri in err


def test_a_key_for_a_territory_no_account_has_is_created_with_a_warning(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with_company(env, "North")
    code, err = run(monkeypatch, capsys, "keys", "create", "--role", "rep", "--territory", "Nowhere")
    assert code == 0
    assert err == (
        "warning: no account in the embedded store has the territory 'Nowhere'; "
        "the key sees nothing there until one does"
    )
    code, err = run(monkeypatch, capsys, "keys", "create", "--role", "rep", "--territory", "North")
    assert code == 0 and err == ""
    keys = json.loads((env / "data" / "api_keys.json").read_text(encoding="utf-8"))["keys"]
    assert [k["territories"] for k in keys] == [["Nowhere"], ["North"]]


def test_debug_keeps_the_traceback(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["accountgraph", "--debug", "ingest", "text", str(env / "nowhere")])
    with pytest.raises(Refusal, match="no such file or directory"):
        main()


def test_sample_generate_into_a_path_it_cannot_create(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / "a-file").write_text("not a directory", encoding="utf-8")
    err = refused(monkeypatch, capsys, "sample", "generate", "--out", str(env / "a-file" / "sample"))
    assert "--out" in err and "a-file" in err and "cannot create" in err
