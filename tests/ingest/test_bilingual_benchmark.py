"""The bilingual part of the company benchmark: real Chinese companies written in Chinese by an
ERP and in English by a CRM (``corpora/companies_zh_en``), with look-alike distinct companies."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from graph.adapters.ladybug import LadybugStore
from ingest.records.bilingual_benchmark import CORPUS, load, write_bilingual_benchmark
from ingest.records.company_benchmark import CRM, ERP, MAPPING, PARTS
from ingest.records.evaluate import evaluate_resolution


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {part: write_bilingual_benchmark(part, tmp_path_factory.mktemp(part)) for part in PARTS}


def test_the_halves_hold_different_companies() -> None:
    names = {}
    for part in PARTS:
        with (CORPUS / f"{part}.csv").open(encoding="utf-8", newline="") as f:
            names[part] = {row["zh_name"] for row in csv.DictReader(f)}
        assert len(names[part]) >= 150
    assert not names["dev"] & names["test"]


def test_two_builds_are_byte_identical(built: dict[str, Path], tmp_path: Path) -> None:
    again = write_bilingual_benchmark("test", tmp_path)
    for file in (CRM, ERP, "ground_truth/duplicates.jsonl", "ground_truth/hard_negatives.jsonl"):
        assert (again / file).read_bytes() == (built["test"] / file).read_bytes(), file


def test_a_company_is_written_in_both_scripts(built: dict[str, Path]) -> None:
    """The CRM holds English names, the GB18030 ERP Chinese ones; most truth groups span both."""
    crm = (built["dev"] / CRM).read_text(encoding="utf-8")
    erp = (built["dev"] / ERP).read_text(encoding="gb18030")
    assert "Limited" in crm and "股份有限公司" in erp
    lines = (built["dev"] / "ground_truth" / "duplicates.jsonl").read_text(encoding="utf-8").splitlines()
    groups = [json.loads(line) for line in lines]
    across = [g for g in groups if {CRM, ERP} <= {r["file"] for r in g["records"]}]
    assert len(across) >= 0.6 * len(groups)


def test_look_alikes_are_distinct_companies_of_the_list() -> None:
    companies, pairs = load("test")
    assert len(pairs) >= 40
    assert all(a.zh_name != b.zh_name for a, b in pairs)
    assert {a.zh_name for a, _ in pairs} <= {c.zh_name for c in companies}


#: part -> (F1, precision) floors just under what resolution measures; dev is tuned on, test held out
FLOORS = {"dev": (0.835, 0.97), "test": (0.80, 0.97)}


@pytest.mark.parametrize("part", PARTS)
def test_resolution_holds_its_scores_across_scripts(built: dict[str, Path], part: str) -> None:
    store = LadybugStore().open()
    try:
        scores = evaluate_resolution(store, built[part], MAPPING).scores
    finally:
        store.close()
    company = scores.per_kind["Company"]
    f1, precision = FLOORS[part]
    assert company.f1 >= f1 and company.precision >= precision, company
    assert scores.hard_negatives_merged <= 0.01 * scores.hard_negatives
