"""One sample market and one graph of its records for every text test (about 20 s, once).

``text_graph`` carries a ``TextPipeline`` built before any text is ingested, so scores do
not depend on the order tests run in; ingestion tests write into the same store under
their own document ids.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from graph.adapters.ladybug import LadybugStore
from ingest.sample import generate
from ingest.text import Part, TextDocument, TextPipeline, load_crm, load_sample_graph

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class TextGraph:
    store: LadybugStore
    pipeline: TextPipeline
    sample: Path


@pytest.fixture(scope="session")
def text_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("text-sample")
    generate(out, seed=7, scale=1.0)
    return out


@pytest.fixture(scope="session")
def text_graph(text_sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TextGraph]:
    store = LadybugStore().open()
    store.create_schema()
    load_sample_graph(store, text_sample, tmp_path_factory.mktemp("text-records"))
    try:
        yield TextGraph(store, TextPipeline.from_store(store), text_sample)
    finally:
        store.close()


@contextmanager
def crm_pipeline(crm: dict[str, Any], name: str = "crm") -> Iterator[TextPipeline]:
    """A pipeline over a store loaded from a small CRM of a test's own (corpus CRM format)."""
    store = LadybugStore().open()
    store.create_schema()
    load_crm(store, Part(name, crm, [], Path(f"{name}.notes.jsonl")))
    try:
        yield TextPipeline.from_store(store)
    finally:
        store.close()


def roles_said(pipeline: TextPipeline, doc: TextDocument) -> set[tuple[str, str, str]]:
    """(person, role, stance) of each DECISION_ROLE the document states; a person the graph does
    not know by the name the note gives, a known one by their id."""
    ((_, ex),) = list(pipeline.run([doc]))
    return {
        (ex.new_people.get(f.subject[1], (f.subject[1], ""))[0], f.props["role"], f.props["stance"])
        for f in ex.facts
        if f.relation == "DECISION_ROLE"
    }
