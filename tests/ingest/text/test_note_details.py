"""Details sales notes carry that change a fact: an address beside a name, a negation that is
the verb's and not the title's, a question, a rival's champion, a typed "used 2", dates in
European and month-end forms, a product kind that is no product. Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from ingest.text import TextDocument, TextPipeline
from ingest.text._dates import find_dates
from ingest.text._title_spans import unit_without_clause
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Castlegate Software", "domain": "castlegate.io"},
    "companies": [
        {"id": "A-MF", "name": "Millford Foods", "role": "customer", "domain": "millfordfoods.co.uk"},
        {"id": "V-AV", "name": "AVEVA", "role": "competitor"},
    ],
    "contacts": [{"id": "C-GP", "name": "Gareth Pryce", "company": "A-MF", "title": "Finance Director"}],
    "products": [{"id": "P-AVM", "name": "AVEVA MES", "vendor": "V-AV", "category": "MES"}],
    "topics": [{"id": "T-FRAUD", "en": "fraud analytics", "zh": "反欺诈分析"}],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "details") as built:
        yield built


def _facts(pipeline: TextPipeline, text: str, relation: str) -> set[tuple[str, ...]]:
    doc = TextDocument("N", "note", text, "details", 1, "en", datetime(2026, 3, 1), "A-MF")
    ((_, ex),) = list(pipeline.run([doc]))
    named = {k: v[0] for k, v in ex.new_people.items()}
    return {
        (
            named.get(f.subject[1], f.subject[1]),
            named.get(f.object[1], f.object[1]),
            str(f.props.get("role", f.props.get("title", ""))),
        )
        for f in ex.facts
        if f.relation == relation
    }


def test_a_name_with_the_account_s_address_works_there(pipeline: TextPipeline) -> None:
    text = (
        "From: Sam Hollis <sam.hollis@castlegate.io>\n"
        "Cc: Gareth Pryce <gareth.pryce@millfordfoods.co.uk>\n\nHi all"
    )
    works = _facts(pipeline, text, "WORKS_AT")
    assert ("C-GP", "A-MF", "") in works
    assert not any(w[0] == "Sam Hollis" for w in works)  # our own address: our colleague


def test_a_known_contact_writing_in_the_chat_works_at_the_account(pipeline: TextPipeline) -> None:
    chat = "[09:18] Gareth Pryce: the budget is fine\n[09:20] Sam Hollis: great"
    assert ("C-GP", "A-MF", "") in _facts(pipeline, chat, "WORKS_AT")
    assert not _facts(pipeline, "Gareth Pryce thinks the budget is fine.", "WORKS_AT")  # only named


def test_a_name_and_title_followed_by_a_company_on_their_line_work_there(pipeline: TextPipeline) -> None:
    text = "Attendees:\nGareth Pryce, Finance Director\nJane Doe, Solutions Architect, AVEVA\n"
    works = _facts(pipeline, text, "WORKS_AT")
    assert ("Jane Doe", "V-AV", "Solutions Architect") in works
    assert ("C-GP", "A-MF", "Finance Director") in works


def test_a_negated_verb_leaves_the_title_in_brackets(pipeline: TextPipeline) -> None:
    text = "Please don't go direct to Rhys Morgan (CI Engineer) yet, he is not part of the decision."
    assert ("Rhys Morgan", "A-MF", "CI Engineer") in _facts(pipeline, text, "WORKS_AT")


def test_a_question_states_no_role(pipeline: TextPipeline) -> None:
    assert not _facts(pipeline, "did Gareth push back on price?", "DECISION_ROLE")
    assert ("C-GP", "A-MF", "blocker") in _facts(
        pipeline, "Gareth pushed back hard on price, a blocker.", "DECISION_ROLE"
    )


def test_a_rival_s_champion_and_a_typed_past_are_no_roles(pipeline: TextPipeline) -> None:
    assert not _facts(pipeline, "Gareth championed AVEVA MES when it went in.", "DECISION_ROLE")
    assert not _facts(pipeline, "gareth used 2 be the blocker on anything new", "DECISION_ROLE")


def test_a_product_kind_is_not_the_product(pipeline: TextPipeline) -> None:
    assert not _facts(pipeline, "The MES subscription question came up again.", "USES")
    assert ("A-MF", "P-AVM", "") in _facts(pipeline, "They run AVEVA MES at Corby.", "USES")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the licence runs out at the end of September", "2026-09-30"),
        ("contract runs until 31.12.2027", "2027-12-31"),
        # a fiscal year ends where the note says the account's does, else with the calendar year
        ("the contract runs through FY27, their fiscal year is the calendar year", "2027-12-31"),
        ("renewal at year end", "2026-12-31"),
        ("Sage UK contract ends 31/3/27.", "2027-03-31"),  # the day is the number past 12
        ("the contract renews in Q3 next year", "2027-09-30"),
        ("support runs out at the end of 2027", "2027-12-31"),
        ("locked in until 2029", "2029-12-31"),
        ("the renewal comes up in five months", "2026-08-31"),
        ("the fourth quarter of this year", "2026-12-31"),
        ("runs out end of March next year", "2027-03-31"),
        ("until the end of June of next year", "2027-06-30"),
        ("runs out end of June '27", "2027-06-30"),
        ("June this year", "2026-06-30"),
    ],
)
def test_month_ends_and_dotted_dates(text: str, value: str) -> None:
    assert [v for _, _, v in find_dates(text, "en", date(2026, 3, 1))] == [value]


def test_a_fiscal_year_ends_where_the_note_says() -> None:
    text = "contract thru FY26 (their FY ends 30 Jun)"
    assert {text[a:b]: v for a, b, v in find_dates(text, "en", date(2026, 1, 29))}["FY26"] == "2026-06-30"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Owen Tate reports up through operations to Gareth Pryce.", ("Owen Tate", "C-GP")),
        ("Finance Director Gareth Pryce, Mia Lowe's boss, signs the PO.", ("Mia Lowe", "C-GP")),
        ("Cara Finch (Head of IT) and Tom Reid both report to Gareth.", ("Cara Finch", "C-GP")),
        ("Cara Finch (Head of IT) and Tom Reid both report to Gareth.", ("Tom Reid", "C-GP")),
        (
            "Ivy Holt is not in Gareth's org; she reports up through facilities to Dan Roe.",
            ("Ivy Holt", "Dan Roe"),
        ),
        ("Owen Tate sits under Gareth Pryce.", ("Owen Tate", "C-GP")),
        ("Owen Tate - Director of Store Operations, sits under Gareth.", ("Owen Tate", "C-GP")),
        ("- Owen Tate reports up to the Finance Director, Gareth Pryce.", ("Owen Tate", "C-GP")),
        ("Owen Tate now answers to our new CFO, Dan Roe.", ("Owen Tate", "Dan Roe")),
    ],
)
def test_reporting_lines_as_notes_write_them(
    pipeline: TextPipeline, text: str, line: tuple[str, str]
) -> None:
    assert (*line, "") in _facts(pipeline, text, "REPORTS_TO")


def test_a_possessor_is_not_the_pronoun_s_person(pipeline: TextPipeline) -> None:
    text = "Ivy Holt is not in Gareth's org; she reports up through facilities to Dan Roe."
    assert not {f for f in _facts(pipeline, text, "REPORTS_TO") if f[0] == "C-GP"}


@pytest.mark.parametrize(
    "text",
    [
        "Spoke to Cara Finch. Fraud analytics is her whole agenda.",
        "- Cara Finch, head of ops\nWants fraud analytics for the branch teams.",
        "[09:31] Cara Finch: fraud analytics is the big win for me",
    ],
)
def test_an_interest_is_the_person_s_who_holds_it(pipeline: TextPipeline, text: str) -> None:
    interests = _facts(pipeline, text, "INTERESTED_IN")
    assert ("Cara Finch", "T-FRAUD", "") in interests and ("A-MF", "T-FRAUD", "") not in interests


def test_a_heading_names_a_subject_not_an_interest(pipeline: TextPipeline) -> None:
    heading = "Millford Foods fraud analytics workshop - minutes\n\nGareth Pryce opened the meeting."
    assert not _facts(pipeline, heading, "INTERESTED_IN")
    asked = "Gareth Pryce asked about fraud analytics for the branches."
    assert ("C-GP", "T-FRAUD", "") in _facts(pipeline, asked, "INTERESTED_IN")


@pytest.mark.parametrize(
    ("unit", "department"),
    [
        ("您提到信息中心", "信息中心"),
        ("听说设备处的", "设备处的"),
        ("集团安监部的", "集团安监部的"),
        ("提醒财务处", "财务处"),  # any verb before a unit the dictionary knows
        ("催一下财务处", "财务处"),
        ("采购设备处", "采购设备处"),  # a function that names the unit stays in it
        ("维修中心", "维修中心"),
    ],
)
def test_a_department_before_a_title_starts_after_the_clause_s_verb(unit: str, department: str) -> None:
    """ "您提到信息中心韩主任": 韩主任's title is 信息中心主任, not 您提到信息中心主任."""
    assert unit_without_clause(unit) == department
