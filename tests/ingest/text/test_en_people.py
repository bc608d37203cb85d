"""English attendee lists and names as notes write them: an abbreviated title with its
department after a comma, a nickname for the CRM's given name. Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from ingest.text import TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Tallmark Scheduling"},
    "companies": [
        {"id": "A-HB", "name": "Harrowgate Bakeries", "role": "customer"},
        {"id": "A-OT", "name": "Orton Freight", "role": "customer"},
    ],
    "contacts": [
        {"id": "C-PD", "name": "Patrick Dunmore", "company": "A-HB", "title": "CFO"},
        {"id": "C-RD", "name": "Robert Dunmore", "company": "A-OT", "title": "Fleet Manager"},
    ],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "en-people") as built:
        yield built


def _works_at(pipeline: TextPipeline, text: str) -> set[tuple[str, str, str]]:
    doc = TextDocument("N", "note", text, "en-people", 1, "en", datetime(2026, 3, 1), "A-HB")
    ((_, ex),) = list(pipeline.run([doc]))
    named = {k: v[0] for k, v in ex.new_people.items()}
    facts = [f for f in ex.facts if f.relation == "WORKS_AT"]
    return {(named.get(f.subject[1], f.subject[1]), f.object[1], f.props.get("title", "")) for f in facts}


def test_an_abbreviated_title_keeps_its_department_and_its_sentence(pipeline: TextPipeline) -> None:
    facts = _works_at(pipeline, "Present: Ana Whitcombe – Dir., Workforce Planning; Hal Brenner (VP Ops).")
    assert ("Ana Whitcombe", "A-HB", "Dir., Workforce Planning") in facts
    assert ("Hal Brenner", "A-HB", "VP Ops") in facts


def test_our_colleague_last_in_an_attendee_list_leaves_the_others_at_the_account(
    pipeline: TextPipeline,
) -> None:
    text = (
        "On the call: Gareth Sowerby (Plant Manager), Ingrid Lund (Reliability Engineer), "
        "Ben Adeyemi (Tallmark SE)"
    )
    facts = _works_at(pipeline, text)
    assert facts == {
        ("Gareth Sowerby", "A-HB", "Plant Manager"),
        ("Ingrid Lund", "A-HB", "Reliability Engineer"),
    }


def test_a_nickname_names_the_account_s_contact_and_no_one_elsewhere(pipeline: TextPipeline) -> None:
    assert ("C-PD", "A-HB", "cfo") in _works_at(pipeline, "Pat Dunmore (cfo) signs off on anything over 50k.")
    # Bob is Robert, but the Robert Dunmore of the CRM works at another company
    facts = _works_at(pipeline, "Bob Dunmore (Shift Planner) runs it.")
    assert ("Bob Dunmore", "A-HB", "Shift Planner") in facts


def test_a_product_s_name_less_its_vendor_is_a_name_only_when_capitalised() -> None:
    """ "Tallmark Shift" is written "Shift" for short; "every shift" is the word."""
    crm = {
        "self": {"id": "SELF", "name": "Tallmark"},
        "companies": [{"id": "A-HB", "name": "Harrowgate Bakeries", "role": "customer"}],
        "products": [{"id": "P-SHIFT", "name": "Tallmark Shift", "vendor": "SELF"}],
    }
    with crm_pipeline(crm, "derived") as pipeline:

        def uses(text: str) -> set[str]:
            doc = TextDocument("N", "note", text, "derived", 1, "en", datetime(2026, 3, 1), "A-HB")
            ((_, ex),) = list(pipeline.run([doc]))
            return {f.object[1] for f in ex.facts if f.relation == "USES"}

        assert uses("Harrowgate runs Shift across all six bakeries.") == {"P-SHIFT"}
        assert uses("Raul uses the supervisor app on every shift.") == set()


def test_an_apposition_s_person_who_left_no_longer_works_there(pipeline: TextPipeline) -> None:
    text = "Travis Kolbe, the ops analyst who ran the old callout spreadsheet, has left the company."
    doc = TextDocument("N", "note", text, "en-people", 1, "en", datetime(2026, 3, 1), "A-HB")
    ((_, ex),) = list(pipeline.run([doc]))
    (fact,) = [f for f in ex.facts if f.relation == "WORKS_AT"]
    assert fact.props["current"] is False and fact.props["title"] == "ops analyst"


def test_a_sentence_s_first_word_before_a_known_first_name_names_no_new_person(
    pipeline: TextPipeline,
) -> None:
    text = "Patrick holds the budget. Next steps: (1) Keep Patrick warm. Ask Hal Brenner for the spec."
    doc = TextDocument("N", "note", text, "en-people", 1, "en", datetime(2026, 3, 1), "A-HB")
    ((_, ex),) = list(pipeline.run([doc]))
    assert [name for name, *_ in ex.new_people.values()] == ["Hal Brenner"]
    people = {m.text: m.node_id for m in ex.mentions if m.label == "PERSON"}
    assert people["Patrick"] == "C-PD"
    roles = {(f.subject[1], f.props["role"]) for f in ex.facts if f.relation == "DECISION_ROLE"}
    assert roles == {("C-PD", "economic_buyer")}


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Ines Cabral (HR dir) is evaluating payroll tools.", ("Ines Cabral", "A-HB", "HR dir")),
        ("Pat Dunmore (cfo) wants a 3-year price hold.", ("C-PD", "A-HB", "cfo")),
        ("- Hal Brenner, VP Field Services: holds the budget.", ("Hal Brenner", "A-HB", "VP Field Services")),
        ("Call w/ Ana Ruiz, Lab Ops Mgr @ Orton Freight - fine.", ("Ana Ruiz", "A-OT", "Lab Ops Mgr")),
        ("Intro call Lena Voss (VP People, Orton Freight).", ("Lena Voss", "A-OT", "VP People")),
        ("Priya Raman - VP Loss Prevention.", ("Priya Raman", "A-HB", "VP Loss Prevention")),
        (
            "Olivia Grant is acting Finance Director and owns the budget.",
            ("Olivia Grant", "A-HB", "Finance Director"),
        ),
        (
            "Olivia Grant has been confirmed as permanent Finance Director.",
            ("Olivia Grant", "A-HB", "Finance Director"),
        ),
        (
            "- His replacement as EHS Manager is Tanya Brooks, started June 8.",
            ("Tanya Brooks", "A-HB", "EHS Manager"),
        ),
        # a function's acronym before a lowercase title; a title after a reporting verb; "currently"
        ("The new IT security lead is Tanya Brooks.", ("Tanya Brooks", "A-HB", "IT security lead")),
        # a list item's title first, its marker opening the sentence
        (
            "- RFP due in April.\n- Finance Director Ray Bellamy controls the budget.",
            ("Ray Bellamy", "A-HB", "Finance Director"),
        ),
        ('"We want proof," said chief executive Mark Oduya.', ("Mark Oduya", "A-HB", "chief executive")),
        (
            "Kirsty Lamb, currently Workshop Supervisor at Leeds, takes over.",
            ("Kirsty Lamb", "A-HB", "Workshop Supervisor"),
        ),
        # a department and no title
        ("- Joyce Kimura in Procurement: all redlines go through her.", ("Joyce Kimura", "A-HB", "")),
        ("Also there: Kerry-Ann Boateng from their H&S team.", ("Kerry-Ann Boateng", "A-HB", "")),
        ("New procurement contact is Hannah Cole.", ("Hannah Cole", "A-HB", "")),
        (
            "Evaluation committee: me as chair, Hugo Brandt from IT, and two others.",
            ("Hugo Brandt", "A-HB", ""),
        ),
    ],
)
def test_titles_as_notes_abbreviate_and_punctuate_them(
    pipeline: TextPipeline, text: str, fact: tuple[str, str, str]
) -> None:
    assert fact in _works_at(pipeline, text)


def test_a_person_who_left_the_account_named_by_what_it_is_no_longer_works_there(
    pipeline: TextPipeline,
) -> None:
    doc = TextDocument(
        "N",
        "note",
        "Patrick Dunmore has left the company.",
        "en-people",
        1,
        "en",
        datetime(2026, 3, 1),
        "A-HB",
    )
    ((_, ex),) = list(pipeline.run([doc]))
    assert [(f.subject[1], f.props["current"]) for f in ex.facts if f.relation == "WORKS_AT"] == [
        ("C-PD", False)
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Finance Director Ray Bellamy controls the capital budget.", "Finance Director"),
        ("VP Fin Ray Bellamy holds the budget.", "VP Fin"),
    ],
)
def test_a_two_word_title_before_a_name_leaves_the_name_whole(
    pipeline: TextPipeline, text: str, title: str
) -> None:
    doc = TextDocument("N", "note", text, "en-people", 1, "en", datetime(2026, 3, 1), "A-HB")
    ((_, ex),) = list(pipeline.run([doc]))
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["Ray Bellamy"]
    roles = {
        (ex.new_people[f.subject[1]][0], f.props["role"]) for f in ex.facts if f.relation == "DECISION_ROLE"
    }
    assert roles == {("Ray Bellamy", "economic_buyer")}


def test_someone_of_an_organisation_the_graph_does_not_know_is_not_placed_at_the_account(
    pipeline: TextPipeline,
) -> None:
    text = "Our friends at Bayview Credit Union went with Axiom; their IT head, Carl Jennings, likes it."
    assert not _works_at(pipeline, text)
    text = "Our neighbours at the Town of Millbrook went live, and their IT manager Pete Ruiz loves it."
    assert not _works_at(pipeline, text)
