"""Shapes the eighteenth session's writers used: a role or reporting line that leaves out its
subject, a name glossing a title, a capitalised determiner before a title, cues of the trade,
a space typed around a Chinese date's numbers and a date the sentence goes on to replace.
Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from ingest.text import Extraction, TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline, roles_said

CRM = {
    "self": {"id": "SELF", "name": "Corvane"},
    "companies": [
        {"id": "A-HB", "name": "Haldane Freight", "role": "customer"},
        {"id": "A-DY", "name": "东岳教育集团", "aliases": ["东岳"], "role": "prospect"},
        {"id": "V-HX", "name": "华信", "role": "competitor"},
    ],
    "contacts": [],
    "products": [{"id": "P-HX", "name": "华信教务系统", "vendor": "V-HX"}],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "left-out") as built:
        yield built


def _read(pipeline: TextPipeline, text: str, lang: str = "en", account: str = "A-HB") -> Extraction:
    doc = TextDocument("N", "note", text, "left-out", 1, lang, datetime(2025, 11, 1), account)
    ((_, ex),) = list(pipeline.run([doc]))
    return ex


def _named(ex: Extraction, node: str) -> str:
    return ex.new_people.get(node, (node, ""))[0]


@pytest.mark.parametrize(
    ("text", "lang", "roles"),
    [
        # a role said alone is the last-named person's
        ("- Pete Okafor - Operations Manager. Champion.", "en", {("Pete Okafor", "champion", "supporter")}),
        ("Dwayne Kessler does the hands-on testing.", "en",
         {("Dwayne Kessler", "technical_evaluator", "neutral")}),
        ("Marcus Delacroix will kick the tyres on anything.", "en",
         {("Marcus Delacroix", "technical_evaluator", "neutral")}),
        # an imperative opening the sentence is no part of the name
        ("Expect Anke Schreiber to block at the steering committee.", "en",
         {("Anke Schreiber", "blocker", "opponent")}),
        ("何勇，人力行政总监，当年就是他力推的我们。", "zh", {("何勇", "champion", "supporter")}),
    ],
)  # fmt: skip
def test_roles(pipeline: TextPipeline, text: str, lang: str, roles: set[tuple[str, str, str]]) -> None:
    account = "A-DY" if lang == "zh" else "A-HB"
    doc = TextDocument("N", "note", text, "left-out", 1, lang, None, account)
    assert roles_said(pipeline, doc) == roles


@pytest.mark.parametrize(
    ("text", "lang", "line"),
    [
        ("Nikhil Varma, Fleet Compliance Officer. Our champion. Reports to Bernadette Hale.", "en",
         ("Nikhil Varma", "Bernadette Hale")),
        ("- Paul Mensah - Engineering Director. Answers to the MD, Richard Thorne.", "en",
         ("Paul Mensah", "Richard Thorne")),
        ("唐敏汇报给分管业务的副总经理叶青。", "zh", ("唐敏", "叶青")),
        ("韩卫东——信息化科科长，归姚建国管。", "zh", ("韩卫东", "姚建国")),
    ],
)  # fmt: skip
def test_reporting_lines(pipeline: TextPipeline, text: str, lang: str, line: tuple[str, str]) -> None:
    ex = _read(pipeline, text, lang, "A-DY" if lang == "zh" else "A-HB")
    lines = [f for f in ex.facts if f.relation == "REPORTS_TO"]
    assert {(_named(ex, f.subject[1]), _named(ex, f.object[1])) for f in lines} == {line}


@pytest.mark.parametrize(
    ("text", "job"),
    [
        ("The CEO (Tom Baptiste) isn't part of the decision.", ("Tom Baptiste", "CEO")),
        ("Their FD, Colin Pryce, wants a view on fuel.", ("Colin Pryce", "FD")),
        ("Pete Mullins, sysadmin, was on the call.", ("Pete Mullins", "sysadmin")),
    ],
)
def test_titles(pipeline: TextPipeline, text: str, job: tuple[str, str]) -> None:
    ex = _read(pipeline, text)
    jobs = [f for f in ex.facts if f.relation == "WORKS_AT"]
    assert job in {(_named(ex, f.subject[1]), str(f.props.get("title"))) for f in jobs}


def test_one_who_used_to_hold_a_title_holds_it_no_longer(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "Hannah Fairweather used to be CFO and signed our original deal.")
    ((fact,),) = [[f for f in ex.facts if f.relation == "WORKS_AT"]]
    assert (fact.props["current"], fact.props["title"]) == (False, "CFO")


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("教务现在用的是华信教务系统，合同明年 6 月底到期。", "2026-06-30"),
        ("学校现用华信教务系统，已续签过渡期合同至 2026 年 8 月底。", "2026-08-31"),
        # the date the sentence goes on to replace is not the end
        ("华信教务系统的维保原来 3 月底 expire，已经续保半年，真正的 deadline 是 9 月底。", "2026-09-30"),
    ],
)
def test_contract_ends(pipeline: TextPipeline, text: str, end: str) -> None:
    ex = _read(pipeline, text, "zh", "A-DY")
    installs = [f for f in ex.facts if f.relation == "USES"]
    assert {(f.object[1], f.props.get("contract_end")) for f in installs} == {("P-HX", end)}
