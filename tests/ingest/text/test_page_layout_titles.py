"""Titles and names as more writers set them down: a sentence after a blank line, ranks
abbreviated before a name, an aside that goes on after the title, a manager of a named
place, a place that only looks like a name; in Chinese a place before a bracketed title and
a titled reference's own title. Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import Extraction, TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Ledgerline"},
    "companies": [
        {"id": "A-PB", "name": "Port Bellamy Sheriff's Office", "role": "prospect"},
        {"id": "A-BH", "name": "滨海烟草", "role": "prospect"},
    ],
    "contacts": [],
    "products": [],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "layout") as built:
        yield built


def _read(pipeline: TextPipeline, text: str, lang: str = "en", account: str = "A-PB") -> Extraction:
    ((_, ex),) = list(pipeline.run([TextDocument("N", "note", text, "layout", 1, lang, None, account)]))
    return ex


def _jobs(ex: Extraction) -> set[tuple[str, str]]:
    return {
        (ex.new_people.get(f.subject[1], (f.subject[1], ""))[0], str(f.props.get("title")))
        for f in ex.facts
        if f.relation == "WORKS_AT"
    }


@pytest.mark.parametrize(
    ("text", "job"),
    [
        # the sentence after a paragraph break opens at its title, not at the line break
        (
            "The jail wing opens in March.\n\nOperations Director Tomas Ibarra said the rework is first.",
            ("Tomas Ibarra", "Operations Director"),
        ),
        ("Fleet update.\n\nCFO Maren Holt signed the order on Friday.", ("Maren Holt", "CFO")),
        # an abbreviated rank keeps its point and does not end the sentence
        ("Sgt. Dolores Kaye runs the records unit now.", ("Dolores Kaye", "Sgt.")),
        ("Capt. Wes Oduya approved the pilot.", ("Wes Oduya", "Capt.")),
        # the aside goes on after the title
        (
            "Priya Venn (payroll analyst, sits with the finance team) will test the export.",
            ("Priya Venn", "payroll analyst"),
        ),
        # more ways a title comes before its holder
        ("Sign-off sits with their FD, Owen Pryce, not with me.", ("Owen Pryce", "FD")),
        ("His boss = COO Nadia Brill, who stays out of it.", ("Nadia Brill", "COO")),
        ("We have not met Eastfield's site manager, Lorna Tait.", ("Lorna Tait", "site manager")),
        (
            "They hired a new controls engineer, Tomasz Wrobel.",
            ("Tomasz Wrobel", "controls engineer"),
        ),
        ("Interim site lead is Farid Nasser until they hire.", ("Farid Nasser", "site lead")),
        ("Attendees: Hugh Mabry (PM), Ines Gall (CFO)", ("Hugh Mabry", "PM")),
        ("Della Rooke is lead instructor for the welding course.", ("Della Rooke", "lead instructor")),
        # the manager of a named place; the place is no person
        (
            "We think Hollis Grant, manager of the Eastgate Depot yard, would rather wait.",
            ("Hollis Grant", "manager of the Eastgate Depot yard"),
        ),
    ],
)
def test_titles_as_laid_out(pipeline: TextPipeline, text: str, job: tuple[str, str]) -> None:
    assert job in _jobs(_read(pipeline, text))


def test_a_place_after_the_is_no_person(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "The tour covered the Ridgeline Annex property and the old courthouse.")
    assert not ex.new_people


@pytest.mark.parametrize(
    ("text", "job"),
    [
        # a place before the title in the brackets
        ("会议：秦海（苏州仓储部经理）、柏雪（财务经理）", ("秦海", "仓储部经理")),
        # a reference with a title keeps it where the rule reads no title
        ("10/9 电话 滨海烟草姚主任(物流中心)：分拣线要换。", ("姚主任", "主任")),
    ],
)
def test_chinese_titles_as_laid_out(pipeline: TextPipeline, text: str, job: tuple[str, str]) -> None:
    jobs = _jobs(_read(pipeline, text, "zh", "A-BH"))
    assert any(who == job[0] and title.endswith(job[1]) for who, title in jobs), jobs
