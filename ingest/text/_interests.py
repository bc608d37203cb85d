"""INTERESTED_IN from a sentence's topics: whose interest a topic is (the person said to care,
before or after it, or the person of the sentence before when this one has no subject), else
the account's; not when the interest is denied, only our pitch, or asked about."""

from __future__ import annotations

import re

from ._emitting import CONF_KNOWN, Emit, End, plain
from ._mentions import Mention
from ._modality import clause_end, modality
from ._rules import INTEREST_CUES


def interests(
    skeleton: str,
    ments: list[Mention],
    marks: dict[int, tuple[int, int]],
    langs: tuple[str, ...],
    subject: End,
    emit: Emit,
    last_person: str,
) -> None:
    """INTERESTED_IN of the topics a sentence names: the person said to care, else the account."""
    topics = [i for i, m in enumerate(ments) if m.label == "TOPIC" and m.node_id]
    sentence = plain(skeleton)
    lang = langs[0]
    # English cue words in a Chinese sentence count too ("邹兰的 concern 还是 GSP compliance")
    cue_langs = (*langs, "en") if "en" not in langs and _LATIN_WORD.search(sentence) else langs
    if sentence.rstrip(" \t\n[)）\"'”").endswith(("?", "？")):
        return  # a question raises a topic, nobody's interest (a chat line's next "[" may trail)
    denied = {
        ments[i].node_id for i in topics if any(modality(skeleton, *marks[i], lg).negated for lg in langs)
    }
    for i in topics:
        t = ments[i]
        if t.node_id in denied:
            continue  # "对能耗管理兴趣不大", "NOT looking at any room booking – tenants book their own rooms"
        later = [marks[j][0] for j in topics if marks[j][0] > marks[i][0]]
        own = plain(skeleton[marks[i][0] : min(later, default=len(skeleton))])  # up to the next topic
        if any(_NO_INTEREST[lg].search(own) for lg in langs):
            continue  # "会上聊到了预测性维护，他们兴趣一般", "对能耗管理兴趣不大，主要关注预测性维护"
        if _INSTALLED.match(skeleton, marks[i][1]):
            continue  # "楼宇自控是西门子的Desigo CC", "access control is on Genetec": what runs there now
        if _WE_RAISED.search(sentence):
            continue  # "We mentioned infection control in the demo", "I brought up X": our agenda
        cue = any(INTEREST_CUES[lg].search(sentence) for lg in cue_langs)
        if not cue and any(_OUR_PITCH[lg].search(sentence) for lg in langs):
            continue  # "我们给他们讲了预测性维护的方案": what we offered, not what they asked for
        if not cue and _HEADING.fullmatch(skeleton.strip(" \t\n•·-*")):
            continue  # a title line ("临海化工 安全生产信息化交流会 会议纪要") names a subject, no interest
        if (
            not cue
            and _OFFERED.search(skeleton, 0, marks[i][0])
            and _PRODUCT_HEAD.match(skeleton, marks[i][1])
        ):
            continue  # "中控的安全生产管控平台", "衡远EAM（设备全生命周期管理系统）": a product's kind
        if not cue and any(_UNSURE[lg].search(sentence) for lg in langs):
            continue  # "如果今年预算还有余量，会考虑把安全生产平台一起做": a maybe, nobody's interest yet
        rule = "interest_cue" if cue else "topic_mention"
        # the person who is said to care ("Gary keeps asking about energy efficiency"), else the account
        people = [
            m
            for j, m in enumerate(ments)
            if m.label == "PERSON"
            and m.node_id
            and j < i
            # "韩总说明年 warehouse automation 是 top priority": the speaker reports the account's
            and not _SAYS.match(skeleton, marks[j][1])
            and any(
                INTEREST_CUES[lg].search(plain(skeleton[marks[j][1] : marks[i][0]]))
                # "他对预测性维护模块很关注": the cue after the topic, with only 对 between
                # (and the person's title in brackets: "卢雅琪（副总经理）对carbon accounting很感兴趣")
                or (
                    _ABOUT.fullmatch(_GLOSS.sub("", skeleton[marks[j][1] : marks[i][0]]))
                    and INTEREST_CUES[lg].search(
                        plain(skeleton[marks[i][1] : clause_end(skeleton, marks[i][1], lang)])
                    )
                )
                for lg in cue_langs
            )
        ]
        owner = _owner_after(skeleton, ments, marks, i) if not people else None
        if not people and owner is None and last_person and _NO_SUBJECT.match(skeleton):
            owner = ("Person", last_person, "")  # "- Angela Wu, fleet maint. … \n Wants mobile work orders"
        emit(
            "INTERESTED_IN",
            ("Person", people[-1].node_id, people[-1].text) if people else owner or subject,
            ("Topic", t.node_id, t.text),
            {},
            f"interested_in/{lang}/{rule}",
            CONF_KNOWN if rule == "interest_cue" else 0.7,
        )


def _owner_after(
    skeleton: str, ments: list[Mention], marks: dict[int, tuple[int, int]], i: int
) -> End | None:
    """The person a topic is said to belong to after it: "Fraud analytics is her whole agenda",
    "mobile work orders … is the big win for me"."""
    for j, m in enumerate(ments):
        if m.label != "PERSON" or not m.node_id or j not in marks or marks[j][0] < marks[i][1]:
            continue
        between = skeleton[marks[i][1] : marks[j][0]]
        if _OWNER_BEFORE.fullmatch(between) and (
            between.rstrip().endswith("for") or _OWNED.match(skeleton, marks[j][1])
        ):
            return ("Person", m.node_id, m.text)
        return None
    return None


# between the topic and its owner, and after the owner
_OWNER_BEFORE = re.compile(
    r"(?:\s+(?:[\w-]+|«[A-Z]\d+»)){0,6}?\s+(?:is|are|was|remains)\s+(?:[\w-]+\s+){0,4}?"
    r"|[)）]?\s*[-–—:]\s*"  # "(mobile credentials) – Vikram's no. 1"
    r"|(?:(?:和|、)«K\d+»)*(?:是|就是|一直是)",  # "等保和信创是他的红线"
    re.I,
)
_OWNED = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:agenda|priority|priorities|focus|concern|win|goal|thing|"
    r"no\.? ?1|number one|#1)(?!\w)"
    r"|\s+(?:always |mostly |keeps? )?(?:talks?|cares?|asks?|worries|obsesses|goes on) about\b"
    r"|的(?:红线|底线|重点|关注点|痛点|心病|头等大事)"
    r"|(?:最近|一直|目前)?最(?:上心|关心|在意|看重|重视|头疼)的(?:事|点|问题)?",  # "…是杜院最近最上心的事"
    re.I,
)
# a sentence whose subject is the person of the sentence before: "Wants mobile work orders …"
_NO_SUBJECT = re.compile(
    r"\W*(?:(?:very|v|really|also|still)\s+)?(?:wants?|keen on|asked about|asks about|interested in|"
    r"curious about|worried about|focused on|cares about|pushing for)\b",
    re.I,
)
_GLOSS = re.compile(r"^\s*[（(](?:«T\d+»|[^（）()«»\n])*[）)]")  # a title in brackets after a name
_ABOUT = re.compile(r"\s*(?:一直|比较|特别|非常|很|也|都)?\s*(?:对|对于|在)\s*")  # "她在信创上要求很严"


_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
#: right after a topic, the product or vendor it runs on: the topic names the kind of an install
_INSTALLED = re.compile(
    r"\s?(?:(?:目前|现在|以前|原来|一直)?(?:用的是|用的|是|上的是|用)|[（(:：]"
    r"|\s(?:is|are|runs?|is on|are on|runs on|:)\s)\s?(?:我们的|他们的)?\s?«[OX]\d+»"
    r"|\s?(?:还|都|目前|现在)?(?:在|用)«[OX]\d+»上?(?:走|跑)",
    re.I,
)
_WE_RAISED = re.compile(
    r"\b(?:we|I|our (?:team|side)|my team)\b(?: (?:also|then|again|briefly))? "
    r"(?:raised|mentioned|brought up|pitched|presented|showed|demoed)\b",
    re.I,
)
# a heading: a short line without clause punctuation, a full stop or a person
_HEADING = re.compile(r"(?:(?!«P)[^，,。.；;：:！!？?\n]){2,40}")
_SAYS = re.compile(
    r"(?:[（(][^）)]{0,20}[）)]|[，,](?:[^，,。；;\n«»（）()]|«T\d+»){0,12}[）)])?\s*"
    r"(?:说|表示|讲|介绍说|反馈说|称|\s(?:says|said|told us|mentioned that)\b)",
    re.I,
)
#: a company or product right before a topic that heads a product: the topic names what it sells
_OFFERED = re.compile(r"«[OX]\d+»(?:\s?(?:的|['’]s|[（(])\s?)?(?:[^«»，,。；;.\n]{0,8})$")
_PRODUCT_HEAD = re.compile(
    r"\s?(?:管控|管理)?(?:平台|系统|模块|方案|软件|产品)|\s(?:platform|system|module|suite|software|solution)\b",
    re.I,
)
#: a sentence that only supposes: a topic it merely names is no interest
_UNSURE = {
    "en": re.compile(r"\b(?:if|unless|might|may|maybe|perhaps|possibly|in case|would)\b", re.I),
    "zh": re.compile(r"如果|假如|万一|(?<![主需只重])要是|一旦|假设|可能|也许|或许|考虑"),
}
_NO_INTEREST = {
    "en": re.compile(
        r"\bnot (?:very |really |that |at all )?interested\b|\bno interest\b|\blukewarm\b|"
        r"\boff the table\b|\bruled out\b|\bvetoed\b|\bno appetite\b|\bnot a priority\b|\bno-go\b|"
        r"\bnon-starter\b|"
        # done, or not now: "isn't on our list this year", "don't pitch it", "next year's problem"
        r"\b(?:isn't|is not|not) on (?:our|their|the) (?:list|radar|agenda|roadmap)\b|\bout of scope\b|"
        r"\bdon'?t (?:pitch|push|bother)\b|\bnext year's problem\b|"
        # "Heat reuse: not in scope, it's Texas, nobody cares"
        r"\bnot in scope\b|\b(?:nobody|no one|no-one) (?:cares|is interested|wants it)\b|"
        r"\b(?:don'?t|doesn'?t|do not|does not) care (?:about|for)\b|"
        # nobody asked for it: "nobody raised that as a pain point", "leave it alone", "not needed"
        r"\b(?:nobody|no one|no-one) (?:raised|mentioned|asked about)\b|\bleave it alone\b|"
        r"\bnot (?:a )?(?:pain ?point|needed|required)\b|\b(?:don'?t|doesn'?t) need (?:it|that|this)\b",
        re.I,
    ),
    # "刘总说目前不是重点，先不谈", "BIM协同这次没聊", "塔吊监测不需要"
    "zh": re.compile(
        r"兴趣(?:一般|不大|不高|缺缺)|不感兴趣|没(?:什么|啥)?兴趣|out of scope|别去碰"
        r"|不是(?:重点|优先|刚需)|先不(?:谈|碰|展开|提|聊|考虑|做)|暂(?:时)?不(?:考虑|谈|做)|不需要|没(?:有)?聊|没需求"
    ),
}
_OUR_PITCH = {
    "en": re.compile(
        r"\b(?:we|our team)\b[^,.;]{0,20}?\b(?:present|pitch|demo|show|walk|introduc|propos|highlight)\w*"
        r"|\bour (?:selling point|strength|usp|differentiator)",
        re.I,
    ),
    "zh": re.compile(
        r"(?:我们|我方|我司|咱们)[^，,。；;]{0,8}?(?:讲|介绍|演示|推荐|推介|展示|分享)|我们的(?:卖点|优势|亮点)"
    ),
}
