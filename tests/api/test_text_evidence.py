"""A fact read from text serves every sentence that states it, through GraphQL."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from api import create_app
from graph.adapters.ladybug import LadybugStore
from ingest.text import Part, ingest_text, load_crm
from tests.api.conftest import Api, LiveServer, make_keys, settings

CRM = {
    "self": {"id": "SELF", "name": "Meridian Medical"},
    "companies": [{"id": "A-SAMC", "name": "St. Aldric Medical Center", "aliases": ["SAMC"]}],
    "contacts": [
        {"id": "C-KW", "name": "Karen Whitfield", "company": "A-SAMC", "title": "Chief Medical Officer"}
    ],
}
NOTES = [
    {
        "id": "N-1",
        "account_id": "A-SAMC",
        "at": "2026-03-02",
        "text": "Karen Whitfield makes the final decision.",
    },
    {
        "id": "N-2",
        "account_id": "A-SAMC",
        "at": "2026-04-09",
        "text": "Met SAMC again. Karen will make the final call.",
    },
]
QUERY = """{ company(key: "A-SAMC") { decisionRoles { edges {
    role stance confidence node { key } evidence { documentId sentence rule confidence at } } } } }"""


def _write(path: Path, notes: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(n) + "\n" for n in notes), encoding="utf-8")
    return path


def test_a_fact_stated_by_two_notes_lists_both(tmp_path: Path) -> None:
    store = LadybugStore().open()
    store.create_schema()
    try:
        load_crm(store, Part("t", CRM, [], tmp_path / "t.notes.jsonl"))
        ingest_text(store, [_write(tmp_path / "first.jsonl", NOTES[:1])], "text-1")
        ingest_text(store, [_write(tmp_path / "second.jsonl", NOTES[1:])], "text-2")
        ingest_text(
            store, [tmp_path / "first.jsonl", tmp_path / "second.jsonl"], "text-3"
        )  # a rerun adds nothing
        keys = make_keys(tmp_path)
        app = create_app(store, settings(tmp_path), tmp_path)
        with LiveServer(app) as url, httpx.Client(base_url=url, timeout=30) as client:
            edges = Api(client, keys, tmp_path).data(QUERY, "analyst")["company"]["decisionRoles"]["edges"]
    finally:
        store.close()
    assert len(edges) == 1
    edge = edges[0]
    assert (edge["role"], edge["node"]["key"]) == ("decision_maker", "C-KW")
    evidence = edge["evidence"]
    assert [e["documentId"] for e in evidence] == ["N-1", "N-2"]
    assert [e["at"] for e in evidence] == ["2026-03-02", "2026-04-09"]
    assert evidence[0]["sentence"] == "Karen Whitfield makes the final decision."
    assert "final call" in evidence[1]["sentence"]
    assert all(e["rule"].startswith("decision_role/en/") for e in evidence)
    # two independent statements are believed more than either one
    assert edge["confidence"] > max(e["confidence"] for e in evidence)
