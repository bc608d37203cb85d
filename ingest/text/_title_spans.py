"""Job titles as open vocabulary, found by their grammar rather than looked up in a list.

English: a head noun (Officer, Director, Manager, Head, Lead, Chair, Engineer, Buyer, ...)
or an acronym (CFO, VP), with modifiers before it ("Senior", "Chief Medical", "Biomedical
Engineering") and a domain after it ("of Procurement", "for the ICU", ", Radiology" in a
list). Chinese: a head (主任, 科长, 处长, 局长, 经理, 总监, ...) with the department before
it (设备科, 财务处, 信息中心); a department glued to a name ("设备科孙丽科长") is read by the
rules, which put the title back together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.normalize.segmenter import stock_segmenter

from ._given_names import gender_of
from ._nlp import zh_word_tags

#: ranks written short before a name, which keep their point ("Lt. Joanne Pruitt") and end no sentence
RANK_ABBREVS = "Lt|Sgt|Capt|Cpl|Det|Insp|Supt"
_HEADS = (
    # "Deputy Attorney General", "Surgeon General": an office whose head word is General
    r"(?:Attorney|Solicitor|Surgeon|Consul|Inspector|Auditor|Secretary|Director|Postmaster|Accountant)"
    r" General|"
    r"Officer|Director|Manager|Mgr|Dir|Supv|Head|Hd|Lead|Leader|Chair(?:man|woman|person)?|President|Engineer|Buyer|"
    r"Controller|Supervisor|Coordinator|Administrator|Specialist|Analyst|Architect|Counsel|Nurse|Physician|"
    r"Superintendent|Treasurer|Secretary|Commissioner|Dean|Founder|Owner|Partner|Consultant|Accountant|"
    r"Auditor|Scientist|Technician|Pharmacist|Radiologist|Surgeon|Principal|Chief|Officer|Executive|"
    r"Comptroller|Registrar|Matron|Foreman|Planner|Strategist|Steward|Representative|Agent|"
    r"Provost|Postdoc|Fellow|Professor|Lecturer|Researcher|Chancellor|Rector|Bursar|Captain|Capt|Lieutenant|"
    r"Sergeant|Engr|Collector|Assessor|Clerk|Inspector|Instructor|Teacher|Trainer|Lt|Sgt|Cpl|Detective|Corporal|Constable|"
    r"Attorney|Paralegal|Solicitor|Barrister|Lawyer|Supt"
)
# capitalised functions that head a lowercase title as notes write them: "HR dir", "IT mgr", "Ops lead"
_FUNCTION = (
    r"(?:IT|HR|QA|QC|EHS|R&D|ICU|Ops|Lab|Plant|Fleet|Store|Site|Finance|Procurement|Security|Facilities|"
    r"Engineering|Operations|Maintenance|Quality|Payroll|Nursing|Pharmacy|Radiology|Biomed|Logistics|AP|AR|"
    r"Treasury|Tax|Payments|Accounting|Billing|Audit|Legal|Sales|Marketing|Estates|Warehouse|Production|"
    r"Purchasing|Supply Chain|I&E|I&C|E&I)"
)
# any chief officer: "CMIO", "CNIO", "CDAO", not a word in capitals ("CARGO")
_ACRONYM = r"(?:(?!CARGO|CAMEO|CONGO|CREDO)C[A-Z]{1,3}O|GM|EVP|SVP|VP|AVP|MD|FD)"
_MOD = r"(?:Senior|Sr\.?|Chief|Deputy|Assistant|Asst\.?|Associate|Executive|General|Regional|Group|Interim|Acting|Principal|Lead|Managing|Vice|Global|National|Division|Department|Plant|Branch|Site|Area|District|Country|Program|Project|Product|Account|Category|Clinical|Medical|Nursing|Technical)"  # noqa: E501
# never a determiner written capitalised at a sentence's start: "Their FD, Colin Pryce"
_DOMAIN_WORD = (
    r"(?:(?!(?:The|Their|Our|His|Her|Its|My|Your|This|That|These|Those|New|Old|Former|I|Dr|Mr|Mrs|Ms|Prof)\b)"
    r"[A-Z][A-Za-z0-9&/-]*"
    r"|IT|ICU|HR|R&D|QA|QC|EHS|OR|ER|IT&T)"
)
# a word after a comma ends the domain whole, and not as someone's: "Director of Conservation, Sipho's boss"
_DOMAIN = rf"(?:the )?{_DOMAIN_WORD}(?:(?: and | & | ){_DOMAIN_WORD}|, {_DOMAIN_WORD}(?![\w'’])){{0,3}}"
_LOWER_DOMAIN = (
    r"(?:procurement|purchasing|finance|it|operations|engineering|biomedical engineering|radiology|nursing|"
    r"pharmacy|lab|laboratory|quality|safety|ehs|facilities|logistics|supply chain|production|maintenance|"
    r"sales|marketing|security|infrastructure|compliance|risk|treasury|hr|research|strategy|digital)"
)
# lowercase titles as notes write them: "maintenance supervisor", "fleet eng mgr", "security lead"
_LOWER_HEAD = (
    r"(?:manager|mgr|director|dir|lead|head|buyer|engineer|eng|chief|supervisor|supvr?|officer|specialist|analyst|"
    r"architect|coordinator|technician|tech|admin|administrator|controller|planner|accountant|superintendent|"
    r"steward|lieutenant|lt|sergeant|sgt|captain|capt|executive|instructor|teacher|trainer|counsel|paralegal|"
    r"attorney|solicitor|lawyer|assistant|secretary)"
)
_LOWER_MOD = (
    r"(?!(?:the|a|an|our|their|his|her|its|my|your|new|old|former|previous|good|great|real|main|key|is|was|be|economic|technical|"
    r"final|end|day|power|decision|to|of|for|with|and|or|as|at|by|in|on|from|into|us|was|were|has|had|"
    r"have|will|would|not|who|he|she|they|said|says|told|added|asked|noted|explained|"
    # when, not what: "Priyanka Sharma, currently centre manager at Eastgate"
    r"currently|presently|formerly|previously|recently|still|also|just|only|probably|actually|already|"
    r"really|temporarily|officially|effectively|basically|then|once|"
    # another firm's job for them: "their outside counsel"
    r"outside|external)\b)[a-z]{2,14}"
)
_FUNCTION_ACRONYM = r"(?:IT|HR|QA|QC|EHS|HSE|H&S|OT|PMO|R&D|L&D|IS|ICT|AP|AR|I&E|I&C|E&I)"
# what a place-name domain may be: "General Manager of the Suzhou plant"
_FACILITY = (
    r"(?:plant|site|division|campus|branch|office|region|unit|centre|center|lab|warehouse|store|factory|"
    r"mill|department|dept|hospital|clinic|DC|property|hotel|resort|terminal|yard|mine|port|depot|facility|"
    r"building|school|station|district|ward|shop|farm|fab|refinery|brewery|line)\b"
)
EN_TITLE = re.compile(
    # a rank abbreviated before a name keeps its point: "Lt. Joanne Pruitt"
    rf"\b(?:{RANK_ABBREVS})\.(?=[ \t]+[A-Z])|"
    # domains joined by "&" before the head: "Fire & Life Safety Coordinator", "Health & Safety Manager"
    rf"\b(?:(?:{_MOD}[ \t]+){{0,3}}"
    rf"(?:{_DOMAIN_WORD}[ \t]+|(?!(?:{_HEADS}|{_ACRONYM})\b){_DOMAIN_WORD}[ \t]*&[ \t]*){{0,3}}"
    rf"(?:{_HEADS}|{_ACRONYM})"
    # two offices held as one: "Treasurer-Tax Collector", "Auditor-Controller"
    rf"(?:-(?:{_DOMAIN_WORD}[ \t]+)?(?:{_HEADS}))?"
    rf"(?:\s+(?:of|for|at the head of)\s+{_DOMAIN}(?:[ \t]+{_FACILITY})?"
    # (a second title after a slash may follow: "Head, Critical Care / ER in-charge")
    rf"|(?:(?<=Dir|Mgr)\.)?,\s+{_DOMAIN}(?=\s*[)\n;|/]|\s+[-–—]\s|$)"
    # a bracket after a function, not after a name: "Director, Facilities (reports to Lauren)", not
    # "the new COO, Tamsin Reid (ex-Qantas)"
    rf"|,\s+{_FUNCTION}(?:[ \t]+{_DOMAIN_WORD})?(?=\s+\()"
    # the domain after a dash, to a bracket or comma: "(Manager - Procurement)", "our GM - Logistics, will"
    rf"|[ \t][-–][ \t]{_DOMAIN}(?=\s*[),;]|$)"
    # "VP Food Safety & Quality", "GM Technology"
    rf"|(?<=VP|GM)(?: of)?[ \t]+{_DOMAIN_WORD}(?:[ \t]+{_DOMAIN_WORD}){{0,2}}"
    rf"(?:[ \t]*(?:&|and)[ \t]*{_DOMAIN_WORD}(?:[ \t]+{_DOMAIN_WORD})?)?"
    # a domain apposed to the head, ending the apposition: "Samuel Osei, Deputy Director Capital
    # Projects, presented", "Sabrina Oyelowo, Manager HR Systems:" (a name after it is cut off later)
    rf"|(?:(?<=Director)|(?<=Manager)|(?<=Dir)|(?<=Mgr))[ \t]+{_DOMAIN_WORD}(?:[ \t]+{_DOMAIN_WORD}){{0,3}}"
    rf"(?=[ \t]*(?:[,;:)\n]|[-–—][ \t]|$))"
    # "Dir. Quality & Compliance"
    rf"|(?<=Dir|Mgr)\.[ \t]+(?:of[ \t]+)?{_DOMAIN_WORD}(?:(?:[ \t]+|[ \t]*&[ \t]*){_DOMAIN_WORD})?)?"
    rf"|{_ACRONYM}\b"
    # a function's acronym may lead: "IT security lead", "H&S manager"
    rf"|(?:{_FUNCTION_ACRONYM}[ \t]+)?(?:(?:{_LOWER_DOMAIN})|{_LOWER_MOD})(?:[ \t]+{_LOWER_MOD})?"
    rf"[ \t]+{_LOWER_HEAD}"
    rf"|(?:(?:senior|junior|lead|principal|deputy|assistant|acting|interim)[ \t]+)?"
    rf"{_FUNCTION}(?:[ \t]+{_FUNCTION})?[ \t]+{_LOWER_HEAD}"
    rf"|(?<=\()(?:ceo|cfo|cio|cto|coo|cmo|ciso|cno|vp|gm|pm|PM)(?=\))"
    rf"|chief of staff|\b[Ss]ys ?[Aa]dmin"
    rf"|(?:[Hh]ead|[Dd]irector|VP|vp|[Mm]anager) of (?i:{_LOWER_DOMAIN})"
    # "manager of the Eastgate Depot yard": a place's manager written in lower case
    rf"|(?:head|director|manager|general manager) of the {_DOMAIN}[ \t]+{_FACILITY}"
    rf"|(?:Dir|Mgr|Sr\. Mgr|Supv)\.? (?:of )?{_DOMAIN_WORD}(?:(?:[ \t]+|[ \t]*&[ \t]*){_DOMAIN_WORD})?"
    # a general counsel by initials, never bare (gas chromatography is "GC" too): "Deputy GC", "AGC
    # Commercial", "(the GC)"
    rf"|(?:(?:Deputy|Group|Associate|Assistant|Acting|Interim|Senior|Divisional|Regional)[ \t]+GC|AGC|DGC)"
    rf"(?:[ \t]+{_DOMAIN_WORD})?|(?<=the )GC|(?<=\()GC(?=\))"
    # someone's assistant: "go through his PA, Farah"
    rf"|(?<=his |her |the )(?:PA|EA)(?=,? [A-Z])|(?<=their )(?:PA|EA)(?=,? [A-Z]))\b"
)
_ZH_HEADS = (
    # a head's assistant is one title ("院长助理", "总经理助理"), not the head's and an assistant's
    "(?:副?院长|副?总经理|董事长|总裁|副?校长|局长|行长|厂长)助理|"
    "架构师|分析师|设计师|顾问|研究员|技术员|科员|干事|站长|支队长|队长|班长|馆长|首席[\u4e00-\u9fff]{1,4}官|副经理|副总监|副院长|院长|副主任医师|主任医师|主治医师|住院医师|副主任技师|主任技师|主管技师|副主任|主任|副科长|科长|副课长|课长|副处长|处长|副局长|局长|总经理|副总经理|副总裁|总裁|总监|经理|"
    "副部长|部长|副总(?![经裁监工])|主管|副厂长|厂长|副行长|行长|副所长|所长|副校长|校长|董事长|董事|总工程师|总工(?!程)|工程师|总会计师|会计师|护士长|秘书长|"
    "书记|班组长|组长|负责人|专员|专责|专工|高级工程师|采购员|管理员|技师|助理|联合创始人|创始人|"
    "CEO|CFO|CIO|CTO|COO|CISO|CDO|VP|GM"
)
_ZH_DEPT = (
    r"(?:(?![我你他她们您是的在和与及跟向对由从被把给])[\u4e00-\u9fffA-Za-z]){1,8}?"
    r"(?:科|处|部|室|中心|局|院|办|组|分行|支行|行|所|厂|部门|事业部|委员会|公司|车间|分仓|仓|库|平台)"
)
# a function before the head ("集团财务总监", "设备主管"): words of departments, not any characters
_ZH_UNIT_OF = r"(?:集团|公司|总部|分公司|区域|大区|工厂|厂区)"
_ZH_FIELD_WORDS = (
    r"(?:财务|采购|信息|技术|IT|设备|运营|生产|质量|质控|安全|安环|人事|人力资源|行政|市场|销售|研发|工程|物流|仓储|"
    r"供应链|法务|风控|风险|审计|客服|数据|网络|后勤|医务|护理|药剂|检验|放射|数字化|信息化|运维|维修|基建|营运|业务|"
    r"产品|项目|计划|合规|内控|资产|设施|验证|质保|品质|品管|工艺|冷链|客户|渠道|商务|投资|战略|证券|党办|院办|"
    r"QA|QC|HR|PMO|EHS|GMP|GSP|CRM|ERP|分管|安监|监察|物资|运检|调度|营销|巡检|保卫|档案|能源|系统|纪委|党委|团委|工会|"
    r"机电|电气|基础设施|暖通|弱电|商品|门店|会员|品类|"
    # a function by its initials: "SFE经理", "KA经理", "BD总监"
    r"(?<![A-Za-z])[A-Z]{2,4}(?![A-Za-z])|"
    # people's functions: "薪酬经理", "招聘主管", "培训专员"
    r"薪酬|福利|招聘|培训|绩效|员工关系|组织发展|人才发展|考勤|社保)"
)
_ZH_FIELD = rf"{_ZH_UNIT_OF}(?![的])|{_ZH_UNIT_OF}?{_ZH_FIELD_WORDS}{{1,2}}"
# a department named by its function ("风控部", "运维中心"), whole even where the dictionary
# does not know the word and splits it into a noun and a one-character verb (风|控)
_ZH_FIELD_UNIT = re.compile(rf"{_ZH_FIELD_WORDS}{{1,2}}(?:部门|部|科|处|室|中心|组|办)?$")
# an office, then a function in it: "人力资源部薪酬主管", "信息中心运维主管" (not a store's: "三号库设备主管")
_ZH_OFFICE = (
    r"(?:(?![我你他她们您是的在和与及跟向对由从被把给])[\u4e00-\u9fffA-Za-z]){1,8}?(?:科|处|部|室|中心|办)"
)
_ZH_ONE_TITLE = (
    # (a space after a function in Latin letters: "IT 负责人")
    rf"(?:{_ZH_OFFICE}的?{_ZH_FIELD_WORDS}{{1,2}}|{_ZH_DEPT}的?|{_ZH_FIELD}(?:(?<=[A-Za-z])\s)?)?"
    rf"(?:副(?!总(?![经裁监工])))?(?:{_ZH_HEADS})"
)
# two offices held as one: "创始人兼CEO", "副总经理兼财务总监"
ZH_TITLE = re.compile(rf"{_ZH_ONE_TITLE}(?:兼{_ZH_ONE_TITLE})?")
# a Chinese department with an English head, as mixed notes write them: "生产管理部 manager", "IT head"
_ZH_MIXED_TITLE = re.compile(
    rf"(?:{_ZH_DEPT}|{_ZH_FIELD})\s?(?:[Mm]anager|[Hh]ead|[Dd]irector|[Ll]ead|[Ee]ngineer|[Oo]wner)\b"
)
_EN_NOT_ALONE = frozenset(
    {"head", "hd", "lead", "chief", "partner", "owner", "agent", "principal", "executive"}
)


_ZH_HEAD_AT_END = re.compile(rf"(?:{_ZH_HEADS})$")
# word classes that end a department's name, read right to left: adverbs, prepositions,
# conjunctions, particles, pronouns, numbers and times, people's names; verbs of one character
# ("找", "见") and the verbs that introduce a person ("任命", "联系"), not those that name a
# function (采购中心, 维修部)
_NOT_IN_UNIT = ("d", "p", "c", "u", "r", "y", "e", "o", "nr", "m", "t", "q", "zg")  # zg: "您"
_CLAUSE_VERBS = frozenset(
    ("任命", "聘任", "提拔", "调任", "任", "负责", "联系", "拜访", "认识", "介绍", "见了", "约了",
     "通知", "邀请", "安排", "对接", "汇报", "找到", "问了", "请教", "换成", "改为",
     "提到", "提及", "听说", "表示", "告诉", "说起",  # "您提到信息中心韩主任"
     "新任", "现任", "前任", "新", "刚来的", "新来的",  # "新任采购部副经理": new to the title, not of it
     "还有", "包括", "以及", "另外", "加上")  # "还有设备科孙丽科长": listing, not naming
)  # fmt: skip


def _clause_before_unit(title: str) -> int:
    """How many leading characters of a Chinese title belong to the clause before it
    ("日常问题先找设备科工程师" is 设备科工程师), found by the dictionary's word classes."""
    head = _ZH_HEAD_AT_END.search(title)
    return _leading_clause(title[: head.start()] if head else "")


def unit_without_clause(unit: str) -> str:
    """A department as a rule's group caught it, less the clause before it ("预算归规财科" is 规财科)."""
    return unit[_leading_clause(unit) :]


def _leading_clause(unit: str) -> int:
    if not unit:
        return 0
    tags = zh_word_tags()
    keep = len(unit)
    if unit.endswith("的") and len(unit) > 1:  # "设备处的工程师": the department before the 的
        keep, unit = keep - 1, unit[:-1]
    after = ""  # the tag of the word after this one
    field = _ZH_FIELD_UNIT.search(unit)
    if field:
        keep, unit, after = field.start(), unit[: field.start()], "nt"
    for word in reversed(stock_segmenter().lcut(unit, HMM=False)):
        tag = tags.get(word, "n")
        # a verb before a unit the dictionary knows as one ("提醒/财务处") is the clause's verb
        verb = tag == "v" and (len(word) == 1 or after == "nt") and word not in _POSTED
        if tag.startswith(_NOT_IN_UNIT) or verb or word in _CLAUSE_VERBS:
            break
        keep -= len(word)
        after = tag
    return keep


_POSTED = frozenset(("驻", "常驻", "派驻"))  # "驻院工程师", "常驻厂工程师": where the title holder sits


HEAD_WORDS = frozenset(w.lower() for w in _HEADS.split("|") if w.isalpha())


def title_spans(text: str, lang: str) -> Iterator[tuple[int, int]]:
    if lang != "zh" and any("\u4e00" <= ch <= "\u9fff" for ch in text):  # "葛涛, IT主管" in English
        for m in ZH_TITLE.finditer(text):
            if any("\u4e00" <= ch <= "\u9fff" for ch in m.group()):
                yield m.start(), m.end()
    if lang == "zh":
        for m in ZH_TITLE.finditer(text):
            yield m.start() + _clause_before_unit(m.group()), m.end()
        for m in _ZH_MIXED_TITLE.finditer(text):
            yield m.start() + _clause_before_unit(m.group()), m.end()
        for m in EN_TITLE.finditer(text):  # "CFO", "苗佳 (QA Manager)" in a Chinese note
            if m.group().isupper() or not _alone(m.group()):
                yield m.start(), m.end()
        return
    spans = [
        (a, b)
        for a, b in _held_as_one(
            text, [(m.start(), _before_a_name(text, *m.span())) for m in EN_TITLE.finditer(text)]
        )
        if not _alone(text[a:b])
    ]
    spans = sorted(set(spans) | set(_glossed(text, spans)))
    for i, (a, b) in enumerate(spans):
        if i + 1 < len(spans) and spans[i + 1][0] == b + 1 and text[b] == " ":
            # "named Renata Solis Chief Information Officer": the grammar read "Renata Solis Chief"
            # (a domain and a head) and "Information Officer"; a modifier heads the one title
            last = text.rfind(" ", a, b) + 1
            if text[last:b] in _SPLIT_MODS:
                spans[i + 1] = (last, spans[i + 1][1])
                continue
        yield a, b


_JOINED = re.compile(r"[ \t]*[/&][ \t]*")


def _held_as_one(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two titles one person holds, written with a slash or an ampersand, are one title:
    "Owner/President", "President & COO", "VP Patient Care Services / CNO" (not "Director & Chief"
    where the grammar knew no head after Chief)."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _JOINED.fullmatch(text, out[-1][1], a) and not _alone(text[a:b]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _before_a_name(text: str, a: int, b: int) -> int:
    """Where a title ends that the grammar ran on into a person's name after a comma: "her boss is
    the Chief Safety Officer, Hamish Ure" (a domain after the comma would be "Human Resources")."""
    comma = text.rfind(", ", a, b)
    words = text[comma + 2 : b].split() if comma >= 0 else []
    if len(words) >= 2 and words[1][:1].isupper() and gender_of(words[0]):
        return comma
    # "GM Jim Smith", "VP Finance Anita Sorensen": a given name before a capitalised word starts a name
    for word in _WORD.finditer(text, a, b):
        after = _WORD.match(text, word.end() + 1)
        before = text[max(a, word.start() - 4) : word.start()]
        if before.endswith(("of ", "the ", "for ", "at ")):
            continue  # "General Manager of the Olive Branch site": a place
        headed = _HEADED.search(text, a, word.start()) is not None  # not "named Owen Pryce Chief …"
        if headed and after and after.group()[:1].isupper() and gender_of(word.group()):
            return text.rfind(" ", a, word.start())
    return b


_WORD = re.compile(r"[A-Za-z]+")
_HEADED = re.compile(rf"\b(?:{_ACRONYM}|{_HEADS})\b")


# a job in brackets after a name, as notes gloss people: "(controller)", "(the new CFO)", "(procurement)",
# "(plant HR mgr, Dayton)", "(HRIS analyst, reports to Lorraine)"; the words before the job say when, not what
_GLOSS = re.compile(
    r"(?<=\()\s*(?:(?:the|our|their|an?|my|his|her)\s+)?(?:(?:new|old|ex-?|former|acting|interim|incoming|outgoing)\s*)?"
    rf"(?P<job>(?:[A-Za-z&][A-Za-z&-]*\s+){{0,2}}?(?i:{_LOWER_HEAD}|{_LOWER_DOMAIN}|{_ACRONYM}))"
    r"\.?\s*(?=\)|[,;]\s*[^()\n]{1,80}\))"
)


def _glossed(text: str, found: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Bracketed jobs the grammar did not read whole, unless a title it found lies inside."""
    for m in _GLOSS.finditer(text):
        a, b = m.span("job")
        opened = text.rfind("(", 0, a)
        # "Category Manager, Corporate Services (Procurement)": the bracket glosses the title before it
        if not any(
            (fa <= a and b <= fb) or (fb <= opened and not text[fb:opened].strip()) for fa, fb in found
        ):
            yield a, b


#: heads that also modify a head after them ("Chief Information Officer")
_SPLIT_MODS = frozenset({"Chief", "Executive", "Principal", "Lead", "Senior", "General", "Managing"})


def _alone(title: str) -> bool:
    """ "Head" or "Lead" alone is more often a verb or a name part than a title."""
    words = title.split()
    return len(words) == 1 and words[0].lower() in _EN_NOT_ALONE
