"""Whether a clause says the product or vendor it names is installed at the account, or denies,
ends or moves elsewhere that install ("Maximo switched off", "隔壁北沙供电公司去年上了Maximo")."""

from __future__ import annotations

import re

from ._modality import Modality, clause_start
from ._rules import USE_CUES


def in_use(
    skeleton: str,
    start: int,
    end: int,
    clause: str,
    sentence: str,
    product: bool,
    dated: bool,
    langs: tuple[str, ...],
) -> bool:
    """The clause says the thing at ``start:end`` is installed: a use cue, "has a …", "PACS is …";
    for a product also "主装置DCS是中控ECS-700", "挂在用友NC里", or a dated contract."""
    lang = langs[0]
    begin = clause_start(skeleton, start, lang)
    return (
        any(USE_CUES[lg].search(clause) for lg in langs)
        or _HAS.search(skeleton, begin, start) is not None
        or (_THEIR.search(skeleton, begin, start) is not None and _TRIED.match(skeleton, end) is None)
        or (lang == "en" and _SYSTEM_IS.search(skeleton, max(0, start - 60), start) is not None)
        or (
            lang == "zh"
            and _SYSTEM_IS_ZH.search(skeleton, max(0, start - 30), start) is not None
            and _LABEL_VALUE_ENDS.match(skeleton, end) is not None
        )
        or _KIT_USES.search(skeleton, begin, start) is not None  # "PCS用科盛", "逆变器用的阳晖"
        # "HPLC基本都是岛津的", "PACS用的是东软的": the kit is the vendor's
        or (
            _IS_BEFORE.search(skeleton, begin, start) is not None
            and (
                _VENDORS_OWN.match(skeleton, end) is not None
                # "液质都是沃特世": all of a kind, the vendor's ("的" left out)
                or (
                    _ALL_IS.search(skeleton, begin, start) is not None
                    and _CLAUSE_ENDS.match(skeleton, end) is not None
                )
            )
        )
        or (
            product
            and (
                _HOLDS.search(skeleton, begin, start) is not None
                or _HELD_IN.match(skeleton, end) is not None
                or dated
                or any(USE_CUES[lg].search(sentence) for lg in langs)
            )
        )
    )


_GONE = re.compile(
    r"(?:\s+(?:was|is|has been|got|were|are))?\s*(?:switched off|turned off|decommissioned|retired|"
    r"phased out|replaced|dropped|gone|shut down|ripped out|已经?下线|已?停用|被?淘汰|被?换掉|不用了|退役|"
    r"(?:去年|之前|早就|已经?)?(?:已经?)?(?:停掉|关掉|下掉|撤掉|弃用)|"
    # a contract that has run out: "their SignetIQ contract already lapsed in Sept", "合同去年已到期"
    # what it was until a time gone by: "AgriLogic FarmDesk was their member records system until last spring"
    r"(?:was|were) (?:their|the|our|its) [^.;,«»]{0,40}? until (?:last|earlier this)\b|"
    r"(?:['’]s\s+)?(?:[\w-]+\s+)?(?:contract|licen[cs]e|subscription|agreement|support)\s+"
    r"(?:(?:has|had|already|just)\s+)*"
    r"(?:lapsed|expired|ran out|ended|was (?:terminated|cancelled|not renewed))\b|"
    # what they no longer do for them: "Stonebridge no longer does their payroll", "汇云不再做运维"
    # (not a fault: "Maximo stopped working")
    r"(?:no longer|not any ?more|ceased to|(?:has |have )?stopped (?:doing|providing|supplying|supporting|"
    r"servicing|maintaining))\b|(?:已经)?不再|"
    # an evaluation that is over: "the IBM evaluation is closed", "POC finished in April", "评估已结束"
    r"(?:evaluation|review|poc|pilot|trial|bake-?off)\s+(?:(?:on|at|in|with) [^.;,«»]{1,30}?\s+)?"
    r"(?:(?:is|was|has|had)\s+)?(?:been\s+)?"
    r"(?:closed|finished|over|concluded|ended|completed|wrapped up|done)"
    r"|(?:评估|测试|试用|POC)已?经?(?:结束|完成)"
    # a pilot stopped: "法大大去年试点停了以后…"
    r"|(?:去年|前年|之前)?的?(?:试点|测试|试用|POC|评估)(?:已经?)?(?:停了|叫停|终止|中止|停掉)"
    # a rival out of the race: "Lockwell is no longer in the running", "Axiom is off the list", "被淘汰了"
    r"|(?:(?:is|was|are|were|'s)\s+)?(?:no longer in the running|out of the running|off the (?:short)?list"
    r"|ruled out|out of contention)|(?:已经?)?出局)",
    re.I,
)


def not_here(skeleton: str, start: int, end: int, mods: list[Modality], lang: str) -> bool:
    """Whether the clause denies, ends, conditions or moves elsewhere the install it names."""
    begin = clause_start(skeleton, start, lang)
    return (
        any(m.negated or m.past or m.conditional for m in mods)
        or _GONE.match(skeleton, end) is not None
        or _someone_elses(skeleton, start, lang)
        or _HEADED_FOR.search(skeleton, begin, start) is not None
    )


def _someone_elses(skeleton: str, start: int, lang: str) -> bool:
    """Another organisation or person is the subject of the install's clause; the subject may stand
    before an aside: "Kestrel's sister plant (separate company, separate P&L) runs …"."""
    run = _ASIDE.sub(lambda m: " " * len(m.group()), skeleton)
    return _OTHER_ORG.search(run, clause_start(run, start, lang), start) is not None


_ASIDE = re.compile(r"[(（][^()（）\n]{1,80}[)）]")


# where a change will land, not done yet (no 了): "可能会整体换成泛协", "switchover to Corvane Fleet
# planned for April 2027"; "今年初切到了用友NC" is done
_HEADED_FOR = re.compile(
    r"(?:换成|换到|迁到|迁移到|切到|切换到|转到|升级到|换为)\s*$"
    r"|\b(?:switchover|switch-over|cutover|cut-over|migration|transition) to (?:the )?$",
    re.I,
)


# another organisation's install: "隔壁北沙供电公司去年上了Maximo", "another hospital we know runs Epic"
_OTHER_ORG = re.compile(
    r"(?:隔壁|别的|其他|另一家|兄弟)[^，,。；;«»]{0,12}(?:公司|医院|银行|集团|单位|局|厂|学校)"
    # a body the graph does not know, as someone else's side: "听说城商行那边上的是星环的"
    r"|[\u4e00-\u9fff]{1,6}(?:行|院|厂|局|公司|集团|学校|大学)那边"
    r"|\b(?:another|other|sister|a neighbou?ring) (?:\w+ )?(?:hospital|bank|plant|site|company|customer|"
    r"utility|school|university|developer|firm|operator|carrier|council|trust|clinic|practice|agency|"
    r"retailer|chain|mill|factory|campus|district|port|client)s?\b"
    # someone else altogether: "a friend of his at another developer uses", "my cousin's transport
    # company is using", "the main contractor on Tower B is using", "whatever Brightwater uses"
    r"|\b(?:friend|cousin|relative|neighbou?r|peer|counterpart|(?:main |sub-?)?contractor)s?\b|\bwhatever\b"
    r"|\b(?:brother|sister|father|mother|uncle|aunt|wife|husband|son|daughter)(?:-in-law)?['’]s\b"
    r"|邻(?:区|市|县|省)|旗下|朋友|亲戚|总包|分包|同行|友商|[商业]场方|业主方",
    re.I,
)
_HOLDS = re.compile(
    r"(?:(?<!还)是|为|上了|跑在|挂在|放在|存在|都在"
    # a system's kind right before it, as a list says what runs: "ERP用友NC", "ERP为SAP S/4HANA"
    r"|(?<![A-Za-z])(?:ERP|DCS|HIS|LIS|PACS|RIS|EMR|MES|WMS|TMS|EAM|CMMS|CRM|LIMS|QMS|SIEM|SCADA|BMS)"
    r"(?:系统|平台)?(?:用的)?)\s*$"
)
#: vendors coordinated before the one read ("SCIEX和沃特世"), and after it
_AND = r"(?:和|、|与|跟|及)"
_IS_VENDORS = rf"是\s*(?:«O\d+»\s*{_AND}\s*)*$"
#: also after a vendor coordinated before it: "仪器主要是SCIEX和沃特世的" is both vendors' kit
_IS_BEFORE = re.compile(rf"(?<!还){_IS_VENDORS}")
# the kit a vendor's right after it is used for: "PCS用科盛", "逆变器用的阳晖"; not one to be
# chosen ("建议用", "想用", "不用")
_KIT_USES = re.compile(
    r"(?:[A-Z]{2,}\s?用的?|[\u4e00-\u9fff](?<![要想会能可议荐虑划算备不没少率向接])用的"
    # "点餐收银用客多多", "收银用的还是迅达自带的"; not "可以用", "试用", "选用"
    r"|(?:收银|点餐|财务|核算|仓储|排产|会员|门店|前台|后台|系统|平台|线上|现在|目前|一直|主要)用(?:的还是)?"
    # the service a provider carries: "支付走的易付通", "商旅现在走携程"
    r"|[\u4e00-\u9fff](?<![要想会能可议荐虑划算备不没])走的|(?:现在|目前|一直|都|主要|平时|全部)走)\s*$"
)
# "PACS用的是东软的", "收银是数创的老POS": the kit is the vendor's
_VENDORS_OWN = re.compile(
    r"(?:(?:和|、)«O\d+»)*的(?:老|旧|那套|这套)?(?:[A-Za-z]{2,6}|系统|平台|软件|设备)?(?=\s*(?:[，,。；;）)（(\n]|$))"
)
_ALL_IS = re.compile(rf"(?:都|全|全部|基本|基本上|主要|大多|大部分){_IS_VENDORS}")
_CLAUSE_ENDS = re.compile(rf"(?:{_AND}«O\d+»)*\s*(?:[，,。；;）)\n]|$)")
_HELD_IN = re.compile(r"(?:的[^，,。；;«»]{0,6})?(?:里|里面|上面)")
_HAS = re.compile(r"\b(?:has|have|had|got)\s+(?:an?\s+|the\s+|their\s+|its\s+)?$", re.I)
# the account's own, in a note about it: "Their Nordguard Sentinel panels false-alarm 3-4x/wk"; not
# what they try or are offered ("their Halden pilot", "their Axiom quote")
_THEIR = re.compile(
    r"\btheir\s+(?:current\s+|existing\s+|old\s+|older\s+|legacy\s+|aging\s+|ageing\s+)?$", re.I
)
_TRIED = re.compile(
    r"(?:\s+[\w-]+)?\s+(?:pilot|trial|demo|eval\w*|poc|proposal|quote|bid|offer|pitch|tender|rfp|"
    r"shortlist|test|sales|rep|account|roll-?out|deployment|implementation|project|upgrade|migration)",
    re.I,
)
# a system named then said to be the thing, from the line's or sentence's start: "PACS is
# Sectra", "- Identity: Okta", "their claims platform is Guidewire ClaimCenter"; not a pick
# ("the preferred option is …"), which is a choice still to come
_SYSTEM_IS = re.compile(
    r"(?:^|\n|[.;:(]|\s[-–—]\s)\s*(?:[-•*>]|\d+[.)])?\s*"
    r"(?!(?:[\w/&.-]+\s+){0,4}?(?:preferred|choice|pick|winner|favou?rite|front-?runner|option|"
    r"alternative|replacement|target|plan|shortlist|compet\w*|rival|partner|SI|reseller|award\w*|"
    r"decision|result|outcome|verdict|confirmed|chosen|selected)\b)"
    # a label before a colon may be long: "- HQ + data centre identity and badge printing: Pallister IDM"
    # or through whom it runs: "Payments through Payvera", "card payments via Payvera"
    r"(?:(?:(?:[A-Za-z][\w/&.-]*|[/+&])\s+){0,5}?[A-Za-z][\w/&.-]*\s*(?:is|are|=|:|–|—|-|(?<=\s)(?:through|via|thru))"
    r"|(?:(?:[A-Za-z][\w/&.-]*|[/+&])\s+){0,9}?[A-Za-z][\w/&.-]*\s*:)\s*"
    # "payments: still with Payvera"
    r"(?:still\s+|currently\s+|now\s+|all\s+)?(?:(?<=:\s)with\s+|(?<=:\s)(?:still|currently|now)\s+with\s+)?$",
    re.I,
)

#: a Chinese line labelling what runs a function: "- 支付：易付通", "网络：电信专线"; not a label of
#: a shortlist, a rival or a plan ("竞争对手：…", "推荐方案：…"), nor a chat speaker's colon (the
#: value is the vendor alone, up to the clause's end)
_SYSTEM_IS_ZH = re.compile(
    r"(?:^|\n)[ \t]*(?:[-•*·▪]|\d+[.)、])?[ \t]*"
    r"(?![^：:\n]{0,8}?(?:竞争|对手|竞品|推荐|方案|备选|候选|替代|合作|伙伴|集成商|代理|中标|结果|决定|选择|"
    r"倾向|计划|目标|入围|参与|投标|友商|报价|联系|对接|负责|风险|问题|备注|下一步|待办|实施))"
    r"[\u4e00-\u9fffA-Za-z/&+]{1,8}[ \t]*[：:][ \t]*(?:目前|现在|还是|一直|主要)?[ \t]*$"
)
_LABEL_VALUE_ENDS = re.compile(r"(?:的)?[^，,。；;\n«»]{0,6}?(?:[，,。；;\n]|$)")


def to_be_left(skeleton: str, start: int, end: int, lang: str) -> bool:
    """The clause says the account will move off the thing at ``start:end``, which it therefore
    runs now: "move off PyroNet next year", "replacing Maximo in 2027", "明年要把东软换掉"."""
    begin = clause_start(skeleton, start, lang)
    if lang == "zh":
        return _LEAVE_ZH_BEFORE.search(skeleton, begin, start) is not None or (
            _PUT_ZH.search(skeleton, begin, start) is not None
            and _LEFT_ZH_AFTER.match(skeleton, end) is not None
        )
    if "?" in skeleton[end:] or _DONE_OR_TRIED.search(skeleton, begin, start):
        return False  # "moving off AxleIQ onto us??", "after moving off ADP", "tried to move off it"
    return (
        _LEAVE_BEFORE.search(skeleton, begin, start) is not None
        or _LEFT_AFTER.match(skeleton, end) is not None
    )


def kept_on(skeleton: str, start: int, lang: str) -> bool:
    """The clause says the account keeps the thing at ``start``, which it therefore runs now,
    whatever tense it is said in: "will stay on Stellarion PMS for now", "we will keep QGenda for
    the ED until …", "signed a five-year extension of Caldera LIS", "继续用东软"."""
    begin = clause_start(skeleton, start, lang)
    return (_KEPT_ZH if lang == "zh" else _KEPT).search(skeleton, begin, start) is not None


_OLD = r"(?:(?:the|their|its|our|all|old|older|legacy|existing|current|remaining) )*"
_KEPT = re.compile(
    r"\b(?:stay(?:s|ing)? (?:on|with)|keep(?:s|ing)?(?: using| running)?|remain(?:s|ing)? on|"
    r"stick(?:s|ing)? with|(?:signed|agreed) (?:a|an) (?:[\w-]+ )?(?:extension|renewal) (?:of|on|for))"
    rf" {_OLD}$",
    re.I,
)
_KEPT_ZH = re.compile(
    r"(?:继续用|继续使用|继续沿用|保留|先不换|暂不更换|不换)(?:现有的|现在的|原来的|老的)?$"
)
_LEAVE_BEFORE = re.compile(
    r"\b(?:(?:move|moves|moving|migrate|migrates|migrating|switch|switches|switching|transition|"
    r"transitioning)(?: away)? (?:off|from|away from)|(?:replace|replaces|replacing|rip out|ripping out|"
    r"phase out|phasing out|sunset|sunsetting|decommission|decommissioning|retire|retiring|get rid of|"
    rf"getting rid of|ditch|ditching)|(?:as |a )?(?:the |a )?replacement for|in place of) {_OLD}$",
    re.I,
)
_LEFT_AFTER = re.compile(
    r"(?:'s| is| are)? (?:(?:going|due|set|scheduled|slated) to be|will be|to be|is being|are being|"
    r"gets|get) "
    r"(?:replaced|decommissioned|retired|phased out|switched off|ripped out|sunset)\b",
    re.I,
)
_DONE_OR_TRIED = re.compile(r"\b(?:after|since|before|once|tried|try|trying|attempted)\b", re.I)
# an intent comes first: "要把东软换掉", "准备替换东软", not "衡远EAM替换东软" (what we will do)
_INTENT_ZH = r"(?:要|准备|计划|打算|想|考虑)(?:尽快|逐步|全部)?"
_LEAVE_ZH_BEFORE = re.compile(
    rf"{_INTENT_ZH}(?:替换|替代|换掉|淘汰|迁出|迁离|下掉)(?:现有的|现在的|原来的|老的)?$"
)
_PUT_ZH = re.compile(rf"{_INTENT_ZH}(?:把|将)(?:现有的|现在的|原来的|老的)?$")
_LEFT_ZH_AFTER = re.compile(r"(?:的系统|系统)?(?:全部|整体|逐步)?(?:换掉|替换掉|替掉|下线|停掉|淘汰掉?)")


# an evaluation that is over: "trialled Verdant Nodes last summer", "lost a bake-off to Northlock
# at his previous mine" (a pronoun is a blank in the plain clause), "the Blackline G7 pilot ran
# June-July", "去年试点过"; not "in for a demo last month": a recent demo, the evaluation goes on
_PAST_TRIAL = {
    "en": re.compile(
        r"\b(?:last (?:year|summer|spring|autumn|fall|winter|cycle|round)|(?:a (?:few|couple of) |\d+ |two |"
        r"three )?years? (?:ago|back)|at (?:his|her|their)? +(?:previous|old|former) \w+|binned|"
        r"(?:pilot|trial|poc|bake-?off) ran\b|"
        # the pluperfect: "our earlier GM had done one small trial with Orbitrack"
        r"had (?:\w+ )?(?:done|run|trialled|trialed|piloted|tested|evaluated|demoed|looked at)\b)",
        re.I,
    ),
    "zh": re.compile(r"去年|前年|上一轮|那次"),
}


def trial_over(clause: str, mods: list[Modality], lang: str) -> bool:
    """An evaluation the clause says is over: past, or with a time or outcome that ends it."""
    return any(m.past for m in mods) or _PAST_TRIAL[lang].search(clause) is not None


# a rival turned down later in the sentence: "演示了Aurelian LIMS，何主任觉得太重，已经明确不考虑了",
# "Trakonex didn't make the cut after their demo"
REJECTED = re.compile(
    r"(?:已经?|明确|基本)?(?:不考虑|不予考虑|排除(?:了|在外)|被?否了|pass掉|pass了|pass)"
    r"|被[^，,。；;«»]{0,8}?(?:刷掉|淘汰|否掉)|不会选"
    r"|\b(?:didn't|did not|failed to) make (?:the cut|the shortlist)|\b(?:was|were|got) (?:rejected|binned)"
    # a trial over and done: "trialled it in 2024 and dropped it", "has been eliminated", "went nowhere"
    r"|\bdropped (?:it|them|the idea)\b"
    r"|\b(?:has been|have been|was|were|got) (?:eliminated|knocked out|ruled out)"
    r"|\bwent nowhere\b|\bwon't be proceeding\b|\bnot (?:be )?proceeding\b|\bnot in a formal evaluation\b"
    # the account turned it down: "Deskly also pitched rm booking but DCC said no thanks", "Harriet says
    # they are not looking at it", "shortlisted in 2024 but dropped", "the demo was a flop", "put on hold"
    r"|\bno thanks\b|\bsaid no\b|(?:\bnot|n't) (?:looking at|interested in) (?:it|them|that|this)\b"
    r"|(?:\bnot|n't) (?:take|taking|took) (?:it|this|that|them) (?:any )?further\b"
    r"|\bturned (?:it |them )?down\b"
    r"|\bdeclined\b|\bpassed on (?:it|them)\b|\bbut (?:was |were |got )?dropped\b|\bwas a flop\b"
    r"|\b(?:put|is|been) on hold\b|\bnot a chance\b|\bshelved\b"
    r"|回绝|拒绝了?|婉拒|不感兴趣|没(?:有)?兴趣|没(?:有)?续(?:约|签|费)?|未续(?:约|签)?|(?:就|已经?|早就?)结束了|搁置",
    re.I,
)
