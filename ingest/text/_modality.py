"""What a clause says about the fact a rule found in it: negated, hedged, past or future.

NegEx-style: a cue word counts when it stands in the fact's own clause, that is inside the
rule's match or before it back to the clause's start (a comma, semicolon, "but"; in Chinese
"，；但"), or, for the cues that follow what they modify ("anymore", "I think", "吧"), after
it up to the clause's end. "Tom is not the decision maker" is negated; "Karen decides, not
Tom" is not negated for Karen, whose clause ends at the comma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.normalize.text import has_cjk

_EN_CLAUSE = re.compile(
    r"[;:,.!?()\[\]\n|]|\s[-–—]+\s|\b(?:but|although|though|whereas|however|while)\b"
    # a clause with a subject of its own: "Petra is not convinced and she keeps the veto"
    r"|\b(?:and|so)\s+(?=(?:he|she|they|i|we)\b|«P)",
    re.I,
)
_ZH_CLAUSE = re.compile(r"[，,；;。！？!?：:（）()\n—–|]|但是|但|不过|而是|然而| though\b| but\b")
_CUES: dict[str, dict[str, re.Pattern[str]]] = {
    "en": {
        "negated": re.compile(
            r"\b(?:not|never|no longer|neither|nor|no|none|nobody|without)\b|n't\b|\bNOT\b", re.I
        ),
        "hedged": re.compile(
            r"\b(?:might|may|maybe|perhaps|probably|possibly|likely|seems?|seemed|appears?|apparently|"
            r"supposedly|presumably|rumou?red|(?:i|we) (?:think|believe|suspect|guess|assume)|not sure|"
            r"unclear|could be|sounds like|guess|suspect|hearsay|unconfirmed|tbc|tbd)\b|\?"
            r"|(?:^|[(\[])\s*(?:think|reckon|believe)\b",  # "Kyndryl (think they run their DR site)"
            re.I,
        ),
        "past": re.compile(
            r"\b(?:used (?:to|2)|previously|formerly|former|until (?:recently|last)|had been|back then|"
            r"once was|was (?:the|their|our|a)|ex-|decommissioned|retired|phased out|sunset|replaced|dropped|"
            r"dumped|ditched|"
            r"ripped out|got rid of|switched off|turned off|shut down|reported to|worked (?:for|under)|"
            r"was (?:reporting|working)|(?:was|were) (?:using|running)|"
            r"until (?:she|he) left)\b",
            re.I,
        ),
        "future": re.compile(
            r"(?:'ll|’ll)\b|\b(?:will|going to|gonna|moving to|move to|migrating to|migrate to|"
            r"switching to|switch to|"
            r"plan(?:s|ned|ning)?(?: to)?|migration to|decided to|selected|to replace|will replace|"
            r"intend\w* to|would|considering|thinking about|replace|replacing|rollout|roll out|"
            r"budgeted for|next year|upgrade to|propos(?:e|ed|ing)|prospective)\b",
            re.I,
        ),
    },
    "zh": {
        # 不 negates what follows it, except in words of its own ("不锈钢", "不错", "不过", "不少") and
        # in an A-not-A that says who decides whether ("定不定是赵总", "掏不掏钱还是胡总签", "续不续许总
        # 拍板"; "是不是已经报到钱处长那里了" asks, and says nothing)
        "negated": re.compile(
            r"(?:(?<=(?P<a>[^是会能要有可对]))|(?<=[是会能要有可对])|^)"
            r"不(?!(?P=a)[\u4e00-\u9fff]?(?:还|都|最终|最后)?(?:是|由|看|听|要|得|«P)(?!不))"
            r"(?![锈错过少同断久但仅论得满然如禁知]|管(?:是|怎|多|什|谁|如何|哪))|并非|没有|未曾|未|无权|没(?=[有参负管做认用])"
            r"|(?<![A-Za-z])(?:NOT|[Nn]ot)(?![A-Za-z])"  # a mixed note's English: "他 NOT 管钱"
            r"|唔(?:係|系|是|會|会|使|同意)|冇",  # Cantonese: "佢唔係 blocker", "冇權拍板"
        ),
        "hedged": re.compile(
            r"可能|似乎|好像|应该是|估计|大概|也许|或许|据说|听说|猜|不确定|貌似|疑似|待确认|不清楚|？|\?"
        ),
        # and the experiential aspect: "评估过", "用过", "试过" (done once, over)
        "past": re.compile(
            r"以前|之前|原来|曾经|曾|过去|前任|原先|早先|更早|早年|此前|下线|停用|淘汰|弃用|换掉|放弃|[估用试察触谈买购测点]过(?![程来去])"
        ),
        "future": re.compile(
            r"将|计划|打算|准备|明年|即将|拟|要换|考虑|下一步|迁移|替换|升级到|有望|(?:必须|要|得|争取)[^，,。；;]{0,6}?上线"
        ),
    },
}
_RISK_LINE = re.compile(r"[\s>*•·▪\-–]*(?:\d+[.)、]\s*)?(?:(?:key |main |big )?risks?|风险点?)\s*[:：]", re.I)


def risk_line(skeleton: str) -> bool:
    """A sentence put as a risk says what may happen, not what holds: "Risk: Raj wanting to re-run
    the selection and block us", "- Risk: BuildPoint." (a rival's evaluation there still holds:
    "风险：贝贝乐也在看汇聚的方案")."""
    return _RISK_LINE.match(skeleton) is not None


_HYPOTHETICAL = {
    "en": re.compile(
        r"\b(?:if|unless|could become|would become|might become|in case|'d rather|would rather|"
        r"would prefer|'d prefer)\b|'d rather|'d prefer",
        re.I,
    ),
    # "以后可以培养成内线", "有望成为": what someone may yet become, as "could become"
    "zh": re.compile(
        r"如果|假如|万一|(?<![主需只重])要是|一旦|假设|(?:培养|发展)(?:成|为)|有望成为|可能成为"
    ),
}
# "would" / "could" is what a condition in the sentence yields ("if the union felt watched, Harold
# would be the blocker", "FitRight could do the loaders IF we get the PO"); without one "would" is
# a plan ("Jonas would be the main day-to-day user")
_WOULD = re.compile(r"\b(?:would|wouldn't|could|'d)\b", re.I)
_CONDITION = re.compile(r"\b(?:if|unless|otherwise|in case|assuming|suppose|should they)\b", re.I)
_CONDITION_OPENS = {
    "en": re.compile(r"\W*(?:if|unless|should they|in case|assuming|suppose)\b", re.I),
    "zh": re.compile(r"\W*(?:如果|假如|假设|要是|万一|一旦|倘若)"),
}
_DOUBT = {
    "en": re.compile(r"\b(?:not (?:sure|certain|clear)|don't know|do not know|no idea|unclear)\b", re.I),
    "zh": re.compile(r"不确定|不清楚|不知道|说不准|不好说"),
}
_POST = {
    "en": re.compile(r"\b(?:anymore|any more|no more|i think|i believe|i guess|probably|maybe|tbc)\b", re.I),
    "zh": re.compile(r"了吧|吧|吗|？|\?|替换|取代|(?<!暂)停了|已经?终止|终止了|已经?停止"),
}
# "no longer so": past and denied; "衡远EAM替换东软": what replaces is still to come; "合同3月底已终止"
_POST_KIND = {"anymore": "past", "any more": "past", "no more": "past", "替换": "future", "取代": "future"}
_POST_KIND |= {w: "past" for w in ("停了", "已终止", "已经终止", "终止了", "已停止", "已经停止")}
_POST_DENIES = frozenset(("anymore", "any more", "no more"))
# cues after the fact that deny it: "对能耗管理兴趣不大"
_POST_NEGATION = {
    # "the final say is not hers"
    "en": re.compile(r"\b(?:not really|not at all)\b|^\s*(?:is|was|are|were)(?: not|n't)\b", re.I),
    # "PM模块没买", "这事他定不了", "拍板不是她", "拍板的不是她"
    "zh": re.compile(
        r"不大|不高|不强|有限|没(?:有)?(?:买|上|采购|用|签)|^(?:不了|不下来)"
        r"|^(?:的人?)?(?:也|都|并|倒|还)?不(?:是|在|归|由)"
        # "技术评审他不 involve", "这次他不参与": takes no part
        r"|^\s?(?:他|她|«P\d+»)?\s?(?:自己|本人)?(?:也|都|并|还|就)?(?:不|没有?)\s?(?:参与|参加|介入|involved?\b)"
    ),
}
#: the next clause takes it back: "he's the decision maker - he isn't, he recommends", "the platform
#: decision is Manila's, not him"
_TAKEN_BACK = {
    "en": re.compile(
        r"[\s,;:.–—-]*(?:not (?:him|her|them|me|us)|(?:he|she|they|«P\d+») (?:isn't|is not|aren't|are not|"
        r"wasn't|was not|'s not))(?=\s*(?:[,.;:!)\n]|$))",
        re.I,
    ),
    "zh": re.compile(r"[\s，,；;：:—–-]*(?:(?:但|其实|实际上)?不是(?:他|她|我|他们)(?:[，,。；;！!]|$))"),
}


@dataclass(frozen=True)
class Modality:
    negated: bool = False  # also a hypothesis: "if we insisted on cloud he could become a blocker"
    hedged: bool = False
    past: bool = False
    future: bool = False
    conditional: bool = False  # the sentence opens with a condition: no role, install or line holds


def past_year(text: str, start: int, end: int, lang: str, year: int) -> bool:
    """An earlier year than the note's said as when, in the clause of ``text[start:end]``: "2022年门禁
    项目时他站大华", "that was 2023 and went nowhere"; not one something runs since ("since 2019")."""
    begin = clause_start(text, start, lang)
    return any(
        int(m.group(1)) < year and not _SINCE.search(text, max(0, m.start() - 8), m.start())
        for m in _YEAR.finditer(text, begin, clause_end(text, end, lang))
    )


_YEAR = re.compile(
    r"(?<![\d.\-/])((?:19|20)\d\d)(?=年(?!底|末|初|第|[一二三四1-4]季度|\d)|(?:\s|[.,;)]|$)(?![\d\-/]))"
)
_SINCE = re.compile(r"(?:since|from|自从?|从|起)\s*$", re.I)


def future_within(text: str, start: int, end: int, lang: str) -> bool:
    """A future cue inside ``text[start:end]`` itself ("Jonas will report to"), not only in its clause
    ("I will run it with Luis, one of my engineers": Luis is one of them now)."""
    lang = "zh" if lang == "zh" else "en"
    return any(cue.search(text, start, end) is not None for cue in (_CUES[lang]["future"], _LATER[lang]))


def later_in_clause(text: str, start: int, end: int, lang: str) -> bool:
    """A change of hands still to come in the clause of ``text[start:end]`` ("之后预算也会由她审批",
    "from next month she signs off"): a role that holds from then, not now. A date the role acts
    on is no change ("谭总下周回国后拍板" decides now as ever; "将来的主要用户" are its users)."""
    lang = "zh" if lang == "zh" else "en"
    return _FROM_THEN[lang].search(text, clause_start(text, start, lang), end) is not None


_FROM_THEN = {
    "en": re.compile(
        r"\b(?:from next|as of next|starting next|from (?:january|february|march|april|may|june|"
        r"july|august|september|october|november|december))\b",
        re.I,
    ),
    "zh": re.compile(
        r"(?:下个?月|下季度|下半年|明年)(?:起|开始)|(?:之后|以后)(?=[^，,。；;]{0,6}(?:由|归|交给))"
        # a change still to come; "技术评估改由严磊负责" has been made
        r"|(?:将|会|要|准备|打算|拟)(?:改由|转由)"
    ),
}


#: when a change is still to come ("下个月开始向龚总汇报"): said of a line, not of an install or a
#: demo, whose "下周" is a plan the other cues read
_LATER = {
    "en": re.compile(r"\b(?:from next|as of next|starting next)\b", re.I),
    "zh": re.compile(
        r"今后|将来|届时|下个?月|下周|下季度|下半年|以后(?=[向会要就改])|(?:会|要)改(?:为|成|由)?"
    ),
}


def denied_within(text: str, start: int, end: int, lang: str) -> bool:
    """A negation inside ``text[start:end]`` itself: "Raj Mehta (CI Engineer)" holds its title in
    "don't go direct to Raj Mehta (CI Engineer)", where the negation is the verb's."""
    # an aside after the title says something else: "Derrick Vaughn (CIO, not present)"
    span = _ASIDE.sub(")", text[start:end])
    return _CUES["en" if lang != "zh" else "zh"]["negated"].search(span) is not None


_ASIDE = re.compile(r"[,，、;；][^()（）]*[)）]")


def clause_start(text: str, pos: int, lang: str) -> int:
    sep = _EN_CLAUSE if lang == "en" else _ZH_CLAUSE
    start = 0
    for m in sep.finditer(text):  # the whole text: a break may look ahead past ``pos`` ("and «P1»")
        if m.end() > pos:
            break
        start = m.end()
    return start


def clause_end(text: str, pos: int, lang: str) -> int:
    m = (_EN_CLAUSE if lang == "en" else _ZH_CLAUSE).search(text, pos)
    return m.start() if m else len(text)


_BRACKETED = re.compile(r"[(（][^()（）«»\n]{2,60}[)）](?=.)")


#: what a negated act waits for, which makes the act theirs: "won't approve the PO without it", "unless",
#: "he won't approve anything until the pilot numbers are in"
_REQUIRES = re.compile(r"[^.;«»]{0,40}?\b(?:without|unless|until|till)\b", re.I)


def modality(text: str, start: int, end: int, lang: str) -> Modality:
    """The modality of the fact a rule matched at ``text[start:end]`` (a sentence skeleton)."""
    cues = _CUES["en" if lang != "zh" else "zh"]
    before = text[clause_start(text, start, lang) : end]
    after = text[end : clause_end(text, end, lang)]
    doubt = _DOUBT["en" if lang != "zh" else "zh"]
    doubted = doubt.search(before) is not None
    before = doubt.sub(" ", before)  # "not sure if she is against us" doubts, it does not deny
    # an aside in brackets has its own time and polarity ("孔令辉（原来在宁波银行做安全架构）会参与技术评审",
    # "Sandra (who used to run IT at Acme) will lead the evaluation"); a hedge in it still doubts
    main = _BRACKETED.sub(lambda m: " " * len(m.group()), before)
    found = {kind: bool(rx.search(before if kind == "hedged" else main)) for kind, rx in cues.items()}
    found["hedged"] = found["hedged"] or doubted
    found["negated"] = (
        found["negated"] or _HYPOTHETICAL["en" if lang != "zh" else "zh"].search(before) is not None
    )
    if lang != "zh" and found["negated"] and _REQUIRES.match(after):
        found["negated"] = False  # "she won't approve the PO without it": a condition of her approval
    if lang != "zh" and _WOULD.search(before + after) and _CONDITION.search(text):
        found["negated"] = True
    # "如果华兴上了MES，梁宇会是主要用户", "If they buy the suite, Tom would run it": a condition
    # opening the sentence holds for the clauses after it
    conditional = _CONDITION_OPENS[lang if lang == "zh" else "en"].match(text) is not None
    denied_after = _POST_NEGATION["en" if lang != "zh" else "zh"].search(after) is not None
    denied_after = (
        denied_after
        or _TAKEN_BACK[lang if lang == "zh" else "en"].match(text, clause_end(text, end, lang)) is not None
    )
    found["negated"] = found["negated"] or denied_after
    for m in _POST["en" if lang != "zh" else "zh"].finditer(before + after):
        word = m.group().lower()
        found[_POST_KIND.get(word, "hedged")] = True
        found["negated"] = found["negated"] or word in _POST_DENIES
    if lang != "zh" and has_cjk(main):  # an English note's Chinese: "Florence 其實唔係 blocker"
        own = main[max(main.rfind(p) for p in "，。；！？") + 1 :]
        for kind in ("negated", "hedged", "past"):
            found[kind] = found[kind] or _CUES["zh"][kind].search(own) is not None
    return Modality(found["negated"], found["hedged"], found["past"], found["future"], conditional)
