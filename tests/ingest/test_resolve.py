"""Entity resolution: quality floors on the scale-1 sample, scoring on hand-made pairs, determinism."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accountgraph.cli import app
from graph.adapters.ladybug import LadybugStore
from ingest.records import SAMPLE_MAPPINGS
from ingest.records.evaluate import ResolutionRun, evaluate_resolution
from ingest.resolve import EntityRecord, Resolution, Thresholds, resolve, score_pair
from ingest.sample import generate

PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.93


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("market")
    generate(root, seed=7, scale=1.0)
    return root


@pytest.fixture(scope="module")
def schema_store() -> Iterator[LadybugStore]:
    store = LadybugStore().open()
    yield store
    store.close()


@pytest.fixture(scope="module")
def sample_run(sample_dir: Path, schema_store: LadybugStore) -> ResolutionRun:
    return evaluate_resolution(schema_store, sample_dir, SAMPLE_MAPPINGS)


def company(source: str, key: str, *names: str, **fields: str) -> EntityRecord:
    return EntityRecord("Company", source, key, names, **fields)  # type: ignore[arg-type]


def keys(resolution: Resolution) -> list[list[str]]:
    return [[f"{r.source}:{r.key}" for r in cluster] for cluster in resolution.clusters]


# --- the sample market -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["Company", "Person"])
def test_quality_floors_on_the_sample(sample_run: ResolutionRun, kind: str) -> None:
    scores = sample_run.scores.per_kind[kind]
    assert scores.true_pairs > 100
    assert scores.precision >= PRECISION_FLOOR, scores
    assert scores.recall >= RECALL_FLOOR, scores


def test_no_hard_negative_is_merged(sample_run: ResolutionRun) -> None:
    assert sample_run.scores.hard_negatives > 0
    assert sample_run.scores.hard_negatives_merged == 0


def test_every_record_in_exactly_one_cluster(sample_run: ResolutionRun) -> None:
    for kind, res in sample_run.resolutions.items():
        refs = [r.ref for cluster in res.clusters for r in cluster]
        assert len(refs) == len(set(refs)) == sample_run.records(kind) > 1000
        assert all(r.kind == kind for cluster in res.clusters for r in cluster)


def test_every_merge_carries_reasons(sample_run: ResolutionRun) -> None:
    for res in sample_run.resolutions.values():
        # Each multi-record cluster is explained by exactly (size - 1) merges: a spanning tree.
        assert len(res.merges) == sum(len(c) - 1 for c in res.clusters)
        for merge in res.merges:
            assert merge.reasons and merge.reasons[0].startswith("name ")
            t = Thresholds()
            assert merge.score >= t.high or (
                merge.score >= t.clear_best and merge.reasons[-1].startswith("each the other's best match")
            )
        cluster_of = res.cluster_ids()
        for pair in res.review:
            assert pair.score >= Thresholds().low and pair.reasons
            assert cluster_of[pair.a.ref] != cluster_of[pair.b.ref]


def test_people_carry_their_resolved_company(sample_run: ResolutionRun) -> None:
    company_ids = sample_run.node_ids["Company"]
    people = [r for c in sample_run.resolutions["Person"].clusters for r in c]
    linked = [p for p in people if p.company_key in company_ids]
    assert len(linked) > 0.95 * len(people)


def test_same_input_same_clusters(sample_run: ResolutionRun) -> None:
    records = [r for cluster in sample_run.resolutions["Company"].clusters for r in cluster]
    shuffled = list(records)
    random.Random(3).shuffle(shuffled)
    first, second = resolve(records), resolve(shuffled)
    assert keys(first) == keys(second)
    assert [(m.a.ref, m.b.ref, m.reasons) for m in first.merges] == [
        (m.a.ref, m.b.ref, m.reasons) for m in second.merges
    ]


def test_eval_command_prints_the_table(sample_dir: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "resolution", str(sample_dir)], env={"COLUMNS": "140"})
    assert result.exit_code == 0, result.output
    for text in ("Company", "Person", "overall", "hard negatives merged: 0", "time:"):
        assert text in result.output
    lines = {line.split("│")[1].strip(): line for line in result.output.splitlines() if line.count("│") > 5}
    precision = float(lines["Company"].split("│")[4])
    assert precision >= PRECISION_FLOOR


# --- hand-made pairs ---------------------------------------------------------------------------

RUIJIN = [
    company(
        "crm/accounts.csv", "CRM-1", "Shanghai Ruijin Hospital", "上海瑞金医院", city="Shanghai", country="CN"
    ),
    company("erp/customers.csv", "C10001", "上海瑞金醫院", city="Shanghai", country="CN"),
    company("marketing/leads.xlsx", "L-1", "Ruijin Hosp.", city="Shanghai", country="CN"),
]


def test_ruijin_in_three_spellings_merges() -> None:
    res = resolve(RUIJIN)
    assert len(res.clusters) == 1
    assert len(res.merges) == 2
    assert all("same city Shanghai" in m.reasons for m in res.merges)


def test_ruijin_pairs_score_high_with_named_evidence() -> None:
    crm, erp, lead = RUIJIN
    pair = score_pair(crm, erp)
    assert pair.score >= Thresholds().high
    assert "ruijin hospital" in pair.reasons[0]
    with_phone = score_pair(
        company("crm/accounts.csv", "CRM-1", "上海瑞金医院", phone="+862164370045"),
        company("erp/customers.csv", "C1", "上海瑞金醫院", phone="+862164370045"),
    )
    assert "same phone +862164370045" in with_phone.reasons
    assert score_pair(crm, lead).score >= Thresholds().high


def test_precision_machinery_is_not_precision_tools() -> None:
    a = company("crm/accounts.csv", "A", "Suzhou Precision Machinery Co., Ltd.", city="Suzhou", country="CN")
    b = company("crm/accounts.csv", "B", "Suzhou Precision Tools Co., Ltd.", city="Suzhou", country="CN")
    assert score_pair(a, b).score < Thresholds().low
    assert len(resolve([a, b]).clusters) == 2


def test_peoples_hospitals_in_two_cities_stay_apart() -> None:
    a = company("crm/accounts.csv", "A", "苏州市第一人民医院", city="Suzhou", country="CN")
    b = company("erp/customers.csv", "B", "无锡市第一人民医院")  # city only in the name
    pair = score_pair(a, b)
    assert pair.score < Thresholds().high
    assert any(r.startswith("different cities") for r in pair.reasons)
    assert len(resolve([a, b]).clusters) == 2


def test_hospital_ordinals_must_agree() -> None:
    a = company("crm/accounts.csv", "A", "Suzhou First People's Hospital", city="Suzhou")
    b = company("erp/customers.csv", "B", "苏州市第七人民医院", city="Suzhou")
    c = company("erp/customers.csv", "C", "苏州市第一人民医院", city="Suzhou")
    assert score_pair(a, b).score < Thresholds().low
    assert score_pair(a, c).score >= Thresholds().high


def test_conflicting_tax_numbers_veto_a_merge() -> None:
    a = company(
        "erp/customers.csv", "C1", "合肥通华电路板有限公司", tax_id="91340100103G5FR837", city="Hefei"
    )
    b = company(
        "erp/customers.csv", "C2", "合肥通华电路板有限责任公司", tax_id="91340100399D78F17K", city="Hefei"
    )
    assert score_pair(a, b).score < Thresholds().low
    renamed = company(
        "erp/customers.csv", "C3", "合肥通华电路板厂", tax_id="91340100103G5FR837", city="Hefei"
    )
    assert len(resolve([a, renamed]).clusters) == 1  # a re-registered firm keeps its tax number


def test_one_record_per_entity_sources_need_strong_evidence() -> None:
    # Two CRM accounts with the same name in one city (twins) stay apart without shared identifiers...
    a = company(
        "crm/accounts.csv",
        "A",
        "Hefei Tonghua Circuit Board Co., Ltd.",
        city="Hefei",
        domain="tonghua-pcb.cn",
    )
    b = company(
        "crm/accounts.csv",
        "B",
        "Hefei Tonghua Circuit Board Co., Ltd.",
        city="Hefei",
        domain="tonghua-pcb.com",
    )
    assert len(resolve([a, b]).clusters) == 2
    # ...and an ambiguous lead that matches both equally joins neither.
    lead = company("marketing/leads.xlsx", "L-1", "Tonghua Circuit Board", city="Hefei")
    res = resolve([a, b, lead])
    assert len(res.clusters) == 3
    assert res.review


def test_people_across_scripts_and_sources() -> None:
    contact = EntityRecord(
        "Person", "crm/contacts.csv", "CON-1", ("Tingyao Guo", "郭婷瑶"), email="tguo@xianghong-jy.com.cn",
        company_key="co-1",
    )  # fmt: skip
    lead = EntityRecord("Person", "marketing/leads.xlsx", "L-9", ("GUO Tingyao",), company_key="co-1")
    namesake = EntityRecord(
        "Person", "crm/contacts.csv", "CON-2", ("郭婷瑶",), email="guo.tingyao@other.cn", company_key="co-2"
    )
    assert score_pair(contact, lead).score >= Thresholds().high
    assert score_pair(contact, namesake).score < Thresholds().low
    assert keys(resolve([contact, lead, namesake])) == [
        ["crm/contacts.csv:CON-1", "marketing/leads.xlsx:L-9"],
        ["crm/contacts.csv:CON-2"],
    ]


def test_job_change_links_one_person_at_two_employers() -> None:
    old = EntityRecord(
        "Person", "crm/contacts.csv", "CON-1", ("Liu Chaohao", "刘超豪"), email="liu.chaohao@a.cn",
        company_key="co-a", since=date(2019, 1, 1), until=date(2025, 3, 1), seniority="director",
    )  # fmt: skip
    new = EntityRecord(
        "Person", "crm/contacts.csv", "CON-2", ("Chaohao Liu",), email="chaohao.liu@b.cn",
        company_key="co-b", since=date(2025, 5, 10), seniority="director",
    )  # fmt: skip
    pair = score_pair(old, new)
    assert any(r.startswith("job change") for r in pair.reasons)
    assert len(resolve([old, new]).clusters) == 1
    same_time = EntityRecord(
        "Person", "crm/contacts.csv", "CON-3", ("Chaohao Liu",), company_key="co-b", since=date(2024, 5, 10)
    )
    assert len(resolve([old, same_time]).clusters) == 2


def test_kinds_never_mix() -> None:
    person = EntityRecord("Person", "crm/contacts.csv", "CON-1", ("Ruijin",))
    res = resolve([*RUIJIN, person])
    assert sorted(len(c) for c in res.clusters) == [1, 3]
    with pytest.raises(ValueError, match="cannot compare"):
        score_pair(RUIJIN[0], person)
