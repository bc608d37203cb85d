"""Runs interrupted in the middle: killed, or their Neo4j server stopped and restarted.

The run happens in a child process (``tests.ingest.ingest_child``) that prints a line after
every batch. Killed: the test SIGKILLs it once several batches are in, so the kill lands
while it reads, transforms or writes the next one; a rerun must leave exactly the graph a
single clean run gives. Server restarted: the run waits for the server (its retries) and
completes with that same graph. On the embedded store the run is also killed with the
malformed corpus of ``test_malformed_records`` among the sample's files: its rejects,
refused rows and conflicts must not keep the rerun from the clean run's graph either.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from graph import GraphStore
from graph.adapters.ladybug import LadybugStore
from graph.adapters.neo4j import Neo4jStore
from ingest.records import SAMPLE_MAPPINGS, ingest_directory
from ingest.sample import generate
from tests.ingest.graph_facts import facts
from tests.ingest.test_malformed_records import write_corpus
from tools import neo4j_launcher
from tools.neo4j_launcher import Neo4jServer

ROOT = Path(__file__).resolve().parents[2]
IGNORED = ("ingested_at", "run_id")  # which run wrote a fact, and when, differs
KILL_AFTER = 10  # batch lines; the sample's run prints 18, the edges start at about the 8th
# with the corpus the run prints 32 lines (the corpus's at 7-20, the sample's edges after): three
# kill points drawn at random, from a fixed seed so that a failure replays
KILL_MALFORMED_AFTER = sorted(random.Random(2026).sample(range(2, 32), 3))


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("market") / "sample"
    generate(out, seed=7, scale=1.0)
    return out


@pytest.fixture(scope="module")
def reference(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    store = LadybugStore().open()
    store.create_schema()
    try:
        ingest_directory(store, sample, SAMPLE_MAPPINGS, tmp_path_factory.mktemp("clean"), "clean")
        return facts(store, IGNORED)
    finally:
        store.close()


@pytest.fixture(scope="module")
def malformed(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample's files and mappings with the malformed corpus's beside them."""
    root = tmp_path_factory.mktemp("malformed")
    shutil.copytree(sample, root / "files")
    shutil.copytree(SAMPLE_MAPPINGS, root / "mappings")
    write_corpus(root / "files", root / "mappings")
    return root / "files", root / "mappings"


@pytest.fixture(scope="module")
def malformed_reference(malformed: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    files, mappings = malformed
    store = LadybugStore().open()
    store.create_schema()
    try:
        report = ingest_directory(store, files, mappings, tmp_path_factory.mktemp("clean"), "clean")
        assert report.rejected["refused_by_store"] == 1 and report.rejected["formula_without_value"] == 2
        assert report.kept_apart == 1
        return facts(store, IGNORED)
    finally:
        store.close()


def start_child(args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.ingest.ingest_child", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | (env or {}),
    )


def kill_after(proc: subprocess.Popen[str], batches: int) -> list[str]:
    assert proc.stdout is not None
    seen: list[str] = []
    for line in proc.stdout:
        seen.append(line.strip())
        if len(seen) >= batches:
            proc.send_signal(signal.SIGKILL)
            break
    with proc:  # closes the pipes
        proc.wait(timeout=60)
        errors = proc.stderr.read() if proc.stderr else ""
    assert proc.returncode == -signal.SIGKILL, (seen, errors)
    assert not any(line.startswith("DONE") for line in seen)
    return seen


def test_embedded_run_killed_mid_way_then_rerun(sample: Path, reference: list[str], tmp_path: Path) -> None:
    path = tmp_path / "graph.lbdb"
    child = start_child(["embedded", str(path), str(sample), str(tmp_path / "run1"), "killed"])
    kill_after(child, KILL_AFTER)
    store = LadybugStore(path).open()
    try:
        check_killed_then_rerun(store, sample, reference, tmp_path)
    finally:
        store.close()


@pytest.mark.parametrize("lines", KILL_MALFORMED_AFTER)
def test_embedded_run_over_malformed_files_killed_mid_way_then_rerun(
    malformed: tuple[Path, Path], malformed_reference: list[str], tmp_path: Path, lines: int
) -> None:
    files, mappings = malformed
    path = tmp_path / "graph.lbdb"
    child = start_child(["embedded", str(path), str(files), str(tmp_path / "run1"), "killed", str(mappings)])
    kill_after(child, lines)
    store = LadybugStore(path).open()
    try:
        check_killed_then_rerun(store, files, malformed_reference, tmp_path, mappings)
    finally:
        store.close()


@pytest.mark.neo4j
def test_neo4j_run_killed_mid_way_then_rerun(
    neo4j_store: GraphStore, neo4j_server: Neo4jServer, sample: Path, reference: list[str], tmp_path: Path
) -> None:
    env = {"NEO4J_USER": neo4j_server.user, "NEO4J_PASSWORD": neo4j_server.password}
    args = ["neo4j", neo4j_server.uri, str(sample), str(tmp_path / "run1"), "killed"]
    kill_after(start_child(args, env), KILL_AFTER)
    check_killed_then_rerun(neo4j_store, sample, reference, tmp_path)


def check_killed_then_rerun(
    store: GraphStore, sample: Path, reference: list[str], tmp_path: Path, mappings: Path = SAMPLE_MAPPINGS
) -> None:
    killed = store.get_node("Run", "killed")
    assert killed is not None and killed.props["status"] == "running", "a killed run never says it finished"
    partial = sum(store.count_edges().values())  # none yet when killed among the nodes
    assert partial < sum(1 for line in reference if line.startswith('{"kind": "edge"'))
    report = ingest_directory(store, sample, mappings, tmp_path / "run2", "rerun")
    assert report.edges_written > 0
    assert facts(store, IGNORED) == reference
    rerun = store.get_node("Run", "rerun")
    assert rerun is not None and rerun.props["status"] == "completed"


@pytest.mark.neo4j
def test_neo4j_stopped_and_restarted_mid_run_the_run_waits_and_completes(
    sample: Path, reference: list[str], tmp_path: Path
) -> None:
    home, port = tmp_path / "home", neo4j_launcher.free_port()
    server = neo4j_launcher.start(tmp_path / "server", home=home, bolt_port=port)
    env = {"NEO4J_USER": server.user, "NEO4J_PASSWORD": server.password, "RETRY_FOR": "600"}
    child = start_child(["neo4j", server.uri, str(sample), str(tmp_path / "run"), "restarted"], env)
    assert child.stdout is not None
    try:
        for n, line in enumerate(child.stdout, start=1):
            if n == KILL_AFTER:
                server.stop()  # mid-run: the child's next batch finds no server
                server = neo4j_launcher.start(tmp_path / "server", home=home, bolt_port=port)
            if line.startswith("DONE"):
                break
        with child:
            child.wait(timeout=600)
            errors = child.stderr.read() if child.stderr else ""
        assert child.returncode == 0, errors
        # the driver retries a transaction for 30 s itself, then the port for ``retry_for``
        waited = re.search(r"will be retried|retrying in", errors)
        assert waited, "the run saw the server go away and waited for it"
        store = Neo4jStore(server.uri, server.user, server.password).open()
        try:
            assert facts(store, IGNORED) == reference
            run = store.get_node("Run", "restarted")
            assert run is not None and run.props["status"] == "completed"
        finally:
            store.close()
    finally:
        if child.poll() is None:
            child.kill()
        server.stop()
