"""Score extraction against planted facts: precision, recall and F1 per relation and language.

Known entities are compared by graph id (the truth's canonical ids are translated
through the graph's ``source_keys``); people only known from text by company and family
name, since their ids are minted by whoever extracts them; topics by their surface.
A WORKS_AT needs the right title, a DECISION_ROLE the right role, a USES the right
contract end, where the truth states them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import GraphStore
from ingest.normalize.text import fold
from ingest.records import SAMPLE_MAPPINGS, RecordIngest, RejectsFile, sources_for

from ._documents import TextDocument, read_documents
from ._extract import Extraction, Fact
from ._gazetteer import Gazetteer
from ._name_forms import families_of
from ._pipeline import TextPipeline

GROUPS = {
    "WORKS_AT+title": ("WORKS_AT",),
    "DECISION_ROLE": ("DECISION_ROLE",),
    "competitor/supplier/product": ("USES", "EVALUATING", "SUPPLIES", "COMPETES_WITH"),
}
FLOORS = {"WORKS_AT+title": 0.85, "DECISION_ROLE": 0.85, "competitor/supplier/product": 0.80}
Key = tuple[str, ...]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Error:
    """One fact the extraction missed (``kind="missed"``) or invented (``"extra"``)."""

    doc_id: str
    lang: str
    kind: str
    key: Key
    surfaces: tuple[str, str]  # subject and object as the text names them
    rule: str = ""  # an extra's rule
    sentence: str = ""  # an extra's sentence, or the one that states a missed fact

    def describe(self) -> str:
        rel, subj, obj, prop = self.key
        what = f"{self.surfaces[0]} ({subj}) -> {self.surfaces[1]} ({obj})" + (f" [{prop}]" if prop else "")
        line = f"{self.doc_id} {self.lang} {rel} {self.kind}: {what}"
        return line + (f"\n    {self.rule or 'in'}: {self.sentence}" if self.sentence else "")


@dataclass
class Scores:
    by: dict[tuple[str, str], Counts] = field(default_factory=dict)  # (relation, lang)
    errors: list[Error] = field(default_factory=list)

    def counts(self, relations: Iterable[str], lang: str | None = None) -> Counts:
        total = Counts()
        for (rel, lg), c in self.by.items():
            if rel in relations and (lang is None or lg == lang):
                total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
        return total

    def table(self) -> str:
        rows = [f"{'relation':<30}{'lang':<6}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
        rels = sorted({r for r, _ in self.by})
        groups = [(g, m) for g, m in GROUPS.items() if (g,) != m]  # a one-relation group is its row
        for name, members in [*((r, (r,)) for r in rels), *groups]:
            for lang in ("en", "zh", None):
                c = self.counts(members, lang)
                if c.tp + c.fp + c.fn:
                    rows.append(
                        f"{name:<30}{lang or 'all':<6}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}"
                        f"{c.tp:>6}{c.fp:>6}{c.fn:>6}"
                    )
        return "\n".join(rows)


def load_truth(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return {row["doc_id"]: row for row in map(json.loads, f) if row}


def _entity(e: dict[str, Any], gz: Gazetteer, company: str) -> str:
    if e["type"] == "Person" and not e["id"].startswith("CON-"):
        return "new:" + str(e["id"])
    if e["type"] == "Topic":
        return "topic:" + fold(e["text"])
    return gz.source_key_map.get(str(e["id"]), str(e["id"]))


def _prop(rel: str, props: dict[str, Any]) -> str:
    if rel == "WORKS_AT":
        return fold(str(props.get("title") or ""))
    if rel == "DECISION_ROLE":
        return str(props.get("role") or "")
    if rel == "USES":
        return str(props.get("contract_end") or "")
    return ""


def truth_keys(row: dict[str, Any], gz: Gazetteer) -> set[Key]:
    return set(truth_facts(row, gz))


def truth_facts(row: dict[str, Any], gz: Gazetteer) -> dict[Key, tuple[str, str]]:
    """The planted facts' keys, each with the surfaces of its subject and object."""
    out: dict[Key, tuple[str, str]] = {}
    for f in row["facts"]:
        rel = f["relation"]
        subj, obj = _entity(f["subject"], gz, ""), _entity(f["object"], gz, "")
        out.setdefault(
            (rel, subj, obj, _prop(rel, f["properties"])), (f["subject"]["text"], f["object"]["text"])
        )
    return out


def _new_people(row: dict[str, Any]) -> dict[str, set[str]]:
    """The truth's people only known from text: id -> surname forms, from every surface used."""
    out: dict[str, set[str]] = {}
    for f in row["facts"]:
        for e in (f["subject"], f["object"]):
            if e["type"] == "Person" and not e["id"].startswith("CON-"):
                out.setdefault(e["id"], set()).update(families_of(e["text"]))
    return out


def extracted_keys(ex: Extraction, gz: Gazetteer, truth_new: dict[str, set[str]] | None = None) -> set[Key]:
    return set(extracted_facts(ex, gz, truth_new))


def extracted_facts(
    ex: Extraction, gz: Gazetteer, truth_new: dict[str, set[str]] | None = None
) -> dict[Key, Fact]:
    """Our new people count as the truth's when they share a surname form (ids are ours to mint)."""
    out: dict[Key, Fact] = {}
    for f in ex.facts:
        ends = []
        for label, node_id, text in (f.subject, f.object):
            if label == "Person" and node_id.startswith("TXT-"):
                fams = families_of(ex.new_people.get(node_id, (text, ""))[0]) | families_of(text)
                match = next((tid for tid, tf in (truth_new or {}).items() if tf & fams), node_id)
                ends.append("new:" + match)
            elif label == "Topic":
                ends.append("topic:" + fold(text))
            else:
                ends.append(node_id)
        out.setdefault((f.relation, ends[0], ends[1], _prop(f.relation, f.props)), f)
    return out


def _sentence_naming(ex: Extraction, body: str, surfaces: tuple[str, str]) -> str:
    """The document's first sentence that names both ends of a fact (else its subject), or ""."""
    texts = [body[a:b].strip() for a, b, _ in ex.sentences]
    both = (t for t in texts if surfaces[0] in t and surfaces[1] in t)
    return next(both, next((t for t in texts if surfaces[0] in t), ""))


def score(
    results: Iterable[tuple[str, str, Extraction]],
    truth: dict[str, dict[str, Any]],
    gz: Gazetteer,
    bodies: dict[str, str] | None = None,
) -> Scores:
    """``results``: (doc_id, lang, extraction); documents absent from ``truth`` are skipped.

    With ``bodies`` (doc_id -> text) a missed fact's error names the sentence that states it.
    """
    scores = Scores()
    for doc_id, lang, ex in results:
        row = truth.get(doc_id)
        if row is None:
            continue
        want, got = truth_facts(row, gz), extracted_facts(ex, gz, _new_people(row))
        lg = row.get("lang") or lang
        for key in sorted(want.keys() | got.keys()):
            c = scores.by.setdefault((key[0], lg), Counts())
            if key in want and key in got:
                c.tp += 1
            elif key in got:
                c.fp += 1
                f = got[key]
                surfaces = (f.subject[2], f.object[2] or gz.company_names.get(f.object[1], ""))
                scores.errors.append(Error(doc_id, lg, "extra", key, surfaces, f.rule, f.sentence))
            else:
                c.fn += 1
                sentence = _sentence_naming(ex, (bodies or {}).get(doc_id, ""), want[key])
                scores.errors.append(Error(doc_id, lg, "missed", key, want[key], "", sentence))
    return scores


def evaluate(pipeline: TextPipeline, paths: list[Path], truth_path: Path) -> Scores:
    """Extract from the documents under ``paths`` and score them against ``truth_path``."""
    docs = [d for d in read_documents(paths) if isinstance(d, TextDocument)]
    results = ((d.doc_id, d.lang, ex) for d, ex in pipeline.run(docs))
    return score(results, load_truth(truth_path), pipeline.gz, {d.doc_id: d.body for d in docs})


def evaluate_sample(pipeline: TextPipeline, sample_dir: Path) -> Scores:
    """The sample market's notes and e-mails against its planted facts."""
    return evaluate(pipeline, [sample_dir / "notes"], sample_dir / "ground_truth" / "text_facts.jsonl")


def error_lines(scores: Scores, group: str, lang: str | None = None) -> list[str]:
    """Each false negative and false positive of ``group`` (a GROUPS name or a relation), in words."""
    members = GROUPS.get(group, (group,))
    return [e.describe() for e in scores.errors if e.key[0] in members and (lang is None or e.lang == lang)]


def below_floors(scores: Scores) -> list[str]:
    """The groups and languages whose micro-F1 is under the issue's floors, in words."""
    return [
        f"{group} {lang}: F1 {scores.counts(members, lang).f1:.3f} < {FLOORS[group]}"
        for group, members in GROUPS.items()
        for lang in ("en", "zh")
        if scores.counts(members, lang).f1 < FLOORS[group]
    ]


# Sources the text pipeline does not read (orders, activities, soft relationships): left out
# of the evaluation graph to keep it quick; every entity and named fact is still loaded.
SKIPPED_SOURCES = frozenset({"order_lines.csv", "activities.jsonl", "relationships.csv"})


def load_sample_graph(
    store: GraphStore, sample_dir: Path, run_dir: Path, run_id: str = "eval-records"
) -> None:
    """Ingest the sample's structured records the text pipeline links against into ``store``."""
    sources = [s for s in sources_for(sample_dir, SAMPLE_MAPPINGS) if s.path.name not in SKIPPED_SOURCES]
    run_dir.mkdir(parents=True, exist_ok=True)
    with RejectsFile(run_dir / "rejects.jsonl") as rejects:
        RecordIngest(store, sources, run_id, rejects).run()
