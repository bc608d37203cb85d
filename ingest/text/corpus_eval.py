"""Score extraction on a hand-written corpus: P/R/F1 per relation and language, trap hits, hedges.

Each part is loaded from its CRM alone into a fresh store (``open_store``), its notes are
extracted, and every note's extracted facts are matched with its truth: both ends the same
entity (CRM ids; a person the CRM does not know by name, honorific dropped, order ignored)
and the compared properties equal (title among the listed forms and current flag, role and
stance, contract end). An extracted fact equal to one of the note's traps is a false positive
and a trap hit; a hedged fact extracted with confidence 0.7 or more is counted as said too sure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import GraphStore
from ingest.normalize.person import person_name_key
from ingest.normalize.text import fold

from ._extract import Extraction, Fact
from ._pipeline import TextPipeline
from .corpus import RELATIONS, Part, load_crm, read_corpus
from .evaluate import Counts, Error, Scores

CERTAIN = 0.7  # a hedged fact extracted at this confidence or more was said too sure
#: the issue's floors: F1 per group and language, and precision overall
CORPUS_FLOORS = {
    "WORKS_AT": 0.85,
    "DECISION_ROLE": 0.85,
    "REPORTS_TO": 0.75,
    "USES": 0.75,
    "SUPPLIES": 0.75,
    "INTERESTED_IN": 0.75,
}
PRECISION_FLOOR = 0.90
Key = tuple[str, str, str, str]


@dataclass
class CorpusScores(Scores):
    trap_hits: list[Error] = field(default_factory=list)
    too_sure: list[Error] = field(default_factory=list)  # hedged facts extracted as certain
    notes: dict[str, int] = field(default_factory=dict)  # lang -> notes scored

    def summary(self) -> str:
        total = self.counts(RELATIONS)
        langs = ", ".join(f"{n} {lang}" for lang, n in sorted(self.notes.items()))
        return (
            f"notes: {langs}; all relations P {total.precision:.3f} R {total.recall:.3f} F1 {total.f1:.3f}; "
            f"trap hits {len(self.trap_hits)}; hedged facts said as certain {len(self.too_sure)}"
        )

    def below_floors(self) -> list[str]:
        out = [
            f"{rel} {lang}: F1 {self.counts((rel,), lang).f1:.3f} < {floor}"
            for rel, floor in CORPUS_FLOORS.items()
            for lang in sorted(self.notes)
            if self.counts((rel,), lang).tp + self.counts((rel,), lang).fn
            and self.counts((rel,), lang).f1 < floor
        ]
        precision = self.counts(RELATIONS).precision
        if precision < PRECISION_FLOOR:
            out.append(f"precision {precision:.3f} < {PRECISION_FLOOR}")
        if self.trap_hits:
            out.append(f"{len(self.trap_hits)} trap hit(s)")
        return out


def evaluate_corpus(root: Path, open_store: Callable[[], GraphStore]) -> CorpusScores:
    """Extract every part of the corpus at ``root`` against its own CRM and score it."""
    scores = CorpusScores()
    for part in read_corpus(root):
        store = open_store()
        try:
            store.create_schema()
            load_crm(store, part)
            pipeline = TextPipeline.from_store(store)
            _score_part(part, pipeline, scores)
        finally:
            store.close()
    return scores


class _Refs:
    """Canonical names of a part's entities, for truth and extraction alike."""

    def __init__(self, part: Part, pipeline: TextPipeline) -> None:
        self.labels = part.labels()
        self.contacts: dict[str, str] = {
            person_name_key(c["name"]): str(c["id"]) for c in part.crm.get("contacts", [])
        }
        self.topics: dict[str, str] = {}
        for t in part.crm.get("topics", []):
            for surface in (t.get("en"), t.get("zh"), *(t.get("aliases") or [])):
                if surface:
                    self.topics[fold(surface)] = t["id"]
        self.gz = pipeline.gz

    def truth(self, ref: str) -> str:
        if ref in self.labels:
            return ref
        key = person_name_key(ref)
        return self.contacts.get(key, "name:" + key)

    def extracted(self, end: tuple[str, str, str], ex: Extraction) -> str:
        label, node_id, surface = end
        if node_id in self.labels:
            return node_id
        if label == "Person":
            return "name:" + person_name_key(ex.new_people.get(node_id, (surface, ""))[0])
        if label == "Topic":
            for text in (surface, self.gz.topics.get(node_id, "")):
                if fold(text) in self.topics:
                    return self.topics[fold(text)]
            return "topic:" + fold(surface)
        return node_id


def _title(text: str) -> str:
    text = re.sub(r"[,.;:()（）、，]|\bthe\b|的", " ", fold(text))
    return " ".join(text.split())


def _key(rel: str, subj: str, obj: str, props: dict[str, Any]) -> Key:
    return (rel, subj, obj, str(props.get("role") or "") if rel == "DECISION_ROLE" else "")


def _props_match(rel: str, want: dict[str, Any], got: dict[str, Any], *, partial: bool = False) -> bool:
    """``partial``: only the properties ``want`` states are compared (a trap's)."""
    if rel == "WORKS_AT":
        titles = want.get("title") or []
        titles = [titles] if isinstance(titles, str) else titles
        if (titles or not partial) and _title(str(got.get("title") or "")) not in {
            _title(t) for t in titles or [""]
        }:
            return False
        return not ("current" in want or not partial) or want.get("current", True) == got.get("current", True)
    if rel == "DECISION_ROLE":
        return ("stance" not in want and partial) or want.get("stance", "neutral") == (
            got.get("stance") or "neutral"
        )
    if rel == "USES":
        return ("contract_end" not in want and partial) or str(want.get("contract_end") or "") == str(
            got.get("contract_end") or ""
        )
    return True


def _score_part(part: Part, pipeline: TextPipeline, scores: CorpusScores) -> None:
    refs = _Refs(part, pipeline)
    notes = {n["doc_id"]: n for n in part.notes}
    for doc, ex in pipeline.run(part.documents()):
        note = notes[doc.doc_id]
        lang = note["lang"]
        scores.notes[lang] = scores.notes.get(lang, 0) + 1
        want = {
            _key(f["rel"], refs.truth(f["subject"]), refs.truth(f["object"]), f): f
            for f in note.get("facts", [])
        }
        traps = [
            (_key(t["rel"], refs.truth(t["subject"]), refs.truth(t["object"]), t), t)
            for t in note.get("traps", [])
        ]
        got: dict[Key, Fact] = {}
        for f in ex.facts:
            if f.relation in RELATIONS:
                key = _key(f.relation, refs.extracted(f.subject, ex), refs.extracted(f.object, ex), f.props)
                got.setdefault(key, f)
        for key in sorted(want.keys() | got.keys()):
            c = scores.by.setdefault((key[0], lang), Counts())
            truth, fact = want.get(key), got.get(key)
            if truth is not None and fact is not None and _props_match(key[0], truth, fact.props):
                c.tp += 1
                if truth.get("hedged") and fact.confidence >= CERTAIN:
                    scores.too_sure.append(_error(doc.doc_id, lang, "too sure", key, truth, fact))
                continue
            if fact is not None:
                c.fp += 1
                err = _error(doc.doc_id, lang, "extra", key, None, fact)
                scores.errors.append(err)
                if any(k == key and _props_match(key[0], t, fact.props, partial=True) for k, t in traps):
                    scores.trap_hits.append(err)
            if truth is not None:
                c.fn += 1
                scores.errors.append(_error(doc.doc_id, lang, "missed", key, truth, None))


def _error(
    doc_id: str, lang: str, kind: str, key: Key, truth: dict[str, Any] | None, fact: Fact | None
) -> Error:
    if fact is not None:
        props = {k: v for k, v in fact.props.items() if k in ("title", "current", "stance", "contract_end")}
        detail = f"{props}" if props else ""
        return Error(
            doc_id, lang, kind, (*key[:3], f"{key[3]} {detail}".strip()), (fact.subject[2], fact.object[2]),
            fact.rule, fact.sentence,
        )  # fmt: skip
    assert truth is not None
    props = {k: v for k, v in truth.items() if k in ("title", "current", "stance", "contract_end", "hedged")}
    return Error(
        doc_id, lang, kind, (*key[:3], f"{key[3]} {props}".strip()), (truth["subject"], truth["object"])
    )
