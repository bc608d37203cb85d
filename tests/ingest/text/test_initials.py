"""People written by their initials after the minutes named them in full (phrasings written for
these tests)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import TextDocument, TextPipeline
from ingest.text._initials import initials
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Tallmark Scheduling"},
    "companies": [{"id": "A-HB", "name": "Harrowgate Bakeries", "role": "customer"}],
    "contacts": [{"id": "C-OB", "name": "Oscar Bellamy", "company": "A-HB", "title": "CFO"}],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "initials") as built:
        yield built


def test_only_one_named_person_s_initials_and_no_business_abbreviation() -> None:
    text = "GH opened. IT and PO to follow up; RS and RT both said no; MK left."
    found = {
        text[a:b]: who
        for a, b, who in initials(
            text, ["Graham Hollis", "Ian Thompson", "Rita Stone", "Ray Stone", "Raj Tanna"]
        )
    }
    # "IT" is a department, not Ian Thompson; "RS" is two people's; nobody is MK
    assert found == {"GH": "Graham Hollis", "RT": "Raj Tanna"}


def test_initials_in_minutes_name_the_attendees(pipeline: TextPipeline) -> None:
    text = (
        "Present: Oscar Bellamy (CFO), Rebecca Saunders (Director, Facilities)\n"
        "OB opened. Rebecca owns that budget; OB will have the final say on vendor selection. "
        "RS reports to OB."
    )
    ((_, ex),) = list(pipeline.run([TextDocument("N", "note", text, "initials", 1, "en", None, "A-HB")]))
    named = {k: v[0] for k, v in ex.new_people.items()}
    roles = {
        (named.get(f.subject[1], f.subject[1]), f.props["role"])
        for f in ex.facts
        if f.relation == "DECISION_ROLE"
    }
    lines = {
        (named.get(f.subject[1], f.subject[1]), f.object[1]) for f in ex.facts if f.relation == "REPORTS_TO"
    }
    assert roles == {("Rebecca Saunders", "economic_buyer"), ("C-OB", "decision_maker")}
    assert lines == {("Rebecca Saunders", "C-OB")}
