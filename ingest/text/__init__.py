"""Text ingestion: bilingual (English, Chinese) extraction of people, roles, competitors,
suppliers and needs from notes and e-mails, with evidence, into the graph.

``ingest_text(store, paths, run_id)`` reads TXT, EML and JSONL notes, recognises the
graph's own entities with a spaCy span ruler (EntityRuler-style patterns), links mentions
to nodes, extracts facts with named rules, and writes Document/Activity/Topic nodes,
MENTIONS edges and the facts.
``evaluate_sample`` scores extraction against the sample market's planted facts.
"""

from ingest.text._documents import TextDocument, read_documents
from ingest.text._evidence import parse as parse_evidence
from ingest.text._extract import Extraction, Fact, Mention
from ingest.text._gazetteer import Gazetteer, build_gazetteer
from ingest.text._ingest import TextReport, ingest_text
from ingest.text._pipeline import TextPipeline
from ingest.text.corpus import CorpusError, Part, load_crm, read_corpus
from ingest.text.corpus_eval import CorpusScores, evaluate_corpus
from ingest.text.evaluate import (
    Scores,
    below_floors,
    error_lines,
    evaluate,
    evaluate_sample,
    load_sample_graph,
)

__all__ = [
    "CorpusError",
    "CorpusScores",
    "Extraction",
    "Fact",
    "Gazetteer",
    "Mention",
    "Part",
    "Scores",
    "TextDocument",
    "TextPipeline",
    "TextReport",
    "below_floors",
    "build_gazetteer",
    "error_lines",
    "evaluate",
    "evaluate_corpus",
    "evaluate_sample",
    "ingest_text",
    "load_crm",
    "load_sample_graph",
    "parse_evidence",
    "read_corpus",
    "read_documents",
]
