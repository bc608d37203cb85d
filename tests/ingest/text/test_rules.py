"""Small pieces: short forms of names, dates as people write them, reading documents."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from ingest.text._company_forms import company_variants
from ingest.text._dates import find_dates
from ingest.text._documents import TextDocument, guess_lang, html_to_text, read_documents
from ingest.text._extract import MONEY, Mention, sentiment
from ingest.text._gazetteer import product_variants
from ingest.text._lexicon import department_of
from ingest.text._match_checks import wondered
from ingest.text._modality import modality
from ingest.text._names import latin_names, mixed_names, short_forms
from ingest.text._sentences import sentence_spans
from ingest.text._stance import stance_in
from ingest.text._zh_names import zh_names

from .conftest import TextGraph

DOC_DAY = date(2026, 3, 15)


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Dalian Zhongbo Biotechnology Co., Ltd.", "Zhongbo Biotechnology"),
        ("上海润明制药股份有限公司", "润明制药"),
        ("北京市第三人民医院", "北京市三院"),
        ("北京市第三人民医院", "Beijing No.3 Hosp."),
        ("Shenzhen Second People's Hospital", "Shenzhen No.2 Hosp."),
        ("The Third Affiliated Hospital of Beijing Medical University", "Beijing Med. Univ. Affil. Hosp. 3"),
    ],
)
def test_company_short_forms(name: str, short: str) -> None:
    assert short in company_variants(name)


def test_market_brands_and_generic_words() -> None:
    assert "恒润" in company_variants("宁波恒润工业油品有限公司", market=True)
    assert "恒润" not in company_variants("宁波恒润工业油品有限公司")
    assert "Hospital" not in company_variants("Shenzhen Second People's Hospital")


def test_product_short_forms() -> None:
    assert "ZW M5 Pro" in product_variants("ZW M5 Pro Industrial IoT Gateway")
    assert "PM-12" in product_variants("Bedside Patient Monitor PM-12")


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        ("end of March 2027", "en", "2027-03-31"),
        ("2028-08-31", "en", "2028-08-31"),
        ("next February", "en", "2027-02-28"),
        ("end of Q3 2026", "en", "2026-09-30"),
        ("2028年9月底", "zh", "2028-09-30"),
        ("明年3月", "zh", "2027-03-31"),
        ("2027年第二季度末", "zh", "2027-06-30"),
        ("2024年底", "zh", "2024-12-31"),
        ("June 30, 2026", "en", "2026-06-30"),
        ("30 Nov 2025", "en", "2025-11-30"),
        ("Q1 2027", "en", "2027-03-31"),
        ("end of next year", "en", "2027-12-31"),
        ("今年年底", "zh", "2026-12-31"),
        ("明年6月", "zh", "2027-06-30"),
        ("下个季度", "zh", "2026-06-30"),
        ("2026年6月30日", "zh", "2026-06-30"),
        # dotted, as Europe writes them; a day past the 12th without a year is the next one
        ("31.12.2027", "en", "2027-12-31"),
        ("30.6.", "en", "2026-06-30"),
        ("Sept next yr", "en", "2027-09-30"),
        ("end of this month", "en", "2026-03-31"),
        ("the end of next month", "en", "2026-04-30"),
        ("Dec 31 next year", "en", "2027-12-31"),
        ("mid-2026", "en", "2026-06-30"),
        ("2026 Q3", "en", "2026-09-30"),
        ("本月底", "zh", "2026-03-31"),
        ("下个月底", "zh", "2026-04-30"),
        ("去年10月", "zh", "2025-10-31"),
    ],
)
def test_contract_dates(text: str, lang: str, iso: str) -> None:
    assert list(find_dates(text, lang, DOC_DAY)) == [(0, len(text), iso)]


@pytest.mark.parametrize("text", ["see section 2.1. first", "v3.2.1 is live", "we met at 14.30. sharp"])
def test_dotted_numbers_that_are_no_dates(text: str) -> None:
    assert not list(find_dates(text, "en", DOC_DAY))


def test_a_sentence_s_full_stop_ends_a_dotted_date() -> None:
    assert list(find_dates("runs until 31.12.2027.", "en", DOC_DAY)) == [(11, 21, "2027-12-31")]


@pytest.mark.parametrize(
    ("sentence", "lang", "negated", "hedged", "past"),
    [
        ("Felix NOT a blocker anymore", "en", True, False, True),
        ("Tom is not the decision maker", "en", True, False, False),
        ("Karen decides|, not Tom", "en", False, False, False),
        ("Tom might be the decision maker", "en", False, True, False),
        # an "I think" with its "I" left out, as notes write it; someone else's thinking is no doubt
        ("Kyndryl (think they run their DR site)", "en", False, True, False),
        ("Tom thinks Karen is the decision maker", "en", False, False, False),
        ("He used to report to Karen", "en", False, False, True),
        ("孙科长明确说她不是最终决策人", "zh", True, False, False),
        ("王主任可能是拍板的人", "zh", False, True, False),
        ("以前向李总汇报", "zh", False, False, True),
        ("刘处长非常支持我们", "zh", False, False, False),
        ("集团去年评估过SAP PM", "zh", False, False, True),
        ("他们用过东软的HIS", "zh", False, False, True),
        ("方案通过了信息科的评估", "zh", False, False, False),
        # past progressive; a Chinese or Cantonese aside in an English note keeps its cue
        ("Before us they were using Jurista", "en", False, False, True),
        ("Florence Yip 其實唔係 blocker", "en", True, False, False),
        ("Tobias 可能 is the blocker", "en", False, True, False),
        ("佢唔係最終決策人", "zh", True, False, False),
        # stopped after the install it names; paused is not stopped
        ("医脉CRM|我们年底已经停了", "zh", False, False, True),
        ("恒鼎会员|的合同3月底已终止", "zh", False, False, True),
        ("用友NC|暂停了两周", "zh", False, False, False),
        # taken back after the cue
        ("the final say| is not hers", "en", True, False, False),
        ("拍板|的不是她", "zh", True, False, False),
    ],
)
def test_modality_of_a_clause(sentence: str, lang: str, negated: bool, hedged: bool, past: bool) -> None:
    """``|`` ends the rule's match when the sentence goes on past it."""
    end = sentence.find("|") if "|" in sentence else len(sentence)
    mod = modality(sentence.replace("|", ""), 0, end, lang)
    assert (mod.negated, mod.hedged, mod.past) == (negated, hedged, past)


@pytest.mark.parametrize(
    ("sentence", "future"),
    [("签完后衡远EAM|替换东软", True), ("衡远EAM|已经上线", False), ("明年打算上衡远EAM", True)],
)
def test_what_replaces_is_still_to_come(sentence: str, future: bool) -> None:
    end = sentence.find("|") if "|" in sentence else len(sentence)
    assert modality(sentence.replace("|", ""), 0, end, "zh").future is future


@pytest.mark.parametrize(
    ("clause", "lang", "stance"),
    [
        ("is very keen on our proposal", "en", "supporter"),
        ("is pushing for us internally", "en", "supporter"),
        ("remains skeptical", "en", "opponent"),
        ("is not against it", "en", "neutral"),
        ("isn't keen", "en", "opponent"),
        ("asked about pricing", "en", None),
        ("非常支持我们的方案", "zh", "supporter"),
        ("持保留意见", "zh", "opponent"),
        ("并不反对", "zh", "neutral"),
        ("不太认可", "zh", "opponent"),
        ("has the final say and is our biggest fan", "en", "supporter"),
        ("is firmly in our corner", "en", "supporter"),
        ("leaning our way", "en", "supporter"),
        ("liked what he saw in the demo", "en", "supporter"),
        # dissatisfaction with a competitor («O») says nothing of us; favouring it opposes us
        ("其实对«O»不太满意，正在看替代方案", "zh", None),
        ("对«O»比较有好感", "zh", "opponent"),
        ("is not a fan of «O»", "en", None),
        # in a customer's e-mail "你们" / "贵司" is us
        ("个人倾向于你们的方案", "zh", "supporter"),
        ("倾向于贵司", "zh", "supporter"),
    ],
)
def test_stance_from_the_clause(clause: str, lang: str, stance: str | None) -> None:
    assert stance_in(clause, lang) == stance


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("罗婷和梁宇都向何总汇报。", ["罗婷", "梁宇"]),
        ("韩局介绍了项目情况，项目由韩局最终拍板。", []),
        ("宋琳向李刚汇报。", ["宋琳", "李刚"]),
        ("这个方案很好，高兴", []),
        ("张总是使用方负责人，实施由乙方负责。", []),  # 方 and 乙 before the verb 负责 are no surnames
        # a name's third character may start a word, if a rare one ("东都", "民负"); not a common one
        ("张伟和潘晓东都向温建民负责人汇报。", ["张伟", "潘晓东", "温建民"]),
        ("张伟强调了这一点。", ["张伟"]),
        # a name that is also a word, where only a name stands: glossed by a title, or glossing a
        # reference by its surname; not a verb after a title
        ("参会：高峥（主任）、于海洋（信息中心副主任）", ["高峥", "于海洋"]),
        ("预算高院长（高峰）已经批了。", ["高峰"]),
        ("物资部谭晓梅主任管招标。", ["谭晓梅"]),
        # a plant or an institute by its place, not a person: "江门厂", "钱塘所"
        ("集团下面的江门厂也在看MES，钱塘所也是。", []),
    ],
)
def test_unknown_chinese_names(text: str, names: list[str]) -> None:
    assert [text[a:b] for a, b in zh_names(text)] == names


def test_unknown_latin_names_and_short_forms() -> None:
    text = "Attendees (SAMC): Dr. Miguel Alvarez (Chair, Radiology), He Wei. Meeting Notes follow."
    assert [text[a:b] for a, b in latin_names(text)] == ["Miguel Alvarez", "He Wei"]
    # three words after an honorific: a Singaporean or Malaysian Chinese name in full
    three = "Present: Mr Tan Boon Seng (COO), Ms Ng Hui Min and Attendees Karen Whitfield (CFO)."
    assert [three[a:b] for a, b in latin_names(three)] == ["Tan Boon Seng", "Ng Hui Min", "Karen Whitfield"]
    # an English given name and a Chinese surname; not when the full name glosses it, nor a verb after a name
    mixed = "对方：Linda 彭（CFO）、Grace 孔（孔令仪）、Amy 唐，IT 现在归 Grace 管。"
    assert [mixed[a:b] for a, b in mixed_names(mixed)] == ["Linda 彭", "Amy 唐"]
    moved = "Theresa Calloway joins from Narragansett Federal Credit Union and Harlow Trust."
    assert [moved[a:b] for a, b in latin_names(moved)] == ["Theresa Calloway"]
    later = "Miguel reports to Karen; Alvarez agrees."
    found = list(short_forms(later, ["Miguel Alvarez", "Karen Whitfield"]))
    assert [(later[a:b], full) for a, b, full in found] == [
        ("Miguel", "Miguel Alvarez"),
        ("Karen", "Karen Whitfield"),
        ("Alvarez", "Miguel Alvarez"),
    ]


def test_html_and_language() -> None:
    assert html_to_text("<p>a &amp; b</p><script>x</script>").strip() == "a & b"
    assert guess_lang("张主任负责设备采购审批") == "zh"
    assert guess_lang("Dr. Wang will sign off") == "en"


def test_jsonl_notes_keep_their_line(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    path.write_text('\n{"id": "A", "text": "hello there"}\n', encoding="utf-8")
    (doc,) = list(read_documents([path]))
    assert isinstance(doc, TextDocument)
    assert (doc.doc_id, doc.line, doc.lang) == ("A", 2, "en")


@pytest.mark.parametrize(
    ("sentence", "lang", "sign"),
    [
        ("They sounded frustrated about our response times.", "en", -1),
        ("Very positive feedback on the last delivery.", "en", 1),
        ("Next step: site visit.", "en", 0),
        ("客户对我们的售后响应速度不满意。", "zh", -1),
        ("客户对上次交付很满意。", "zh", 1),
    ],
)
def test_sentence_sentiment(sentence: str, lang: str, sign: int) -> None:
    value = sentiment(sentence, lang)
    assert (value > 0) - (value < 0) == sign


def test_departments_and_money() -> None:
    assert department_of("Head of the Equipment Department") == "Equipment"
    assert department_of("设备科主任") == "Equipment"
    assert department_of("CFO") == "Finance"
    assert department_of("Chief Dreamer") is None
    found = [
        m.group().strip()
        for m in MONEY.finditer("Budget is RMB 1.2M, or 120万元; they paid $50,000 in 2025.")
    ]
    assert found == ["RMB 1.2M", "120万元", "$50,000"]


def _sentences_of(text_graph: TextGraph, text: str, orgs: list[str]) -> list[str]:
    doc = text_graph.pipeline.nlp("en")(text)
    mentions = [Mention(text.index(o), text.index(o) + len(o), "ORG", o) for o in orgs]
    return [text[a:b].strip() for a, b in sentence_spans(text, doc.sents, mentions)]


def test_sentences_end_where_notes_end_them(text_graph: TextGraph) -> None:
    mail = "Dear Petra,\r\n\r\nOn the Wagner side, Petra Richter is the main opponent."
    assert _sentences_of(text_graph, mail, []) == [
        "Dear Petra,",
        "On the Wagner side, Petra Richter is the main opponent.",
    ]
    ltd = "Zhang Chentao signs off at Deqi Co., Ltd. Introduced to Li Junguo at Deqi."
    assert (
        _sentences_of(text_graph, ltd, ["Deqi Co., Ltd."])[0] == "Zhang Chentao signs off at Deqi Co., Ltd."
    )
    hosp = "Spoke with Li Li from Jingfeng Hosp.; he is the biomedical Engineer."
    assert _sentences_of(text_graph, hosp, ["Jingfeng Hosp."]) == [hosp]


@pytest.mark.parametrize(
    ("text", "wonders"),
    [
        ("Rob rpts to «P1»??", True),
        ("集成商是«O0»？？——", True),
        ("新分管院长 «P0» 据说跟开立的区域经理是老乡？？不确定", False),  # the clause before stands
        ("«P0» reports to «P1», I think?", False),
    ],
)
def test_a_clause_the_writer_ends_wondering(text: str, wonders: bool) -> None:
    match = re.search(r"«[PO]\d+»", text)
    assert match is not None
    assert wondered(text, match) is wonders
