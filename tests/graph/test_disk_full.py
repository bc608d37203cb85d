"""A full disk or a read-only folder stops a records ingest in a line or two, and a rerun
after space is freed gives the graph a clean run gives.

The test mounts a small tmpfs of its own under ``tmp_path`` (the suite runs as root here,
CI included), sized from the clean run's store so it fills mid-ingest, runs the command
line in a child process (LadybugDB may abort a process whose write failed), then grows
the tmpfs and reruns. It fails, never skips, when it cannot mount.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.adapters.ladybug import LadybugStore
from ingest.records import SAMPLE_MAPPINGS, ingest_directory
from ingest.sample import generate
from tests.ingest.graph_facts import facts

IGNORED = ("ingested_at", "run_id")  # which run wrote a fact, and when, differs
SCALE = 0.5


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("market") / "sample"
    generate(out, seed=7, scale=SCALE)
    return out


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs of 1 MB at ``tmp_path/disk``, unmounted after the test."""
    if os.geteuid() != 0:
        pytest.fail("this test mounts a tmpfs and must run as root (as the suite does on CI)")
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def remount(mount: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(mount)], check=True)


def accountgraph(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # an empty settings file off the full disk: no accountgraph.toml of the working directory applies
    empty = Path(tempfile.gettempdir()) / "accountgraph-disk-full-settings.toml"
    empty.write_text("", encoding="utf-8")
    env = os.environ | {"ACCOUNTGRAPH_DATA_DIR": str(data), "ACCOUNTGRAPH_CONFIG": str(empty)}
    command = [sys.executable, "-c", "from accountgraph.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)


def clean_run(sample: Path, folder: Path) -> tuple[list[str], int]:
    """The facts of a clean ingest on disk, and the bytes its store takes."""
    store = LadybugStore(folder / "graph.lbdb").open()
    store.create_schema()
    try:
        ingest_directory(store, sample, SAMPLE_MAPPINGS, folder / "run", "clean")
        reference = facts(store, IGNORED)
    finally:
        store.close()
    return reference, sum(f.stat().st_size for f in folder.glob("graph.lbdb*"))


def told_in_a_line_or_two(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 3, (result.returncode, result.stdout[-2000:], result.stderr[-2000:])
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 2, lines
    assert all(word in lines[0] for word in words), lines


def test_a_disk_full_mid_ingest_stops_cleanly_and_the_rerun_converges(
    sample: Path, disk: Path, tmp_path: Path
) -> None:
    reference, clean_bytes = clean_run(sample, tmp_path / "clean")
    data = disk / "data"
    remount(disk, f"size={clean_bytes // 2}")
    told_in_a_line_or_two(accountgraph(data, "ingest", "records", str(sample)), str(data), "free of")

    remount(disk, f"size={clean_bytes * 4}")  # space freed
    check = accountgraph(data, "store", "check")
    assert check.returncode == 0 and "ok" in check.stdout, check.stdout + check.stderr
    store = LadybugStore(data / "accountgraph.lbdb").open()
    try:
        edges = sum(store.count_edges().values())
    finally:
        store.close()
    assert edges < sum(1 for line in reference if line.startswith('{"kind": "edge"'))  # stopped mid-way

    rerun = accountgraph(data, "ingest", "records", str(sample))
    assert rerun.returncode == 1, rerun.stdout[-2000:] + rerun.stderr[-2000:]  # done, the planted rejects
    check = accountgraph(data, "store", "check")
    assert check.returncode == 0 and "ok" in check.stdout, check.stdout + check.stderr
    store = LadybugStore(data / "accountgraph.lbdb").open()
    try:
        assert facts(store, IGNORED) == reference
    finally:
        store.close()


def test_a_read_only_data_folder_is_told_in_a_line(sample: Path, disk: Path) -> None:
    data = disk / "data"
    remount(disk, "size=64m")
    assert accountgraph(data, "init").returncode == 0
    remount(disk, "ro")
    told_in_a_line_or_two(accountgraph(data, "ingest", "records", str(sample)), str(data), "read-only")
    told_in_a_line_or_two(accountgraph(data, "store", "check"), str(data), "read-only")
