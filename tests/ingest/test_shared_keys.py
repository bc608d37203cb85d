"""Two sources keyed by one template (a CRM and an ERP both keyed ``C-{id}``): a key both
state for records that disagree is two nodes, the later source's under ``<source>:<key>``
with the edges that source draws to it, and one ``conflicting_source`` entry naming both
sources, the key and the property; records that agree stay one node. On both kinds of
node: resolved entities and plain ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.adapters.ladybug import LadybugStore
from ingest.records import ingest_directory, read_rejects
from tests.ingest.graph_facts import facts

MAPPING = """source: {source}
file: {file}
nodes:
  - label: Company
    key: "C-{{id}}"
    resolve: {resolve}
    props: {{name: {{column: name, required: true}}, city: city}}
"""
RELATIONS = """source: erp
file: erp_relations.csv
edges:
  - type: COMPETES_WITH
    from: {label: Company, key: "C-{from_id}"}
    to: {label: Company, key: "C-{to_id}"}
"""
FILES = {
    "crm_accounts.csv": "id,name,city\n1001,Acme Tools,Berlin\n1002,Beta Foods,Paris\n",
    "erp_customers.csv": "id,name,city\n1001,Zenith Mining,Lima\n1002,Beta Foods,\n1003,Gamma Rail,Rome\n",
    "erp_relations.csv": "from_id,to_id\n1001,1003\n",
}


def ingest(root: Path, run: str) -> tuple[list[str], list[dict[str, object]], int]:
    store = LadybugStore(root / "graph.lbdb").open()
    store.create_schema()
    try:
        report = ingest_directory(store, root / "files", root / "mappings", root / run, run)
        graph = [json.loads(line) for line in facts(store, ("ingested_at", "run_id", "content_hash"))]
    finally:
        store.close()
    rejects: list[dict[str, object]] = [
        {
            "file": Path(r.source).name,
            "line": r.line,
            "field": r.field,
            "reason": r.reason,
            "detail": r.detail,
        }
        for r in read_rejects(root / run / "rejects.jsonl")
    ]
    return [json.dumps(item, sort_keys=True) for item in graph], rejects, report.kept_apart


@pytest.mark.parametrize("resolve", ["true", "false"], ids=["resolved", "plain"])
def test_a_key_two_sources_disagree_on_is_two_nodes_and_reported(tmp_path: Path, resolve: str) -> None:
    (tmp_path / "files").mkdir()
    (tmp_path / "mappings").mkdir()
    for name, text in FILES.items():
        (tmp_path / "files" / name).write_text(text, encoding="utf-8")
    for number, (source, file) in enumerate([("crm", "crm_accounts.csv"), ("erp", "erp_customers.csv")], 1):
        mapping = MAPPING.format(source=source, file=file, resolve=resolve)
        (tmp_path / "mappings" / f"{number}.yaml").write_text(mapping, encoding="utf-8")
    (tmp_path / "mappings" / "3.yaml").write_text(RELATIONS, encoding="utf-8")

    graph, rejects, kept_apart = ingest(tmp_path, "run-1")

    items = [json.loads(line) for line in graph]
    names = {i["key"]: (i["props"]["name"], i["props"].get("city")) for i in items if i["kind"] == "node"}
    assert names == {
        "C-1001": ("Acme Tools", "Berlin"),  # the CRM's, as the CRM states it
        "erp:C-1001": ("Zenith Mining", "Lima"),  # the ERP's own company, not merged into it
        "C-1002": ("Beta Foods", "Paris"),  # both state it alike: one node
        "C-1003": ("Gamma Rail", "Rome"),
    }
    edges = [(i["start"][1], i["end"][1]) for i in items if i["kind"] == "edge"]
    assert edges == [("erp:C-1001", "C-1003")], "the ERP's edge ends at the ERP's company"
    assert kept_apart == 1
    [entry] = rejects
    assert entry | {"detail": ""} == {
        "file": "erp_customers.csv",
        "line": 2,
        "field": "city",
        "reason": "conflicting_source",
        "detail": "",
    }
    for named in ("'crm'", "'erp'", "'C-1001'", "'Berlin'", "'Lima'", "'erp:C-1001'"):
        assert named in str(entry["detail"])

    again, rejects_again, _ = ingest(tmp_path, "run-2")
    assert (again, rejects_again) == (graph, rejects), "a rerun makes the same choices and changes nothing"
