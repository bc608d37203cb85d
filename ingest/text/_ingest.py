"""Text ingestion into the store: Document, Activity and Topic nodes, MENTIONS, extracted facts.

A document whose body hash is already stored under its id is skipped, so a rerun writes
nothing. A fact that the graph already holds from a structured source (a CRM WORKS_AT)
is not overwritten: it is counted as corroborated and its sentence stays reachable
through the document's MENTIONS edges. People only known from text become Person nodes
with ``source = "text"``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import DanglingEdgeError, GraphStore, RunLog
from ingest.records.rejects import Reject, RejectsFile

from . import _evidence as evidence
from ._documents import TextDocument, read_documents
from ._extract import LABEL_OF, Extraction, Fact
from ._pipeline import TextPipeline

Progress = Callable[[str, int], None]
ACTIVITY_KIND = {"email": "email", "call_note": "call", "meeting_note": "meeting"}
FLUSH_DOCS = 200  # documents per write round


@dataclass
class TextReport:
    run_id: str
    documents: int = 0
    unchanged: int = 0
    nodes_written: int = 0
    edges_written: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    corroborated: int = 0  # facts already in the graph from a structured source
    not_stored: Counter[str] = field(default_factory=Counter)  # relation types the ontology lacks
    rejected: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


def body_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


class TextIngest:
    def __init__(self, store: GraphStore, run_id: str, pipeline: TextPipeline | None = None) -> None:
        self.store = store
        self.pipeline = pipeline or TextPipeline.from_store(store)
        self.report = TextReport(run_id)
        self.now = dt.datetime.now(dt.UTC)
        self.prov = {"source": "text", "run_id": run_id, "ingested_at": self.now}
        self._nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._edges: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)

    def run(
        self,
        docs: Iterator[TextDocument | Reject],
        rejects: RejectsFile | None,
        on_progress: Progress | None = None,
    ) -> TextReport:
        start = time.perf_counter()
        batch: list[TextDocument] = []
        for item in docs:
            if isinstance(item, Reject):
                self.report.rejected[item.reason] += 1
                if rejects is not None:
                    rejects.write(item)
                continue
            batch.append(item)
            if len(batch) >= FLUSH_DOCS:
                self._process(batch)
                batch = []
                if on_progress:
                    on_progress("documents", self.report.documents)
        self._process(batch)
        if on_progress:
            on_progress("documents", self.report.documents)
        self.report.seconds = time.perf_counter() - start
        return self.report

    def _process(self, batch: list[TextDocument]) -> None:
        if not batch:
            return
        fresh = self._changed(batch)
        self.report.unchanged += len(batch) - len(fresh)
        for doc, ex in self.pipeline.run(fresh):
            self.report.documents += 1
            self._document(doc, ex)
        self._flush()

    def _changed(self, batch: list[TextDocument]) -> list[TextDocument]:
        """Documents not yet stored with the same body (a rerun skips them)."""
        seen: dict[str, str] = {}
        existing = self.store.existing_keys("Document", [d.doc_id for d in batch])
        for key in existing:
            node = self.store.get_node("Document", key)
            seen[key] = str(node.props.get("body_hash")) if node else ""
        return [d for d in batch if seen.get(d.doc_id) != body_hash(d.body)]

    # ---- rows ------------------------------------------------------------------------
    def _document(self, doc: TextDocument, ex: Extraction) -> None:
        key = f"{doc.source}:{doc.line}"
        self._nodes["Document"].append(
            {
                "id": doc.doc_id,
                "kind": doc.kind,
                "lang": doc.lang,
                "at": doc.at,
                "title": doc.title or None,
                "body_hash": body_hash(doc.body),
                "source_key": key,
            }
            | self.prov
        )
        act = f"ACT-{doc.doc_id}"
        self._nodes["Activity"].append(
            {
                "id": act,
                "kind": ACTIVITY_KIND.get(doc.kind, "note"),
                "at": doc.at,
                "summary": doc.body[:500],
                "sentiment": ex.sentiment,
                "source_key": key,
            }
            | self.prov
        )
        for pid, (name, _company) in ex.new_people.items():
            self._nodes["Person"].append({"id": pid, "name": name, "source_key": key} | self.prov)
        gz = self.pipeline.gz
        for m in ex.mentions:
            label = LABEL_OF.get(m.label)
            if label is None or not m.node_id:
                continue
            if label == "Topic" and m.node_id in gz.topics:
                self._nodes["Topic"].append(
                    {"id": m.node_id, "name": gz.topics[m.node_id], "source_key": key} | self.prov
                )
            mid = f"{doc.doc_id}:{m.start}-{m.end}"
            self._edges[("MENTIONS", "Document", label)].append(
                {
                    "_from": doc.doc_id,
                    "_to": m.node_id,
                    "mention_id": mid,
                    "offset_start": m.start,
                    "offset_end": m.end,
                    "sentence": _sentence_of(doc.body, ex, m.start),
                    "sentiment": ex.sentence_sentiment(m.start),
                    "source_key": mid,
                    "confidence": 0.6 if m.new else 0.9,
                }
                | self.prov
            )
        account = next((f.subject[1] for f in ex.facts if f.subject[0] == "Company"), doc.account_id)
        if account in gz.company_names:
            self._edges[("ABOUT", "Activity", "Company")].append(
                {"_from": act, "_to": account, "source_key": key} | self.prov
            )
        for fact in ex.facts:
            self._fact(doc, fact)

    def _fact(self, doc: TextDocument, fact: Fact) -> None:
        rel = fact.relation
        self.report.facts[rel] += 1
        ends = (fact.subject[0], fact.object[0])
        known = self.store.registry.rels.get(rel)
        if known is None or ends not in known.endpoints:
            self.report.not_stored[rel] += 1
            return
        if (rel, fact.subject[1], fact.object[1]) in self.pipeline.gz.known_edges:
            self.report.corroborated += 1
            return
        key = (rel, fact.subject[1], fact.object[1])
        item = {
            "doc_id": doc.doc_id,
            "sentence": fact.sentence,
            "start": fact.start,
            "end": fact.end,
            "rule": fact.rule,
            "confidence": fact.confidence,
            "at": doc.at.date().isoformat() if doc.at else None,
            "states": {k: v for k, v in sorted(fact.props.items()) if isinstance(v, str | bool)},
        }
        items = evidence.merge(self.pipeline.gz.text_evidence.get(key, []), [item])
        self.pipeline.gz.text_evidence[key] = items  # the next note stating it adds to the list
        props = {k: v for k, v in fact.props.items() if k in self.store.registry.rel(rel).prop_names}
        if props.get("contract_end"):
            props["contract_end"] = dt.date.fromisoformat(props["contract_end"])
        if rel == "INTERESTED_IN":
            props |= {"weight": 1.0, "last_seen": doc.at.date() if doc.at else None}
        self._edges[(rel, *ends)].append(
            {
                "_from": fact.subject[1],
                "_to": fact.object[1],
                "source_key": f"{doc.doc_id}:{fact.start}",
                "evidence": evidence.dumps(items),
                "confidence": evidence.confidence(items),
            }
            | props
            | self.prov
        )

    def _flush(self) -> None:
        for label in ("Document", "Activity", "Person", "Topic"):
            rows = self._nodes.pop(label, [])
            if rows:
                self.report.nodes_written += self.store.upsert_nodes(label, _no_none(rows))
        for (rel, start, end), rows in list(self._edges.items()):
            try:
                self.report.edges_written += self.store.upsert_edges(rel, start, end, _no_none(rows))
            except DanglingEdgeError as exc:
                # a node deleted since the gazetteer was read: keep the rest, say which
                known = [
                    r
                    for r in rows
                    if (start, r["_from"]) not in exc.missing and (end, r["_to"]) not in exc.missing
                ]
                self.report.rejected["unknown_reference"] += len(rows) - len(known)
                if known:
                    self.report.edges_written += self.store.upsert_edges(rel, start, end, _no_none(known))
        self._edges.clear()


def _no_none(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Unset properties are omitted, never cleared (``None`` would clear a stored value)."""
    return [{k: v for k, v in r.items() if v is not None} for r in rows]


def _sentence_of(body: str, ex: Extraction, offset: int) -> str:
    for f in ex.facts:
        if f.start <= offset < f.end:
            return f.sentence
    lo = max(body.rfind(ch, 0, offset) for ch in ".。!?！？\n") + 1
    hi_candidates = [i for i in (body.find(ch, offset) for ch in ".。!?！？\n") if i >= 0]
    hi = min(hi_candidates) + 1 if hi_candidates else len(body)
    return body[lo:hi].strip()


def ingest_text(
    store: GraphStore,
    paths: list[Path],
    run_id: str,
    run_dir: Path | None = None,
    on_progress: Progress | None = None,
    pipeline: TextPipeline | None = None,
) -> TextReport:
    """Ingest TXT/HTML/EML/JSONL documents under ``paths``; rejects go to ``run_dir/rejects.jsonl``."""
    log = RunLog(store, run_id, "ingest_text", [str(p) for p in paths])
    log.start()
    ingest = TextIngest(store, run_id, pipeline)
    try:
        if run_dir is not None:
            with RejectsFile(run_dir / "rejects.jsonl") as rejects:
                report = ingest.run(read_documents(paths), rejects, on_progress)
        else:
            report = ingest.run(read_documents(paths), None, on_progress)
    except Exception as exc:
        log.fail(f"{type(exc).__name__}: {exc}")
        raise
    log.complete(
        {
            "read": report.documents + report.unchanged,
            "nodes_written": report.nodes_written,
            "edges_written": report.edges_written,
            "rejected": sum(report.rejected.values()),
        }
    )
    return report
