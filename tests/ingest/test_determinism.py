"""The same exports give the same graph whatever the hash seed or the order of their rows."""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.sample import generate

ROOT = Path(__file__).resolve().parents[2]
SHUFFLED = {"crm/accounts.csv": "utf-8", "crm/contacts.csv": "utf-8", "erp/customers.csv": "gb18030"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("market") / "sample"
    generate(out, seed=11, scale=0.3)
    return out


def _shuffled_copy(sample: Path, out: Path) -> Path:
    """The sample with the rows of its entity files (CSV and JSONL) in another order."""
    shutil.copytree(sample, out)
    rng = random.Random(5)
    for rel, encoding in SHUFFLED.items():
        with (sample / rel).open(encoding=encoding, newline="") as f:
            header, *rows = list(csv.reader(f))
        rng.shuffle(rows)
        with (out / rel).open("w", encoding=encoding, newline="") as f:
            csv.writer(f).writerows([header, *rows])
    lines = (sample / "market/companies.jsonl").read_text("utf-8").splitlines()
    rng.shuffle(lines)
    (out / "market/companies.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _facts(root: Path, out: Path, seed: int) -> list[str]:
    env = os.environ | {"PYTHONHASHSEED": str(seed)}
    cmd = [sys.executable, "-m", "tests.ingest.determinism_child", str(root), str(out)]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return out.read_text("utf-8").splitlines()


def test_three_hash_seeds_and_two_row_orders_give_identical_exports(sample: Path, tmp_path: Path) -> None:
    reference = _facts(sample, tmp_path / "seed1.jsonl", 1)
    companies = [json.loads(line) for line in reference if '"label": "Company"' in line]
    assert any(len(c["props"].get("source_keys") or []) > 1 for c in companies), "the sample has merges"
    for seed in (2, 3):
        assert _facts(sample, tmp_path / f"seed{seed}.jsonl", seed) == reference, f"hash seed {seed}"
    shuffled = _shuffled_copy(sample, tmp_path / "shuffled")
    for seed in (1, 3):
        assert _facts(shuffled, tmp_path / f"shuffled{seed}.jsonl", seed) == reference, (
            f"rows in another order, hash seed {seed}"
        )
