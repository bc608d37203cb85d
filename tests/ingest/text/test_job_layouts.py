"""Jobs stated by a note's layout and asides: a signature after a sign-off, a name with a mark, an
attendee table's dotted leader, a title in quotes, "sent … as interim …", a reference glossed by
the full name and a title, a function before a reference. Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from ingest.text import TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Lexmoor Software", "domain": "lexmoor.com"},
    "companies": [
        {"id": "A-CP", "name": "Corrib Plant Hire Ltd.", "aliases": ["Corrib"], "role": "customer"},
        {"id": "A-AY", "name": "安益生物制品股份有限公司", "aliases": ["安益生物"], "role": "customer"},
        {"id": "V-LA", "name": "绿岸能源科技", "role": "competitor"},
    ],
    "contacts": [],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "job-layouts") as built:
        yield built


def _jobs(pipeline: TextPipeline, text: str, lang: str = "en") -> set[tuple[str, str, str]]:
    account = "A-CP" if lang == "en" else "A-AY"
    doc = TextDocument("N", "note", text, "job-layouts", 1, lang, datetime(2026, 3, 1), account)
    ((_, ex),) = list(pipeline.run([doc]))
    named = {k: v[0] for k, v in ex.new_people.items()}
    return {
        (named.get(f.subject[1], f.subject[1]), f.object[1], f.props.get("title", ""))
        for f in ex.facts
        if f.relation == "WORKS_AT" and f.props["current"]
    }


def test_signature_with_marked_name_gives_the_title(pipeline: TextPipeline) -> None:
    text = (
        "Ciarán,\n\nWe had a look at v2 and it is much closer.\n\nSiobhán\n\n"
        "Siobhán Duffy\nOperations Director\nCorrib Plant Hire Ltd. | Oranmore, Co. Galway\n"
    )
    assert ("Siobhán Duffy", "A-CP", "Operations Director") in _jobs(pipeline, text)


def test_the_titled_block_wins_over_the_sign_off_above_it(pipeline: TextPipeline) -> None:
    text = (
        "Hi Alicia,\n\nAnswers inline.\n\nThanks,\nTeresa\n\n--\n"
        "Teresa Olsen\nTerminal Operations Manager\nCorrib Plant Hire Ltd.\n"
    )
    assert ("Teresa Olsen", "A-CP", "Terminal Operations Manager") in _jobs(pipeline, text)


def test_a_closing_in_the_writers_language_is_no_name(pipeline: TextPipeline) -> None:
    text = "Hallo Tom,\n\ndas Angebot passt.\n\nViele Grüße\nSabine Vogt\nHead of Maintenance\n"
    people = {p for p, _, _ in _jobs(pipeline, text)}
    assert "Sabine Vogt" in people
    assert "Viele Grüße" not in people


@pytest.mark.parametrize(
    ("text", "job"),
    [
        (
            "Dwayne Hollis ......... Electrical & Instrumentation Supervisor",
            ("Dwayne Hollis", "A-CP", "Electrical & Instrumentation Supervisor"),
        ),
        (
            "HQ sent Bill Tremblay over from the Brantford plant as interim Plant Mgr. I report to him.",
            ("Bill Tremblay", "A-CP", "Plant Mgr"),
        ),
        (
            'New guy Dev Anand, "Head of Platform", is doing the tech eval.',
            ("Dev Anand", "A-CP", "Head of Platform"),
        ),
        (
            "Samuel Kipchoge, Deputy Attorney General, Criminal Appeals",
            ("Samuel Kipchoge", "A-CP", "Deputy Attorney General, Criminal Appeals"),
        ),
        (
            "* Dr Elsa Fourie – Director of Conservation, Sipho's boss.",
            ("Elsa Fourie", "A-CP", "Director of Conservation"),
        ),
    ],
)
def test_english_layouts_state_the_job(pipeline: TextPipeline, text: str, job: tuple[str, str, str]) -> None:
    assert job in _jobs(pipeline, text)


def test_a_bar_before_a_company_is_a_signature_line_not_the_accounts(pipeline: TextPipeline) -> None:
    text = "范思远｜区域总监｜绿岸能源科技"
    assert ("范思远", "A-AY", "区域总监") not in _jobs(pipeline, text, "zh")


def test_a_verb_after_a_name_is_no_part_of_it(pipeline: TextPipeline) -> None:
    people = {p for p, _, _ in _jobs(pipeline, "防损部现在归运营副总潘毅管。", "zh")}
    assert "潘毅" in people and "潘毅管" not in people


def test_whom_someone_took_over_from_keeps_no_title(pipeline: TextPipeline) -> None:
    text = "Hannah Cole has taken over from Mike Rowntree as Engineering Manager."
    assert not any(p == "Mike Rowntree" for p, _, _ in _jobs(pipeline, text))


@pytest.mark.parametrize(
    ("text", "job"),
    [
        # a reference glossed by the full name and a title: the full name's job
        ("最后要方总（方国栋，我们总经理）点头，他下周从上海回来。", ("方国栋", "A-AY", "总经理")),
        # a function before a reference: its title
        ("另外跟你说一声，采购王经理（王慧）负责比价。", ("王慧", "A-AY", "采购经理")),
        # a colleague in a department
        ("我们这边参加的有我以及信息部的同事白宇。", ("白宇", "A-AY", "")),
        # a name whose last character is also a verb's, at the clause's end
        ("另外告知一下，新的CFO是何东升。", ("何东升", "A-AY", "CFO")),
        ("安益生物——何东升 CFO；林嘉怡 基础设施副总裁", ("何东升", "A-AY", "CFO")),
        # a list line's bars
        ("• 马骏｜安全总监｜技术评标组长。", ("马骏", "A-AY", "安全总监")),
    ],
)
def test_chinese_asides_state_the_job(pipeline: TextPipeline, text: str, job: tuple[str, str, str]) -> None:
    assert job in _jobs(pipeline, text, "zh")


def test_letters_after_a_name_do_not_hide_the_signature_or_the_bracketed_title(
    pipeline: TextPipeline,
) -> None:
    signed = (
        "Hi Ana,\n\nThe board meets on the 9th.\n\n"
        "Maeve Kinsella, SPHR\nDirector of People | Corrib Plant Hire Ltd.\n"
    )
    assert ("Maeve Kinsella", "A-CP", "Director of People") in _jobs(pipeline, signed)
    listed = "Present: Odhran Tully, DNP (VP Patient Services); Gemma Forde, RN (Nurse Manager, Theatres)."
    jobs = _jobs(pipeline, listed)
    assert ("Odhran Tully", "A-CP", "VP Patient Services") in jobs
    assert ("Gemma Forde", "A-CP", "Nurse Manager, Theatres") in jobs


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        ("Met Declan Roche (Owner/President) at the yard.", "Declan Roche", "Owner/President"),
        ("- Niamh Casey - President & COO (promoted in May).", "Niamh Casey", "President & COO"),
        (
            "Dr. Aoife Lynch (Head, Fleet Services / depot lead), Mr Barry",
            "Aoife Lynch",
            "Head, Fleet Services / depot lead",
        ),
        ("- Tadhg Byrne – Director, Facilities (reports to Maeve).", "Tadhg Byrne", "Director, Facilities"),
        ("Mr. Rohan Iyer, their GM - Logistics, will evaluate the bids.", "Rohan Iyer", "GM - Logistics"),
        (
            "- Fiona Lacey, Category Manager, Corporate Services (Procurement).",
            "Fiona Lacey",
            "Category Manager",
        ),
        # a team by its initials, a domain after a head's full stop, shorthand heads
        ("Spoke with Nadia Fahy from their HRIS team about the interfaces.", "Nadia Fahy", ""),
        (
            "- Aisling Rahman, Dir. Student Success – her advisors go live.",
            "Aisling Rahman",
            "Dir. Student Success",
        ),
        ("Met Maricel Dizon (tech rec supvr) at the hangar.", "Maricel Dizon", "tech rec supvr"),
    ],
)
def test_titles_held_as_one_and_domains_after_a_comma_or_dash(
    pipeline: TextPipeline, text: str, person: str, title: str
) -> None:
    assert (person, "A-CP", title) in _jobs(pipeline, text)


def test_a_name_after_a_title_and_comma_is_no_domain_and_an_honorific_ends_a_domain(
    pipeline: TextPipeline,
) -> None:
    jobs = _jobs(pipeline, "Colm now reports to the new COO, Saoirse Dunne (ex-Aer Lingus, started in June).")
    assert ("Saoirse Dunne", "A-CP", "COO") in jobs
    listed = "Their side: Rory Hegarty – Head of Maintenance, Dr Fiona Galvin (Space Planning Manager)"
    jobs = _jobs(pipeline, listed)
    assert ("Rory Hegarty", "A-CP", "Head of Maintenance") in jobs
    assert ("Fiona Galvin", "A-CP", "Space Planning Manager") in jobs


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        (
            "She succeeds Ciaran Hynes, who retired last year after 14 years as the firm's CIO.",
            "Ciaran Hynes",
            "CIO",
        ),
        (
            "The old I&E lead Tadhg Moran retired in May; the new one starts next week.",
            "Tadhg Moran",
            "I&E lead",
        ),
        ("Their former finance director Orla Byrne left in March.", "Orla Byrne", "finance director"),
    ],
)
def test_the_title_someone_held_until_they_left(
    pipeline: TextPipeline, text: str, person: str, title: str
) -> None:
    doc = TextDocument("N", "note", text, "job-layouts", 1, "en", datetime(2026, 6, 1), "A-CP")
    ((_, ex),) = list(pipeline.run([doc]))
    named = {k: v[0] for k, v in ex.new_people.items()}
    left = {
        (named.get(f.subject[1], f.subject[1]), f.props.get("title"))
        for f in ex.facts
        if f.relation == "WORKS_AT" and f.props["current"] is False
    }
    assert (person, title) in left
