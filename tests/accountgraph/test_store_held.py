"""While ``accountgraph serve`` holds the embedded store, the read commands (``stats``,
``runs``, ``export``) read it read-only, and a command that writes is refused in one line
naming the store and the server's process id (exit status 3)."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph.adapters.ladybug._files import translate
from graph.errors import StoreUnavailable
from tests.ingest.test_malformed_records import accountgraph, environment
from tests.ingest.text.test_malformed_notes import CRM, MAPPING


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, str], Path, int]]:
    """A store with two companies and an ingest run, held by a serving ``accountgraph serve``:
    the environment, the store's path and the server's process id."""
    root = tmp_path_factory.mktemp("held")
    (root / "crm").mkdir()
    (root / "crm" / "crm.csv").write_text(CRM, encoding="utf-8")
    (root / "crm.yaml").write_text(MAPPING, encoding="utf-8")
    env = environment(root)
    done = accountgraph(env, "ingest", "records", str(root / "crm"), "--mapping", str(root / "crm.yaml"))
    assert done.returncode == 0, done.stdout + done.stderr
    port = free_port()
    command = [
        sys.executable,
        "-c",
        "from accountgraph.cli import main; main()",
        "serve",
        "--port",
        str(port),
    ]
    log = root / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while server.poll() is None and time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        assert server.poll() is None, log.read_text(encoding="utf-8")
        yield env, root / "data" / "accountgraph.lbdb", server.pid
        assert httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=5).status_code == 200, "still serving"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_write_command_names_the_store_and_the_server_holding_it(
    served: tuple[dict[str, str], Path, int],
) -> None:
    env, path, pid = served
    done = accountgraph(env, "init")
    assert done.returncode == 3
    assert done.stderr.strip() == f"error: the embedded store {path} is in use by another process (PID {pid})"
    assert "Traceback" not in done.stdout + done.stderr


def test_stats_counts_the_held_store(served: tuple[dict[str, str], Path, int]) -> None:
    env, _, _ = served
    done = accountgraph(env, "stats")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"Company\s*│\s*node\s*│\s*2\s*│", done.stdout), done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_runs_lists_the_held_stores_runs(served: tuple[dict[str, str], Path, int]) -> None:
    env, _, _ = served
    done = accountgraph(env, "runs")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"ingest-\S+\s*│\s*ingest_records\s*│\s*completed", done.stdout), done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_export_writes_the_held_graph(served: tuple[dict[str, str], Path, int], tmp_path: Path) -> None:
    env, _, _ = served
    done = accountgraph(env, "export", "--out", str(tmp_path / "graph.jsonl"))
    assert done.returncode == 0, done.stdout + done.stderr
    items = [json.loads(line) for line in (tmp_path / "graph.jsonl").read_text(encoding="utf-8").splitlines()]
    companies = {
        i["key"]: i["props"]["name"] for i in items if i["kind"] == "node" and i["label"] == "Company"
    }
    assert companies == {"CRM-1": "Harbour Point Logistics", "CRM-2": "Qingdao Haixin Machinery"}


@pytest.mark.parametrize(
    "said",
    [
        "Cannot open database in read-only mode while checkpoint recovery is pending. If another process is "
        "checkpointing, retry after it finishes; otherwise reopen in read-write mode to complete recovery "
        "before reopening read-only.",
        "Couldn't replay shadow pages under read-only mode. Please re-open the database with read-write mode "
        "to replay shadow pages.",
    ],
    ids=["checkpoint-pending", "shadow-pages"],
)
def test_a_read_only_open_during_a_checkpoint_is_said_in_a_line(said: str) -> None:
    """LadybugDB 0.22 refuses a read-only open while the holder checkpoints (its messages, verbatim)."""
    error = translate(RuntimeError(said), "/data/ag.lbdb")
    assert isinstance(error, StoreUnavailable)
    assert (
        str(error)
        == "the embedded store /data/ag.lbdb is being checkpointed by the process holding it: try again"
    )
