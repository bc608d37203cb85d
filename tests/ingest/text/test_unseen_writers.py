"""Shapes four more writers used that the extraction read wrongly or not at all: a participle's
subject, an aside's own tense, chief-officer acronyms and double offices, quoted nicknames,
account sections, Chinese names that are also words, and vendors named by what they built.
Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import Extraction, TextDocument, TextPipeline
from ingest.text._stance import stance_in
from tests.ingest.text.conftest import crm_pipeline, roles_said

CRM = {
    "self": {"id": "SELF", "name": "Ledgerline"},
    "companies": [
        {"id": "A-HB", "name": "Harbor State Bank", "aliases": ["HSB"], "role": "customer"},
        {"id": "A-CC", "name": "Calder County", "role": "prospect"},
        {"id": "A-DY", "name": "东岳理工大学", "aliases": ["东岳理工"], "role": "prospect"},
        {"id": "A-BJ", "name": "滨江市第一人民医院", "aliases": ["滨江一院"], "role": "prospect"},
        {"id": "V-INSPUR", "name": "浪潮", "role": "competitor"},
        {"id": "V-KINGDEE", "name": "金蝶", "aliases": ["Kingdee"], "role": "competitor"},
        {"id": "V-WISEDU", "name": "金智教育", "aliases": ["金智"], "role": "supplier"},
        {"id": "V-KESTREL", "name": "Kestrel Advisory", "role": "partner"},
        {"id": "V-CHEQ", "name": "Cheqprint Services", "aliases": ["Cheqprint"], "role": "supplier"},
    ],
    "contacts": [{"id": "C-DO", "name": "Diane Okonkwo", "company": "A-HB", "title": "CFO"}],
    "products": [{"id": "P-GS", "name": "浪潮GS", "vendor": "V-INSPUR"}],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "unseen") as built:
        yield built


def _read(pipeline: TextPipeline, text: str, lang: str = "en", account: str = "A-HB") -> Extraction:
    ((_, ex),) = list(pipeline.run([TextDocument("N", "note", text, "unseen", 1, lang, None, account)]))
    return ex


def _jobs(ex: Extraction) -> set[tuple[str, str, str]]:
    return {
        (ex.new_people.get(f.subject[1], (f.subject[1], ""))[0], f.object[1], str(f.props.get("title")))
        for f in ex.facts
        if f.relation == "WORKS_AT"
    }


def _facts(ex: Extraction, relation: str) -> set[tuple[str, str]]:
    return {(f.subject[1], f.object[1]) for f in ex.facts if f.relation == relation}


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # the person before a participle holds the purse, not the sentence's subject
        (
            "That will be Joe Tran, their VP of HR, with Diane Okonkwo (CFO) holding the purse strings.",
            {("C-DO", "economic_buyer", "neutral")},
        ),
        # an aside in brackets has its own tense: "used to" there says nothing of the evaluation
        (
            "Sandra Lee (who used to run IT at Acme) will lead the technical evaluation.",
            {("Sandra Lee", "technical_evaluator", "neutral")},
        ),
        (
            "Luis Ortega ran the POC hands-on and liked the demo.",
            {("Luis Ortega", "technical_evaluator", "supporter")},
        ),
        (
            "Director Angela Brooks formally makes the award decision.",
            {("Angela Brooks", "decision_maker", "neutral")},
        ),
        (
            "Anke Schreiber will argue against any further rollout.",
            {("Anke Schreiber", "blocker", "opponent")},
        ),
        (
            "Nate Fontenot will be your technical contact.",
            {("Nate Fontenot", "technical_evaluator", "neutral")},
        ),
        ("Jennifer Voss agreed to fund the second floor.", {("Jennifer Voss", "economic_buyer", "neutral")}),
        (
            "Priya reports to Samuel Cho and he holds the capital.",
            {("Samuel Cho", "economic_buyer", "neutral")},
        ),
        ("Wanda Pike is clearly the one driving this internally.", {("Wanda Pike", "champion", "supporter")}),
        ("Jo Pelham (branch manager) is banging the drum for us.", {("Jo Pelham", "champion", "supporter")}),
        ("Omar Reyes (FD) might try and block it.", {("Omar Reyes", "blocker", "opponent")}),
        ("Kit Lau will approve the phase 2 spend.", {("Kit Lau", "economic_buyer", "neutral")}),
        (
            "The case goes to Ruth Marr, the CEO, for approval at the June board.",
            {("Ruth Marr", "economic_buyer", "neutral")},
        ),
        ("- Dev Patel - technical lead for the pilot.", {("Dev Patel", "technical_evaluator", "neutral")}),
        # who lives in the product, whom the questions go to, who approves the panel's pick
        (
            "- Derek Olsen - reliability engineer; he's the one in the Sentinel dashboards every day.",
            {("Derek Olsen", "user", "neutral")},
        ),
        (
            "Please route all questions to Ray Dominguez in Procurement.",
            {("Ray Dominguez", "gatekeeper", "neutral")},
        ),
        (
            "Simon Farrar will approve the panel's recommendation.",
            {("Simon Farrar", "decision_maker", "neutral")},
        ),
        # whose job comes first is not whose door it is: "his PA, Farah Khan"
        (
            "To get to Rajesh Menon you must go through his PA, Farah Khan.",
            {("Farah Khan", "gatekeeper", "neutral")},
        ),
        (
            "Every vendor contact goes through him and nothing reaches Simon Farrar directly.",
            set(),
        ),
        # one person under a nickname: "Tom Whitaker" is the Thomas Whitaker named before
        (
            "Thomas Whitaker joined in May. Tom Whitaker will approve the phase 2 spend.",
            {("Thomas Whitaker", "economic_buyer", "neutral")},
        ),
    ],
)
def test_roles_as_more_writers_say_them(
    pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]
) -> None:
    assert roles_said(pipeline, TextDocument("N", "note", text, "unseen", 1, "en", None, "A-HB")) == roles


@pytest.mark.parametrize(
    ("text", "job"),
    [
        ("Anil Choudhury (CMIO – item 3 only) asked about Epic.", ("Anil Choudhury", "A-HB", "CMIO")),
        (
            "County team: Lorraine Beddoes (Treasurer-Tax Collector, exec sponsor).",
            ("Lorraine Beddoes", "A-HB", "Treasurer-Tax Collector"),
        ),
        ("It's under the Auditor-Controller, Walt Hagberg.", ("Walt Hagberg", "A-HB", "Auditor-Controller")),
        ("Also met Kevin Oduya, Sr Integration Engr.", ("Kevin Oduya", "A-HB", "Sr Integration Engr")),
        # a quoted nickname is no part of the name the person is filed under
        ('Arturo reports to the CIO, Margaret "Peg" Donnelly.', ("Margaret Donnelly", "A-HB", "CIO")),
        (
            'New AP supervisor, Jerome "Jay" Whitfield, reports to Tamika.',
            ("Jerome Whitfield", "A-HB", "AP supervisor"),
        ),
        (
            "Tamika Rhodes has been promoted to Director of AP Operations.",
            ("Tamika Rhodes", "A-HB", "Director of AP Operations"),
        ),
        # two domains joined by "&" after VP; a GM's domain; "old" says when, not what
        ("Lisa Meyer, VP Food Safety & Quality, called.", ("Lisa Meyer", "A-HB", "VP Food Safety & Quality")),
        ("Travis Keogh (GM Technology) dialled in.", ("Travis Keogh", "A-HB", "GM Technology")),
        (
            "Luann Pritchett (the old nutrition supervisor) retired in June.",
            ("Luann Pritchett", "A-HB", "nutrition supervisor"),
        ),
        # a given name and a capitalised word after the domain start the name, not the title
        ("Met the VP Finance Anita Sorensen today.", ("Anita Sorensen", "A-HB", "VP Finance")),
    ],
)
def test_titles_and_names(pipeline: TextPipeline, text: str, job: tuple[str, str, str]) -> None:
    assert job in _jobs(_read(pipeline, text))


def test_a_note_in_sections_files_each_under_its_account(pipeline: TextPipeline) -> None:
    text = (
        "【交接】两个单子\n\n=== 东岳理工 ===\n葛云 — 财务处副处长，这个项目她说了算。\n\n"
        "=== 滨江一院 ===\n谢伟（信息科长）— 技术评估，坚持本地部署。\n"
    )
    ex = _read(pipeline, text, "zh", "A-DY")
    assert {(p, c) for p, c, _ in _jobs(ex)} == {("葛云", "A-DY"), ("谢伟", "A-BJ")}


def test_a_name_read_whole_where_a_word_or_a_title_follows_it(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "周主任上面是普外科主任魏东升教授。", "zh", "A-DY")
    assert [m.text for m in ex.mentions if m.text.startswith("魏")] == ["魏东升"]
    text = "东岳理工董事长沈国华出席签约仪式。沈国华表示满意。最后是沈董点头。"
    ex = _read(pipeline, text, "zh", "A-DY")
    people = {m.text: m.node_id for m in ex.mentions if m.label == "PERSON"}
    assert set(people) == {"沈国华", "沈董"} and people["沈董"] == people["沈国华"]


def test_a_given_name_before_the_full_name_is_that_person(pipeline: TextPipeline) -> None:
    text = "Vikram reports to Diane Okonkwo. I met Vikram Sethi, their Head of IT, on Friday."
    ex = _read(pipeline, text)
    assert sorted(name for name, _ in ex.new_people.values()) == ["Vikram Sethi"]
    assert _facts(ex, "REPORTS_TO") == {(next(iter(ex.new_people)), "C-DO")}
    # the stance said of the short name is the person's
    text = "Vikram is very keen on us. I met Vikram Sethi, their Head of IT, who will make the final call."
    doc = TextDocument("N", "note", text, "unseen", 1, "en", None, "A-HB")
    assert roles_said(pipeline, doc) == {("Vikram Sethi", "decision_maker", "supporter")}


def test_an_insider_to_be_is_no_champion_yet(pipeline: TextPipeline) -> None:
    doc = TextDocument("N", "note", "邱志鹏挺感兴趣，以后可以培养成内线。", "unseen", 1, "zh", None, "A-DY")
    assert not {r for _, r, _ in roles_said(pipeline, doc)} & {"champion"}


def test_a_roll_up_files_each_paragraph_under_the_account_opening_it(pipeline: TextPipeline) -> None:
    text = (
        "Team,\n\nHSB (commit, Q2): Diane Okonkwo holds the budget.\n\n"
        "Calder County (upside): Ruth Abney holds the budget; nothing moves before June.\n\n"
        "Tom Reyes holds the budget for the pilot.\n"
    )
    ex = _read(pipeline, text, "en", "A-HB")
    said = {
        (ex.new_people.get(f.subject[1], (f.subject[1], ""))[0], f.object[1])
        for f in ex.facts
        if f.relation == "DECISION_ROLE"
    }
    assert said == {("C-DO", "A-HB"), ("Ruth Abney", "A-CC"), ("Tom Reyes", "A-HB")}


@pytest.mark.parametrize(
    ("text", "job"),
    [
        ("- 周卫东 总会计师：最终决策人。", ("周卫东", "A-DY", "总会计师")),
        ("- 财务总监白雪，管预算审批。", ("白雪", "A-DY", "财务总监")),  # 白雪 is also a word (snow)
        ("现在是副主任医师鲁晓明临时负责。", ("鲁晓明", "A-DY", "副主任医师")),
        ("- 附二院来人：魏东升（普外科主任）。", ("魏东升", "A-DY", "普外科主任")),
        # a deputy of any head, a lab's own ranks, an office (办) and a platform as units
        ("她和杜工都报给副站长罗文彬。", ("罗文彬", "A-DY", "副站长")),
        ("质量负责人是副主任技师邵敏。", ("邵敏", "A-DY", "副主任技师")),
        ("- 采购办主任罗建平：招标流程的把关人。", ("罗建平", "A-DY", "采购办主任")),
        ("- 蔡立新：核磁平台负责人，我们的内线。", ("蔡立新", "A-DY", "核磁平台负责人")),
        # a name a space parts from its title in a list, though its first two characters are a word (魏国)
        ("院方——分管副院长 魏国栋;检验科主任 陈红", ("魏国栋", "A-DY", "分管副院长")),
        # the heads 专工 and 专责, and a trade before a head
        ("他和电气专工霍云都向赵主任汇报。", ("霍云", "A-DY", "电气专工")),
        ("我是东岳理工基础设施部机电经理郑凯文。", ("郑凯文", "A-DY", "基础设施部机电经理")),
        # people's functions, and a function inside an office; a table's row
        ("- 薪酬经理吕静，天天用系统的人。", ("吕静", "A-DY", "薪酬经理")),
        ("- 谭晓雯\u3000人力资源部薪酬主管", ("谭晓雯", "A-DY", "人力资源部薪酬主管")),
        ("| 姓名 | 职务 |\n| 董丽华 | 财务部总经理 | 预算审批 |", ("董丽华", "A-DY", "财务部总经理")),
    ],
)
def test_chinese_names_and_titles(pipeline: TextPipeline, text: str, job: tuple[str, str, str]) -> None:
    assert job in _jobs(_read(pipeline, text, "zh", "A-DY"))


def test_a_preposition_and_a_deed_are_no_people(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "陈晓直接向董事长许国强汇报，最后许董签字。", "zh", "A-DY")
    people = {m.text for m in ex.mentions if m.label == "PERSON"}
    assert "向董事长" not in people and "董签字" not in people and "许国强" in people


@pytest.mark.parametrize(
    ("text", "relation", "fact"),
    [
        ("核算系统用的浪潮GS，去年刚升完级。", "USES", ("A-DY", "P-GS")),
        ("预算一体化系统 是浪潮的（省里统一建的）", "USES", ("A-DY", "V-INSPUR")),
        ("注意：学校统一身份认证是金智教育做的。", "SUPPLIES", ("V-WISEDU", "A-DY")),
        # the kit a supplier's is used for, and the part a contractor plays
        ("厂内另有一座储能，PCS用金智。", "SUPPLIES", ("V-WISEDU", "A-DY")),
        ("逆变器用的金智，去年底投运。", "SUPPLIES", ("V-WISEDU", "A-DY")),
        ("配套储能20MW，EPC是金智教育，计划8月并网。", "SUPPLIES", ("V-WISEDU", "A-DY")),
    ],
)
def test_installs_and_suppliers_zh(
    pipeline: TextPipeline, text: str, relation: str, fact: tuple[str, str]
) -> None:
    assert fact in _facts(_read(pipeline, text, "zh", "A-DY"), relation)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("林悦是技术员。选型报告她写，拍板不是她。", "zh"),
        ("林悦是技术员。选型报告她写，但最后拍板的不是她。", "zh"),
        ("Dana Whitlock runs the project, but the final say is not hers.", "en"),
        ("Dana Whitlock keeps telling people she's the decision maker - she isn't, she recommends.", "en"),
        # taking no part, in a mixed line too
        ("林悦 explicitly 说技术评审她不 involve。", "zh"),
        ("林悦说技术评审她并不参与。", "zh"),
    ],
)
def test_a_role_denied_after_its_cue(pipeline: TextPipeline, text: str, lang: str) -> None:
    account = "A-DY" if lang == "zh" else "A-HB"
    assert not [f for f in _read(pipeline, text, lang, account).facts if f.relation == "DECISION_ROLE"]
    said = text.replace("不是她", "是她").replace(" is not hers", " is hers").replace(" - she isn't", "")
    said = said.replace("她不 involve", "她来负责").replace("她并不参与", "她来负责")
    assert [f for f in _read(pipeline, said, lang, account).facts if f.relation == "DECISION_ROLE"]


def test_a_kit_to_be_chosen_is_no_install(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "电池大概率用金智的，PCS还没定。", "zh", "A-DY")
    assert not _facts(ex, "SUPPLIES") and not _facts(ex, "USES")


def test_useful_is_no_install(pipeline: TextPipeline) -> None:
    assert not _facts(_read(pipeline, "金蝶的资料很有用的，我们参考一下。", "zh", "A-DY"), "USES")


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Advisory, the bank's long-standing systems integrator, would do the integration work.",
        "Their check printing is done by Cheqprint Services.",
        # a service, work finished, a feed, hosting
        "Kestrel Advisory does the ammonia system service (on contract).",
        "Cheqprint already provides the telematics SIMs for the van fleet.",
        "Glacier work: Kestrel Advisory finished the compressor retrofit in June.",
        "Total-loss valuations already come through a Cheqprint feed.",
        "* Hosting via Kestrel Advisory - no issues",
        "HSB just signed Cheqprint Services for the compressor retrofit.",
    ],
)
def test_suppliers_en(pipeline: TextPipeline, text: str) -> None:
    supplies = _facts(_read(pipeline, text), "SUPPLIES")
    assert supplies & {("V-KESTREL", "A-HB"), ("V-CHEQ", "A-HB")}


@pytest.mark.parametrize(
    ("text", "lang", "lines"),
    [
        (
            "Diane Tran and the maintenance superintendent, Gil Navarro, both report to Rick Halvorsen.",
            "en",
            {("Diane Tran", "Rick Halvorsen"), ("Gil Navarro", "Rick Halvorsen")},
        ),
        (
            "Lucy Farrow (AP Supervisor (North region)) and Gary Tennant (AP Supervisor, South) both report "
            "to Hannelore Voss.",
            "en",
            {("Lucy Farrow", "Hannelore Voss"), ("Gary Tennant", "Hannelore Voss")},
        ),
        (
            "Sandra Liu does the build; the sign-off belongs to her manager, Ravi Subramanian.",
            "en",
            {("Sandra Liu", "Ravi Subramanian")},
        ),
        ("出纳主管邹晓去对接，她直接跟何佳汇报。", "zh", {("邹晓", "何佳")}),
        ("陈晓还是向许董汇报。", "zh", {("陈晓", "许董")}),  # 许董 is 许's title, no 董汇报
        ("冯志明现在向滨江一院集团CFO Frank Weber汇报。", "zh", {("冯志明", "Frank Weber")}),
        # coordination across a department and title; "两人都是…分管"; a line as an arrow
        ("邓晓峰和办税服务厅主任柯红都归苏芳管。", "zh", {("邓晓峰", "苏芳"), ("柯红", "苏芳")}),
        ("- 吕海燕、黄志俊两人都是曹立新副局长分管。", "zh", {("吕海燕", "曹立新"), ("黄志俊", "曹立新")}),
        ("▪ 汇报线：苏芳 → 严建国；", "zh", {("苏芳", "严建国")}),
        # a line inside one person's brackets is theirs alone, not the list's
        ("出席：周立军（运营总监）、小谭（IT开发，钱主任组里的）", "zh", {("小谭", "钱主任")}),
        ("钱还是她管。", "zh", set()),  # 钱 is the money here
        # someone named inside the brackets, and "someone's people"
        ("中心实验员吴佳怡（冯立新带的，平时归他管）是日常使用者。", "zh", {("吴佳怡", "冯立新")}),
        ("新的调度主管柯伟到岗，周总下面的人。", "zh", {("柯伟", "周总")}),
        ("- 宁晓：架构组，周总下面的，做技术评估。", "zh", {("宁晓", "周总")}),
        ("- 廖杰｜周总手下的架构师，POC阶段的对口人。", "zh", {("廖杰", "周总")}),
        # an assistant in brackets; "like another one, both report to"
        ("周倩（苏芳的助理，负责记录）也在。", "zh", {("周倩", "苏芳")}),
        ("护士长蒋芳和韦红一样，都直接向苏芳汇报。", "zh", {("蒋芳", "苏芳"), ("韦红", "苏芳")}),
        # a possessive's boss named straight after ("her boss Owen Tranter (COO) is")
        (
            "Lucy Barraclough is NOT the decision maker - her boss Owen Tranter (COO) is.",
            "en",
            {("Lucy Barraclough", "Owen Tranter")},
        ),
        # an honorific before the manager's name; a boss written with "="
        (
            "Glen Whitcomb reports to the Superintendent, Dr. Yvonne Castillo.",
            "en",
            {("Glen Whitcomb", "Yvonne Castillo")},
        ),
        ("Denise Okafor's boss = Greg Whitaker (COO).", "en", {("Denise Okafor", "Greg Whitaker")}),
        # "under" a person after a comma; not under a person's budget
        (
            "Marta Kowal - she is Production Planning Manager, under Greg Whitaker.",
            "en",
            {("Marta Kowal", "Greg Whitaker")},
        ),
        ("The Q3 spend sits, under Greg Whitaker's budget, with finance.", "en", set()),
        # "is under" a person (not "under review"); a group's title before the manager; Spanish kept
        (
            "Kunle Bakare is under Greg Whitaker for the console work.",
            "en",
            {("Kunle Bakare", "Greg Whitaker")},
        ),
        ("Kunle Bakare is under review.", "en", set()),
        (
            "Elin Lindqvist is based at the depot. Her boss is the group Chief Safety Officer, Hamish Ure.",
            "en",
            {("Elin Lindqvist", "Hamish Ure")},
        ),
        (
            "- Luz Marina Quintero (AP Lead), reporta a Camilo Restrepo.",
            "en",
            {("Luz Marina Quintero", "Camilo Restrepo")},
        ),
    ],
)
def test_reporting_lines(pipeline: TextPipeline, text: str, lang: str, lines: set[tuple[str, str]]) -> None:
    ex = _read(pipeline, text, lang, "A-HB" if lang == "en" else "A-DY")

    def name(end: tuple[str, str, str]) -> str:
        return ex.new_people.get(end[1], (end[1], ""))[0]

    assert {(name(f.subject), name(f.object)) for f in ex.facts if f.relation == "REPORTS_TO"} == lines


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Kaz Ahmed (depot mgr) turned out to be a fan. He will be a day-to-day user.", "supporter"),
        ("Jamal Whitaker signed off the VLAN design and is happy with it.", "supporter"),
        ("Kaz Ahmed will be a day-to-day user; he is not a fan.", "opponent"),
        ("Maria Sosa will score the technical section and is leaning towards Kingdee.", "opponent"),
        # a two-letter given name alone is the person named in full before
        ("Jo Pike will run the technical review. I should warn you that Jo is openly hostile.", "opponent"),
        # a table's stance column; whom "per" cites is not who holds the stance
        ("| David Osei | Influencer | Opponent |", "opponent"),
        (
            "- Johan Botha has the final say and, per Kaz Ahmed, is dead against adding another SaaS bill.",
            "opponent",
        ),
        ("Kaz Ahmed will be the main user; she is fan already.", "supporter"),
        ("Johan Botha makes the final call. He has come right round and is warming to us.", "supporter"),
        ("Kaz Ahmed, still our champ, is pushing the agenda item.", "supporter"),
        ("Johan Botha has the final say and would like it to be you.", "supporter"),
    ],
)
def test_stance_from_plain_words(pipeline: TextPipeline, text: str, stance: str) -> None:
    said = roles_said(pipeline, TextDocument("N", "note", text, "unseen", 1, "en", None, "A-HB"))
    assert said and {s for _, _, s in said} == {stance}


def test_a_chat_speakers_company_and_a_posted_engineer(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "[09:31] 杜涛(金智)：招标公告昨晚挂了\n金智教育——潘磊（驻院工程师）\n", "zh", "A-DY")
    assert {("杜涛", "V-WISEDU", "None"), ("潘磊", "V-WISEDU", "驻院工程师")} <= _jobs(ex)


@pytest.mark.parametrize(
    "text",
    ["Mei-Ling Huang writes the test criteria.", "Dwayne Hollis will review the technical submittals."],
)
def test_technical_evaluators_by_their_work(pipeline: TextPipeline, text: str) -> None:
    said = roles_said(pipeline, TextDocument("N", "note", text, "unseen", 1, "en", None, "A-HB"))
    assert {r for _, r, _ in said} == {"technical_evaluator"}


@pytest.mark.parametrize(
    ("text", "uses"),
    [
        # a supplier the sentence names is not the one that uses the kit
        (
            "Installed base: portables are 浪潮GS units, bought outright through Cheqprint Services.",
            {("A-HB", "P-GS")},
        ),
        # a subject line names what the mail is about, not what the account runs
        ("Subject: RE: 浪潮GS – infra requirements for the POC", set()),
    ],
)
def test_installs_en(pipeline: TextPipeline, text: str, uses: set[tuple[str, str]]) -> None:
    assert _facts(_read(pipeline, text), "USES") == uses


@pytest.mark.parametrize(
    "text",
    [
        "Current: 浪潮GS (ends Sep 2027), MetroCal mapping booked for Aug.",  # the cue inside the date
        "HSB is locked into 浪潮GS across all 14 branches til Sept '27, open to a demo.",
    ],
)
def test_a_contracts_end_by_a_short_cue(pipeline: TextPipeline, text: str) -> None:
    ends = {f.props.get("contract_end") for f in _read(pipeline, text).facts if f.relation == "USES"}
    assert ends == {"2027-09-30"}


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # the budget's holder follows the cue, not the sentence's subject
        ("回访葛云（保卫部总经理）：预算在分管副院长谢伟手里。", {("谢伟", "economic_buyer", "neutral")}),
        # one before whom something is done is not who does it
        ("葛云非常支持我们，经常在谢伟面前帮我们说话。", {("葛云", "champion", "supporter")}),
        # who pays, a budget owner, a topic of something, a topic handed on
        ("需求是业务处提的，所以真正出钱的是房处。", {("房处", "economic_buyer", "neutral")}),
        ("Budget owner 是财务处处长柯文斌。", {("柯文斌", "economic_buyer", "neutral")}),
        ("二期的技术方案主要由汤宏把关。", {("汤宏", "technical_evaluator", "neutral")}),
        ("技术评估改由网络科副科长蓝杰接手。", {("蓝杰", "technical_evaluator", "neutral")}),
        ("预算审批转给新来的副处长邵永年", {("邵永年", "economic_buyer", "neutral")}),
        ("技术这块交给我们仓库的IT工程师小尹（尹文涛）", {("尹文涛", "technical_evaluator", "neutral")}),
        ("许总和财务总监柏丽一起定预算。", {("柏丽", "economic_buyer", "neutral")}),
        ("决策链：总经理邢总签合同。", {("邢总", "economic_buyer", "neutral")}),
        # stance as writers put it
        ("房丽负责技术评估，会上明显偏我们。", {("房丽", "technical_evaluator", "supporter")}),
        ("祁敏是技术评估人，对我们整体比较 positive。", {("祁敏", "technical_evaluator", "supporter")}),
        # the manager an item names as theirs does none of it
        (
            "- 宁晓：架构组，周总下面的，做技术评估，挺认可我们。",
            {("宁晓", "technical_evaluator", "supporter")},
        ),
        ("- 廖杰｜周总手下的架构师，技术评估他来做。", {("廖杰", "technical_evaluator", "neutral")}),
    ],
)
def test_roles_zh(pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]) -> None:
    assert roles_said(pipeline, TextDocument("N", "note", text, "unseen", 1, "zh", None, "A-DY")) == roles


def test_their_title_is_of_the_company_the_sentence_opens_with(pipeline: TextPipeline) -> None:
    text = "Kestrel Advisory have said they'll do the SSO work; their account manager is Dev Shah."
    assert ("Dev Shah", "V-KESTREL", "account manager") in _jobs(_read(pipeline, text))
    assert ("Tom Archer", "A-HB", "CIO") in _jobs(
        _read(pipeline, "HSB is replacing Kestrel Advisory; their CIO is Tom Archer.")
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Remi Bouchard signs anything over 25k.", {("Remi Bouchard", "economic_buyer", "neutral")}),
        ("Budget approval sits with Naomi Achterberg.", {("Naomi Achterberg", "economic_buyer", "neutral")}),
        # budget sign-off held or handed to a titled person; not one waited for
        (
            "Budget sign-off goes to their CFO, Ray Dunleavy.",
            {("Ray Dunleavy", "economic_buyer", "neutral")},
        ),
        ("Ray Dunleavy needs budget sign-off from the board.", set()),
        ("Priya Nair will be the day-to-day system admin.", {("Priya Nair", "user", "neutral")}),
        (
            "Jodie Nguyen confirmed it - she's the one making the call.",
            {("Jodie Nguyen", "decision_maker", "neutral")},
        ),
        ("Sunita Rao is the technical assessor.", {("Sunita Rao", "technical_evaluator", "neutral")}),
        (
            "Aidan MacNeil and Kenji Sato do the evaluation.",
            {
                ("Aidan MacNeil", "technical_evaluator", "neutral"),
                ("Kenji Sato", "technical_evaluator", "neutral"),
            },
        ),
        ("Brendan Foley (CEO) gave it the nod.", {("Brendan Foley", "decision_maker", "supporter")}),
        # the sayer of "said" is the one who admitted: he is Jens, not the man named before him
        (
            "Regrets: Frank Iverson.\nJens Petersen is the technical guy. "
            "Jens admitted he was wrong and said he's now on board.",
            {("Jens Petersen", "technical_evaluator", "supporter")},
        ),
    ],
)
def test_roles_in_plain_words(pipeline: TextPipeline, text: str, said: set[tuple[str, str, str]]) -> None:
    assert roles_said(pipeline, TextDocument("N", "note", text, "unseen", 1, "en", None, "A-HB")) == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("她说丁海波会牵头做技术评分。", ("丁海波", "technical_evaluator")),
        ("范宁宁在做技术比选表，打分她来弄。", ("范宁宁", "technical_evaluator")),
        ("韩说他只管运行，钱在集团新能源部付总手里。", ("付总", "economic_buyer")),
        ("园区平台项目上周主任办公会过了，冯主任同意立项。", ("冯主任", "decision_maker")),
    ],
)
def test_roles_in_plain_words_zh(pipeline: TextPipeline, text: str, said: tuple[str, str]) -> None:
    doc = TextDocument("N", "note", text, "unseen", 1, "zh", None, "A-DY")
    assert said in {(p, r) for p, r, _ in roles_said(pipeline, doc)}


@pytest.mark.parametrize(
    ("clause", "stance"),
    [
        ("叶晨自己倾向我们，技术评审他会按实际打分，不会偏向金印", "supporter"),
        ("挺 friendly，对我们 impression 不错", "supporter"),
        ("今天态度明显好转，还帮我们在会上说了几句话", "supporter"),
        ("当场拍板跟我们进入商务谈判", "supporter"),
        ("我这边技术评估会给正面结论", "supporter"),
        ("看了方案，觉得思路对", "supporter"),
        ("他并不反对", "neutral"),
        ("觉得思路对吗？还不好说", None),
    ],
)
def test_stance_from_plain_chinese_words(clause: str, stance: str | None) -> None:
    assert stance_in(clause, "zh") == stance


@pytest.mark.parametrize(
    ("text", "lang", "account"),
    [
        ("Risk: Dana Whitlock wanting to re-run the selection and block us.", "en", "A-HB"),
        ("- 风险：林悦的抵触，需要安排一次培训体验。", "zh", "A-DY"),
    ],
)
def test_a_line_put_as_a_risk_states_no_role(
    pipeline: TextPipeline, text: str, lang: str, account: str
) -> None:
    assert not [f for f in _read(pipeline, text, lang, account).facts if f.relation == "DECISION_ROLE"]
    said = text.replace("Risk: ", "").replace("- 风险：", "- ")
    assert [f for f in _read(pipeline, said, lang, account).facts if f.relation == "DECISION_ROLE"]
