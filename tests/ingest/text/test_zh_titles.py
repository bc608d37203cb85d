"""Chinese titles that name someone else's body or the same post in the other language.
Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from ingest.text import TextDocument, TextPipeline
from ingest.text._company_forms import company_variants
from ingest.text._email_names import english_names
from ingest.text._name_forms import ref_parts
from ingest.text._titles import fits_honorific
from ingest.text._zh_names import zh_names
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "衡远数智科技"},
    "companies": [
        {"id": "A-CH", "name": "澄湖水务集团有限公司", "aliases": ["澄湖水务"], "role": "customer"},
    ],
    "contacts": [
        {
            "id": "C-GLH",
            "name": "龚丽华",
            "company": "A-CH",
            "title": "首席运营官",
            "email": "lily.gong@chws.cn",
        },
        {"id": "C-GF", "name": "高峰", "company": "A-CH", "title": "QA总监"},  # also a word: "peak"
    ],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "zh-titles") as built:
        yield built


def _works_at(pipeline: TextPipeline, text: str) -> set[tuple[str, str]]:
    doc = TextDocument("N", "note", text, "zh-titles", 1, "zh", datetime(2026, 3, 1), "A-CH")
    ((_, ex),) = list(pipeline.run([doc]))
    named = {k: v[0] for k, v in ex.new_people.items()}
    facts = [f for f in ex.facts if f.relation == "WORKS_AT"]
    return {(named.get(f.subject[1], f.subject[1]), f.object[1]) for f in facts}


def test_an_official_of_another_body_does_not_work_at_the_account(pipeline: TextPipeline) -> None:
    assert _works_at(pipeline, "市发改委能源科科长陆斌出席并致辞。") == set()
    assert ("韩振华", "A-CH") in _works_at(pipeline, "分管生产的副局长韩振华参加了会议。")


def test_an_english_title_names_the_contact_of_the_chinese_one(pipeline: TextPipeline) -> None:
    """ "龚总（COO）" is the CRM's 龚丽华, 首席运营官, not a new person."""
    assert _works_at(pipeline, "龚总（COO）那边我汇报过了。") == {("C-GLH", "A-CH")}


def test_a_familiar_name_glossed_with_a_title_and_the_full_name_is_that_person(
    pipeline: TextPipeline,
) -> None:
    doc = TextDocument(
        "N",
        "note",
        "选谁要上总裁办公会，“最后拍板的是老马”（CEO马启明）。",
        "zh-titles",
        1,
        "zh",
        None,
        "A-CH",
    )
    ((_, ex),) = list(pipeline.run([doc]))
    (role,) = [f for f in ex.facts if f.relation == "DECISION_ROLE"]
    assert ex.new_people[role.subject[1]][0] == "马启明" and role.props["role"] == "decision_maker"


def test_a_deputy_and_a_short_form_of_address_are_read_whole() -> None:
    """ "钟副处长" is 钟, a deputy head; "孙处" is 孙, addressed as a 处长 is; "韩局" as a 局长;
    "唐总工" as a 总工程师."""
    assert ref_parts("钟副处长") == ("钟", "副处长")
    assert ref_parts("孙处") == ("孙", "处") and fits_honorific("处", "总务处处长")
    assert ref_parts("韩局") == ("韩", "局") and fits_honorific("局", "局长")
    assert ref_parts("唐总工") == ("唐", "总工") and fits_honorific("总工", "总工程师")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("参会：刘振华（信息科技部 GM）。", "信息科技部 GM"),  # a department before the title
        ("参会：何建国（VP Ops／副总经理）。", "VP Ops"),  # two titles, the first kept
        ("与沈佳慧（运营VP）视频会。", "运营VP"),  # an English head after a Chinese field
        ("参会：罗婷（生产管理部 manager）。", "生产管理部 manager"),
        ("4. 黄子涵｜SFE经理，用户代表。", "SFE经理"),  # a function by its initials
        ("参会：邱雅琴（心血管BU总经理）。", "心血管BU总经理"),
        ("见了郑处（郑文华 副处长）。", "副处长"),  # the full name inside, then the title
        (
            "参会：阿杰 黄俊杰（SMT 工程部课长）。",
            "SMT 工程部课长",
        ),  # a section chief, as Taiwanese firms call one
    ],
)
def test_titles_in_parentheses_as_mixed_notes_write_them(
    pipeline: TextPipeline, text: str, title: str
) -> None:
    doc = TextDocument("N", "note", text, "zh-titles", 1, "zh", datetime(2026, 3, 1), "A-CH")
    ((_, ex),) = list(pipeline.run([doc]))
    assert [f.props["title"] for f in ex.facts if f.relation == "WORKS_AT"] == [title]


def test_a_listing_word_and_an_english_name_are_no_part_of_the_title(pipeline: TextPipeline) -> None:
    for text, title in (
        ("还有设备科孙丽科长那边采购流程也得走。", "设备科科长"),
        ("出席：曹立 Tony（运营总监）。", "运营总监"),
    ):
        doc = TextDocument("N", "note", text, "zh-titles", 1, "zh", datetime(2026, 3, 1), "A-CH")
        ((_, ex),) = list(pipeline.run([doc]))
        assert [f.props["title"] for f in ex.facts if f.relation == "WORKS_AT"] == [title]


def test_a_surname_with_yuan_names_a_hospital_s_head_and_deputy() -> None:
    """ "何院" is how a 院长 or 副院长 is called; "孙科" is as often a whole name as a 科长."""
    assert fits_honorific("院", "副院长") is True
    assert fits_honorific("院", "院长") is True
    assert not fits_honorific("科", "科长")
    assert ref_parts("何院") == ("何", "院")


def _facts(pipeline: TextPipeline, text: str) -> set[tuple[str, str, str]]:
    doc = TextDocument("N", "note", text, "zh-titles", 1, "zh", datetime(2026, 3, 1), "A-CH")
    ((_, ex),) = list(pipeline.run([doc]))
    named = {k: v[0] for k, v in ex.new_people.items()}
    return {
        (f.relation, named.get(f.subject[1], f.subject[1]), named.get(f.object[1], f.object[1]))
        for f in ex.facts
    }


def test_an_english_name_in_brackets_is_the_chinese_name_s_person(pipeline: TextPipeline) -> None:
    # either way round; the English name alone later in the note is that person too
    facts = _facts(pipeline, "CFO是Linda Wu（吴琳），预算她批。")
    assert ("WORKS_AT", "吴琳", "A-CH") in facts
    assert not any("Linda" in end for fact in facts for end in fact)
    facts = _facts(pipeline, "质量副总裁陈立峰（Frank）管质量部。张敏还是汇报给Frank。")
    assert ("REPORTS_TO", "张敏", "陈立峰") in facts


@pytest.mark.parametrize(
    "text",
    [
        "参会：罗薇 / Vivian（财务总监）、张敏。张敏现在归 Vivian 管。",
        "参会：罗薇 Vivian（财务总监）、张敏。张敏汇报给Vivian。",
        "参会：Vivian 罗薇（财务总监）、张敏。张敏汇报给Vivian。",
    ],
)
def test_an_english_name_beside_the_chinese_one_is_that_person(pipeline: TextPipeline, text: str) -> None:
    # a space or a slash between; a space between a Latin name and the Chinese words around it
    facts = _facts(pipeline, text)
    assert ("REPORTS_TO", "张敏", "罗薇") in facts
    assert not any("Vivian" in end for fact in facts for end in fact)


def test_a_known_name_that_is_also_a_word_is_the_person_after_a_preposition(pipeline: TextPipeline) -> None:
    assert ("REPORTS_TO", "张敏", "C-GF") in _facts(pipeline, "张敏以后还是向高峰汇报。")
    assert not any("C-GF" in fact for fact in _facts(pipeline, "用电高峰时段要限流。"))


def test_a_bare_promotion_names_the_title_held_now(pipeline: TextPipeline) -> None:
    assert ("WORKS_AT", "张敏", "A-CH") in _facts(pipeline, "张敏升QA总监了，这次还是她对接。")


def test_a_contact_s_english_name_is_read_from_the_address_the_company_gave() -> None:
    assert english_names("陈立峰", "frank.chen@hk-pharma.com") == ["Frank Chen", "Frank"]
    assert english_names("陈立峰", "lifeng.chen@hk-pharma.com") == []  # the pinyin of the name
    assert english_names("陈立峰", "frank.wang@hk-pharma.com") == []  # not his surname
    assert english_names("Frank Chen", "frank.chen@hk-pharma.com") == []


def test_a_note_calls_the_contact_by_that_english_name(pipeline: TextPipeline) -> None:
    assert ("REPORTS_TO", "张敏", "C-GLH") in _facts(pipeline, "张敏还是汇报给Lily，没有变化。")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("公司总经理程国庆在会上表示要推进。", "总经理"),  # the company is no part of the title
        ("新出现的人：集团人力资源部副部长 谭晓红。", "人力资源部副部长"),  # nor the group a department's
        ("集团财务总监邹海燕也在。", "集团财务总监"),  # but the group's own office is
        ("孙主任上面是院长助理葛琳，预算在她手里。", "院长助理"),  # a head's assistant is one title
    ],
)
def test_whose_office_a_title_names(pipeline: TextPipeline, text: str, title: str) -> None:
    doc = TextDocument("N", "note", text, "zh-titles", 1, "zh", datetime(2026, 3, 1), "A-CH")
    ((_, ex),) = list(pipeline.run([doc]))
    assert title in {f.props.get("title") for f in ex.facts if f.relation == "WORKS_AT"}


def test_a_name_before_its_title_and_a_pronoun_before_someone_else_s(pipeline: TextPipeline) -> None:
    # "军部" is a word, but a title after the third character keeps it in the name
    assert ("曹建军", "A-CH") in _works_at(pipeline, "11/26 见了安全部曹建军部长。")
    # "他助理方琪" is his assistant: 方琪 is the assistant, he holds no such title
    said = _works_at(pipeline, "龚丽华很忙，要先跟她助理方琪约时间。")
    assert said == {("方琪", "A-CH")}


def test_a_long_name_is_shortened_at_a_word_and_a_name_ends_before_a_verb() -> None:
    # four characters would end inside 供应链; the short form runs to the word's end too
    assert {"优购供应链", "优购供应"} <= company_variants("优购供应链管理有限公司")
    assert "华鑫精密" in company_variants("华鑫精密制造有限公司")
    text = "新的调度中心主管柯伟到岗。智链的宋涛前阵子来找过她。"
    assert [text[a:b] for a, b in zh_names(text)] == ["柯伟", "宋涛"]


def test_an_elder_colleague_called_sister_is_the_contact_of_that_surname(pipeline: TextPipeline) -> None:
    doc = TextDocument("N", "note", "龚姐直接向韩总汇报，我表哥也在。", "zh-titles", 1, "zh", None, "A-CH")
    ((_, ex),) = list(pipeline.run([doc]))
    assert {(f.subject[1], f.object[2]) for f in ex.facts if f.relation == "REPORTS_TO"} == {
        ("C-GLH", "韩总")
    }
    assert [m.text for m in ex.mentions if m.label == "PERSON" and m.key != "speaker"] == ["龚姐", "韩总"]


def test_a_name_then_its_surname_with_a_title_is_one_person() -> None:
    text = "最后选谁还是孙强孙总定。人员变动：郭强郭主任已经离开通达了。"
    assert [text[a:b] for a, b in zh_names(text)] == ["孙强", "郭强"]


def test_the_company_left_after_the_name_and_its_reference(pipeline: TextPipeline) -> None:
    doc = TextDocument("N", "note", "龚丽华龚总已经离开澄湖水务了。", "zh-titles", 1, "zh", None, "A-CH")
    ((_, ex),) = list(pipeline.run([doc]))
    assert {(f.subject[1], f.props["current"]) for f in ex.facts if f.relation == "WORKS_AT"} == {
        ("C-GLH", False)
    }
