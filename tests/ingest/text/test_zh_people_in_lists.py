"""Chinese people in attendee lists: whose side a list is on, which 赵 "赵科长" is, and a name
said twice. Phrasings written for these tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import pytest

from ingest.text import Extraction, TextDocument, TextPipeline
from ingest.text._rule_grammar import NAME
from ingest.text._zh_given_forms import zh_given_forms
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "析微科技", "aliases": ["析微"]},
    "companies": [
        {"id": "A-HL", "name": "海陵市疾病预防控制中心", "aliases": ["海陵疾控"], "role": "prospect"},
        {"id": "A-RF", "name": "瑞丰精密", "role": "prospect"},
    ],
    "contacts": [{"id": "C-ZL", "name": "赵磊", "company": "A-HL", "title": "信息科科长"}],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "zh-lists") as built:
        yield built


def _read(pipeline: TextPipeline, text: str) -> Extraction:
    doc = TextDocument("N", "note", text, "zh-lists", 1, "zh", datetime(2026, 10, 9), "A-HL")
    ((_, ex),) = list(pipeline.run([doc]))
    return ex


def _employed(ex: Extraction) -> set[str]:
    return {f.subject[2] for f in ex.facts if f.relation == "WORKS_AT"}


@pytest.mark.parametrize(
    "text",
    [
        "参会：信息科赵磊科长、采购办吴涛；析微 王磊、区域总监蒋涛",
        "参会：信息科赵磊科长、采购办吴涛\n析微——蒋涛（区域总监）、王磊（售前）",
    ],
)
def test_a_line_that_opens_with_our_name_lists_our_people(pipeline: TextPipeline, text: str) -> None:
    employed = _employed(_read(pipeline, text))
    assert "赵磊" in employed
    assert not employed & {"王磊", "蒋涛"}


def test_a_surname_and_title_mean_the_one_with_that_title_not_the_latest_of_the_surname(
    pipeline: TextPipeline,
) -> None:
    ex = _read(pipeline, "参会：信息科赵磊科长；析微 赵晨。\n赵科长对我们的架构不太买账。")
    (ref,) = [m for m in ex.mentions if m.text == "赵科长"]
    assert ref.node_id == "C-ZL"


def test_a_name_said_again_before_a_verb_is_the_same_person(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "析微 王磊、赵晨。\n待办：赵晨出适配证明；王磊对接招标时间表。")
    zhao = [m for m in ex.mentions if m.label == "PERSON" and m.text.startswith("赵")]
    assert [m.text for m in zhao] == ["赵晨", "赵晨"]
    assert zhao[0].node_id == zhao[1].node_id


@pytest.mark.parametrize(
    ("text", "who"),
    [("瑞丰精密设备部王海涛主任很支持。", "王海涛"), ("瑞丰精密钱总来电，说合同照旧续。", "钱总")],
)
def test_a_company_written_right_before_a_person_employs_them(
    pipeline: TextPipeline, text: str, who: str
) -> None:
    ex = _read(pipeline, text)
    assert {(f.subject[2], f.object[1]) for f in ex.facts if f.relation == "WORKS_AT"} == {(who, "A-RF")}


def _titles(ex: Extraction) -> dict[str, str]:
    return {f.subject[2]: str(f.props.get("title")) for f in ex.facts if f.relation == "WORKS_AT"}


def test_a_key_people_list_sets_name_and_title_apart_with_a_dash(pipeline: TextPipeline) -> None:
    text = "三、关键人\n1. 罗芳——财务处长，钱袋子在她手里。\n2. 黄志强 - 信息科科长，技术上他把关。"
    assert _titles(_read(pipeline, text)) == {"罗芳": "财务处长", "黄志强": "信息科科长"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("1. 常志远——局长，最后拍板。之后常志远再没表态。", "常志远"),  # 常: mostly "often"
        ("参会：宁晓峰（办公室主任）", "宁晓峰"),
        ("下周约安海涛主任面谈", "安海涛"),
    ],
)
def test_a_surname_that_is_mostly_a_word_names_where_the_layout_says_name(
    pipeline: TextPipeline, text: str, name: str
) -> None:
    ex = _read(pipeline, text)
    assert name in _employed(ex)
    assert not [m for m in ex.mentions if m.label == "PERSON" and m.text != name and m.text[0] == name[0]]


@pytest.mark.parametrize("text", ["常用的系统是海康的，文件已发，安全第一。", "成本太高，全局考虑。"])
def test_such_a_surname_in_running_text_names_no_one(pipeline: TextPipeline, text: str) -> None:
    assert not [m for m in _read(pipeline, text).mentions if m.label == "PERSON"]


def test_a_department_before_its_head_is_no_name(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "章明——危化科科长。")
    assert _titles(ex) == {"章明": "危化科科长"}
    assert "危化科" not in {m.text for m in ex.mentions}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("· 规划财务科于洁科长管钱；", "于洁", "规划财务科科长"),  # 于: mostly a preposition
        ("园区安全部经理方志，以后天天用系统的就是他的人。", "方志", "园区安全部经理"),  # 方志: a word
    ],
)
def test_between_a_title_and_a_stop_a_rare_word_or_a_preposition_is_a_name(
    pipeline: TextPipeline, text: str, name: str, title: str
) -> None:
    assert _titles(_read(pipeline, text)) == {name: title}


def test_an_engineer_is_no_name_after_a_title(pipeline: TextPipeline) -> None:
    assert not _employed(_read(pipeline, "也见了邵科长手下的工程师，以后他天天用。"))


def test_a_reference_to_someone_named_in_full_stays_theirs_whatever_it_is_called(
    pipeline: TextPipeline,
) -> None:
    ex = _read(pipeline, "邓凯文（科技部副总经理）来电。邓总是技术评审组组长。")
    assert {m.node_id for m in ex.mentions if m.label == "PERSON"} == {
        next(k for k, v in ex.new_people.items() if v[0] == "邓凯文")
    }


def test_a_surname_and_the_first_character_of_a_title_is_its_holder(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "赵科说下周再议。周建国——保卫科科长。周科直接向赵科汇报。")
    refs = {m.text: m.node_id for m in ex.mentions if m.label == "PERSON"}
    assert refs["赵科"] == "C-ZL"  # the account's 信息科科长
    assert refs["周科"] == refs["周建国"]


def test_without_such_a_holder_it_is_a_name(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "孙科（运维工程师）负责测试。")
    assert ex.new_people[next(m.node_id for m in ex.mentions if m.text == "孙科")][0] == "孙科"


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("何振华，总工程师。", "何振华", "总工程师"),  # 总工 and 程师: a title read whole, no name 程师
        ("能耗这部分，我们工程部经理丁凯会跟贵司技术对接。", "丁凯", "工程部经理"),  # no 们工程部
    ],
)
def test_a_name_ends_where_the_title_or_the_familiar_form_says(
    pipeline: TextPipeline, text: str, name: str, title: str
) -> None:
    assert _titles(_read(pipeline, text)) == {name: title}


def test_a_wordy_surname_between_commas_before_an_apposed_title_names(pipeline: TextPipeline) -> None:
    assert _titles(_read(pipeline, "部长没来，派了个副手，宁涛，科技信息部副部长，说以后由他对接。")) == {
        "宁涛": "科技信息部副部长"
    }


def test_a_familiar_form_before_an_adverb_is_the_name(pipeline: TextPipeline) -> None:
    assert _employed(_read(pipeline, "原信息中心主任老贺已经调到集团去了。")) == {"老贺"}  # no 贺已经


def test_a_vendors_job_after_women_de_is_ours(pipeline: TextPipeline) -> None:
    assert not _employed(_read(pipeline, "我们的售前工程师吴昊下周二可以去现场，您看哪天方便。"))


def test_a_surname_and_a_rare_word_s_first_character_start_a_full_name(pipeline: TextPipeline) -> None:
    """jieba knows 范志 as a word, rarely: 范志刚 is a name; 安全 is a word first ("安全部")."""
    assert _titles(_read(pipeline, "委员会主任是副行长 范志刚")) == {"范志刚": "副行长"}


def test_a_given_name_alone_is_the_one_person_named_so() -> None:
    text = "周雅琴今天没来。另外雅琴这边要出报告；李雅琴是另一个人；建国和王建国。"
    found = {(text[a:b], who) for a, b, who in zh_given_forms(text, ["周雅琴", "王建国"])}
    # after another surname the two are someone else's name; 建国 is an everyday word first
    assert found == {("雅琴", "周雅琴")}


def test_a_name_ends_before_jie_shou() -> None:
    """ "由副主任万军接手": 接 follows a name, it starts no given name's third character."""
    assert re.fullmatch(NAME["zh"], "万军接") is None and re.fullmatch(NAME["zh"], "万军") is not None
