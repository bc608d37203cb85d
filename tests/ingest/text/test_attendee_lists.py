"""People a meeting's attendee list places without a title ("Attendees (Brightwing): Anne Smith,
Bo Li", "客户方：吴昊、陈曦、刘洋", a header over bullets, a line headed by a company), and not those
of our side, of another company's part, or with more said of them than their name; a name that
spells a word ("白云飞") read as a name before its bracketed title; a department alone in
brackets ("陈曦（技术部）", "曹处（设备处）" the 设备处处长, "孙科(设备科)" the 设备科科长).
Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import TextPipeline
from tests.ingest.text.conftest import crm_pipeline
from tests.ingest.text.test_shorthand_jobs import read

CRM = {
    "self": {"id": "SELF", "name": "Lumen"},
    "companies": [
        {"id": "A-MV", "name": "Maison Verity", "role": "customer"},
        {"id": "A-HR", "name": "华瑞电子", "aliases": ["华瑞"], "role": "prospect"},
        {"id": "V-BW", "name": "Brightwing Consulting", "aliases": ["Brightwing"], "role": "partner"},
        {"id": "V-TH", "name": "天衡数字认证", "aliases": ["天衡"], "role": "partner"},
    ],
    "contacts": [],
    "products": [],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "attendee-lists") as built:
        yield built


def _placed(pipeline: TextPipeline, text: str, lang: str = "en") -> dict[str, tuple[str, object]]:
    ex = read(pipeline, text, lang)
    named = {pid: name for pid, (name, _) in ex.new_people.items()}
    return {
        named.get(f.subject[1], f.subject[2]): (
            f.object[1],
            f.props.get("title") or f.props.get("department"),
        )
        for f in ex.facts
        if f.relation == "WORKS_AT"
    }


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        (
            "Attendees (Maison Verity): Alasdair Reid, Fiona MacLeod\nAttendees (us): Tom Archer, Jill Smith",
            "en",
            {"Alasdair Reid": ("A-MV", None), "Fiona MacLeod": ("A-MV", None)},
        ),
        (
            "Present: Li Wei, Mark Tan; Brightwing: Anne Smith, Bo Li. Us: Tom Cole, Lucy Hart.",
            "en",
            {
                "Li Wei": ("A-MV", None),
                "Mark Tan": ("A-MV", None),
                "Anne Smith": ("V-BW", None),
                "Bo Li": ("V-BW", None),
            },
        ),
        (
            "Attendees:\n- Jane Doe\n- Li Wei (Brightwing)\n- me",
            "en",
            {"Jane Doe": ("A-MV", None), "Li Wei": ("V-BW", None)},
        ),
        (
            "客户方：吴昊、陈曦、刘洋；我方 张伟",
            "zh",
            {"吴昊": ("A-HR", None), "陈曦": ("A-HR", None), "刘洋": ("A-HR", None)},
        ),
        ("参会：华瑞 吴昊；天衡：黄经理", "zh", {"吴昊": ("A-HR", None), "黄经理": ("V-TH", "经理")}),
        (
            "华瑞：马永刚（总经理）、白云飞（技术部主任）、陈曦、小吕",
            "zh",
            {
                "马永刚": ("A-HR", "总经理"),
                "白云飞": ("A-HR", "技术部主任"),
                "陈曦": ("A-HR", None),
                "小吕": ("A-HR", None),
            },
        ),
        # the item after her is her title, which the sentence rules read
        (
            "Attendees: Yvonne Achebe, Billing Manager; me.",
            "en",
            {"Yvonne Achebe": ("A-MV", "Billing Manager")},
        ),
        (
            "参会人员：陈曦（技术部）、曹处（设备处）",
            "zh",
            {"陈曦": ("A-HR", "技术部"), "曹处": ("A-HR", "设备处处长")},
        ),
        ("孙科(设备科)回复：参数收到", "zh", {"孙科": ("A-HR", "设备科科长")}),
        # an aside that names no title; the person glossing the company
        ("Brightwing: Luis Ortega (remote)", "en", {"Luis Ortega": ("V-BW", None)}),
        ("Brightwing (Neil Fairbanks) will do the interfaces.", "en", {"Neil Fairbanks": ("V-BW", None)}),
        ("天衡（马骏）负责实施。", "zh", {"马骏": ("V-TH", None)}),
        # the bracket's whole first part is the title, not only the head the grammar finds
        (
            "Attendees: Beth Ainsley (Executive Assistant to the COO), "
            "Niall Drummond (Vice-Principal, Estates)",
            "en",
            {
                "Beth Ainsley": ("A-MV", "Executive Assistant to the COO"),
                "Niall Drummond": ("A-MV", "Vice-Principal, Estates"),
            },
        ),
        (
            "华瑞：方卫东（嘉兴仓储部经理）、钱卫东（质量部 QA 主管）",
            "zh",
            {"方卫东": ("A-HR", "嘉兴仓储部经理"), "钱卫东": ("A-HR", "质量部 QA 主管")},
        ),
        # a clause in the bracket is no title; a date in the aside after it does not hide it
        ("Met Sam Okafor (new IT Director, started May 1).", "en", {"Sam Okafor": ("A-MV", "IT Director")}),
        ("总裁陆宏达（也是创始人）最终拍板。", "zh", {"陆宏达": ("A-HR", "总裁")}),
        # a company in brackets heads the line
        ("【天衡】黄建国（项目经理）、张磊", "zh", {"黄建国": ("V-TH", "项目经理"), "张磊": ("V-TH", None)}),
    ],
)
def test_listed_people_work_at_the_lists_company(
    pipeline: TextPipeline, text: str, lang: str, want: dict[str, tuple[str, object]]
) -> None:
    assert _placed(pipeline, text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Attendees: Alicia Moreno, Brightwing", "en"),  # her company, not the account
        ("Present: Tom Gallagher + Priya Raman (Brightwing)", "en"),  # the part is Brightwing's people
        ("On the call: Dan Cole + me for Lumen", "en"),  # ours
        ("参会：\n- 某某信息公司：刘洋、徐工", "zh"),  # a company the graph does not know
        ("Brightwing said Anne Smith would call.", "en"),  # a sentence, no list
        ("【我方】吴桐（售前总监）、赵磊", "zh"),  # ours, the company in brackets
        ("我方——黄建国（华东区总监）、张磊、王凯", "zh"),
        ("撰写：赵磊　审阅：杜峰（华东区总监）", "zh"),  # who wrote and reviewed the note
    ],
)
def test_who_a_list_does_not_place_at_the_account(pipeline: TextPipeline, text: str, lang: str) -> None:
    assert not {
        p for p, (c, _) in _placed(pipeline, text, lang).items() if c == ("A-HR" if lang == "zh" else "A-MV")
    }
