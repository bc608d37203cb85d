"""Chinese roles read from a topic and who takes it on, in any order within a clause: the topic
says which role ("技术上由他把关": technical evaluator; "预算也是他定", "钱的事她说了算": economic
buyer), and a topic rule claims its verb, so the generic 定 / 说了算 decision cue does not read
it again. ``{topic}``, ``{verbs}`` and ``{P}`` are filled in by the rule grammar."""

from __future__ import annotations

#: a topic, then who takes it on, the topic saying which role: "技术上由他把关", "预算也是他定",
#: "钱的事她说了算" (the money's say: the economic buyer), "经费还是蒋处那边管"
TOPICS = {  # role: (topic, what the person does with it)
    "technical_evaluator": (
        # "技术评审组由叶晨主任牵头", "技术评分由数据中心牵头", "接口测试", "技术选型上她说了算"
        # "方案评估由他牵头": a review of the proposal is a technical one
        r"(?:技术|选型|接口|架构|方案(?=评估|评审|选型|把关))(?:上|方面|这块|这边|方案|参数|选型|评审组?|评标组?"
        r"|评分表?|评估|审核|验收|测试|交流|把关)*",
        r"负责|牵头|把关|管|定(?![位义制期价稿])|说了算|评估|打分|评分|审核|评审|点头|会签|主导|看|接手|参与",
    ),
    "economic_buyer": (
        # "budget曹总已经sign off"
        r"(?:预算|钱|经费|资金|费用|付款|(?<![A-Za-z])[Bb]udget\s?)(?:的事|这块|方面|这边)?",
        r"负责|把关|管|定(?![位义制期价稿])|说了算|批|审批|签(?:了)?字|点头|同意|拍板|统筹|sign[ -]?off",
    ),
    "decision_maker": (r"(?:最后|最终|项目)", r"拍板|定夺|定(?![位义制期价稿])|说了算|做主|拿主意"),
}
_TITLED = r"[\u4e00-\u9fff]{0,6}?(?:主任|科长|处长|部长|院长|所长|局长|经理|总监|主管|负责人)"
_TOPIC_FIRST = (
    r"(?:^|(?<=[，,；;：:。\s]))(?:[\u4e00-\u9fff]{1,6}和)?{topic}\s*(?:也|都|还|还是|主要|是|由|归|在){0,3}\s*"
    rf"(?:{_TITLED})?{{P}}\s*(?:{_TITLED})?"  # "由数据中心主任潘晓峰牵头", "由叶晨主任牵头" (titles as words)
    r"(?:那边|这边|那里)?(?:来|亲自|会|也|都|已经|已|在|自己|本人|就|能|可以|上周|昨天|当场){0,2}\s*"
    r"(?:{verbs})"
)
_IN_CLAUSE = r"[^，,；;。、（）()\n«»？?]"
TOPIC_FORMS = (
    _TOPIC_FIRST,
    # the topic, a few words, the person, then what they do with it: "技术评估这块由信息科邓科长负责",
    # "技术方案需要网络与信息中心葛彬副主任会签", "技术上最终要韩主任点头"
    # "三期的技术方案主要由他把关": a topic of something
    rf"(?:^|(?<=[，,；;：:。\s（(是说的])){{topic}}{_IN_CLAUSE}{{0,10}}?(?:{_TITLED})?"
    rf"{{P}}\s*(?:{_TITLED})?{_IN_CLAUSE}{{0,6}}?(?:{{verbs}})",
    # the person takes the topic on: "汤主任负责技术方案评审", "韩冰主要看技术架构"; not a chat speaker
    rf"{{P}}(?![:：])(?!\s*\[?\d{{1,2}}:\d{{2}}\]?\s*[:：])\s*(?:{_TITLED})?{_IN_CLAUSE}{{0,6}}?"
    r"(?:负责|牵头|把关|主导|主抓|分管|管|主要看|看|评审|审核)(?:的是)?{topic}",
    # the topic goes to the person: "技术评估和等保测评归他"
    # "预算审批转给新来的常务副主任邬志强"
    # "技术这块交给我们冷库的IT工程师小贺（贺文涛）"
    rf"(?:^|(?<=[，,；;：:。\s（(])){{topic}}{_IN_CLAUSE}{{0,8}}?(?:归|交给|转给|移交给?|都找)\s*"
    rf"(?:{_IN_CLAUSE}{{0,12}}?的)?(?:新来的|新任的?)?[A-Za-z]{{0,4}}(?:{_TITLED}|工程师|专员|主管)?"
    rf"{{P}}(?=\s*(?:[，,；;。\n（(]|$))",
    # whose word the topic follows: "技术选型主要听IT架构师Kevin（张凯文）的"
    rf"(?:^|(?<=[，,；;：:。\s（(但而])){{topic}}{_IN_CLAUSE}{{0,6}}?(?:主要|还是|都|也|基本)?听\s*"
    rf"(?:«T\d+»|[^，,；;。\n«»]){{0,8}}?{{P}}\s*(?:{_TITLED})?的(?![\u4e00-\u9fff])",
)
#: the topic, then whose it is, ending its clause: "技术评估是他", "预算也是韩局" (a decision's topic,
#: "最后是王总", says too little for this)
TOPIC_IS = (
    rf"(?:^|(?<=[，,；;：:。\s（(但而])){{topic}}\s*(?:也|都|还|就|主要)?是\s*(?:{_TITLED})?{{P}}\s*(?:{_TITLED})?"
    r"(?=\s*(?:[，,；;。\n）)]|$))"
)
