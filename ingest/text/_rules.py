"""Relation rules over sentence skeletons (see ``_rule_grammar``): buying roles, reporting
lines, installs, suppliers and competition, and the cue words of installs, evaluations and
interests. Employment rules are in ``_job_rules``, supplier rules in ``_supply_rules``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ._job_rules import JOB_RULES
from ._role_cues import ROLE_CUES
from ._rule_grammar import KNOWN_PERSON, Rule, rules_of
from ._supply_rules import SUPPLY_RULES
from ._topic_roles import TOPIC_FORMS, TOPIC_IS, TOPICS

#: between a role cue and the person it names after it: a copula or a colon ("the final call is
#: Karen's", "EB = Janet", "决策人是何总"), or for a cue marked ">" any short stretch of its clause
_AFTER_CUE = (
    r"[ \t]*(?:(?:is|was|will be|lies with|rests with|sits with|belongs to|goes to|falls to|by|from|then|"
    r"probably|likely|clearly|now|是|为|由|归|在|就是|应该是|的是|的人是|都是|的?还是|的?也是|仍是)\s*|[:=：—–-]\s*)+"
    # a title before the person, as a mark or written out (role rules read titles as words):
    # "EB是财务总监马丽", "Budget holder is the Director of Operations, Martin Ashdown"
    r"(?:(?:(?:the|their|its|our|his|her) )?«T\d+»,?\s*|[\u4e00-\u9fffA-Za-z&/]{1,10}?\s?"
    r"|(?:(?:the|their|its|our) )?(?:[A-Z][\w&/.-]*,? (?:(?:of|for|and|&) )?){1,4})?"
)
# a cue that a copula or a colon follows names the person after it: "马丽，TE是王海" is not 马丽's
# ("controls the budget: $2.1M over 5 years" names an amount, not who holds it)
_NOT_BEFORE_COPULA = r"(?!\s*(?:是|为|就是|的(?:人)?是|[:=：](?!\s*(?:[$€£¥\d]|RMB|USD|EUR))))"
# what the cue is about, before the copula: "Final say on Corby = Helen", "the EB for the renewal is…"
_QUALIFIER = r"(?:\s+(?:on|for|over|about|at)\s+(?:«[OXK]\d+»|[^«»\n=:：;,.]{1,25}?))?"
_LIST_ITEM = r"(?:^|\n)[ \t]*(?:[-*•·–]|\d+[.、)])[ \t]*[^\n«»:：\[\]]{0,12}?"
# (a title may stand in apposition: "sits with the Dean, Professor Huw Pritchard"; the role text
# keeps a title's words but not the comma after them: "goes to our Finance Director «P1»")
_AFTER_OBJECT_CUE = (
    r"(?:\s*(?:the|our|their|its) [A-Z][\w&-]*(?: (?:of |for )?[A-Z][\w&-]*){0,3},?\s*)?"
    r"(?:[^«»\n,;.，；。]|«[OXDK]\d+»|«T\d+»,?){0,30}?"
)
#: someone's job before its holder: "his PA, Farah", "her assistant Farah Khan"
_THEIR_JOB = (
    r"\s(?:(?!(?i:and|or|but|not|with|to|who|which|that|then|so|is|was|are|only|nothing)\b)"
    r"[A-Za-z][A-Za-z&.'-]*\s?){1,3},?\s"
)
#: a person marked before someone's job is that job-holder's possessor, not the one a cue names:
#: "go through his PA, Farah" (a comma before the name, not "Ray Dominguez in Procurement")
_NOT_A_POSSESSOR = rf"(?!{_THEIR_JOB}«P)(?!\s(?:[A-Za-z][\w&.'-]*\s?){{1,3}},\s[A-Z])"
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
    for role, (topic, verbs) in TOPICS.items():  # first: the topic's role claims the verb
        own = (*TOPIC_FORMS, TOPIC_IS) if role != "decision_maker" else TOPIC_FORMS
        forms = [t.replace("{topic}", topic).replace("{verbs}", verbs) for t in own]
        out += rules_of("zh", "DECISION_ROLE", forms, role=role, form="topic")
    for role, (en_cues, zh) in ROLE_CUES.items():
        # English cues in any case ("Final call", "Owns the IT budget"), acronyms as written ("EB")
        en = [c if _ACRONYM.fullmatch(c) else _any_case(c) for c in en_cues]
        for lang, cues in (("en", en), ("zh", zh)):
            after = "(?:" + "|".join(c for c in cues if not c.startswith(">")) + ")"
            before = "(?:" + "|".join(c.lstrip(">") for c in cues) + ")"
            objects = "(?:" + "|".join(c.lstrip(">") for c in cues if c.startswith(">")) + ")"
            patterns = [
                # not a chat line's speaker: "王海涛 19:11：以后天天用这个系统的主要是他们几个"
                # nor one before whom something is done: "经常在钱总面前帮我们说话"
                rf"{{P}}(?![:：])(?!\s*\[?\d{{1,2}}:\d{{2}}\]?\s*[:：])(?!面前|跟前|身边|的?(?:手下|下面|底下|下属)的){{_s}}{after}"
                rf"{_NOT_BEFORE_COPULA}",
                rf"{before}{_QUALIFIER}{_AFTER_CUE}{{P}}",
                # the topic first, then who takes it on: "技术评估我来负责", "预算这块何总亲自管"
                rf"{before}(?:这块|这边|方面|的事)?\s*(?:由|归)?{{P}}(?:来|亲自|会)(?:负责|牵头|把关|管|拍板|定)",
                *([rf"{objects}{_AFTER_OBJECT_CUE}{{P}}{_NOT_A_POSSESSOR}"] if objects != "(?:)" else []),
                # the person after a pointer ("he is not the budget holder; that's Raj Mehta"), or a
                # correction ("the final call isn't Tom's, it's Ana's", "拍板的不是王总，是李总"), whose
                # own clause is not negated; each language's form only in its own rules
                (
                    rf"{before}(?:[^«»\n;]{{0,15}}"
                    r"|[^«»\n.;]{0,25}?(?:is|['’]s|was)(?: not|n['’]t) «P\d+»(?:['’]s)?)"
                    r"\s*[;,—–-]+\s*(?P<from>that['’]s|that is|it['’]s|it is|which is|that sits with|"
                    r"that lies with|that rests with)\s+{P}"
                    if lang == "en"
                    else rf"{before}(?:的人?)?\s*(?:也|都|还|并)?不是\s*«P\d+»[^«»。；;\n]{{0,6}}?[，,]\s*"
                    r"(?P<from>(?:而|其实|实际上)?是)\s*{P}"
                ),
                # a list item's person is the subject of its later clauses ("Jonas (Ops) reports to
                # Hans; main day-to-day user")
                rf"(?:^|[*•·]\s*|\d[.、)]\s*){{P}}[^\n;；]{{0,100}}[;；](?:[^«»\n;；]){{0,40}}?{after}",
                # a list item's description after a colon, the cue within a few words: "- Denise
                # Farrow: champion", "- 部长钱卫东：铁杆支持者" (a chat speaker's colon opens speech)
                rf"{_LIST_ITEM}{{P}}(?:\s*[（(][^（）()\n]{{0,30}}[）)])?\s*[:：]\s*[^«»\n,;，；。:：?？]{{0,8}}?"
                rf"{after}{_NOT_BEFORE_COPULA}(?![^\n]*[?？])",
                # and further along its line, as one of the item's clauses: "- 张敏：QA经理，负责整改，
                # 是我们最大的支持者", "- Tom Reyes: CFO, new in role, holds the budget"
                # (a manager the item names as theirs is none of its subject: "- 宁浩：架构组，刘洋下面的，
                # 做技术评估")
                rf"{_LIST_ITEM}{{P}}(?:\s*[（(][^（）()\n]{{0,30}}[）)])?\s*[:：]"
                rf"(?:[^«»\n;；。?？]|«[OXDKT]\d+»|«P\d+»(?=的?(?:手下|下面|底下)的)){{0,80}}?"
                rf"[,，]\s*(?:[^«»\n;；。,，:：?？]{{0,10}}?){after}{_NOT_BEFORE_COPULA}(?![^\n]*[?？])",
                # whose job it is comes first: "go through his PA, Farah" is Farah's door
                *([rf"{objects}{_AFTER_OBJECT_CUE}«P\d+»{_THEIR_JOB}{{P}}"] if objects != "(?:)" else []),
            ]
            made = rules_of(lang, "DECISION_ROLE", patterns, role=role)
            # the cue first, the person after it: "Final say = Helen", not "Henrik makes the final
            # decision - Gunnar only signs above 1m" (the cue has its person already)
            made[1] = replace(made[1], props=(*made[1].props, ("form", "pointed")))
            out += made
    return out


#: how a reporting line is said: "reports up to", "rpts 2", "sits under", "answers to"
_REPORTS_TO = (
    r"(?:(?:reports|reporting|report|reported|rpts?)(?: line)? (?:directly |straight )?(?:up )?"
    r"(?:in)?(?:to|2)"  # "reports in2 him"
    r"|(?:sits?|sitting|sat) (?:directly )?under|answers? (?:directly )?to|rolls? up (?:in)?to"
    # the Spanish a bilingual note keeps: "reporta a Camilo"
    r"|reporta(?:n|ba)? (?:directamente )?a)"
)
#: the manager's title before the name: "reports to our new Deputy CISO, Simon Achterberg"
_MANAGER_TITLE = (
    # (and whose the title is: "reports to the cruise line's CEO, Anders Lindqvist")
    r"(?:(?:the|our|their|his|her|new|acting|interim) )*(?:(?:[a-z][\w-]* ){0,2}[a-z][\w-]*['’]s )?"
    r"(?:(?:group|company|site|regional|global|divisional|corporate) )?(?:«T\d+»,?\s*)?"
    # an honorific before the name: "reports to the Superintendent, Dr. Yvonne Castillo"
    r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx|Sir|Dame)\.?\s)?"
)

#: "向韩总汇报" is a reporting line; "向韩总汇报方案 / 一下 / 了进展" is a briefing
_NOT_BRIEFING = r"(?=工作|[并且]|[^\u4e00-\u9fffA-Za-z]|$)"

RULES: list[Rule] = [
    *JOB_RULES,
    *_role_rules(),
    *rules_of(
        "en",
        "REPORTS_TO",
        [
            r"{P}\s*(?:,\s*(?:both|all) )?(?:['’]m |['’]s |['’]re |(?:is|am|are|was|were|will be|has been) )?"
            r"(?:(?:now|still|currently|also|officially|formally) )*"
            rf"{_REPORTS_TO} {_MANAGER_TITLE}{{M}}",
            # "she reports up through facilities to Rob Chandler"
            r"{P}\s*(?:(?:now|still|currently|also) )*(?:reports|reporting|report) (?:up )?(?:through|via) "
            rf"(?:[^«»\n;,.]|«[TDO]\d+»){{1,40}}? to {_MANAGER_TITLE}{{M}}",
            # "Director Angela Brooks, Denise's boss, …"
            r"{M},? (?:the |who is )?{P}['’]s? (?:direct |line )?(?:boss|manager|supervisor|superior)\b",
            # "陶敏 (Tao Min), data analyst on Li Wen's team"
            r"{P}(?:[^«»\n;.]|«T\d+»){0,50}? (?:on|in|from) {M}['’]s? team",
            r"{P} [-–—,] (?:(?:the|a|an|our|their|new) )*{T} (?:under|reporting to|working for|in) {M}",
            r"{P} works (?:directly )?(?:under|for) {M}",
            # "Bakare is under Mrs Nwosu" (a person after it: not "under contract", "under review")
            rf"{{P}} (?:is|are|['’]s) (?:(?:now|still|directly|formally) )*under "
            rf"{_MANAGER_TITLE}{{M}}(?![\w'’])",
            r"{M} is {P}'s? (?:direct )?(?:boss|manager|supervisor|line manager|superior)",
            r"{P}'s? (?:direct )?(?:boss|manager|supervisor|line manager|superior) (?:is|=|:) ?"
            r"(?:(?:the|their|our|group) )*(?:«T\d+»,? )?{M}",
            r"{P}(?: is| sits|['’]s) (?:on|in) {M}['’]?s? team",
            r"{M} (?:manages|oversees|supervises) {P}",
            r"{P}(?:,| is| -)? {M}'s? (?:direct )?report\b",
            r"{P},? (?:who is |is )?(?:the |his |her |their )?{M}(?:['’]s?)? "
            r"(?:deputy|number two|no\.? ?2|right hand|assistant|subordinate|second in command)",
            # "… Energy Lead – reports to Alasdair now", "Director, Facilities (reports to Lauren)"
            r"{P}(?:[^«»\n;]|«[TDO]\d+»){0,60}?(?:[,;(]\s*(?:and )?|\s+and\s+|\s+[-–—]\s+)"
            rf"(?:(?:now|still|also) )?{_REPORTS_TO} {_MANAGER_TITLE}{{M}}",
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
            # a verb left out the second time: "Bianca reports to Greg, Greg to Linda"
            r"\breport[^\n.]{1,80}?[,;] (?:and )?{P} (?:(?:in)?to|2) {M}\s*[.;]?\s*$",
            # a dotted line is a line too: "Sunita has a dotted line to Rohan"
            r"{P}(?: (?:also|still|now))? (?:has|had|with) a dotted[- ]line (?:in)?to {M}",
            # a possessive pronoun's manager: "his boss is Jennifer Voss", "belongs to her manager, Ravi"
            r"{P} (?:own )?(?:direct |line )?(?:boss|manager|supervisor)"
            rf"(?:,| is| was|:) {_MANAGER_TITLE}{{M}}",
            # "her boss Owen Tranter (COO) is", "phuong + her boss Ian Stroud"
            r"{P} (?:direct |line )?(?:boss|manager|supervisor) {M}",
            # "Marta Kowal - she is Production Planning Manager, under Katarzyna" (not "under «P»'s budget")
            r"{P}(?:[^«»\n;.]|«T\d+»){0,60}?, (?:directly |reporting |working )?under {M}(?![\w'’])",
            # the manager glossed with a title first: "Dev Mistry – Contracts Director, Siobhan's boss"
            r"{M}(?:\s*[-–—]\s*|, )(?:the )?«T\d+»,? {P}['’]s? (?:direct |line )?"
            r"(?:boss|manager|supervisor|superior)\b",
        ],
    ),
    *rules_of(
        "zh",
        "REPORTS_TO",
        [
            # "陶然上个月起已改向龚总汇报": a few words of when and how, but no one else's doing; and
            # 汇报 with nothing after it: "向韩局汇报方案" briefs, "通过郭主任向韩局汇报" goes through him
            r"(?<!通过)(?<!经过){P}(?:«T\d+»)?(?:(?!让|请|要求|建议|帮|替|叫|给|跟|和|与|说)[^«»，,。；;：:\n]){0,8}?"
            r"向\s?(?:[\u4e00-\u9fff]{1,6}的|«O\d+»[\u4e00-\u9fff]{0,4})?{M}\s?(?:汇报|报告|report)"
            + _NOT_BRIEFING,
            r"{P}的?(?:直属|直接|分管)?(?:领导|上级|老板|上司)(?:就|也)?(?:是)?{M}",
            # "柏琳（采购中心总监，向聂总汇报）": the line inside the name's parentheses
            r"{P}[（(](?:[^（）()«»\n]|«T\d+»){0,30}?向{M}(?:汇报|报告)" + _NOT_BRIEFING,
            r"{M}(?:[^«»\n。；;]{0,20}?[，,]\s*)?(?:也|就)?是{P}的(?:直属|直接)?(?:上级|领导|老板|上司)",
            r"{P}(?:归|由){M}(?:直接)?(?:管|领导|负责)",
            r"{M}(?:直接)?(?:管着|分管|领导着?){P}",
            r"{P}(?:在|是){M}(?:手下|的下属)",
            r"{M}(?:手下|底下|下面)的?(?:[\u4e00-\u9fff]{0,6}?«T\d+»|[\u4e00-\u9fff]{1,6}?(?:组长|主任|经理|主管|工程师))?"
            r"\s?{P}",
            r"{P}(?:直接)?对{M}负责",
            # "都 report 给何总", "还是汇报给Frank", "都直接报给蒋涛", "汇报给分管业务的副总经理叶青";
            # not a question: "马部长是汇报给周志强还是直接给王总？"
            r"{P}(?:现在|目前|直接|平时|一般|也|都|还是|仍然|依然|仍|还|一直|是)*\s?(?:汇报|报告|reports?|报)\s?给\s?"
            r"(?:[\u4e00-\u9fff]{1,8}的)?(?:«T\d+»\s?)?{M}(?![^\n。；;]*[?？])",
            # "何总下面有两个人：罗婷和梁宇" (the coordination gives 梁宇 too), "彭小川跟着罗婷干"
            r"{M}(?:下面|手下|底下)(?:有|管着?)[^«»\n。；;]{0,10}?[：:]?\s?{P}",
            r"{P}(?:一直)?跟着{M}(?:干|做)",
            # (not one named as whom they took over from: "廖佳：接宋涛的，现在是IT负责人，向赵总汇报")
            r"{P}(?!的[，,])(?:[^«»\n。]|«[TOD]\d+»|«P\d+»的(?=[，,])){0,40}?[，,；;]\s*(?:并且?|也|还|同时)?(?:是)?(?:直接)?"
            r"向{M}汇报" + _NOT_BRIEFING,
            r"{P}是{M}的(?:直接|直属)?(?:副手|下属|助理|二把手)",
            r"{P}\s?[（(]{M}的?(?:手下|下属|副手)[）)]",
            # "周倩（罗倩的助理，负责记录）"
            r"{P}\s?[（(](?:[^（）()«»\n]|«T\d+»){0,10}?{M}的(?:直属)?(?:助理|秘书|下属|副手|手下|«T\d+»)(?=[，,、）)])",
            r"{P}(?:[，,：:]\s*«T\d+»)?[，,]\s*{M}的(?:直接|直属)?(?:下属|手下|部下|副手)",
            # "他的下属——IT主管季晨"
            r"{M}的(?:副手|下属|助理)(?:是)?\s?(?:[—–-]{1,2}\s?)?(?:«T\d+»\s?)?{P}",
            # an English verb in a Chinese sentence: "杨帆（仓储中心主任）reports to 韩总"
            r"{P}\s?(?:(?:now|still|directly|temporarily|也|都|现在|直接|暂时|目前|临时)\s?)*(?:reports|reporting|report)\s?"
            r"(?:directly )?(?:in)?to\s?{M}",
            # "赵总是曹总的直属下级", "韩科归姚建副局长管", "林晓雯——信息科副科长，黄科手下，…",
            # "IT主管韦思，归马总管"
            r"{P}是{M}的(?:直属|直接)?(?:下级|部下|手下)",
            r"{P}(?:现在|目前|直接)?(?:归|由){M}«T\d+»(?:直接)?(?:管|领导|负责)",
            # "柯伟到岗，周总下面的人"
            # "龙浩（Leo）｜信息部架构师，赵磊的人｜日常对接"
            # "Jason（姓廖）｜唐一帆手下的架构师", "宁浩：架构组，刘洋下面的，做技术评估"
            r"{P}(?:[^«»\n。；;]|«T\d+»){0,30}?[，,|｜]\s*(?:现在|目前)?{M}"
            r"(?:的人|的?(?:(?:手下|下面|底下)的?(?:人|«T\d+»|[\u4e00-\u9fff]{0,4}?(?:师|员|主管|经理|组长))?|手下|下属|部下))"
            r"(?=[，,。；;|｜）)\s]|$)",
            r"{P}[，,]\s*(?:现在|目前)?(?:归|由){M}(?:«T\d+»)?(?:直接)?(?:管|领导)",
            # "唐欣（生产技术部工程师，归马主任管）", "王主任上面就是程院"
            # "吴佳怡（冯老师带的，平时归她管）"
            r"{P}[（(](?:[^（）()«»\n]|«[TP]\d+»){0,30}?[，,、]\s*(?:平时|日常|现在|目前)?(?:也|都)?(?:归|由){M}"
            r"(?:«T\d+»)?(?:直接)?(?:管|领导)",
            r"{P}(?:的)?(?:上面|上头)(?:就|直接)?是{M}",
            # "龚晓是孙浩一手带出来的，现在也在他手下"
            r"{P}(?:[^«»\n。；;]|«[TP]\d+»){0,30}?[，,]\s*(?:现在|目前)?(?:也|都|还|一直)?(?:在|是){M}(?:的)?"
            r"(?:手下|下属|部下)",
            # "谢晨上个月调到科技部，现在归邓凯文管", "韩卫东——科技信息化科科长，归姚局管"
            # "李博(李昊然)是我们质谱平台的工程师,归我管": a full name glossing the first
            r"{P}(?!手下|的下属|下面)(?:[（(]«P\d+»[）)])?(?:[^«»\n。；;]|«[TOD]\d+»){0,30}?[，,]\s*"
            r"(?P<from>(?:现在|目前|平时|日常)?(?:也|都|还|已经|已|改)?(?:归|由))\s?{M}\s?"
            r"(?:«T\d+»)?(?:直接)?(?:管|领导)",
            # "他是郑爽手下的架构师"
            r"{P}(?:现在|目前|也|还)?是{M}(?:手下|下面|组里|团队里?)的",
            # "丁老师是质谱平台负责人，直属领导就是何主任"
            r"{P}(?:[^«»\n。；;]|«[TO]\d+»){0,30}?[，,]\s*(?:他|她)?的?(?:直属|直接)(?:领导|上级|上司)(?:就|也)?是{M}",
            # the verb in a later clause of the person's: "张敏升QA总监了，还是汇报给Frank"
            r"{P}(?:[^«»\n。；;]|«T\d+»){0,30}?[，,]\s*(?:现在|目前|直接|也|都|还是|仍然|依然|还|一直)*\s?"
            r"(?:汇报|报告|reports?)\s?给{M}",
            # "她直接跟何佳汇报" (not "我跟何总汇报一下", a briefing)
            r"{P}(?:现在|目前|直接|平时|一般|也|都|还是|仍然|依然|还|一直)*跟{M}\s?(?:汇报|报告)"
            + _NOT_BRIEFING,
            # "葛文涛和祁红都归刘芳管", "于海燕、黄俊两人都是曹立新副局长分管"
            KNOWN_PERSON + r"(?:现在|目前|也|都|一直)*(?:是|归|由){M}(?:直接)?(?:分管|管|领导)",
            # a line written as an arrow: "汇报线：刘芳 → 严局"
            r"(?:汇报线|汇报关系|汇报)\s?[：:]\s*{P}\s*(?:→|->|=>|—>|－>)\s*{M}",
            # "小谭（IT开发，钱主任组里的）"
            r"{P}\s?[（(](?:[^（）()«»\n]|«T\d+»|«P\d+»[，,、]){0,20}?{M}的?(?:手下|下属|副手|组里|团队里?)的?人?[）)]",
            # "杜晓（华东营运部，上级是营运总监贺平）", "徐晓燕和她老板——运营副总卞建华"
            r"{P}\s?[（(](?:[^（）()«»\n]|«T\d+»){0,20}?[，,、]\s*(?:直属|直接)?(?:上级|领导|老板|上司)(?:是|为)\s?"
            r"(?:«T\d+»\s?)?{M}",
            r"{P}和(?:她|他|«P\d+»)的?(?:老板|领导|上级|上司)\s?(?:[—–-]{1,2}|[，,：:])?\s?(?:«T\d+»\s?)?{M}",
        ],
    ),
    *SUPPLY_RULES,
    *rules_of("en", "COMPETES_WITH", [r"{V} and {W} {_}(?:fight|compet|price war|battl)"]),
    *rules_of("zh", "COMPETES_WITH", [r"{V}和{W}{_}(?:价格战|竞争|抢)"]),
    *rules_of(
        "en",
        "COMPETES_WITH",
        [
            r"{V}{_}(?:against us|undercut us|compet\w* with us|our competitor|rival)",
            r"(?:compet\w* with|losing to|lost to) {V}",
        ],
        self="true",
    ),
    *rules_of(
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
        r"uses?|using|installed|relies on|contract|(?:are|is|'re|'s|still) (?:on|with)|"
        r"standardi[sz]ed on|live on|licen[cs]es?|incumbent|installed base|in place|renewal|renews?|"
        r"go-live|went live|switched to|moved to|migrated to|replaced \w+ with|current(?:ly)?|existing|"
        r"customer|client|sit in|sits in|tracked in|tracks|runs on|on top of|outsourced to|"
        r"log in with|logs? in (?:with|via|through)|sign in with|locked in(?:to)?|tied in(?:to)?|"
        # "the vault is alarmed with Nordguard", "lives on spreadsheets plus Yonyou", "hosted on Azure"
        r"alarmed with|monitored (?:via|through|with)|lives? (?:on|in)|hosted (?:on|in|with|by)|"
        # work done for them: "maintains the chillers", "processes payroll off our export", "did their
        # D365 rollout", "outsourced upkeep of the gantry to"
        r"(?:maintain|service|host|process)(?:s|es|ed)\b|outsourced\b[^.;]{0,40}\bto|"
        r"(?:do|does|did|doing) (?:all |every |the |their |our )?(?:[\w-]+ ){0,2}"
        r"(?:installs?|installation|maintenance|servicing|upkeep|interfaces?|rollout|hook-?ups?|gas lines?|"
        r"payroll|hosting))\b",
        re.I,
    ),
    "zh": re.compile(
        r"使用|在用|用的是|用着|采用|装的是|维保|延保|到期|换成了?|改用|上线|刚上的|续约|续签|续了|现用|现有|目前用|"
        r"一直用|(?:系统|平台|ERP|HIS|PACS|LIS|RIS|EAM|CRM|MES|WMS|TMS|OA|DLP|LIMS|SIEM)\s?(?:用的)?(?:都|也|还|全)?是|"
        r"切到了|切换到了|换到了|换成了|外包给|"
        # "服务器都托管在华云", "报表全靠FineReport手工拼", "数据源还是FreightOne"
        r"托管在|部署在|全靠|数据源(?:还|也|都)?是|"
        # "数创ERP，用了五年", "合同好像签到2027年", "门店POS由店小宝提供"
        r"用了(?:[一二三四五六七八九十两几\d]+|好几|很多|多)年|合同[^，,。；;\n]{0,4}签到|"
        r"由\s?(?:提供|供货)(?![^，,。；;\n]{0,3}(?:方案|报价|演示|试用|测试|样))|"
        # "核算系统用的浪潮GS", "各单位都是用航信的税控盘", "有用金蝶K3的" (a mark is a space in plain
        # text; not "很有用的": useful),
        # "统一身份认证是金智教育做的"
        r"(?:系统|平台|软件|这块|这边|目前|现在|一直|主要)\s?用的(?!是)|(?:都是|也是|都|也|还|主要|一直)用(?![户于来途处的])|有用(?=\s|[^，,。；;\s]{2,12}的)|"
        r"是[^，,。；;\n]{1,12}(?:做|建|开发|实施|搭建?|部署|装|供|维护|维保)的|"
        # "塔吊监测沿用安塔的设备", "收银硬件是迅达在做", "接的是澄测的探头"
        r"沿用|(?<=\s)在做(?!方案|报价|演示|测试|POC|试点)|接的是"
    ),
}
EVAL_CUES = {
    "en": re.compile(
        r"evaluat(?!ors?\b)|demo|quote|talking to|talking with|in talks|in the running|trial|consider|"
        r"looking at|pilot|shortlist|short-list|proof of concept|\bpoc\b|bake-?off|\brf[piq]\b|"
        r"compar|in the mix|pitch|"
        # "one of three finalists", "confirmed as a bidder", "asked AeroTrak for an offer"
        r"finalists?|bidders?|bidding|for an? (?:offer|quote|proposal|bid)\b|"
        # a vendor had in to present: "we had RouteWise in last week", "had them in again"
        r"\b(?:had|have|having)\s+(?:\S+\s+){0,3}in "
        r"(?:last|this|yesterday|earlier|again|on (?:mon|tue|wed|thu|fri))",
        re.I,
    ),
    "zh": re.compile(
        r"评估|演示|报价|接触|比选|试用|考虑|测试|入围|选型|POC|poc|PoC|对比|在看|考察|短名单|候选|投标|竞标|"
        r"比价|询价|试点|PK|pk|参与.{0,4}(?:招标|竞争|比选)|在谈|也在跟|拿.{0,6}比|"
        # a rival in the running: "东软也在跑这个项目", "三维天地也在投", "也来报过价"
        r"(?:也|都|还)在跑|在跑(?:这个|这|项目|单子)|在投|也投|报过价|报了|来报|演示过|来演示|[Dd]emo|shortlist|技术交流|在比较|比较了|"
        # "金印也会来投", "鼎捷已经交了 BAFO", "就剩我们和北岳", "邀请我们和智检做方案"
        r"(?:会|要)?来投|交了\s?BAFO|就剩(?:下)?我们和|邀请(?:了)?我们和|"
        # "明确会投的有中控、宝信", "格创续约 vs 启衡MES 二选一",
        # "这次邀请三家：你们、Northgate、凯达", "short list上是我们、安签和法大大", "要再看看北岳"
        r"会投|二选一|邀请(?:了)?[二三四五两]家|short ?list|再看看"
    ),
}
INTEREST_CUES = {
    "en": re.compile(
        r"interest|question|hear more|ask(?:s|ed|ing)? about|focus|priority|need|keen|curious|care|wants?|"
        r"worried|concern|(?:big|main|key|top|first|only) ask|hobby ?horse|pet (?:project|topic|subject)|"
        r"pain ?point|headache|agenda|raised|mentioned|brought up|talks? about|kept asking|keeps asking|"
        r"must-haves?|big on|ask(?:s|ed|ing)? (?:for|that)|wish ?list",
        re.I,
    ),
    "zh": re.compile(
        r"兴趣|提到|了解|关注|需求|重视|咨询|问了|关心|在意|看重|头疼|希望|想要?|切入|优先|要求很?[严高]|红线|硬要求|底线"
        r"|盯得?很?紧|一直盯着|上心|操心|惦记|放在心上"
    ),
}
