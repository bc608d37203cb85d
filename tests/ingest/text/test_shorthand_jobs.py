"""Jobs, reporting lines and contract dates in the shorthand the nineteenth session's writers
used: a title beginning "Executive", "=" for "is", "Hd" for head, a departure said in two words
("Marcus gone", "- Brian Tolley – retired.", "(ex-VP, retired)"), a two-digit year after a day and
month ("31 Mar 26"), "exp" for expires, a reporting line in an aside or after a dash ("Director,
Facilities (reports to Lauren)", "杜晓（华东营运部，上级是营运总监贺平）", "郑雪的直接下属"),
a vendor's kit said short in Chinese ("收银用客多多", "收银是数创的老POS") and a rival in the
running ("数创也会来投", "就剩我们和客多多"); and the twentieth session's: a title after a bar
("蒋一鸣｜信息部经理"), two offices held as one ("总经理兼CTO"), a company before the title in
brackets ("(Maison Verity, new VP Operations)"), "报给" for 汇报给. Phrasings written for these
tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from ingest.text import Extraction, TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Lumen"},
    "companies": [
        {"id": "A-MV", "name": "Maison Verity", "role": "customer"},
        {"id": "A-HR", "name": "华瑞电子", "role": "prospect"},
        {"id": "V-TS", "name": "Tessera", "role": "competitor"},
        {"id": "V-KD", "name": "客多多", "role": "competitor"},
        {"id": "V-SC", "name": "数创零售", "aliases": ["数创"], "role": "competitor"},
    ],
    "contacts": [],
    "products": [{"id": "P-TL", "name": "Tessera Lease", "vendor": "V-TS"}],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "shorthand-jobs") as built:
        yield built


def read(pipeline: TextPipeline, text: str, lang: str = "en") -> Extraction:
    """What the pipeline reads in one note about the Chinese or the English account."""
    account = "A-HR" if lang == "zh" else "A-MV"
    doc = TextDocument("N", "note", text, "shorthand-jobs", 1, lang, datetime(2026, 3, 1), account)
    ((_, ex),) = list(pipeline.run([doc]))
    return ex


def _jobs(pipeline: TextPipeline, text: str, lang: str = "en") -> set[tuple[str, object, bool]]:
    ex = read(pipeline, text, lang)
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
        ("Attendees: Dr. Omar Haddad (Maison Verity, new VP Operations) and Lena Park.",
         {("Omar Haddad", "VP Operations", True)}),
        ("There's a new Head of Planning at Maison Verity, Callum Reid, started Monday.",
         {("Callum Reid", "Head of Planning", True)}),
        ("New hire on Ana's team, Piotr Nowak, joined as Lead Electrical Engineer.",
         {("Piotr Nowak", "Lead Electrical Engineer", True)}),
        ("Mr. Ravi Shah (Manager - Procurement) chaired it.", {("Ravi Shah", "Manager - Procurement", True)}),
    ],
)  # fmt: skip
def test_jobs(pipeline: TextPipeline, text: str, jobs: set[tuple[str, object, bool]]) -> None:
    assert _jobs(pipeline, text) == jobs


@pytest.mark.parametrize(
    ("text", "jobs"),
    [
        # a table row with an English name after the Chinese, or with no opening bar
        ("| 孙晓婷 Tina | 会员中心负责人 | 铁杆支持者 |", {("孙晓婷", "会员中心负责人", True)}),
        ("周建华 | 生产副总 | 二期拍板人 | 支持", {("周建华", "生产副总", True)}),
        # a name and title in a list, the title glossed in brackets
        ("客户方：石永红 质量部部长（GSP负责人）；韩冬 信息科", {("石永红", "质量部部长", True)}),
        # a title after a bar in a list item; a rarer surname (佘); two offices held as one
        ("- 蒋一鸣｜信息部经理，技术评估他来做。", {("蒋一鸣", "信息部经理", True)}),
        ("客户方：马俊峰（总经理兼CTO）、佘丽（创始人）",
         {("马俊峰", "总经理", True), ("佘丽", "创始人", True)}),
    ],
)  # fmt: skip
def test_zh_jobs(pipeline: TextPipeline, text: str, jobs: set[tuple[str, object, bool]]) -> None:
    assert jobs <= _jobs(pipeline, text, "zh")


def test_a_signature_row_of_ours_is_no_job_at_the_account(pipeline: TextPipeline) -> None:
    assert _jobs(pipeline, "范文杰｜区域总监｜Lumen", "zh") == set()


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Lease admin is the pain, still on Tessera Lease till 31 Mar 27 & she hates it.", "2027-03-31"),
        ("- running Tessera Lease on the Leeds site, exp Dec 2026.", "2026-12-31"),
        # a time after the day and month is no year and no day
        ("On Tessera Lease; renewal call on 3 Mar 10:30, contract runs to 30 June 2027.", "2027-06-30"),
    ],
)
def test_contract_ends(pipeline: TextPipeline, text: str, end: str) -> None:
    ex = read(pipeline, text)
    assert {(f.object[1], f.props.get("contract_end")) for f in ex.facts if f.relation == "USES"} == {
        ("P-TL", end)
    }


@pytest.mark.parametrize(
    ("text", "vendors"),
    [
        ("点餐收银用客多多，会员另外一套。", {"V-KD"}),
        ("收银是数创的老POS，数创已经停止维护这个版本。", {"V-SC"}),
        # what may be used is not what is
        ("收银可以用客多多，也可以用数创。", set()),
    ],
)
def test_zh_kit_of_a_vendor(pipeline: TextPipeline, text: str, vendors: set[str]) -> None:
    ex = read(pipeline, text, "zh")
    assert {f.object[1] for f in ex.facts if f.relation == "USES"} == vendors


@pytest.mark.parametrize(
    ("text", "lang", "line"),
    [
        ("- Dev Malik – Director, Facilities (reports to Lauren Chen). Day-to-day user.", "en",
         ("Dev Malik", "Lauren Chen")),
        ("- Isla Moray moved into Estates as Energy Lead – reports to Alasdair Fraser now.", "en",
         ("Isla Moray", "Alasdair Fraser")),
        ("谢志诚是郑雪的直接下属。", "zh", ("谢志诚", "郑雪")),
        ("谢志诚：信息中心经理，郑雪的直接下属。", "zh", ("谢志诚", "郑雪")),
        ("陪同：区域督导杜晓（华东营运部，上级是营运总监贺平）", "zh", ("杜晓", "贺平")),
        ("本周见了门店运营经理徐晓燕和她老板——运营副总卞建华。", "zh", ("徐晓燕", "卞建华")),
        ("冯涛说以后对接冯涛的下属——IT主管季晨。", "zh", ("季晨", "冯涛")),
        ("吴昊平时直接报给蒋一鸣。", "zh", ("吴昊", "蒋一鸣")),
        ("肖雨现在向 孟洁 汇报。", "zh", ("肖雨", "孟洁")),
    ],
)  # fmt: skip
def test_reporting_lines(pipeline: TextPipeline, text: str, lang: str, line: tuple[str, str]) -> None:
    ex = read(pipeline, text, lang)
    lines = {
        (_named(ex, f.subject[1]), _named(ex, f.object[1])) for f in ex.facts if f.relation == "REPORTS_TO"
    }
    assert lines == {line}


def test_a_line_asked_about_is_no_line(pipeline: TextPipeline) -> None:
    ex = read(pipeline, "马部长是汇报给周志强还是直接给王总？", "zh")
    assert not [f for f in ex.facts if f.relation == "REPORTS_TO"]


def test_a_person_named_in_a_later_clause_leaves_the_left_out_subject(pipeline: TextPipeline) -> None:
    """ "Our champion; she walks the case round": the champion is the item's person, whom she means."""
    text = "- Nora Blake – VP Finance. Our champion; she walks the business case round the board."
    ex = read(pipeline, text)
    roles = {(_named(ex, f.subject[1]), f.props["role"]) for f in ex.facts if f.relation == "DECISION_ROLE"}
    assert roles == {("Nora Blake", "champion")}


@pytest.mark.parametrize(
    ("text", "vendors"),
    [
        ("数创也会来投，他们新出了信创版。", {"V-SC"}),
        ("客多多已经交了 BAFO。", {"V-KD"}),
        ("现在就剩我们和客多多。", {"V-KD"}),
        ("中心已经邀请我们和数创做方案。", {"V-SC"}),
    ],
)
def test_zh_rivals_in_the_running(pipeline: TextPipeline, text: str, vendors: set[str]) -> None:
    ex = read(pipeline, text, "zh")
    assert {f.object[1] for f in ex.facts if f.relation == "EVALUATING"} == vendors


def test_who_left_another_company_left_no_job_at_the_account(pipeline: TextPipeline) -> None:
    ex = read(
        pipeline, "FYI my old colleague Werner Steyn has left Tessera – he's now their account manager."
    )
    assert {(f.object[1], f.props["current"]) for f in ex.facts if f.relation == "WORKS_AT"} == {
        ("V-TS", False)
    }
