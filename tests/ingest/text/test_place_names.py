"""A place named like a person ("Rice Lake") is not taken apart into two people, whose
presence would keep a stance said without a subject from its person. Phrasings written for
these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline, roles_said

CRM = {
    "self": {"id": "SELF", "name": "Coldline"},
    "companies": [{"id": "A-NP", "name": "North Prairie Dairy", "role": "customer"}],
    "contacts": [{"id": "C-LM", "name": "Lisa Meyer", "company": "A-NP", "title": "VP Food Safety"}],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "items") as built:
        yield built


def _roles(pipeline: TextPipeline, text: str) -> set[tuple[str, str, str]]:
    return roles_said(pipeline, TextDocument("N", "note", text, "items", 1, "en", None, "A-NP"))


def test_a_place_named_like_a_person_is_no_two_people(pipeline: TextPipeline) -> None:
    text = (
        "3 plants live (Menomonie, Eau Claire, Rice Lake).\n"
        "* Lisa Meyer, VP Food Safety. Exec sponsor and she signs the renewal. "
        "Solidly in our corner since the Rice Lake recall scare last year.\n"
    )
    assert ("C-LM", "economic_buyer", "supporter") in _roles(pipeline, text)
