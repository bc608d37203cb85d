"""A list item speaks of the person it opens with: its pronouns mean that person, and a place
named like a person ("Rice Lake") is not taken apart into two people. Phrasings written for
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


def test_a_pronoun_in_an_item_means_the_person_it_opens_with(pipeline: TextPipeline) -> None:
    text = (
        "People\n"
        "* Lisa Meyer, VP Food Safety. Signs the renewal.\n"
        "* Heidi Vang, Controller. Approves POs under 10k, anything bigger goes to Lisa. "
        "Treat her as a blocker on price.\n"
    )
    said = _roles(pipeline, text)
    assert ("Heidi Vang", "blocker", "opponent") in said
    assert not {r for r in said if r[0] == "C-LM" and r[1] == "blocker"}


def test_a_place_named_like_a_person_is_no_two_people(pipeline: TextPipeline) -> None:
    text = (
        "3 plants live (Menomonie, Eau Claire, Rice Lake).\n"
        "* Lisa Meyer, VP Food Safety. Exec sponsor and she signs the renewal. "
        "Solidly in our corner since the Rice Lake recall scare last year.\n"
    )
    assert ("C-LM", "economic_buyer", "supporter") in _roles(pipeline, text)
