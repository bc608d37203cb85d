"""How notes state a job beyond "name (title)": a title the name follows, a label, an aside after
the title, a former title, a promotion, a contact addressed by surname and title. Phrasings
written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from ingest.text import TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Tallmark Scheduling", "aliases": ["衡远"], "domain": "tallmark.com"},
    "companies": [
        {"id": "A-HB", "name": "Harrowgate Bakeries", "role": "customer", "domain": "harrowgate.co.uk"},
        {"id": "A-QS", "name": "青石水务集团有限公司", "aliases": ["青石水务"], "role": "customer"},
        {"id": "V-BW", "name": "Brightwire Fire & Security", "aliases": ["Brightwire"], "role": "supplier"},
    ],
    "contacts": [
        {"id": "C-TW", "name": "唐文静", "company": "A-QS", "title": "信息中心主任"},
        {"id": "C-LM", "name": "罗明", "company": "A-QS", "title": "财务部经理"},
    ],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "job-statements") as built:
        yield built


def _works_at(pipeline: TextPipeline, text: str, lang: str, account: str) -> set[tuple[str, str, bool]]:
    doc = TextDocument("N", "note", text, "job-statements", 1, lang, datetime(2026, 3, 1), account)
    ((_, ex),) = list(pipeline.run([doc]))
    named = {k: v[0] for k, v in ex.new_people.items()}
    facts = [f for f in ex.facts if f.relation == "WORKS_AT"]
    return {
        (named.get(f.subject[1], f.subject[1]), f.props.get("title", ""), f.props["current"]) for f in facts
    }


def _en(pipeline: TextPipeline, text: str) -> set[tuple[str, str, bool]]:
    return _works_at(pipeline, text, "en", "A-HB")


def _zh(pipeline: TextPipeline, text: str) -> set[tuple[str, str, bool]]:
    return _works_at(pipeline, text, "zh", "A-QS")


def test_capitalised_words_before_a_title_head_are_its_domain_not_a_name(pipeline: TextPipeline) -> None:
    assert _en(pipeline, "Facilities Director Maureen Achebe opened the review.") == {
        ("Maureen Achebe", "Facilities Director", True)
    }


def test_a_name_before_a_title_that_a_modifier_opens_is_the_name(pipeline: TextPipeline) -> None:
    """The grammar alone reads "Owen Pryce Chief" as a title; "Chief" heads the one that follows."""
    assert _en(pipeline, "The board has named Owen Pryce Chief Financial Officer.") == {
        ("Owen Pryce", "Chief Financial Officer", True)
    }


def test_a_label_with_a_colon_names_the_title_holder(pipeline: TextPipeline) -> None:
    assert _en(pipeline, "Present: Head of Purchasing: Ines Cardoso") == {
        ("Ines Cardoso", "Head of Purchasing", True)
    }


def test_an_aside_after_the_title_does_not_deny_it(pipeline: TextPipeline) -> None:
    assert _en(pipeline, "Gareth Lowe (COO, not at the meeting) wants the numbers.") == {
        ("Gareth Lowe", "COO", True)
    }
    assert _en(pipeline, "Gareth Lowe is not the COO.") == set()


def test_a_former_title_in_apposition_is_a_past_job(pipeline: TextPipeline) -> None:
    assert _en(pipeline, "We lost touch with Hugo Brandt, their former VP of Sales.") == {
        ("Hugo Brandt", "VP of Sales", False)
    }


def test_a_title_held_before_is_not_the_current_one(pipeline: TextPipeline) -> None:
    got = _zh(pipeline, "集团任命原财务部经理罗明为副总经理。")
    assert got == {("C-LM", "副总经理", True)}


def test_a_promotion_names_the_title_held_now(pipeline: TextPipeline) -> None:
    got = _zh(pipeline, "罗明以前是财务部经理，上个月升了副总经理。")
    assert ("C-LM", "副总经理", True) in got and all(t != "财务部经理" or not c for _, t, c in got)


def test_a_known_contact_addressed_by_surname_and_title_holds_that_title(pipeline: TextPipeline) -> None:
    chat = "[09:02] 唐文静: 方案收到了\n[09:05] 王磊: 唐主任好，下午我把报价发您"
    assert ("C-TW", "主任", True) in _zh(pipeline, chat)


def test_an_honorific_is_no_job_title(pipeline: TextPipeline) -> None:
    """ "罗总" is how people address a manager; it names no title."""
    assert _zh(pipeline, "罗总说预算下个月批。") == set()


def test_academic_titles_are_titles(pipeline: TextPipeline) -> None:
    got = _en(
        pipeline,
        "Attendees:\nDr. Ilse Brandt (Postdoc, imaging group)\nOwen Pryce (Vice Provost for Research)",
    )
    assert got == {("Ilse Brandt", "Postdoc", True), ("Owen Pryce", "Vice Provost for Research", True)}


def test_a_title_at_a_site_or_with_a_unit_names_its_holder(pipeline: TextPipeline) -> None:
    assert _en(pipeline, "New QA Manager at Leeds is Ivo Marsh - not met yet.") == {
        ("Ivo Marsh", "QA Manager", True)
    }
    assert _en(pipeline, "Attendees: Nurse Manager, 4 West: Ada Quist") == {
        ("Ada Quist", "Nurse Manager", True)
    }


def test_a_department_whose_name_begins_with_yuan_is_no_former_title(pipeline: TextPipeline) -> None:
    """原 marks a title held before ("原财务部经理"), but 原料部 is the raw materials department."""
    assert _zh(pipeline, "原料部经理周立参加了评审。") == {("周立", "原料部经理", True)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Odile Ferrand (controller) asked for the cost breakdown.", ("Odile Ferrand", "controller")),
        ("Bastian Krol (purchasing) wants every quote in euros.", ("Bastian Krol", "purchasing")),
        ("Imogen Sayer (the new CFO) is sceptical about the price.", ("Imogen Sayer", "CFO")),
        ("Rafe Dunmore (their incoming COO) joined the call late.", ("Rafe Dunmore", "COO")),
        ("Jo Pruitt (scheduling lt, reports to Magee) runs it.", ("Jo Pruitt", "scheduling lt")),
    ],
)
def test_a_job_bracketed_after_a_name_is_their_title(
    pipeline: TextPipeline, text: str, expected: tuple[str, str]
) -> None:
    """Notes gloss people with their job in brackets, often a lone lowercase word or a function."""
    assert _en(pipeline, text) == {(*expected, True)}


def test_lowercase_ranks_and_offices_are_titles(pipeline: TextPipeline) -> None:
    assert _en(pipeline, "Harold Fenn is the union steward.") == {("Harold Fenn", "union steward", True)}


def test_a_function_bracketed_after_a_product_is_no_one_s_title(pipeline: TextPipeline) -> None:
    assert _en(pipeline, "Harrowgate Bakeries runs Coupa (procurement) and Xero (finance).") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 任志国，二号泵站设备主管，系统重度用户。", {("任志国", "设备主管", True)}),
        ("梁晓琪，能源管理员，天天用系统。", {("梁晓琪", "能源管理员", True)}),
        ("系统管理员周斌全程参与接口测试。", {("周斌", "系统管理员", True)}),
        ("化验室技师陈一鸣是日常操作的主要用户。", {("陈一鸣", "化验室技师", True)}),
        ("[09:28] 杨晓帆：我是中心的冷链管理员，报警都是我在盯。", {("杨晓帆", "冷链管理员", True)}),
        ("- 纪委书记陈国华：目前不参与。", {("陈国华", "纪委书记", True)}),
    ],
)
def test_zh_titles_after_a_place_or_a_function(
    pipeline: TextPipeline, text: str, expected: set[tuple[str, str, bool]]
) -> None:
    assert _zh(pipeline, text) == expected


@pytest.mark.parametrize("text", ["孔立翔：原IT负责人，去年底已离职。", "邓立新，前质量副总裁，现分管生产。"])
def test_zh_a_former_title_in_apposition_is_not_held_now(pipeline: TextPipeline, text: str) -> None:
    assert not any(current and title for _, title, current in _zh(pipeline, text))


def test_a_titled_reference_glossed_by_the_full_name_is_that_person(pipeline: TextPipeline) -> None:
    """ "能源管理员小梁（梁思琪）": the title does not make 小梁 someone else than 梁思琪."""
    assert _zh(pipeline, "参会：能源管理员小梁（梁思琪）") == {("梁思琪", "能源管理员", True)}


def test_a_contact_of_another_company_is_not_placed_at_the_note_s_account(pipeline: TextPipeline) -> None:
    """A note on Harrowgate names 青石水务's 唐文静 as a reference: she does not work at Harrowgate."""
    text = "另：青石水务的系统已经用了两年多，信息中心唐主任愿意作为参考客户。"
    doc = TextDocument("N", "note", text, "job-statements", 1, "zh", datetime(2026, 3, 1), "A-HB")
    ((_, ex),) = list(pipeline.run([doc]))
    assert ("C-TW", "A-HB") not in {(f.subject[1], f.object[1]) for f in ex.facts if f.relation == "WORKS_AT"}


def test_who_calls_on_the_client_is_ours(pipeline: TextPipeline) -> None:
    """Vendors visit clients: "请区域总监赵磊出面拜访刘总" asks our regional director to go."""
    assert _zh(pipeline, "请区域总监赵磊出面拜访罗明，争取一季度完成立项。") == set()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("青州市大数据发展有限公司（局属平台公司）：总经理钟伟", "zh"),
        ("Brightline Analytics Ltd: CEO Wendell Ashby", "en"),
    ],
)
def test_a_person_after_a_company_the_graph_does_not_know_is_not_the_account_s(
    pipeline: TextPipeline, text: str, lang: str
) -> None:
    assert _works_at(pipeline, text, lang, "A-QS" if lang == "zh" else "A-HB") == set()


def test_a_title_taken_over_replaces_the_one_held_before(pipeline: TextPipeline) -> None:
    assert _zh(pipeline, "听说蒋文副院长已经正式接任院长。") == {("蒋文", "院长", True)}


@pytest.mark.parametrize(
    ("text", "who", "title"),
    [
        # the title first, then the honorific and name in apposition
        (
            "Her own boss is the Institute Director, Prof. Alistair Bain, who stays out of it.",
            "Alistair Bain",
            "Institute Director",
        ),
        (
            "The proteomics facility head, Dr. Sofia Marchetti, is the risk.",
            "Sofia Marchetti",
            "proteomics facility head",
        ),
        # a title still held, and one in apposition after an article, with its rank
        (
            "Dr. Kenji Mori is still acting lab manager in structural biology.",
            "Kenji Mori",
            "acting lab manager",
        ),
        ("Kwame Asante, a senior IT architect, joined the panel.", "Kwame Asante", "senior IT architect"),
        # a word that says when is not the title's: "currently"
        ("Her replacement is Kwame Asante, currently site manager.", "Kwame Asante", "site manager"),
    ],
)
def test_a_title_in_apposition_or_still_held(pipeline: TextPipeline, text: str, who: str, title: str) -> None:
    assert _en(pipeline, text) == {(who, title, True)}


@pytest.mark.parametrize(
    ("text", "works"),
    [
        (
            "Regards,\nMaureen Achebe, Dir. Quality & Compliance",
            {("Maureen Achebe", "Dir. Quality & Compliance", True)},
        ),
        ("She rolls up to Euan Drummond, the CRO.", {("Euan Drummond", "CRO", True)}),
        # a name after the comma ends the title, which a domain would continue
        (
            "Her boss is the Chief Financial Officer, Walter Brenner",
            {("Walter Brenner", "Chief Financial Officer", True)},
        ),
        (
            "Her boss is Maureen Achebe, Vice President, Human Resources",
            {("Maureen Achebe", "Vice President, Human Resources", True)},
        ),
        # a plan's own header names our staff
        (
            "Owner: Liam Carter (Sales Director) | Last updated 2 May 2026\n\nKey people: Dana Okafor (CFO).",
            {("Dana Okafor", "CFO", True)},
        ),
        # legal titles: attorneys, paralegals, a general counsel by initials (never "GC" alone)
        (
            "Ramón Ibarra, Chief Deputy City Attorney, joined. Keisha Monroe - Senior Paralegal.",
            {
                ("Ramón Ibarra", "Chief Deputy City Attorney", True),
                ("Keisha Monroe", "Senior Paralegal", True),
            },
        ),
        (
            "Miriam Achterberg (AGC Commercial) and Marcus Okonkwo, Deputy GC, joined; so did Obi Nwachukwu "
            "(in-house counsel). The lab runs an Agilent GC.",
            {
                ("Miriam Achterberg", "AGC Commercial", True),
                ("Marcus Okonkwo", "Deputy GC", True),
                ("Obi Nwachukwu", "in-house counsel", True),
            },
        ),
        # a leaving in an aside of its own is another job's; domains joined by "&" before a head
        (
            "Present: Jason Reilly, Fire & Life Safety Coordinator (ex-Halden field engineer, left them "
            "in 2022); Omar Haddad, Safety & Security Manager.",
            {
                ("Jason Reilly", "Fire & Life Safety Coordinator", True),
                ("Omar Haddad", "Safety & Security Manager", True),
            },
        ),
        # a title's domain is no name: "Asset Management" is not a person
        (
            "On the line: Bev Whitlock (GM Asset Management), Ian Poole (Head of Real Estate).",
            {("Bev Whitlock", "GM Asset Management", True), ("Ian Poole", "Head of Real Estate", True)},
        ),
        # a vendor's job after "our" is one of ours; "our CFO" is the writer's: ours in a rep's
        # note or mail, the account's in a mail or chat line its people wrote
        ("Luis Ferreira, our solutions engineer, will join the site walk.", set()),
        ("Jane Roe, our CFO, will sign.", set()),
        ("From: Tom Ashby <tom.ashby@tallmark.com>\n\nHi Ann,\nJane Roe (our CFO) will sign.", set()),
        (
            "From: Ann Lee <ann.lee@harrowgate.co.uk>\n\nHi Tom,\nJane Roe (our CFO) will sign.",
            {("Ann Lee", "", True), ("Jane Roe", "CFO", True)},
        ),
        (
            "From: Tom Ashby <tom.ashby@tallmark.com>\n\nThanks Ann.\n\n-----Original Message-----\n"
            "From: Ann Lee <ann.lee@harrowgate.co.uk>\nSubject: PO\n\nJane Roe, our CFO, will sign.",
            {("Ann Lee", "", True), ("Jane Roe", "CFO", True)},
        ),
        ("[09:02] Ann Lee: Jane Roe, our CFO, will sign.", {("Jane Roe", "CFO", True)}),
    ],
)
def test_abbreviated_and_apposed_titles(
    pipeline: TextPipeline, text: str, works: set[tuple[str, str, bool]]
) -> None:
    assert _en(pipeline, text) == works


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("青石水务下游医院也愿意配合，比如市一院采购科科长鲁红——鲁红不是青石水务的人，别搞混。", "zh"),
        (
            "Met Brodie Mason (Site IT Lead) - a contractor from Pilbara Tech, not Harrowgate Bakeries staff",
            "en",
        ),
    ],
)
def test_employment_the_note_denies_is_none(pipeline: TextPipeline, text: str, lang: str) -> None:
    works = _zh(pipeline, text) if lang == "zh" else _en(pipeline, text)
    assert not any(who in ("鲁红", "Brodie Mason") for who, _, _ in works)


def test_a_company_right_before_the_bracket_a_person_opens_is_theirs(pipeline: TextPipeline) -> None:
    text = "Walked airside with a fella from Brightwire (Shane Moloney, their project lead)."
    doc = TextDocument("N", "note", text, "job-statements", 1, "en", datetime(2026, 3, 1), "A-HB")
    ((_, ex),) = list(pipeline.run([doc]))
    works = {(f.subject[2], f.object[1], f.props.get("title")) for f in ex.facts if f.relation == "WORKS_AT"}
    assert works == {("Shane Moloney", "V-BW", "project lead")}


def test_a_title_after_as_or_an_interim_promotion(pipeline: TextPipeline) -> None:
    assert _en(pipeline, "- Hamish Todd, as Fleet Coordinator, would love a live view of the vans.") == {
        ("Hamish Todd", "Fleet Coordinator", True)
    }
    assert _en(pipeline, "Kayla Dunn got bumped up to interim VP Supply Chain.") == {
        ("Kayla Dunn", "VP Supply Chain", True)
    }


def test_a_records_owner_labelled_alone_keeps_the_record_and_works_for_us(pipeline: TextPipeline) -> None:
    assert _zh(pipeline, "负责人：赵磊 ｜ 更新：2025-11-15") == set()
    assert _en(pipeline, "Owner: Josh Lavoie | Last updated 3 Nov 2025") == set()
    # a function before the label makes it the account's job
    assert _zh(pipeline, "技术负责人：王磊") == {("王磊", "技术负责人", True)}


def test_one_who_left_with_an_aside_between(pipeline: TextPipeline) -> None:
    assert _zh(pipeline, "刘静主任（采购中心）离职了！！") == {("刘静", "主任", False)}


def test_their_title_is_of_the_company_the_sentence_opens_with(pipeline: TextPipeline) -> None:
    text = "另：Brightwire赵总上周跟我说，他们项目经理许文涛下个月退休。"
    doc = TextDocument("N", "note", text, "job-statements", 1, "zh", datetime(2026, 3, 1), "A-QS")
    ((_, ex),) = list(pipeline.run([doc]))
    works = {(f.subject[2], f.object[1]) for f in ex.facts if f.relation == "WORKS_AT"}
    assert ("许文涛", "V-BW") in works
    assert not any(who == "许文涛" and at == "A-QS" for who, at in works)
