"""Relation rules: regular expressions over a sentence's *skeleton*.

A skeleton is the sentence with each recognised mention replaced by a slot marker
(``«O3»`` an organisation, ``«P1»`` a person, ``«T2»`` a title, ``«X0»`` a product,
``«K4»`` a topic, ``«D5»`` a date), so a rule reads like the sentence it matches:
``{P} \\({T}\\) at {C}``. A person slot also accepts a name the graph does not know yet
(two capitalised words; a Chinese surname and one or two characters). Every rule has a
name, which is stored in the evidence of the edge it produced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._lexicon import EN_HONORIFICS, ZH_AFTER_NAME, ZH_SURNAMES
from ._role_cues import ROLE_CUES

# Latin names: two capitalised words, letters with accents and umlauts included ("Julia Müller").
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_WORD = rf"[{_UP}][{_LOW}]+(?:-[{_UP}{_LOW}][{_LOW}]+)?"
_LATIN = rf"{_WORD} {_WORD}"
_AFTER = re.escape("".join(sorted(ZH_AFTER_NAME)))
NAME = {
    "en": _LATIN,
    # a surname, one character, and a third unless it is one that follows names ("王强是"); a
    # Chinese note also names foreigners in Latin letters ("Petra Becker是...")
    "zh": rf"[{ZH_SURNAMES}][\u4e00-\u9fff](?:(?![{_AFTER}])[\u4e00-\u9fff])?|{_LATIN}",
}
# "Mr. Neumann" in a Chinese note (the English pipeline finds these with its ruler).
LATIN_REF = re.compile(rf"\b(?:{'|'.join(re.escape(h) for h in EN_HONORIFICS)}) ?{_WORD}")
GAP = r"(?:[^«»\n;；]|«[OXDKT]\d+»){0,80}?"  # may pass companies, products, topics, dates, titles
# a person named as an object ("向«P2»汇报", "reports to «P2»") or as a possessor ("«P2»手下的工程师",
# "«P2»'s team") is not the subject of the clause: "彭小川是罗婷手下的工程师，…，会是主要使用人"
OBJECT_MARK = r"(?:向|跟|对|给|找|让|把|替|帮|陪|经过|通过|\b(?:to|with|for|by|from|under|than|about|of) )"
POSSESSED = (
    r"(?:的?(?:下属|手下|部下|上级|领导|老板|同事|助理|秘书|团队)|那边|那里|面前|跟前|身边"
    r"|['’]s (?:boss|team|manager|reports?)\b)"
)
SUBJECT_GAP = rf"(?:[^«»\n;；]|«[OXDKT]\d+»|{OBJECT_MARK}«P\d+»|«P\d+»{POSSESSED}){{0,80}}?"
SLOTS = {
    "P": ("P", "p"),
    "M": ("P", "m"),
    "C": ("O", "c"),
    "V": ("O", "v"),
    "S": ("O", "s"),
    "W": ("O", "w"),
    "T": ("T", "t"),
    "X": ("X", "x"),
    "K": ("K", "k"),
    "D": ("D", "d"),
}


@dataclass(frozen=True)
class Rule:
    name: str
    relation: str
    lang: str
    regex: re.Pattern[str]
    props: tuple[tuple[str, str], ...] = ()


def _compile(pattern: str, lang: str) -> re.Pattern[str]:
    out = pattern.replace("{_s}", SUBJECT_GAP).replace("{_}", GAP)
    for slot, (kind, group) in SLOTS.items():
        marker = rf"«{kind}(?P<{group}>\d+)»"
        if kind == "P":
            marker = rf"(?:{marker}|(?P<{group}n>{NAME[lang]}))"
            if group == "p":  # "Jonas Becker (Ops Manager)", "Oscar Pereira, QA Manager," reports to Hans
                marker += (
                    r"(?:\s*[(（](?:«[TP]\d+»|[^()（）«»\n]{1,30})[)）]"
                    r"|,\s*(?:the |our |their )?«T\d+»(?:\s*[(（]«T\d+»[)）])?\s*[,–—-]?)??"
                )
            if group == "m":  # "reports to President and CEO Douglas Wren", "to the CFO, Graham Pike"
                # but not to "Gary's successor": a possessor is not the manager, unless the rule
                # itself reads the possessive ("on Li Wen's team", "Ian's deputy")
                marker = r"(?:(?:«T\d+»|and|&|the|our|their),?\s*)*" + marker
                for possessive in ("'", "(?:'", "['"):
                    out = out.replace("{M}" + possessive, marker + possessive)
                marker += r"(?!['’]s\b)" if lang != "zh" else r"(?:\s?«T\d+»)?"  # "向何建国副院长汇报"
        out = out.replace("{" + slot + "}", marker)
    return re.compile(out)


def _rules(lang: str, relation: str, patterns: list[str], **props: str) -> list[Rule]:
    tag = "_".join(f"{k}={v}" for k, v in props.items())
    return [
        Rule(
            f"{relation.lower()}/{lang}/{tag + '/' if tag else ''}{i}",
            relation,
            lang,
            _compile(p, lang),
            tuple(props.items()),
        )
        for i, p in enumerate(patterns)
    ]


#: between a role cue and the person it names after it: a copula or a colon ("the final call is
#: Karen's", "EB = Janet", "决策人是何总"), or for a cue marked ">" any short stretch of its clause
_AFTER_CUE = (
    r"\s*(?:(?:is|was|will be|lies with|rests with|sits with|belongs to|goes to|falls to|by|from|then|"
    r"probably|likely|clearly|now|是|为|由|归|在|就是|应该是|的是|的人是|都是)\s*|[:=：—–-]\s*)+"
    # a title before the person, as a mark or written out (role rules read titles as words):
    # "EB是财务总监马丽"
    r"(?:«T\d+»,?\s*|[\u4e00-\u9fffA-Za-z&/]{1,10}?\s?)?"
)
# a cue that a copula or a colon follows names the person after it: "马丽，TE是王海" is not 马丽's
_NOT_BEFORE_COPULA = r"(?!\s*(?:是|为|就是|[:=：]))"
_AFTER_OBJECT_CUE = r"(?:[^«»\n,;.，；。]|«[OXDKT]\d+»){0,30}?"
STANCE = {"champion": "supporter", "blocker": "opponent"}


_ACRONYM = re.compile(r"\(\?<!\[A-Za-z\]\)[A-Z]{2,4}\(\?!\[A-Za-z\]\)")  # a cue "EB", "TE", "DM"


def _any_case(cue: str) -> str:
    marker = ">" if cue.startswith(">") else ""
    return f"{marker}(?i:{cue.removeprefix('>')})"


def _role_rules() -> list[Rule]:
    """Each role's cues after the person ("Karen makes the final call") and before them ("the final
    call is Karen's"); a cue marked ">" names its person only after it ("all meetings go through
    Li", "先找李主任"). The person's own clause leads to the cue, never a chat speaker's colon."""
    out: list[Rule] = []
    for role, (en_cues, zh) in ROLE_CUES.items():
        # English cues in any case ("Final call", "Owns the IT budget"), acronyms as written ("EB")
        en = [c if _ACRONYM.fullmatch(c) else _any_case(c) for c in en_cues]
        for lang, cues in (("en", en), ("zh", zh)):
            after = "(?:" + "|".join(c for c in cues if not c.startswith(">")) + ")"
            before = "(?:" + "|".join(c.lstrip(">") for c in cues) + ")"
            objects = "(?:" + "|".join(c.lstrip(">") for c in cues if c.startswith(">")) + ")"
            patterns = [
                rf"{{P}}(?![:：]){{_s}}{after}{_NOT_BEFORE_COPULA}",
                rf"{before}{_AFTER_CUE}{{P}}",
                # the topic first, then who takes it on: "技术评估我来负责", "预算这块何总亲自管"
                rf"{before}(?:这块|这边|方面|的事)?\s*(?:由|归)?{{P}}(?:来|亲自|会)(?:负责|牵头|把关|管|拍板|定)",
                *([rf"{objects}{_AFTER_OBJECT_CUE}{{P}}"] if objects != "(?:)" else []),
                # "he is not the budget holder; that's Raj Mehta": the person after the pointer
                rf"{before}[^«»\n;]{{0,15}}[;,—–-]\s*(?P<from>that's|that is|it's|it is|which is)\s+{{P}}",
                # a list item's person is the subject of its later clauses ("Jonas (Ops) reports to
                # Hans; main day-to-day user")
                rf"(?:^|[*•·]\s*|\d[.、)]\s*){{P}}[^\n;；]{{0,100}}[;；](?:[^«»\n;；]){{0,40}}?{after}",
            ]
            out += _rules(lang, "DECISION_ROLE", patterns, role=role)
    return out


RULES: list[Rule] = [
    *_rules(
        "en",
        "WORKS_AT",
        [
            r"{P} \({T}\),? (?:at|of|from|with) {C}",
            r"(?:(?:the|their|our|its|new|current|acting|interim) )*{T} (?:at|of|for) {C} is (?:now )?{P}",
            r"{P}, (?:the )?{T} (?:of|at|from) {C}",
            r"{P} from {C}[;,] (?:she|he|«P\d+») is (?:the|their) {T}",
            r"{C}'s? (?:new )?{T},? {P}",
            r"{P} [—–-]+ (?:the )?{T} (?:at|of) {C}",
            r"{P} is (?:now )?(?:the )?(?:new )?{T} (?:at|of) {C}",
            r"{T} {P} (?:of|at|from) {C}",
            r"{P} \((?:(?:the|their|its|new|acting|interim) )?{T}\)",
            r"{P}(?: is|'s|'m| am| was) (?:now )?(?:(?:the|their|our|a|an) )?(?:new )?{T}"
            r"(?! (?:at|of|from|with|for) «O)",
            r"{P}, (?:(?:the|their|our|its|new|current|acting|interim|former) |«P\d+»['’]s "
            r"|[A-Z][a-z]+['’]s )*{T}"
            r"(?=\s*$|\s*[.,;()（\n]| [-–—] | (?:and|who|is|was|will|has|said|says|since|on|in)\b"
            r"| at (?!«O))",
            r"(?:^|[,;:(]\s*|\band |\bwith |\bmet |\bcalled |\bto |\bby |\bfrom |\bunder |\bthe |\bour "
            r"|\btheir )"
            r"(?:(?:the|their|our|its|new|current|acting|interim) )*{T},? {P}",
            r"(?:named|appointed|hired|promoted|made|welcomed|brought in) {P},? (?:as |to )?"
            r"(?:the |its |their |our )?"
            r"(?:new )?{T}",
            r"{P} [-–—] (?:the |their |our |a |an )?(?:new )?{T}",
            r"{P} \({T}[^()«»\n]{1,25}\)",
            # employment without a title: "Sam Okafor from Kestrel", "Kestrel's Sam", "Sam (Kestrel)"
            r"{P},? (?:from|at|of) (?:the )?{C}(?!['’]s? (?:competitor|rival))(?! (?:and|or) )",
            r"(?<![\w»])(?<!with )(?<!to )(?<!from )(?<!for )(?<!by )(?<!of )(?<!at )(?<!against )"
            r"(?<!than )(?<!vs ){C}['’]s (?:own )?{P}",
            r"{P} \({C}\)",
            # "Janet Ellison joined as CIO in March", "was promoted to VP Ops"
            r"{P} (?:has )?(?:joined|started|came on board|was hired|was appointed|has been appointed|"
            r"was promoted|got promoted|moved up)(?: from [^«»\n,;.]{1,30}?)?(?: (?:at|to) {C})?(?: as| to)? "
            r"(?:the |their |our )?"
            r"(?:new )?{T}",
            # "The new CIO is Janet Ellison", "their head of IT is now Sam Okafor"
            r"(?:^|[:;(]\s*|\b(?:the|their|our|its|new|current) )(?:new |current |acting |interim )?{T}"
            r"(?: (?:is|was|=)|\s?:) (?:now )?{P}",
            # signature lines: "Graham Pike | CFO | St. Aldric Medical Center"
            r"{P}\s*[|/]\s*{T}(?:\s*[|/]\s*{C})?",
        ],
    ),
    *_rules(
        "en",
        "WORKS_AT",
        [
            r"{P} (?:has )?(?:left|quit|resigned from) {C}",
            r"{P} is no longer (?:with|at) {C}",
            r"{P} is no longer (?:the |their |our )?{T}(?! (?:at|of|for) «O)",  # "no longer the CFO"
            r"{P} (?:has )?(?:moved on|gone elsewhere|moved to another (?:company|hospital|bank|job))",
            r"{P} (?:has )?(?:left|quit|resigned|retired)\b(?! (?:a|the|us|it|for)\b)(?! «O)",
            r"{P},? who (?:has |had )?(?:since )?(?:left|quit|resigned|retired)\b(?! (?:a|the|us|it|for)\b)",
            r"{P} \({T}\) (?:has )?(?:left|quit) {C}",
        ],
        current="false",
    ),
    *_rules(
        "zh",
        "WORKS_AT",
        [
            r"{C}的{P}[（(]{T}[）)]",
            r"{C}(?:新来)?的?{T}{P}",
            r"{P}是{C}的(?:新任)?{T}",
            # "吴静（副总经理，分管质量）", "罗婷 13900001111（设备部经理，一期项目负责人）"
            r"{P}\s?(?:\+?\d[\d -]{6,16}\d\s?)?[（(]{T}(?:[，,、；;](?:[^（）()\n«»]|«T\d+»){0,30})?[）)]",
            r"{C}{_}{T}{P}",
            r"{P}(?:是|为|担任)(?:我们|他们|咱们|对方|院里|厂里|行里)?的?(?:新任|现任)?{T}",
            r"{C}(?:那边)?的{P}(?!«T)",
            r"(?:^|[，、：:；;\s（(\d.]|和|与|及)(?P<unit>(?:(?![我你他她是的在和与及跟向对由从被把给])[\u4e00-\u9fff])"
            r"{1,6}?(?:科|处|部|室|中心|局|办|组))的?{P}(?!«T)",
            r"(?P<dept>(?:(?![我你他她是的在和与及跟向对由从被把给])[\u4e00-\u9fff]){1,6}?(?:科|处|部|室|中心|局|办|组))?{P}{T}",
            r"(?:^|[，、：:；;\s（(]|和|与|及|的|是|有|新来的|新任)(?P<dept>(?:(?![我你他她是的在和与及跟向对由从被把给])"
            r"[\u4e00-\u9fff]){1,6}?(?:科|处|部|室|中心|局|办|组))?的?{T}\s?{P}",
            # apposition: "何建国，副总经理，分管生产", "彭小川，设备部工程师，罗婷的下属",
            # "张建国，华兴设备处处长，", "对接人：李明 信息中心主任 13800001111"
            r"{P}(?:[，,:：]\s?|\s)(?:现任|任|是)?(?:{C}的?)?{T}(?=\s*(?:[，,。；;、)）\n]|\d|$))",
            r"{P}\s?[（(]\s?{C}的?{T}[）)]",  # "张建国（华兴精机设备处处长）"
            r"{T}\s?[：:]\s?{P}(?!«T)",  # a label: "采购部经理：周丽", "技术负责人：王磊"
            r"{T}[，,]?\s?(?:叫|名叫|姓名)\s?{P}",  # "信息中心新来的主任叫李强", "新来了一个副经理，叫陈刚"
            # a title right before a name names it, whatever precedes ("先找设备科工程师韦佳")
            r"{T}\s?{P}",
            # the title's holder: "新的采购经理是孟婕"
            r"(?:新的?|现在的?|目前的?|现任)?{T}(?:是|为|换成了?|由){P}(?!«T|的)",
        ],
    ),
    *_rules(
        "zh",
        "WORKS_AT",
        # a promotion names the title held now, whatever the clause said before it: "吴静以前是
        # 质量部总监，上个月升了副总经理"
        [
            r"{P}(?:[^«»\n。；;]|«[DT]\d+»){0,30}?(?:升了|升任|升为|晋升为|晋升|提拔为|被提拔为|提为|升职为|扶正为|转正为)"
            r"了?{T}",
        ],
        promoted="true",
    ),
    *_rules(
        "zh",
        "WORKS_AT",
        [
            r"{P}(?:已经)?从{C}离职",
            r"{T}{P}(?:已经|已|早就|刚刚?)?(?:离职|辞职|离开|走了|退休|调走)",
            # "冯总已于上周正式离职", "刘芳处长已退休", "Lisa（李莎）已经离职去了盒马"
            r"{P}[）)]?(?:«T\d+»)?(?:已经|已|早就|刚刚?|去年|今年|上个?月|上周|前不久|最近|年初|«D\d+»)(?:[^，,。；;«»\n]|«D\d+»){0,10}?"
            r"(?:离职|辞职|离开了|走了|退休|调走|调(?:到|去|往)(?!我))",
            r"{P}(?:«T\d+»)?(?:离职|辞职|退休|调走)了",
            r"{P}(?:«T\d+»)?(?:已经|已|早就|刚刚?|上个月|去年)?(?:调到|调去|调往|跳槽到|跳槽去|被调到|调任)(?!«O\d+»)",
            r"{P}（{T}）{_}离开了{C}",
            r"{P}{_}离开了{C}",
            r"{C}的{P}已经?离职",
        ],
        current="false",
    ),
    *_role_rules(),
    *_rules(
        "en",
        "REPORTS_TO",
        [
            r"{P}\s*(?:(?:now|still|currently|also|officially|formally) )*"
            r"(?:reports|reporting|report|reported|rpts?)(?: line)? (?:directly |straight )?"
            r"(?:(?:in)?to|2) (?:«T\d+»\s*)?{M}",
            # "she reports up through facilities to Rob Chandler"
            r"{P}\s*(?:(?:now|still|currently|also) )*(?:reports|reporting|report) (?:up )?(?:through|via) "
            r"(?:[^«»\n;,.]|«[TDO]\d+»){1,40}? to (?:«T\d+»\s*)?{M}",
            # "Director Angela Brooks, Denise's boss, …"
            r"{M},? (?:the |who is )?{P}['’]s? (?:direct |line )?(?:boss|manager|supervisor|superior)\b",
            # "陶敏 (Tao Min), data analyst on Li Wen's team"
            r"{P}(?:[^«»\n;.]|«T\d+»){0,50}? (?:on|in|from) {M}['’]s? team",
            r"{P} [-–—,] (?:(?:the|a|an|our|their|new) )*{T} (?:under|reporting to|working for|in) {M}",
            r"{P} works (?:directly )?(?:under|for) {M}",
            r"{M} is {P}'s? (?:direct )?(?:boss|manager|supervisor|line manager|superior)",
            r"{P}'s? (?:direct )?(?:boss|manager|supervisor|line manager|superior) is {M}",
            r"{P} (?:is|sits) (?:on|in) {M}'s? team",
            r"{M} (?:manages|oversees|supervises) {P}",
            r"{P}(?:,| is| -)? {M}'s? (?:direct )?report\b",
            r"{P},? (?:who is |is )?(?:the |his |her |their )?{M}'s? "
            r"(?:deputy|number two|no\.? ?2|right hand|assistant|subordinate|second in command)",
            r"{P}(?:[^«»\n;]|«[TDO]\d+»){0,60}?[,;]\s*(?:and )?(?:(?:now|still|also) )?(?:reports|reporting) "
            r"(?:directly )?(?:in)?to {M}",
            r"{M}(?:'s)? (?:(?:(?!(?:to|reports?|reporting|and|or|is|was|for|with)\b)[\w-]+|«T\d+») ){0,2}"
            r"(?:«T\d+»|engineer|deputy|assistant|analyst|report|lead|"
            r"manager|number two) {P}",
            # "her deputy, Raj Mehta"
            r"{M}(?:'s)? (?:deputy|assistant|number two|right hand|direct report), {P}",
            r"{P}, one of {M}(?:'s)? (?:[\w-]+ ){0,2}"
            r"(?:engineers|team|reports|staff|people|managers|leads|analysts)",
            r"{P},? who[^«»\n]{0,50}?(?:reports|reporting|works|sits) (?:directly )?(?:in)?"
            r"(?:to|under|for) {M}",
            r"{P}, {M}'s (?:(?:[\w-]+|«T\d+») ){0,2}(?:«T\d+»|lead|head|manager|director|engineer|analyst|"
            r"architect|specialist|admin\w*|coordinator|deputy|assistant|guy|person|number two)\b",
        ],
    ),
    *_rules(
        "zh",
        "REPORTS_TO",
        [
            r"{P}(?:«T\d+»)?(?:直接|平时|一般|改为|改成|现在|目前)?向{M}\s?(?:汇报|报告|report)",
            r"{P}的?(?:直属|直接)?(?:领导|上级|老板|上司)(?:是)?{M}",
            # "柏琳（采购中心总监，向聂总汇报）": the line inside the name's parentheses
            r"{P}[（(](?:[^（）()«»\n]|«T\d+»){0,30}?向{M}(?:汇报|报告)",
            r"{M}是{P}的(?:直属|直接)?(?:上级|领导|老板|上司)",
            r"{P}(?:归|由){M}(?:直接)?(?:管|领导|负责)",
            r"{M}(?:直接)?(?:管着|分管|领导着?){P}",
            r"{P}(?:在|是){M}(?:手下|的下属)",
            r"{M}(?:手下|底下|下面)的(?:«T\d+»)?\s?{P}",
            r"{P}(?:直接)?对{M}负责",
            r"{P}(?:现在|目前|直接|平时|一般|也)*(?:汇报|报告)给{M}",
            # "何总下面有两个人：罗婷和梁宇" (the coordination gives 梁宇 too), "彭小川跟着罗婷干"
            r"{M}(?:下面|手下|底下)(?:有|管着?)[^«»\n。；;]{0,10}?[：:]?\s?{P}",
            r"{P}(?:一直)?跟着{M}(?:干|做)",
            r"{P}[^«»\n。]{0,40}?[，,；;]\s*(?:并且?|也|还|同时)?(?:直接)?向{M}汇报",
            r"{P}是{M}的(?:副手|下属|助理|二把手)",
            r"{P}\s?[（(]{M}的?(?:手下|下属|副手)[）)]",
            r"{P}(?:[，,]\s*«T\d+»)?[，,]\s*{M}的(?:直接)?(?:下属|手下|部下|副手)",
            r"{M}的(?:副手|下属|助理)(?:是)?{P}",
        ],
    ),
    *_rules(
        "en",
        "SUPPLIES",
        [
            r"{S} (?:supplies|delivers|provides) {C}",
            r"{C} (?:sources|buys|gets|procures) {_}from {S}",
            r"{S} is {C}'s? {_}supplier",
            r"{S} is (?:the|a) {_}supplier (?:to|of|for) {C}",
        ],
    ),
    *_rules(
        "en",
        "SUPPLIES",
        [
            r"{S} (?:(?:still|also|now) )?(?:supplies|supplied|supplying|delivers|delivered|provides|"
            r"provided|distributes|ships|is supplying|has supplied|has been supplying|is still supplying)\b",
            r"(?:supplied|delivered|provided|sourced|distributed|bought|purchased) (?:by|from|through|via) "
            r"{S}",
            r"{S} (?:is|are|was|as) (?:the|their|our|a|an|its) {_}"
            r"(?:supplier|distributor|vendor|reseller|provider)",
            r"(?:buy|buys|bought|source|sources|procure|procures|order|orders|get|gets) {_}from {S}",
            r"(?:come|comes|came|coming) (?:from|via|through) {S}",
            r"{S} \([^()«»\n]{1,20}\) (?:supplies|supplied|delivers|provides)\b",
            r"(?:supplier|distributor|reseller|provider) (?:is|are|was) {S}",
        ],
    ),
    # a service provider: runs, hosts or maintains something of the account's, is its SI or
    # MSP, is on site, or orders go through it ("Computacenter run our managed network",
    # "NCS is their SI for all infra", "supplied and serviced by Siemens", "the PO will come
    # through Datacom"); not said of a competitor, whose product the account uses
    *_rules(
        "en",
        "SUPPLIES",
        [
            r"{S}(?: \((?:I )?think they|,? who)? (?:still |also |now |currently |already )?"
            r"(?:run|runs|ran|host|hosts|hosted|manage|manages|managed|maintain|maintains|maintained|"
            r"service|services|serviced|support|supports|operate|operates|look after|looks after|"
            r"implemented|installed|integrated|built|deployed) (?:all |most |the |our |their |its |"
            r"the whole |all of (?:the |their |our )?)",
            r"(?:supplied|serviced|maintained|managed|hosted|run|installed|implemented|integrated|built|"
            r"deployed)(?: and (?:supplied|serviced|maintained|managed|supported|installed|run))? by {S}",
            r"{S} (?:is|are|was|as|remains?|has been) (?:the|their|our|a|an|its) "
            r"(?!(?:proposed|prospective|potential|possible|candidate|preferred)\b){_}"
            r"\b(?:SI|MSP|integrator|partner|contractor|outsourcer|consultancy|maintainer|installer|"
            r"managed service provider|service provider)\b",
            r"{S} (?:is |are |remains? |stays? |still )*on[- ]site\b",
            r"(?:PO|POs|order|orders|purchase|purchases|invoices?|billing) {_}(?:come|comes|go|goes|went|"
            r"came|run|runs|routed?|placed) (?:through|via) {S}",
        ],
        service="true",
    ),
    *_rules(
        "zh",
        "SUPPLIES",
        [
            r"由{S}(?:负责)?(?:供货|供应|提供|配送|代理|经销|集成|承建|运维|实施|维护|建设)",
            r"由{S}\s?(?:supply|supplies|provide|deliver)",
            r"(?:是|都是|全是|均由){S}(?:供|提供|供应|供货|给)的",
            r"{S}(?:负责)?(?:供货|供应|是.{0,6}(?:供应商|经销商|代理商|集成商))",
            r"(?:从|向|找){S}(?:采购|进货|买|订)",
            r"(?:供应商|经销商|代理商|集成商)(?:是|为){S}",
            # "西门子是他们开关柜产线的主要设备供应商", "西门子作为分拣线的供应商", "都由赛默飞直供"
            r"{S}(?:目前|一直|也)?(?:是|作为|只是)[^«»，,。；;\n]{0,20}?(?:供应商|供货商|经销商|代理商)",
            r"{S}(?:直供|直接供货)",
        ],
    ),
    *_rules(
        "zh",
        "SUPPLIES",
        [
            r"{S}是{C}的{_}供应商",
            r"{C}的{_}(?:主要)?由{S}(?:供货|供应|提供)",
            r"{S}(?:给|为|向){C}(?:供货|供应|提供)",
        ],
    ),
    *_rules("en", "COMPETES_WITH", [r"{V} and {W} {_}(?:fight|compet|price war|battl)"]),
    *_rules("zh", "COMPETES_WITH", [r"{V}和{W}{_}(?:价格战|竞争|抢)"]),
    *_rules(
        "en",
        "COMPETES_WITH",
        [
            r"{V}{_}(?:against us|undercut us|compet\w* with us|our competitor|rival)",
            r"(?:compet\w* with|losing to|lost to) {V}",
        ],
        self="true",
    ),
    *_rules(
        "zh",
        "COMPETES_WITH",
        [r"{V}{_}(?:和我们竞争|跟我们(?:抢|竞争)|与我们竞争|竞争对手)", r"(?:被|输给了?){V}"],
        self="true",
    ),
]
USE_CUES = {
    "en": re.compile(
        r"\b(?:(?:runs?|running)(?! (?:the|a|an|our|their) (?:\w+ )?(?:eval|evaluation|poc|pilot|project|"
        r"demo|rfp|process|meeting|workshop|show|call|review|tender|selection)\b)|stays?|remains?|"
        r"uses?|using|installed|relies on|contract|(?:are|is|'re|'s) (?:on|with)|"
        r"standardi[sz]ed on|live on|licen[cs]es?|incumbent|installed base|in place|renewal|renews?|"
        r"go-live|went live|switched to|moved to|migrated to|replaced \w+ with|current(?:ly)?|existing|"
        r"customer|client|sit in|sits in|tracked in|tracks|runs on|on top of)\b",
        re.I,
    ),
    "zh": re.compile(
        r"使用|在用|用的是|用着|采用|装的是|维保|延保|到期|换成了?|改用|上线|刚上的|续约|续签|续了|现用|现有|目前用|"
        r"一直用|(?:系统|平台|ERP|HIS|PACS|LIS|RIS|EAM|CRM|MES|WMS|TMS|OA|DLP|LIMS|SIEM)(?:用的)?(?:都|也|还|全)?是|"
        r"切到了|切换到了|换到了|换成了"
    ),
}
EVAL_CUES = {
    "en": re.compile(
        r"evaluat(?!ors?\b)|demo|quote|talking to|talking with|in talks|in the running|trial|consider|"
        r"looking at|pilot|shortlist|short-list|proof of concept|\bpoc\b|bake-?off|\brf[piq]\b|"
        r"compar|in the mix|pitch",
        re.I,
    ),
    "zh": re.compile(
        r"评估|演示|报价|接触|比选|试用|考虑|测试|入围|选型|POC|poc|PoC|对比|在看|考察|短名单|候选|投标|竞标|"
        r"比价|询价|试点|PK|pk|参与.{0,4}(?:招标|竞争|比选)|在谈|也在跟|拿.{0,6}比"
    ),
}
INTEREST_CUES = {
    "en": re.compile(
        r"interest|question|hear more|ask(?:s|ed|ing)? about|focus|priority|need|keen|curious|care|wants?|"
        r"worried|concern",
        re.I,
    ),
    "zh": re.compile(r"兴趣|提到|了解|关注|需求|重视|咨询|问了|关心|在意|看重|头疼|希望|想要?|切入|优先"),
}
