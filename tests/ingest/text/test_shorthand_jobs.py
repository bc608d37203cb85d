"""Jobs in the shorthand the nineteenth session's writers used: a title beginning "Executive",
"=" for "is", "Hd" for head, and a departure said in two words ("Marcus gone", "- Brian Tolley –
retired.", "(ex-VP, retired)"). Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from ingest.text import Extraction, TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Lumen"},
    "companies": [{"id": "A-MV", "name": "Maison Verity", "role": "customer"}],
    "contacts": [],
    "products": [],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "shorthand-jobs") as built:
        yield built


def _jobs(pipeline: TextPipeline, text: str) -> set[tuple[str, object, bool]]:
    doc = TextDocument("N", "note", text, "shorthand-jobs", 1, "en", datetime(2026, 3, 1), "A-MV")
    ((_, ex),) = list(pipeline.run([doc]))
    jobs = [f for f in ex.facts if f.relation == "WORKS_AT"]
    return {(_named(ex, f.subject[1]), f.props.get("title"), f.props["current"]) for f in jobs}


def _named(ex: Extraction, node: str) -> str:
    return ex.new_people.get(node, (node, ""))[0]


@pytest.mark.parametrize(
    ("text", "jobs"),
    [
        ("Call with Rosa Lindgren (Executive Director) today.",
         {("Rosa Lindgren", "Executive Director", True)}),
        ("Spoke to Rosa Lindgren, Executive Vice President.",
         {("Rosa Lindgren", "Executive Vice President", True)}),
        ("- Thabo Nkosi = Hd of Workplace Services", {("Thabo Nkosi", "Hd of Workplace Services", True)}),
        # the former title is not held now and names no current job
        ("Call with Rosa Lindgren (ex-CFO) today.", set()),
        ("Update: Pieter Smit gone; Anna Roos now decides.", {("Pieter Smit", None, False)}),
        ("- Brian Tolley – retired. Ignore his old threads.", {("Brian Tolley", None, False)}),
        ("- Gary Holm (ex-VP, retired) is not advising them.", {("Gary Holm", None, False)}),
        # "gone" that is no departure
        ("Pieter Smit has gone quiet since the demo.", set()),
    ],
)  # fmt: skip
def test_jobs(pipeline: TextPipeline, text: str, jobs: set[tuple[str, object, bool]]) -> None:
    assert _jobs(pipeline, text) == jobs
