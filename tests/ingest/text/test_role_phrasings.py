"""Buying roles and stances as Chinese notes state them (phrasings written for these tests)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline, roles_said

CRM = {
    "self": {"id": "SELF", "name": "衡远数智科技"},
    "companies": [
        {"id": "A-HX", "name": "华兴精密机械股份有限公司", "aliases": ["华兴"], "role": "customer"},
        {"id": "V-NEU", "name": "东软", "role": "competitor"},
    ],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "roles") as built:
        yield built


def _roles(pipeline: TextPipeline, text: str) -> set[tuple[str, str, str]]:
    return roles_said(pipeline, TextDocument("N", "note", text, "roles", 1, "zh", None, "A-HX"))


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("最终决策人：副院长赵刚", {("赵刚", "decision_maker", "neutral")}),
        # an A-not-A says whether, and is no negation; an economic decision-maker is the economic buyer only
        ("年框明年到期，续不续赵刚拍板。", {("赵刚", "decision_maker", "neutral")}),
        ("设备科赵刚科长确认他是经济决策人。", {("赵刚", "economic_buyer", "neutral")}),
        ("赵刚是能源中心的工程师，在内部一直帮我们吹风。", {("赵刚", "champion", "supporter")}),
        ("对，赵刚一直力挺。", {("赵刚", "champion", "supporter")}),
        ("赵刚 信息中心主任：我们的铁杆，很多内部消息是他给的。", {("赵刚", "champion", "supporter")}),
        ("这次技术评标赵总（赵刚）当组长，商务分商务部出。", {("赵刚", "technical_evaluator", "neutral")}),
        ("最后选谁可能就是赵刚一句话。", {("赵刚", "decision_maker", "neutral")}),
        ("赵刚说了一句话就走了。", set()),
        # who it is, corrected; an aside between the person and the verb; the one pen that signs
        ("钱归她管，但拍板的不是她，是邵总。", {("邵总", "decision_maker", "neutral")}),
        ("这次要上院务会，由冯院长（分管后勤的副院长）定。", {("冯院长", "decision_maker", "neutral")}),
        ("听说局里的信息化项目都是韩局一支笔。", {("韩局", "economic_buyer", "neutral")}),
        # the person who did something to another is the subject of what follows
        ("副主任杜明主动约了黄工，明显在帮我们。", {("杜明", "champion", "supporter")}),
        (
            "设备科孙立平负责技术评估，和信息科钱文杰一起。",
            {("孙立平", "technical_evaluator", "neutral"), ("钱文杰", "technical_evaluator", "neutral")},
        ),
        ("预算已经报上去了，拍板的还是周主任。", {("周主任", "decision_maker", "neutral")}),
        ("信息科的曹建平一直拖着，我们的方案卡了两个月。", {("曹建平", "blocker", "opponent")}),
        # a list item's later clause, the item's marker after the sentence before it
        (
            "三、关键人物\n- 张敏：QA经理，负责整改，是我们最主要的支持者。\n- 宋佳：QC经理。",
            {("张敏", "champion", "supporter")},
        ),
        # a title with a verb inside ("分管") before the holder; the purse by its nickname
        ("门禁年底前要换，预算在分管副行长袁立手里。", {("袁立", "economic_buyer", "neutral")}),
        ("罗芳——财务处长，钱袋子在她手里。", {("罗芳", "economic_buyer", "neutral")}),
        ("章明——危化科科长。系统上线后危化科是主要使用方。", set()),
        # a mixed note's English negation
        ("曹建平是副总裁，但他 NOT 管钱。", set()),
        # whoever is made to do it does it
        ("郑主任会让许副主任最后拍板。", {("许副主任", "decision_maker", "neutral")}),
        # the topic first, then whoever takes it on, titled before or after the name
        ("技术评审组由叶晨主任牵头。", {("叶晨", "technical_evaluator", "neutral")}),
        # a panel's members, the technical part's lead, the evaluator named before the name
        (
            "技术评审组由叶晨主任牵头，成员还有陆海峰、包静两位平台负责人。",
            {(n, "technical_evaluator", "neutral") for n in ("叶晨", "陆海峰", "包静")},
        ),
        (
            "评标组技术部分由王建国牵头，商务评分由我这边负责。",
            {("王建国", "technical_evaluator", "neutral")},
        ),
        ("技术评估人郑思远下周给结论。", {("郑思远", "technical_evaluator", "neutral")}),
        ("邓志伟是评估组成员，主要看风控这块。", {("邓志伟", "technical_evaluator", "neutral")}),
        ("唐雪牵头这次选型，对架构问得很细。", {("唐雪", "technical_evaluator", "neutral")}),
        ("韦强是 tech evaluator。", {("韦强", "technical_evaluator", "neutral")}),
        ("技术评分由数据中心主任潘晓峰牵头。", {("潘晓峰", "technical_evaluator", "neutral")}),
        ("需求由设备部出，邵主任那边定技术要求。", {("邵主任", "technical_evaluator", "neutral")}),
        ("budget曹总已经sign off。", {("曹总", "economic_buyer", "neutral")}),
        # a chat line's speaker is not who its words are about
        ("王海涛 19:11：以后天天用这个系统的主要是他们几个", set()),
        ("蔡总（GM）做的最终 sign-off。", {("蔡总", "decision_maker", "neutral")}),
        # who leads the evaluation, who approves it "himself", who keeps pushing it, who helps us in
        (
            "数据中台项目罗婷牵头评估，预算何总自己批。",
            {("罗婷", "technical_evaluator", "neutral"), ("何总", "economic_buyer", "neutral")},
        ),
        ("钱处是区域影像项目的技术牵头人。", {("钱处", "technical_evaluator", "neutral")}),
        ("Budget 在马骏手上。", {("马骏", "economic_buyer", "neutral")}),
        ("这个项目高主任一直在推。", {("高主任", "champion", "supporter")}),
        ("王主任会后主动提出帮我们约分管副院长。", {("王主任", "champion", "supporter")}),
        ("这个项目进展顺利，一直在推进。", set()),
        # 钱 and 由 begin no name: "钱由她审批" is her approval
        ("财务科曹科长说专项批了，钱由她审批。", {("曹科长", "economic_buyer", "neutral")}),
        (
            "EB是财务总监马丽，TE是IT经理王海，coach是采购部小周。",
            {
                ("马丽", "economic_buyer", "neutral"),
                ("王海", "technical_evaluator", "neutral"),
                ("小周", "champion", "supporter"),
            },
        ),
        ("刘处长是管钱的。", {("刘处长", "economic_buyer", "neutral")}),
        ("这事儿得赵总点头才行。", {("赵总", "decision_maker", "neutral")}),
        ("想见院长必须先过办公室主任周明这一关。", {("周明", "gatekeeper", "neutral")}),
        ("张处长负责技术选型，对东软比较有好感。", {("张处长", "technical_evaluator", "opponent")}),
        ("孙伟不参与决策，只是执行。", set()),
        # a list's description after a colon names a role; a chat speaker's colon opens speech
        ("- 安全环保部部长钱卫东：铁杆支持者，有事先找他。", {("钱卫东", "champion", "supporter")}),
        ("- 李莎：最后拍板的是沈总。", {("沈总", "decision_maker", "neutral")}),
        # on our behalf, however it is said
        ("曾处长愿意帮我们在院务会上推。", {("曾处长", "champion", "supporter")}),
        ("孙部长一直替你们说话。", {("孙部长", "champion", "supporter")}),
        ("冯婧说她会在王老师那边多帮你们说说。", {("冯婧", "champion", "supporter")}),
        # 钱 is a surname too, but not in "钱归他批"
        ("唐处长管设备处，钱归他批。", {("唐处长", "economic_buyer", "neutral")}),
        # the topic first, then who takes it on: the topic says which role
        ("何宇是数据科科长，技术上由他把关。", {("何宇", "technical_evaluator", "neutral")}),
        ("杨明远负责营销部，技术这块他负责，明显偏东软。", {("杨明远", "technical_evaluator", "opponent")}),
        ("曹振是总经理，预算也是他定。", {("曹振", "economic_buyer", "neutral")}),
        ("立项和经费还是蒋处那边管。", {("蒋处", "economic_buyer", "neutral")}),
        ("林嘉怡，财务总监，管预算，向黄总汇报。", {("林嘉怡", "economic_buyer", "neutral")}),
        # who holds both after the things held; 钱和 is no name
        (
            "对，钱和拍板都在蒋处那边，我做不了主。",
            {("蒋处", "economic_buyer", "neutral"), ("蒋处", "decision_maker", "neutral")},
        ),
        # the one a champion helps us meet is no champion
        ("梁宇主动说帮我们约何总，算是我们在厂里的内线。", {("梁宇", "champion", "supporter")}),
        # a lasting good impression, a leaning to the positive
        ("最后选谁何总说了算，对我们印象一直不错。", {("何总", "decision_maker", "supporter")}),
        ("项目最后蒋处拍板，对我们总体偏正面。", {("蒋处", "decision_maker", "supporter")}),
        # one person alone decides; who cannot decide is no decision maker
        ("续约、加模块都是何总一个人定，梁宇自己定不了。", {("何总", "decision_maker", "neutral")}),
        # 钱不 is no name; pushing a rival is no championing us
        ("王主任技术把关，但钱不在他那。", {("王主任", "technical_evaluator", "neutral")}),
        ("信息部的邹磊一直在推东软。", set()),
        # 主要是 is no 要是 ("if"); who uses it, who can approve, who has the budget approval
        ("- 林晓雯——信息科副科长，新平台上线后日常运维主要是她在用。", {("林晓雯", "user", "neutral")}),
        ("钱从资产处出，刘处能批。", {("刘处", "economic_buyer", "neutral")}),
        ("韩局开场：项目资金已列入明年预算，由他统筹审批。", {("韩局", "economic_buyer", "neutral")}),
        (
            "财务处长罗芳说今年 capex 已经 lock 了，budget approval 在她那里。",
            {("罗芳", "economic_buyer", "neutral")},
        ),
        ("赵磊说付款条款我可以批到25%。", set()),  # a discount's limit, no budget
        ("孟凡上周出差，回来以后开决策会，final call在他。", {("孟凡", "decision_maker", "neutral")}),
        ("形式上要过院长办公会，但蒋处基本就能定。", {("蒋处", "decision_maker", "neutral")}),
        ("何婷说80万预算没问题，财务总监戴丽萍已经签字了。", {("戴丽萍", "economic_buyer", "neutral")}),
        ("彭主任这边管技术，负责跟人资系统对接。", {("彭主任", "technical_evaluator", "neutral")}),
        # a role in an earlier year than the note's is over; one held since then is not
        ("钱伟——设备科科长。2022年门禁项目时他站大华，对我们很抵触；现在已经不负责了。", set()),
        # a change of hands already made is the role now
        (
            "冯涛已经不负责了，技术评估改由新来的信息部经理严磊负责。",
            {("严磊", "technical_evaluator", "neutral")},
        ),
        # a pronoun after the copula is not the possessor before it: 他 is 刘总, not 何经理
        (
            "刘总是分管信息的副总，何经理的分管领导就是他，最后他说了算。",
            {("刘总", "decision_maker", "neutral")},
        ),
        # who will use it, who tests it, whose review the design must pass; interest in us is support
        ("- 任国梁，三号库设备主管，系统重度用户。", {("任国梁", "user", "neutral")}),
        ("- 符科长是以后实际用系统的人，对我们挺有兴趣。", {("符科长", "user", "supporter")}),
        ("- 杜鹏，信息科工程师，负责接口测试。", {("杜鹏", "technical_evaluator", "neutral")}),
        ("厂里新来了个总工邵永明，以后技术方案都要他把关。", {("邵永明", "technical_evaluator", "neutral")}),
        # whom it goes up to for the last word; who sets up hurdles for us
        ("她不是最后拍板的，要报 GM 沈国栋 sign off。", {("沈国栋", "decision_maker", "neutral")}),
        ("谭斌对我们一直有成见，会在评分细则上给我们设卡。", {("谭斌", "blocker", "opponent")}),
        # neutral leaning one way is neutral
        ("曹振华态度中立偏正面，最后他拍板。", {("曹振华", "decision_maker", "neutral")}),
        # a reference glossed by the full name and title in brackets, then its verb
        ("最后要方总（方国栋，我们总经理）点头，他下周回来。", {("方国栋", "decision_maker", "neutral")}),
    ],
)
def test_roles_as_notes_state_them(
    pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]
) -> None:
    assert _roles(pipeline, text) == roles


def test_a_condition_opening_the_sentence_holds_for_its_clauses(pipeline: TextPipeline) -> None:
    assert _roles(pipeline, "如果华兴上了MES，梁宇会是主要用户。") == set()
    assert _roles(pipeline, "华兴上了MES以后，梁宇会是主要用户。") == {("梁宇", "user", "neutral")}


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("罗婷现在汇报给何总。", {("罗婷", "何总")}),
        # whose charge they are now, a clause or two on; who leads them, said of the leader
        ("曹雯是质量科科长，现在归 Frank Weber 管。", {("曹雯", "Frank Weber")}),
        ("韩局分管网络安全科，是孟科长的直属领导。", {("孟科长", "韩局")}),
        ("罗婷升了质量总监，还是汇报给何总。", {("罗婷", "何总")}),
        ("何总下面有两个人：罗婷和梁宇。", {("罗婷", "何总"), ("梁宇", "何总")}),
        ("彭小川跟着罗婷干。", {("彭小川", "罗婷")}),
        ("罗婷和梁宇都 report 给何总。", {("罗婷", "何总"), ("梁宇", "何总")}),
        ("- 聂婉婷，总务处科员，日常对接人，向何总汇报。", {("聂婉婷", "何总")}),
        ("副科长童欣和工程师许诺负责测试环境，两人都向何总汇报。", {("童欣", "何总"), ("许诺", "何总")}),
        # 向 before a title is the preposition, not a 向总
        ("罗婷跟梁宇是平级，两人都向总裁何总汇报。", {("罗婷", "何总"), ("梁宇", "何总")}),
        ("罗婷，设备部经理，直属领导是何总。", {("罗婷", "何总")}),
        ("陶然上个月起已改向何总汇报。", {("陶然", "何总")}),
        ("陶然现在还是向财务的韩总汇报。", {("陶然", "韩总")}),
        ("杨帆（仓储中心主任）reports to 何总。", {("杨帆", "何总")}),
        ("罗婷是何总的直属下级。", {("罗婷", "何总")}),
        ("罗婷归姚建副局长管。", {("罗婷", "姚建")}),
        ("罗婷——设备部副经理，何总手下，日常运维主要是她。", {("罗婷", "何总")}),
        ("新来的IT主管韦思，归何总管。", {("韦思", "何总")}),
        ("- 何总手下架构组组长 赵明 负责技术评估", {("赵明", "何总")}),
        ("- 唐欣（生产技术部工程师，归何总管）：以后日常就是她在用。", {("唐欣", "何总")}),
        ("罗婷的分管领导就是何总。", {("罗婷", "何总")}),
        ("罗婷上面就是何总。", {("罗婷", "何总")}),
        # a deputy's head by surname and title; a company named on the way
        (
            "- 副支队长李伟、副支队长柯建：两人都向邓支队长汇报。",
            {("李伟", "邓支队长"), ("柯建", "邓支队长")},
        ),
        ("钱敏（原鸿途信息部主任）已入职华兴任IT副总监，向郑爽汇报。", {("钱敏", "郑爽")}),
        # the pronoun after the copula is not the subject: 她 is 何丽, not 邹建华
        ("何丽说她明年退休。邹建华是她的副手。", {("邹建华", "何丽")}),
        # a line still to come is not the line
        ("陶然下个月开始向何总汇报。", set()),
        ("何科以后向庞局汇报。", set()),
        # a briefing is no reporting line, nor is the one it goes through
        ("罗婷下午向何总汇报方案。", set()),
        ("我们通过罗婷向何总汇报。", set()),
    ],
)
def test_reporting_lines_as_notes_state_them(
    pipeline: TextPipeline, text: str, lines: set[tuple[str, str]]
) -> None:
    ((_, ex),) = list(pipeline.run([TextDocument("N", "note", text, "roles", 1, "zh", None, "A-HX")]))
    name = {**{k: v[0] for k, v in ex.new_people.items()}}
    assert {(name[f.subject[1]], name[f.object[1]]) for f in ex.facts if f.relation == "REPORTS_TO"} == lines


def test_chat_speakers_as_exports_write_them(pipeline: TextPipeline) -> None:
    """ "我" is whoever speaks: after "[10:05] 罗婷：", and under a header line "罗婷 10:02"."""
    chat = "[10:03] 赵磊：那技术评估谁来？\n[10:05] 罗婷：技术评估我来负责。"
    assert _roles(pipeline, chat) == {("罗婷", "technical_evaluator", "neutral")}
    exported = "罗婷 2025-09-16 10:02\n我是设备部经理。\n赵磊 10:03\n好的。"
    ((_, ex),) = list(pipeline.run([TextDocument("N", "note", exported, "roles", 1, "zh", None, "A-HX")]))
    titles = {
        (ex.new_people[f.subject[1]][0], f.props.get("title")) for f in ex.facts if f.relation == "WORKS_AT"
    }
    assert titles == {("罗婷", "设备部经理")}


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("梁宇对我们方案很积极，说要在何总那边帮我们推一推。", {("梁宇", "champion", "supporter")}),
        ("孟凡是项目sponsor，一直在里面帮我们推，有事先找他。", {("孟凡", "champion", "supporter")}),
    ],
)
def test_the_person_at_whose_side_is_no_subject(
    pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]
) -> None:
    assert _roles(pipeline, text) == roles


def test_a_remit_before_the_title_is_read_with_it(pipeline: TextPipeline) -> None:
    text = "- 沈卫东，分管后勤和信息化的副院长。"
    ((_, ex),) = list(pipeline.run([TextDocument("N", "note", text, "roles", 1, "zh", None, "A-HX")]))
    assert [
        (ex.new_people[f.subject[1]][0], f.props["title"]) for f in ex.facts if f.relation == "WORKS_AT"
    ] == [("沈卫东", "副院长")]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # the topic, a few words, then the person and what they do with it
        ("技术评估这块由信息科邓科长负责。", {("邓科长", "technical_evaluator", "neutral")}),
        ("技术方案需要网络中心葛明副主任会签。", {("葛明", "technical_evaluator", "neutral")}),
        ("我的理解是技术上最终要韩主任点头。", {("韩主任", "technical_evaluator", "neutral")}),
        ("预算要何总点头。", {("何总", "economic_buyer", "neutral")}),
        # the person takes the topic on
        ("汤主任负责技术方案评审。", {("汤主任", "technical_evaluator", "neutral")}),
        ("韩冰主要看技术架构和信创适配。", {("韩冰", "technical_evaluator", "neutral")}),
        # the topic goes to the person
        ("刘洋是信息科科长，技术评估和等保测评归他。", {("刘洋", "technical_evaluator", "neutral")}),
        # a topic in one person's title is not what the next person does
        ("出席：俞红（技术负责人）、潘晓东（质量负责人）。", {("俞红", "technical_evaluator", "neutral")}),
        ("选型最后还是何总拍板。", {("何总", "decision_maker", "neutral")}),
    ],
)
def test_a_topic_and_who_takes_it_on_in_any_order(
    pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]
) -> None:
    assert _roles(pipeline, text) == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("孟凡负责走流程，所有报价都得先经过他。", {("孟凡", "gatekeeper", "neutral")}),
        ("要约领导都得先过小周。", {("小周", "gatekeeper", "neutral")}),
        ("院长的日程都是俞倩在排。", {("俞倩", "gatekeeper", "neutral")}),
        ("院长的秘书俞倩挡驾很厉害，要提前一周打招呼。", {("俞倩", "gatekeeper", "neutral")}),
        # through him to his signature is the money's say, not the door's
        ("系统采购都要过戴明签字。", {("戴明", "economic_buyer", "neutral")}),
    ],
)
def test_who_guards_the_door(pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]) -> None:
    assert _roles(pipeline, text) == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("罗经理在何总那边说话挺管用。", {("罗经理", "influencer", "neutral")}),
        ("刘晓雯说话还挺有分量的。", {("刘晓雯", "influencer", "neutral")}),
        ("沈燕发言权很大，态度中立。", {("沈燕", "influencer", "neutral")}),
        ("用友那家是罗经理推荐的。", {("罗经理", "influencer", "neutral")}),
        ("何总说预算已经批了，最后他拍版。", {("何总", "decision_maker", "neutral")}),
        # recommending us is not weighing in on the choice
        ("韦强说他会推荐我们。", set()),
    ],
)
def test_who_carries_weight(pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]) -> None:
    assert _roles(pipeline, text) == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # a role that changes hands later is not held yet
        ("质量这块由新来的质量总监唐韵接手，之后预算也会由她审批。", set()),
        ("下个月起预算改由唐韵审批。", set()),
        # a date the role acts on is no change of hands
        ("谭总下周回国后拍板。", {("谭总", "decision_maker", "neutral")}),
    ],
)
def test_a_role_from_then_on_is_not_held_now(
    pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]
) -> None:
    assert _roles(pipeline, text) == roles
