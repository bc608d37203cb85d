"""Failures a user can fix end the command in a line, naming the path and the reason, with
exit status 3 and no traceback: the store locked by another process, its path a
directory or a file that is no database, the data folder a file. (A full disk and a
read-only folder: ``tests/graph/test_disk_full.py``.)"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from accountgraph.cli import main
from graph.adapters.ladybug import LadybugStore


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("STORE", "EMBEDDED_PATH", "CONFIG"):
        monkeypatch.delenv(f"ACCOUNTGRAPH_{name}", raising=False)
    monkeypatch.setenv("ACCOUNTGRAPH_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run the command line in this process; returns its error output after exit status 3."""
    monkeypatch.setattr(sys, "argv", ["accountgraph", *args])
    with pytest.raises(SystemExit) as done:
        main()
    out, err = capsys.readouterr()
    assert done.value.code == 3, out + err
    assert "Traceback" not in out + err
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.fixture
def held(env: Path) -> Iterator[Path]:
    """The data folder's store, held open by another process."""
    path = env / "data" / "accountgraph.lbdb"
    LadybugStore(path).open().close()
    code = "import ladybug, sys, time; db = ladybug.Database(sys.argv[1]); print('open', flush=True)"
    code += "; time.sleep(99)"
    with subprocess.Popen(
        [sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
            yield path
        finally:
            holder.kill()


def test_a_store_locked_by_another_process(
    held: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    line = run(monkeypatch, capsys, "store", "check")
    assert str(held) in line and "in use by another process (PID" in line


def test_a_store_path_that_is_a_directory(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / "graph.lbdb").mkdir()
    monkeypatch.setenv("ACCOUNTGRAPH_EMBEDDED_PATH", str(env / "graph.lbdb"))
    line = run(monkeypatch, capsys, "stats")
    assert line == f"error: the embedded store path {env / 'graph.lbdb'} is a directory, not a database"


def test_a_store_path_that_is_a_file_but_no_database(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / "notes.txt").write_text("not a graph\n", encoding="utf-8")
    monkeypatch.setenv("ACCOUNTGRAPH_EMBEDDED_PATH", str(env / "notes.txt"))
    line = run(monkeypatch, capsys, "store", "check")
    assert line == f"error: the embedded store path {env / 'notes.txt'} is not a LadybugDB database"


def test_a_data_folder_that_is_a_file(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / "data").write_text("", encoding="utf-8")
    line = run(monkeypatch, capsys, "store", "check")
    assert line == f"error: the embedded store's folder {env / 'data'} is a file, not a folder"
    line = run(monkeypatch, capsys, "init")
    assert line.startswith(f"error: cannot write {env / 'data'}: File exists")
