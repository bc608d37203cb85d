"""Text into the store: documents, mentions and facts with evidence; reruns; bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from graph import GraphStore
from ingest.records import read_rejects
from ingest.text import ingest_text
from ingest.text._documents import MAX_BYTES

from .conftest import DATA, TextGraph


def _notes(sample: Path, target: Path, n: int) -> Path:
    """The first ``n`` notes and three e-mails of the sample, copied to ``target``."""
    target.mkdir()
    lines = (sample / "notes" / "notes.jsonl").read_text(encoding="utf-8").splitlines()[:n]
    (target / "notes.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for eml in sorted((sample / "notes" / "emails").glob("*.eml"))[:3]:
        shutil.copy(eml, target / eml.name)
    return target


def test_ingest_writes_facts_with_evidence_and_reruns_write_nothing(
    text_graph: TextGraph, tmp_path: Path
) -> None:
    store = text_graph.store
    src = _notes(text_graph.sample, tmp_path / "notes", 120)
    first = ingest_text(store, [src], "text-1", tmp_path / "run1", pipeline=text_graph.pipeline)
    assert first.documents == 123
    assert first.edges_written > 0 and first.nodes_written > 0
    assert first.facts["WORKS_AT"] > 0 and first.facts["USES"] > 0
    assert first.facts["EVALUATING"] > 0 and not first.not_stored, "every extracted relation has a type"
    evaluating = [e for e in store.iter_edges("EVALUATING") if e.props.get("run_id") == "text-1"]
    assert evaluating and {e.end[0] for e in evaluating} <= {"Company", "Product"}
    again = ingest_text(store, [src], "text-2", tmp_path / "run2", pipeline=text_graph.pipeline)
    assert (again.documents, again.unchanged, again.nodes_written, again.edges_written) == (0, 123, 0, 0)

    # every edge the run wrote from text leads back to its sentence in the stored document
    checked = 0
    bodies = {
        row["id"]: row["text"]
        for row in map(json.loads, (src / "notes.jsonl").read_text(encoding="utf-8").splitlines())
    }
    for rel in ("WORKS_AT", "DECISION_ROLE", "USES", "INTERESTED_IN"):
        for edge in store.iter_edges(rel):
            if edge.props.get("run_id") != "text-1":
                continue
            assert 0 < edge.props["confidence"] <= 1
            for evidence in json.loads(edge.props["evidence"]):
                doc = store.get_node("Document", evidence["doc_id"])
                assert doc is not None and doc.props["source"] == "text"
                assert evidence["rule"].startswith(rel.lower())
                if evidence["doc_id"] in bodies:
                    body = bodies[evidence["doc_id"]]
                    assert evidence["sentence"] in body[evidence["start"] : evidence["end"]]
                    checked += 1
    assert checked >= 50


def test_mentions_point_at_their_text(text_graph: TextGraph, tmp_path: Path) -> None:
    src = tmp_path / "one.jsonl"
    line = (DATA / "handwritten_zh.jsonl").read_text(encoding="utf-8").splitlines()[0]
    src.write_text(line + "\n", encoding="utf-8")
    ingest_text(text_graph.store, [src], "text-mention", pipeline=text_graph.pipeline)
    body = json.loads(line)["text"]
    mentions = [e for e in text_graph.store.iter_edges("MENTIONS") if e.start == ("Document", "HW-ZH-001")]
    assert {e.end[0] for e in mentions} >= {"Company", "Person"}
    for e in mentions:
        assert body[e.props["offset_start"] : e.props["offset_end"]] in e.props["sentence"]


def test_bad_input_is_rejected_per_document(embedded_store: GraphStore, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (src / "huge.txt").write_bytes(b"Met Anna. " * (MAX_BYTES // 10 + 1))
    (src / "gbk.txt").write_bytes("拜访了天和汽车的王总，他们对云安全很感兴趣。".encode("gb18030"))
    (src / "latin1.txt").write_bytes("Müller GmbH is interested in energy efficiency.".encode("latin-1"))
    (src / "mail.eml").write_bytes(
        b"From: Rep <rep@meridian-mis.com>\r\nTo: x@example.com\r\nSubject: hi\r\n"
        b"Message-ID: <HTML-1.abc@meridian-mis.com>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        b"<html><body><p>Acme is interested in <b>cloud security</b>.</p><script>x()</script></body></html>"
    )
    big_note = {"id": "N-BIG", "lang": "en", "text": "word " * (MAX_BYTES // 4)}
    (src / "notes.jsonl").write_text(
        '{"id": "N-1", "lang": "en", "text": "Acme wants to hear more about lab automation."}\n'
        "{not json\n"
        '{"id": "N-2", "text": ""}\n' + json.dumps(big_note) + "\n",
        encoding="utf-8",
    )
    report = ingest_text(embedded_store, [src], "text-bad", tmp_path / "run")
    reasons = sorted(r.reason for r in read_rejects(tmp_path / "run" / "rejects.jsonl"))
    assert reasons == ["bad_json", "binary", "empty", "empty", "too_large", "too_large"]
    assert report.documents == 4  # gbk.txt, latin1.txt, mail.eml, N-1
    html = embedded_store.get_node("Document", "HTML-1")
    assert html is not None and html.props["kind"] == "email"
    gbk = embedded_store.get_node("Document", "gbk")
    assert gbk is not None and gbk.props["lang"] == "zh"


def test_documents_land_the_same_on_both_stores(store: GraphStore, tmp_path: Path) -> None:
    src = tmp_path / "notes.jsonl"
    src.write_text(
        '{"id": "N-1", "lang": "en", "at": "2026-05-01T10:00:00+00:00", "text": "Lots of questions about '
        'predictive maintenance. Next step: site visit."}\n'
        '{"id": "N-2", "lang": "zh", "text": "客户对节能降耗很感兴趣。"}\n',
        encoding="utf-8",
    )
    first = ingest_text(store, [src], "text-a")
    assert first.documents == 2
    assert ingest_text(store, [src], "text-b").nodes_written == 0
    counts = store.count_edges()
    assert counts["MENTIONS"] == 2
    assert {n.key for n in store.iter_nodes("Topic")} == {
        "TOPIC-predictive-maintenance",
        "TOPIC-energy-efficiency",
    }
