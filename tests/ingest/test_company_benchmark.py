"""The company benchmark built from real listed companies (``pytickersymbols``): its data is
sound and reproducible. No score floors here: they come after tuning on ``dev``."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accountgraph.cli import app
from graph.adapters.ladybug import LadybugStore
from ingest.records.company_benchmark import (
    CRM,
    ERP,
    KEYS,
    MAPPING,
    MKT,
    PARTS,
    load_companies,
    part_of,
    write_company_benchmark,
)
from ingest.records.evaluate import evaluate_resolution
from ingest.resolve import EntityRecord, Resolution, evaluate

ROOT = Path(__file__).resolve().parents[2]
Ref = tuple[str, str]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {part: write_company_benchmark(part, tmp_path_factory.mktemp(part)) for part in PARTS}


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _rows(root: Path, file: str) -> dict[str, dict[str, str]]:
    with (root / file).open(encoding="gb18030" if file == ERP else "utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    keyed = {row[KEYS[file][0]]: row for row in rows}
    assert len(keyed) == len(rows), f"{file}: a key is used twice"
    return keyed


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _ref(d: object) -> Ref:
    assert isinstance(d, dict)
    return (d["file"], d["key"])


def _company_of(root: Path) -> dict[Ref, int]:
    """Each truth record's company (the line number of its group)."""
    out: dict[Ref, int] = {}
    for n, group in enumerate(_jsonl(root / "ground_truth" / "duplicates.jsonl")):
        records = group["records"]
        assert group["entity"] == "company" and isinstance(records, list) and len(records) >= 2
        for record in records:
            assert _ref(record) not in out, f"{record} is in two truth groups"
            out[_ref(record)] = n
    return out


def test_two_builds_are_byte_identical_whatever_the_hash_seed(built: dict[str, Path], tmp_path: Path) -> None:
    again = write_company_benchmark("dev", tmp_path / "again")
    assert _files(again) == _files(built["dev"])
    code = "import sys; from pathlib import Path; from ingest.records.company_benchmark import *; "
    code += "write_company_benchmark('dev', Path(sys.argv[1]))"
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, str(tmp_path / seed)], check=True, cwd=ROOT, env=env)
        assert _files(tmp_path / seed) == _files(built["dev"]), f"PYTHONHASHSEED={seed}"


def test_the_halves_are_disjoint_and_cover_the_list(built: dict[str, Path]) -> None:
    companies = load_companies()
    halves = {part: {c.name for c in companies if part_of(c.name) == part} for part in PARTS}
    assert not halves["dev"] & halves["test"]
    assert len(halves["dev"]) + len(halves["test"]) == len(companies) > 1500
    for part, root in built.items():
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["companies"] == len(halves[part]) > 700
    isins = {part: {r["isin"] for r in _rows(root, CRM).values()} - {""} for part, root in built.items()}
    assert isins["dev"] and isins["test"] and not isins["dev"] & isins["test"]


@pytest.mark.parametrize("part", PARTS)
def test_every_truth_record_exists_in_its_export(built: dict[str, Path], part: str) -> None:
    root = built[part]
    keys = {file: set(_rows(root, file)) for file in (CRM, ERP, MKT)}
    company_of = _company_of(root)
    assert len(company_of) > 1000
    for file, key in company_of:
        assert key in keys[file], (file, key)
    # some companies are held once (no truth line), most two or three times, some twice in the leads
    assert sum(len(k) for k in keys.values()) - len(company_of) > 50
    leads = Counter(company_of[ref] for ref in company_of if ref[0] == MKT)
    assert 2 in leads.values()


@pytest.mark.parametrize("part", PARTS)
def test_every_hard_negative_names_two_different_companies(built: dict[str, Path], part: str) -> None:
    root = built[part]
    company_of = _company_of(root)
    rows = {file: _rows(root, file) for file in (CRM, ERP, MKT)}
    pairs = _jsonl(root / "ground_truth" / "hard_negatives.jsonl")
    assert len(pairs) > 50
    for pair in pairs:
        a, b = _ref(pair["a"]), _ref(pair["b"])
        assert a[1] in rows[a[0]] and b[1] in rows[b[0]], pair
        assert a != b and (a not in company_of or company_of.get(a) != company_of.get(b)), pair


def test_the_erp_export_is_gb18030(built: dict[str, Path]) -> None:
    raw = (built["dev"] / ERP).read_bytes()
    text = raw.decode("gb18030")
    assert any(not ch.isascii() for ch in text)  # "SOCIÉTÉ ANONYME", "Sociedad Anónima", ...
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def test_every_record_passes_the_mappings(built: dict[str, Path]) -> None:
    store = LadybugStore().open()
    try:
        run = evaluate_resolution(store, built["dev"], MAPPING)
    finally:
        store.close()
    written = sum(len(_rows(built["dev"], file)) for file in (CRM, ERP, MKT))
    assert run.records("Company") == written and run.scores.truth_records_missing == 0
    assert run.scores.hard_negatives == len(_jsonl(built["dev"] / "ground_truth" / "hard_negatives.jsonl"))


def test_hard_negatives_named_as_records_are_counted(tmp_path: Path) -> None:
    def rec(source: str, key: str) -> EntityRecord:
        return EntityRecord("Company", source, key, ("Acadia",))

    (tmp_path / "duplicates.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "hard_negatives.jsonl").write_text(
        '{"entity": "company", "a": {"file": "crm.csv", "key": "1"}, "b": {"file": "erp.csv", "key": "7"}}\n'
        '{"entity": "company", "a": {"file": "erp.csv", "key": "7"}, "b": {"file": "crm.csv", "key": "1"}}\n'
        '{"a": {"file": "crm.csv", "key": "1"}, "b": {"file": "erp.csv", "key": "8"}}\n',
        encoding="utf-8",
    )
    resolution = Resolution([[rec("crm.csv", "1"), rec("erp.csv", "7")], [rec("erp.csv", "8")]], [], [])
    scores = evaluate(resolution, tmp_path)
    assert (scores.hard_negatives, scores.hard_negatives_merged) == (2, 1)


def test_cli_refuses_an_unknown_part() -> None:
    result = CliRunner().invoke(app, ["eval", "resolution", "--companies", "train"])
    assert result.exit_code == 2 and "dev, test" in result.output


#: part -> (F1, precision) floors just under what resolution measures; dev is tuned on, test held out
FLOORS = {"dev": (0.975, 0.99), "test": (0.955, 0.99)}


@pytest.mark.parametrize("part", PARTS)
def test_resolution_holds_its_scores_on_real_names(built: dict[str, Path], part: str) -> None:
    store = LadybugStore().open()
    try:
        scores = evaluate_resolution(store, built[part], MAPPING).scores
    finally:
        store.close()
    company = scores.per_kind["Company"]
    f1, precision = FLOORS[part]
    assert company.f1 >= f1 and company.precision >= precision, company
    assert scores.hard_negatives_merged <= 0.01 * scores.hard_negatives
