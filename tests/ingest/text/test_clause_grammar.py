"""How a sentence's grammar decides who a fact is about: clauses, objects and possessors,
apposed and preceding titles, lower-case first names, acronyms that are also words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from ingest.text import Extraction, TextDocument, TextPipeline
from ingest.text._dates import find_dates
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Meridian Medical"},
    "companies": [
        {"id": "A-CD", "name": "城东区人民医院", "role": "customer"},
        {"id": "A-SAMC", "name": "St. Aldric Medical Center", "role": "customer"},
        {"id": "V-NEU", "name": "东软", "role": "competitor"},
    ],
    "contacts": [
        {"id": "C-HE", "name": "何建国", "company": "A-CD", "title": "副院长"},
        {"id": "C-SL", "name": "孙丽", "company": "A-CD", "title": "设备科科长"},
        {"id": "C-KW", "name": "Karen Whitfield", "company": "A-SAMC", "title": "Chief Medical Officer"},
    ],
    "products": [{"id": "P-HIS", "name": "东软HIS", "aliases": ["HIS"], "vendor": "V-NEU"}],
}
Fact = tuple[str, str, str, str]


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "grammar") as built:
        yield built


def _read(pipeline: TextPipeline, text: str, lang: str, account: str) -> Extraction:
    ((_, ex),) = list(pipeline.run([TextDocument("N", "note", text, "grammar", 1, lang, None, account)]))
    return ex


def _facts(pipeline: TextPipeline, text: str, lang: str, account: str) -> set[Fact]:
    ex = _read(pipeline, text, lang, account)
    out = set()
    for f in ex.facts:
        subject = ex.new_people.get(f.subject[1], (f.subject[1], ""))[0]
        prop = f.props.get("role") or f.props.get("title") or ""
        out.add((f.relation, subject, f.object[1], f"{prop}/{f.props.get('stance', '')}"))
    return out


def test_a_department_starts_after_the_clause_before_it(pipeline: TextPipeline) -> None:
    facts = _facts(pipeline, "日常问题先找设备科工程师韦佳。", "zh", "A-CD")
    assert ("WORKS_AT", "韦佳", "A-CD", "设备科工程师/") in facts


def test_a_department_named_by_its_function(pipeline: TextPipeline) -> None:
    """风控 and 运维 are not in the dictionary, which splits them into a noun and a verb."""
    facts = _facts(pipeline, "高敏是风控部总经理。日常问题先找运维部工程师韦佳。", "zh", "A-CD")
    assert ("WORKS_AT", "高敏", "A-CD", "风控部总经理/") in facts
    assert ("WORKS_AT", "韦佳", "A-CD", "运维部工程师/") in facts


def test_the_source_of_reported_speech_is_not_the_pronoun_after_it(pipeline: TextPipeline) -> None:
    text = "信息科新来的工程师孔令辉会参与评审，据孙丽说他可能更倾向于东软。"
    ex = _read(pipeline, text, "zh", "A-CD")
    assert ex.stances.get("C-SL") is None
    assert [s for p, s in ex.stances.items() if ex.new_people.get(p, ("",))[0] == "孔令辉"] == ["opponent"]


def test_a_manager_named_with_a_title_before(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "Gary Lowe joined in March. He reports to CEO Janet Ellison.", "en", "A-SAMC")
    lines = {
        (ex.new_people[f.subject[1]][0], ex.new_people[f.object[1]][0])
        for f in ex.facts
        if f.relation == "REPORTS_TO"
    }
    assert lines == {("Gary Lowe", "Janet Ellison")}


def test_a_title_apposed_to_a_name(pipeline: TextPipeline) -> None:
    facts = _facts(pipeline, "关键人：\n- 何建国，副院长，分管设备和后勤。", "zh", "A-CD")
    assert ("WORKS_AT", "C-HE", "A-CD", "副院长/") in facts


def test_a_surname_that_sounds_the_same_is_another_person(pipeline: TextPipeline) -> None:
    facts = _facts(pipeline, "何建国最终拍板。财务处副处长贺嘉负责付款。", "zh", "A-CD")
    assert ("WORKS_AT", "贺嘉", "A-CD", "财务处副处长/") in facts
    assert not [f for f in facts if f[0] == "WORKS_AT" and f[1] == "C-HE"]


def test_objects_and_possessors_are_not_the_subject(pipeline: TextPipeline) -> None:
    facts = _facts(pipeline, "彭小川是孙丽手下的工程师，以后会是系统的主要使用人。", "zh", "A-CD")
    assert ("DECISION_ROLE", "彭小川", "A-CD", "user/neutral") in facts
    assert not [f for f in facts if f[0] == "DECISION_ROLE" and f[1] == "C-SL"]
    text = "主任孙丽直接向何建国汇报，是技术评估的牵头人，已经明确表态支持我们。"
    facts = _facts(pipeline, text, "zh", "A-CD")
    assert ("DECISION_ROLE", "C-SL", "A-CD", "technical_evaluator/supporter") in facts


def test_a_negated_verb_denies_the_role(pipeline: TextPipeline) -> None:
    facts = _facts(pipeline, "孙丽不管预算，预算在何建国那。", "zh", "A-CD")
    assert not [f for f in facts if f[0] == "DECISION_ROLE" and f[1] == "C-SL"]


def test_a_negation_ends_where_a_clause_with_its_own_subject_begins(pipeline: TextPipeline) -> None:
    text = "Karen Whitfield is not convinced on the cloud part and she keeps the technical veto."
    facts = _facts(pipeline, text, "en", "A-SAMC")
    assert ("DECISION_ROLE", "C-KW", "A-SAMC", "technical_evaluator/opponent") in facts
    text = "Karen Whitfield is not the decision maker and she is not a blocker either."
    assert not [f for f in _facts(pipeline, text, "en", "A-SAMC") if f[0] == "DECISION_ROLE"]


def test_what_someone_cannot_do_is_no_role(pipeline: TextPipeline) -> None:
    facts = _facts(pipeline, "孙丽说她只是临时负责，这事她定不了。", "zh", "A-CD")
    assert not [f for f in facts if f[0] == "DECISION_ROLE"]


def test_our_own_side_named_before_a_title_is_no_employee_of_theirs(pipeline: TextPipeline) -> None:
    for text in ("POC下周启动，我们这边实施顾问王工驻场两周。", "我方项目经理王工驻场两周。"):
        assert not [f for f in _facts(pipeline, text, "zh", "A-CD") if f[0] == "WORKS_AT"]
    # in a customer's chat line "我们科" is theirs
    text = "王海涛 19:10：我们科新来的副主任邵鹏也挺认可"
    assert [f for f in _facts(pipeline, text, "zh", "A-CD") if f[0] == "WORKS_AT" and f[1] == "邵鹏"]


def test_the_later_cue_of_a_mixed_sentence_gives_the_stance(pipeline: TextPipeline) -> None:
    text = "Karen Whitfield is the technical evaluator; she 持保留意见 about adding another system."
    facts = _facts(pipeline, text, "en", "A-SAMC")
    assert ("DECISION_ROLE", "C-KW", "A-SAMC", "technical_evaluator/opponent") in facts


def test_typed_notes_name_people_in_lower_case(pipeline: TextPipeline) -> None:
    facts = _facts(pipeline, "mtg w/ karen today. karen will make the final call.", "en", "A-SAMC")
    assert ("DECISION_ROLE", "C-KW", "A-SAMC", "decision_maker/neutral") in facts


def test_an_acronym_is_no_word_in_lower_case(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "Karen Whitfield said his team still runs HIS.", "en", "A-SAMC")
    assert [m.text for m in ex.mentions if m.label == "PRODUCT"] == ["HIS"]


@pytest.mark.parametrize(
    ("text", "lang", "account", "report"),
    [
        ("Karen Whitfield now runs biomed: Tom Reyes reports into her.", "en", "A-SAMC", "Tom Reyes"),
        (
            "Tom Reyes, data analyst on Karen Whitfield's team, runs the dashboards.",
            "en",
            "A-SAMC",
            "Tom Reyes",
        ),
        ("孙丽手下的副科长童欣负责测试环境。", "zh", "A-CD", "童欣"),
        ("柏琳（采购中心总监，向孙丽汇报）负责合同条款。", "zh", "A-CD", "柏琳"),
        ("Tom Reyes: FYI I'm reporting to Karen now, not Hans.", "en", "A-SAMC", "Tom Reyes"),
        ("Bianca Ferreira reports to Tom Reyes, Tom Reyes to Karen Whitfield.", "en", "A-SAMC", "Tom Reyes"),
        # the subject of a second predicate joined by "and"
        ("Tom Reyes is Acting Director of Planning now and reports to Karen.", "en", "A-SAMC", "Tom Reyes"),
        (
            "Ana Ruiz (HR Manager) and Tom Reyes (GM, Site 2) both report to Karen.",
            "en",
            "A-SAMC",
            "Tom Reyes",
        ),
        # whose the title is, and the manager glossed with a title first
        ("Tom Reyes reports to the hospital's CMO, Karen Whitfield.", "en", "A-SAMC", "Tom Reyes"),
        ("- Karen Whitfield – Chief Medical Officer, Tom Reyes's boss.", "en", "A-SAMC", "Tom Reyes"),
        # the honorific a title's holder is called by: 所长 黄敏 is "黄所"
        ("参会：理化所黄丽所长、信息科周明。\n黄所和周明都向孙丽汇报。", "zh", "A-CD", "黄丽"),
    ],
)
def test_reporting_lines_as_written(
    pipeline: TextPipeline, text: str, lang: str, account: str, report: str
) -> None:
    manager = "C-KW" if lang == "en" else "C-SL"
    assert ("REPORTS_TO", report, manager, "/") in _facts(pipeline, text, lang, account)


def test_titles_after_a_name_with_more_in_the_parentheses(pipeline: TextPipeline) -> None:
    text = "出席：孙丽（设备科科长，分管采购）、苗佳 (QA Manager)；好的，谢谢孙科长"
    facts = _facts(pipeline, text, "zh", "A-CD")
    assert {("WORKS_AT", "C-SL", "A-CD", "设备科科长/"), ("WORKS_AT", "苗佳", "A-CD", "QA Manager/")} <= facts
    assert not [f for f in facts if f[1].startswith("谢")]  # 谢谢 is a word, not a surname


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Janet Ellison joined as CIO in March.", ("WORKS_AT", "Janet Ellison", "A-SAMC", "CIO/")),
        ("The new CIO is Janet Ellison.", ("WORKS_AT", "Janet Ellison", "A-SAMC", "CIO/")),
        ("Graham Pike | CFO | St. Aldric Medical Center", ("WORKS_AT", "Graham Pike", "A-SAMC", "CFO/")),
        ("Tom Reyes is head of IT.", ("WORKS_AT", "Tom Reyes", "A-SAMC", "head of IT/")),
        (
            "Tom Reyes, General Manager of the Suzhou plant, makes the call.",
            ("WORKS_AT", "Tom Reyes", "A-SAMC", "General Manager of the Suzhou plant/"),
        ),
        (
            "Janet Ellison now Owns the IT Budget.",
            ("DECISION_ROLE", "Janet Ellison", "A-SAMC", "economic_buyer/neutral"),
        ),
        (
            "* Tom Reyes - Director, Biomedical Engineering - tech lead",
            ("WORKS_AT", "Tom Reyes", "A-SAMC", "Director, Biomedical Engineering/"),
        ),
    ],
)
def test_english_employment_as_written(pipeline: TextPipeline, text: str, fact: Fact) -> None:
    assert fact in _facts(pipeline, text, "en", "A-SAMC")


def test_no_longer_in_a_role_is_a_past_employment(pipeline: TextPipeline) -> None:
    text = "Graham Pike is no longer the CFO - he moved to Boston General in June."
    ex = _read(pipeline, text, "en", "A-SAMC")
    assert [f.props["current"] for f in ex.facts if f.relation == "WORKS_AT"] == [False]


def test_one_person_two_roles_in_one_sentence(pipeline: TextPipeline) -> None:
    facts = _facts(pipeline, "孙丽=EB + 最终拍板；何建国是TE。", "zh", "A-CD")
    roles = {(f[1], f[3]) for f in facts if f[0] == "DECISION_ROLE"}
    assert {("C-SL", "economic_buyer/neutral"), ("C-SL", "decision_maker/neutral")} <= roles
    assert ("C-HE", "technical_evaluator/neutral") in roles


def test_a_comma_between_two_people_is_no_list_without_a_conjunction(pipeline: TextPipeline) -> None:
    facts = _facts(pipeline, "孙丽：最后拍板的是何总，我这边只是走流程。", "zh", "A-CD")
    assert not [f for f in facts if f[0] == "DECISION_ROLE" and f[1] == "C-SL"]


def test_a_planned_product_stays_planned_in_its_sentence(pipeline: TextPipeline) -> None:
    text = "They are moving to 东软HIS next year, so our interface must run on HIS."
    assert not [f for f in _facts(pipeline, text, "en", "A-SAMC") if f[0] == "USES"]


def test_chinese_moves_champions_and_titled_managers(pipeline: TextPipeline) -> None:
    facts = _facts(
        pipeline, "孙丽科长向何建国副院长汇报。何建国对我们很支持，是我们在院里的主要推动者。", "zh", "A-CD"
    )
    assert ("REPORTS_TO", "C-SL", "C-HE", "/") in facts
    assert ("DECISION_ROLE", "C-HE", "A-CD", "champion/supporter") in facts
    ex = _read(pipeline, "孙丽已经调到市卫健委了。", "zh", "A-CD")
    assert [f.props["current"] for f in ex.facts if f.relation == "WORKS_AT"] == [False]


def test_a_signature_without_a_closing_and_no_facts_from_the_quoted_thread(pipeline: TextPipeline) -> None:
    text = (
        "From: Karen Whitfield <kwhitfield@samc.org>\nSubject: RE: next steps\n\n"
        "Alex - Tom Reyes runs the technical evaluation.\n\n"
        "Karen Whitfield\nChief Medical Officer | St. Aldric Medical Center\n\n"
        "> On Mon, Alex Kim wrote:\n> At Riverside, Dr. Patel is the decision maker.\n"
    )
    facts = _facts(pipeline, text, "en", "A-SAMC")
    assert ("WORKS_AT", "C-KW", "A-SAMC", "Chief Medical Officer/") in facts
    assert ("DECISION_ROLE", "Tom Reyes", "A-SAMC", "technical_evaluator/neutral") in facts
    assert not [f for f in facts if f[1] == "Dr. Patel"]


def test_a_signature_in_the_quoted_thread_gives_its_sender_s_title(pipeline: TextPipeline) -> None:
    text = (
        "Thanks Karen, see you on the 20th.\n\n"
        "> On Mon, Karen Whitfield wrote:\n> Alex - the RFP is out.\n>\n"
        "> Karen Whitfield\n> Chief Medical Officer, St. Aldric Medical Center\n"
    )
    facts = _facts(pipeline, text, "en", "A-SAMC")
    assert ("WORKS_AT", "C-KW", "A-SAMC", "Chief Medical Officer/") in facts


def test_interest_denied_and_interest_said_of_a_person() -> None:
    crm = {**CRM, "topics": [{"id": "T-E", "en": "energy management", "zh": "能耗管理"}]}
    with crm_pipeline(crm, "topics") as topics:
        assert not [
            f for f in _facts(topics, "院里对能耗管理兴趣不大。", "zh", "A-CD") if f[0] == "INTERESTED_IN"
        ]
        facts = _facts(topics, "孙丽对能耗管理很关注。", "zh", "A-CD")
        assert ("INTERESTED_IN", "C-SL", "T-E", "/") in facts


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("东软是他们信息科的主要设备供应商。", "zh"),
        ("大型仪器都由东软直供，维保也是他们做。", "zh"),
        ("东软 still supplying the handhelds.", "en"),
    ],
)
def test_suppliers_named_by_their_role(pipeline: TextPipeline, text: str, lang: str) -> None:
    assert ("SUPPLIES", "V-NEU", "A-CD", "/") in _facts(pipeline, text, lang, "A-CD")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("合同 6/30 到期", "2026-06-30"),
        ("renews 3/31/2027", "2027-03-31"),
        ("contract 明年 Q2 到期", "2027-06-30"),
        ("维保合同2026.11.", "2026-11-30"),
        ("ends by end of Q3", "2026-09-30"),
    ],
)
def test_contract_ends_written_as_numbers(text: str, day: str) -> None:
    assert [v for _, _, v in find_dates(text, "zh", date(2026, 3, 1))] == [day]


@pytest.mark.parametrize("text", ["10/10 stores ok", "1/2 of the fleet", "Q3 revenue"])
def test_numbers_that_are_no_dates(text: str) -> None:
    assert list(find_dates(text, "en", date(2026, 3, 1))) == []


def test_an_extended_contract_ends_at_its_new_end(pipeline: TextPipeline) -> None:
    # a note without a date counts from 2026-09-30: 6月底 is next June
    ex = _read(pipeline, "HIS维保原定3月31日到期，已经和东软谈好延保到6月底。", "zh", "A-CD")
    ends = {(f.object[1], f.props.get("contract_end")) for f in ex.facts if f.relation == "USES"}
    assert ("P-HIS", "2027-06-30") in ends and ("P-HIS", "2027-03-31") not in ends


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "Present: Tom Reyes (Director of Public Works)",
            ("WORKS_AT", "Tom Reyes", "A-SAMC", "Director of Public Works/"),
        ),
        (
            "Julie Tran (Head of Loss Prevention), 9 Dec",
            ("WORKS_AT", "Julie Tran", "A-SAMC", "Head of Loss Prevention/"),
        ),
        (
            "Send it to Omar Haddad, Karen's security lead, by Friday.",
            ("WORKS_AT", "Omar Haddad", "A-SAMC", "security lead/"),
        ),
        (
            "Callum Reid has moved up from Daventry to Head of Fleet.",
            ("WORKS_AT", "Callum Reid", "A-SAMC", "Head of Fleet/"),
        ),
    ],
)
def test_titles_with_capitalised_domains_and_possessors(
    pipeline: TextPipeline, text: str, fact: Fact
) -> None:
    assert fact in _facts(pipeline, text, "en", "A-SAMC")


def test_leaning_towards_our_company_by_name_is_support(pipeline: TextPipeline) -> None:
    text = "Karen Whitfield makes the final call and leans towards Meridian Medical."
    facts = _facts(pipeline, text, "en", "A-SAMC")
    assert ("DECISION_ROLE", "C-KW", "A-SAMC", "decision_maker/supporter") in facts


def test_a_decision_made_by_a_group_officer_with_a_common_surname(pipeline: TextPipeline) -> None:
    text = "Group-level expansion will probably be decided by 集团副总裁温建平, whom we have not met."
    ex = _read(pipeline, text, "en", "A-CD")
    facts = _facts(pipeline, text, "en", "A-CD")
    assert ("WORKS_AT", "温建平", "A-CD", "集团副总裁/") in facts
    roles = [f for f in ex.facts if f.relation == "DECISION_ROLE"]
    assert [(f.props["role"], f.confidence < 0.7) for f in roles] == [("decision_maker", True)]


def test_a_subject_pronoun_is_not_the_person_just_named_as_an_object(pipeline: TextPipeline) -> None:
    text = "孙丽 reports to 何建国，她是我们系统的主要使用人。预算也在何建国手里。"
    facts = _facts(pipeline, text, "zh", "A-CD")
    assert ("DECISION_ROLE", "C-SL", "A-CD", "user/neutral") in facts
    assert ("DECISION_ROLE", "C-HE", "A-CD", "economic_buyer/neutral") in facts
    assert not [f for f in facts if f[1] == "C-HE" and f[3].startswith("user")]
