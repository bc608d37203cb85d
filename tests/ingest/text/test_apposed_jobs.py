"""Jobs and installs said in passing: a domain apposed to its head, a title after someone's
possessive, a department before a reference, a remit in brackets, and what an account calls its
own. Phrasings written for these tests."""

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
        {"id": "A-HX", "name": "华兴精密机械股份有限公司", "aliases": ["华兴"], "role": "customer"},
        {"id": "V-NG", "name": "Nordguard", "role": "competitor"},
        {"id": "V-SC", "name": "数创", "role": "competitor"},
    ],
    "products": [
        {"id": "P-NGS", "name": "Nordguard Sentinel", "vendor": "V-NG", "category": "Perimeter security"},
        {"id": "P-SC", "name": "数创ERP", "vendor": "V-SC", "category": "ERP"},
    ],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "apposed") as built:
        yield built


def _run(pipeline: TextPipeline, text: str, lang: str, account: str) -> list[tuple[str, str, str, object]]:
    doc = TextDocument("N", "note", text, "apposed", 1, lang, datetime(2026, 3, 1), account)
    ((_, ex),) = list(pipeline.run([doc]))
    return [(f.relation, f.subject[2], f.object[1], f.props.get("title")) for f in ex.facts]


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        (
            "Samuel Osei, Deputy Director Capital Projects, presented the scope.",
            "Samuel Osei",
            "Deputy Director Capital Projects",
        ),
        (
            "Sabrina Oyelowo, Manager HR Systems: our day-to-day admin.",
            "Sabrina Oyelowo",
            "Manager HR Systems",
        ),
        ("Her chief of staff, Philippa Grange, controls the calendar.", "Philippa Grange", "chief of staff"),
        # a name after the head is the holder, not the head's domain
        ("We met the Director Jane Smith, who runs the lab.", "Jane Smith", "Director"),
    ],
)
def test_english_titles_in_apposition(pipeline: TextPipeline, text: str, person: str, title: str) -> None:
    assert ("WORKS_AT", person, "A-HB", title) in _run(pipeline, text, "en", "A-HB")


def test_a_title_after_a_company_s_possessive_places_the_person_there(pipeline: TextPipeline) -> None:
    said = _run(pipeline, "Apologies: Ivo Marsh, Nordguard's Regional Account Manager.", "en", "A-HB")
    assert ("WORKS_AT", "Ivo Marsh", "V-NG", "Regional Account Manager") in said


def test_a_title_after_a_body_in_lower_case_is_not_placed_at_the_account(pipeline: TextPipeline) -> None:
    said = _run(pipeline, "Graham reports to the cruise line's CEO, Anders Lindqvist.", "en", "A-HB")
    assert not [f for f in said if f[0] == "WORKS_AT" and f[1] == "Anders Lindqvist"]


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        ("王志强（副总，分管安全生产）说巡检现在用纸质表单。", "王志强", "副总"),
        ("巡检App好不好用让安全部曹部长来评估。", "曹部长", "安全部部长"),
        # an English given name between the title and the name; a space after a Latin function
        ("新stakeholder：商品总监 Helen 谭慧玲，管商品和库存。", "谭慧玲", "商品总监"),
        ("接替的是新来的 IT 负责人 Frank 彭飞。", "彭飞", "IT 负责人"),
    ],
)
def test_chinese_remits_and_departments_before_a_reference(
    pipeline: TextPipeline, text: str, person: str, title: str
) -> None:
    assert ("WORKS_AT", person, "A-HX", title) in _run(pipeline, text, "zh", "A-HX")


@pytest.mark.parametrize(
    ("text", "lang", "account", "uses"),
    [
        ("Their Nordguard Sentinel panels on the fence false-alarm weekly.", "en", "A-HB", {"P-NGS"}),
        # what they are trying or rolling out is not installed yet
        ("We saw their Nordguard Sentinel pilot last week.", "en", "A-HB", set()),
        ("Their Nordguard Sentinel rollout slipped to April.", "en", "A-HB", set()),
        ("ERP：数创ERP，用了五年，这次不动。", "zh", "A-HX", {"P-SC"}),
    ],
)
def test_what_an_account_calls_its_own(
    pipeline: TextPipeline, text: str, lang: str, account: str, uses: set[str]
) -> None:
    assert {obj for rel, _, obj, _ in _run(pipeline, text, lang, account) if rel == "USES"} == uses


def test_a_sender_answering_inline_speaks_each_answer(pipeline: TextPipeline) -> None:
    mail = (
        "From: Owen Tranter <owen@harrowgate.co.uk>\n"
        "To: Tom Ashby\n"
        "Subject: Re: next steps\n\n"
        "Answers inline below.\n\n"
        "> Who else is on the claims side?\n"
        "Jas Mehta joined us three weeks ago as Claims Director and reports to me.\n"
    )
    doc = TextDocument("N", "note", mail, "apposed", 1, "en", datetime(2026, 3, 1), "A-HB")
    ((_, ex),) = list(pipeline.run([doc]))
    owen = {m.node_id for m in ex.mentions if m.text == "Owen Tranter"}
    lines = {(f.subject[2], f.object[1]) for f in ex.facts if f.relation == "REPORTS_TO"}
    assert len(owen) == 1 and lines == {("Jas Mehta", *owen)}
