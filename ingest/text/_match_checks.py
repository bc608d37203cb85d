"""Checks on a rule's match before its fact is stated: whose clause a cue is in, whether a line
or a role is still to come or taken back, whether a name slot holds a common word, whether the
person is ours. Kept apart from the extractor that applies them."""

from __future__ import annotations

import re

from ingest.normalize.text import has_cjk

from ._facts import Fact
from ._lexicon import FUNCTION_SURNAMES
from ._mentions import Mention
from ._modality import future_within
from ._nlp import is_zh_word
from ._pronouns import OBJECT_BEFORE
from ._rule_grammar import NO_PARTICIPLE, Rule
from ._rules import STANCE

PERSON_MARK = re.compile(r"«P\d+»")


_OBJECT_SLOT = re.compile(
    r"(?:\bto|\bfor|\bwith|\bfrom|\bby|\bunder|\binto|\bof|\bthan|\babout|\bpushing|向|给|跟|对)\s*$"
)


def stance_taken_back(f: Fact, stances: dict[str, str]) -> bool:
    held = STANCE.get(str(f.props.get("role", ""))) if f.relation == "DECISION_ROLE" else None
    return held is not None and stances.get(f.subject[1], held) != held


def verb_span(match: re.Match[str]) -> tuple[int, int]:
    """Between a reporting line's person and manager, from the last clause break: where its verb is
    ("Tom, who will run the pilot, reports to Karen" says nothing to come of the line)."""
    start = max(match.end("p"), match.end("pn"))
    end = max(match.start("m"), match.start("mn"))
    breaks = [b.end() for b in _BREAK.finditer(match.string, start, max(start, end))]
    return (breaks[-1] if breaks else start), max(start, end)


_BREAK = re.compile(r"[,;，；、]")


def cue_has_its_person(rule: Rule, match: re.Match[str]) -> bool:
    """A cue that points at the person after it ("final decision - Gunnar") whose own clause
    has named its subject before it ("Henrik will make the final decision - Gunnar …")."""
    if ("form", "pointed") not in rule.props:
        return False
    begin = max((b.end() for b in _SUBJECT_BREAK.finditer(match.string, 0, match.start())), default=0)
    before = match.string[begin : match.start()]
    return any(not OBJECT_BEFORE.search(before[: p.start()]) for p in PERSON_MARK.finditer(before))


_SUBJECT_BREAK = re.compile(r"[.;:!?\n，,；：。、]|\band\b|\bbut\b")


def taken_back_after(match: re.Match[str], ments: list[Mention]) -> bool:
    """A role whose clause goes on to say it is someone else's, not the person's (``ments``: the
    mention behind each mark): "I'll make the recommendation, but the final decision sits with
    ExCo, not me", "拍板的是院长，不是他"."""
    person = match.groupdict().get("p")
    if person is None:
        return False
    taken = _NOT_THEM.match(match.string, match.end())
    return taken is not None and ments[int(taken.group(1))].node_id == ments[int(person)].node_id


# the rest of the cue's clause, no one else named, then "not" the person, ending it
_NOT_THEM = re.compile(
    r"(?:[^«».;!?\n。；！？，,]|«[OXK]\d+»){0,50}?[,，]\s*(?:and |but )?(?:not|而不是|不是|并非)\s?"
    r"(?:with |to )?«P(\d+)»(?:['’]s)?(?=\s*(?:[.;,!?)。；，！？]|$))"
)


def an_object_as_subject(rule: Rule, match: re.Match[str]) -> bool:
    """A Chinese role cue read back to a person who is a verb's object: in "帮我们约«P2»，算是我们的
    内线" the 内线 is who helps, not whom they see. 让 and 请 hand the person the act ("让刘局拍板")."""
    if rule.lang != "zh" or match.groupdict().get("p") is None:
        return False
    at = match.start("p") - 2  # the «P…» mark's start
    return at == match.start() and _ZH_OBJECT_BEFORE.search(match.string, max(0, at - 3), at) is not None


_ZH_OBJECT_BEFORE = re.compile(
    r"(?:向|跟|给|找|对|把|替|帮|约|见|拜访|陪同?|联系|通过|绕开|绕过|问|告诉|通知)$"
)


def claimed_before(rule: Rule, match: re.Match[str], claimed: set[tuple[int, int, int]]) -> bool:
    """Whether a topic rule has read this person and verb already, or read the cue this match ends
    on for someone else ("预算她批，但技术选型主要听«P»的": the selection is «P»'s, not hers); a
    topic rule claims (its person, its end, its start)."""
    person, end = max(match.start("p"), match.start("pn")), match.end()
    for p, e, s in claimed:
        if (p, e) == (person, end) or (s < end <= e and not s <= person < e):
            return True
    if ("form", "topic") in rule.props:
        claimed.add((person, end, match.start()))
    return False


def topic_for_object(skeleton: str, match: re.Match[str]) -> int | None:
    """A role rule whose person is an object ("works for Oscar, will be the day-to-day user";
    "reports to 邹总 and will review ... as technical evaluator") speaks of the sentence's
    first person, the one the clauses are about; not when the cue comes first and names the person
    after it ("Tunde says the budget sits with «P»": the budget is «P»'s)."""
    if match.groupdict().get("p") is None or not _OBJECT_SLOT.search(skeleton, 0, match.start("p") - 2):
        return None
    if match.start() < match.start("p") - 2:
        return None
    if re.match(NO_PARTICIPLE, skeleton[match.end("p") + 1 :]) is None:
        return None  # "with «P2» (CFO) holding the purse strings": the participle's subject
    first = re.search(r"«P(\d+)»", skeleton)
    return int(first.group(1)) if first and first.start() < match.start("p") - 2 else None


# "Travis Kolbe, the ops analyst who ran the old spreadsheet, has left the company": the
# apposition's person is its sentence's subject, and the sentence says they left
LEFT_LATER = re.compile(  # not in an aside of its own: "(ex-Halden field engineer, left them in 2022)"
    r"(?:(?!«P)[^.;\n(（])*?,\s+(?:has |had |have )?(?:since |recently |just )?"
    r"(?:left|retired|resigned|quit|departed|moved on)\b",
    re.I,
)


# "…, Bernd Kaiser, who starts on 1 July", "王磊下个月到岗": an arrival still to come
STARTS_LATER = re.compile(
    r"(?:(?!«P)[^.;\n])*?,\s+who(?: will|'ll| is)? (?:starts?|joins?|joining|starting|take over|takes over)\b"
    # "new cfo = Grant Albanese, starts in march"
    r"|(?:(?!«P)[^.;\n])*?,\s+(?:starts?|starting|joins?|joining) (?:(?:in|on|from|next|after)\b|«D)"
    r"|[^。；;\n«]{0,6}(?:下个?月|下周|明年|将于|即将|下季度)[^。；;，,\n«]{0,8}(?:入职|到岗|到任|上任|加入)",
    re.I,
)


def ours_later_on_the_line(match: re.Match[str], ments: list[Mention], self_id: str) -> bool:
    """A signature names the company last: "Tom Whitcombe, Account Director, UK, Veridane | +44…"."""
    end = match.string.find("\n", match.end())
    first = _ORG_MARK.search(match.string, match.end(), end if end >= 0 else len(match.string))
    if first is None or ments[int(first.group(1))].node_id != self_id:
        return False
    between = match.string[match.end() : first.start()]
    # another person between is the one the company is said of: "A (T), B (Corvane SE)"
    return len(between) <= 60 and "«P" not in between and _SIGNATURE_GAP.fullmatch(between) is not None


_ORG_MARK = re.compile(r"«O(\d+)»")

#: our own side named right before a title or person: "我们这边实施顾问王工", "our own SE, Raj Patel"
#: (a customer's own "我们科新来的副主任" in a chat line is theirs, not ours)
_OURS_BEFORE = re.compile(
    r"(?:我方|我司|(?:我们|咱们)(?:这边|公司))的?[\u4e00-\u9fff]{0,4}\s*$|\bour own $"
    # a vendor's job after "我们的": "我们的售前工程师吴昊" (a customer has no 售前 of ours)
    r"|(?:我们|咱们)的?(?=(?:售前|销售|实施|交付|客户成功|技术支持|商务|渠道|大客户)[\u4e00-\u9fff]{0,6}$)",
    re.I,
)
_CHAT_TIME = re.compile(r"\d{1,2}:\d{2}")


def ours_before(match: re.Match[str]) -> bool:
    """The match is one of our own staff, by the words right before it in a note we wrote, or
    by the visit they pay right after it ("请区域总监赵磊出面拜访刘总": vendors call on clients)."""
    if _VISITS.match(match.string, match.end()):
        return True
    if _CHAT_TIME.search(match.string, 0, match.start()):
        return False
    return _OURS_BEFORE.search(match.string, max(0, match.start() - 12), match.start()) is not None


def our_title(match: re.Match[str]) -> bool:
    """The title is apposed with "our": "Helen Marsh (our CFO)", "Pieter Janssen, our CIO"; whose
    staff that is depends on who wrote the line."""
    return _OUR_TITLE.search(match.group()) is not None


def our_vendor_job(match: re.Match[str], title: str) -> bool:
    """A vendor's job after "our" in apposition: "Luis Ferreira, our solutions engineer" (an account
    has no solutions engineer of ours)."""
    return our_title(match) and VENDOR_JOB.match(title) is not None


_OUR_TITLE = re.compile(r"[,(]\s*our (?:own |new )?«T\d+»", re.I)
VENDOR_JOB = re.compile(
    r"(?:(?:new|senior|lead|regional|local) )?(?:solutions?|sales|account (?:exec|executive|manager|"
    r"director)|customer success|pre-?sales|implementation|channel|partner|inside sales|AE\b|SE\b|CSM\b)",
    re.I,
)


_VISITS = re.compile(r"\s*(?:出面|亲自|一起|再|去|带队|陪同)*(?:拜访|登门|上门拜访)")


# a question that asks, not one that doubts ("Karen - EB?"): it opens with an auxiliary
QUESTION = re.compile(
    r"(?:\[?[^\]\n]{0,25}\]\s*)?(?:[^:\n]{1,40}:\s*)?(?:(?:also|and|so|but|btw|ok|oh),?\s+)?"
    r"(?:did|does|do|is|are|was|were|will|would|can|could|"
    r"should|has|have|who|what|which|whose|why|how)\b[^.!\n]*\?\s*\[?$",  # the next chat line's "[" may trail
    re.I,
)


# what makes a clause ask: "whether"/"if" or a Chinese question word in it ("是否", "是不是", "…吗？")
_ASKING = {
    "en": re.compile(r"\b(?:whether|if)\b", re.I),
    "zh": re.compile(r"是否|是不是|有没有|[吗呢嘛吧]\s*(?:[？?]|$)|哪(?:家|个|些)|什么|怎么"),
}
#: a statement turned into a question at its end: "Patentix contract ends end of year, right?", "…对吧？"
_TAG_ASKS = {
    "en": re.compile(
        r"[,\s](?:right|correct|yeah|yes|no|eh|isn'?t (?:it|he|she|that)|aren'?t they|don'?t they|"
        r"didn'?t they)\s*\?+[\s\[]*$",
        re.I,
    ),
    "zh": re.compile(r"(?:对吧|是吧|对不对|是不是)\s*[？?]+[\s\[]*$"),
}


def asked(sentence: str, clause: str, lang: str) -> bool:
    """Whether the sentence asks about its ``clause`` ("Is Ironleaf still in the running?",
    "领航OTM是否还在评估范围内？") rather than doubting a statement ("Karen - EB?"): it ends in a
    question mark, and the clause has a question word, or the sentence is a question (``QUESTION``)
    or a statement with a question tagged on ("…, right?", "…对吧？").
    ("合同到年底就结束，如果来不及切换，是否可以…？" states its first clause.)"""
    if not sentence.rstrip(" \t\n[)）\"'”").endswith(("?", "？")):
        return False
    return (
        _ASKING[lang].search(clause) is not None
        or _TAG_ASKS[lang].search(sentence) is not None
        or (lang == "en" and QUESTION.match(sentence) is not None)
    )


_SIGNATURE_GAP = re.compile(r"[\w &/.,|()«»-]*")  # titles, departments, commas: no clause


def common_word_as_name(match: re.Match[str], lang: str) -> int | None:
    """The start of a rule's unknown-name slot that holds a common Chinese word, else None."""
    if lang != "zh":
        return None
    for group in ("pn", "mn"):
        name = match.groupdict().get(group)
        if name is None or not has_cjk(name):
            continue
        start = match.start(group)
        prev = match.string[start - 1] if start else ""
        if is_zh_word(name) or is_zh_word(name[:2]) or (has_cjk(prev) and is_zh_word(prev + name[0])):
            return start  # "包装材料" holds no 包装材, "工程师" no 程师: a name starts no word
        if name[0] in FUNCTION_SURNAMES and (has_cjk(prev) or is_zh_word(name[1:3])):
            return start  # "班组管十几个站", "主任管招标", "，管预算": 管 is the verb
        if len(name) == 3 and name[-1] in "科处部室局办组队":
            return start  # "危化科是主要使用方": a department
    return None


def org_right_before(before: str, ments: list[Mention]) -> tuple[str, str, str] | None:
    """The company written right before a match that names none: "瑞丰精密|设备部王海涛主任",
    "润泽|钱总", "Brightwire (Shane Moloney" work there, not at the note's account."""
    found = _ORG_BEFORE.search(before)
    m = ments[int(found.group(1))] if found else None
    return ("Company", m.node_id, m.text) if m is not None and m.node_id else None


_ORG_BEFORE = re.compile(r"«O(\d+)»\s?(?:[(（]\s?)?的?\s?$")  # "a fella from Brightwire (Shane Moloney, …)"


def their_company(match: re.Match[str], ments: list[Mention]) -> tuple[str, str, str] | None:
    """The company "their" (他们) stands for before a title: the one the sentence opens with, its
    subject ("Vigilo have said they'll expose an API; their account manager is Dev Shah")."""
    their = _THEIR_TITLE.search(match.string, max(0, match.start() - 12), match.end())  # "他们«T»" before it
    if their is None or their.end() <= match.start():
        return None
    found = _FIRST_ORG.search(match.string, 0, match.start())
    m = ments[int(found.group(1))] if found else None
    return ("Company", m.node_id, m.text) if m is not None and m.node_id else None


_THEIR_TITLE = re.compile(
    r"(?:^|\s)(?:their|its) (?:(?:new|current|acting|interim) )?«T\d+»|他们的?[^«»，,。；;\n]{0,8}«T\d+»"
)
# the sentence opens with it, perhaps after an "also": "另：中医院赵院长…说，他们信息科主任许文涛…"
_FIRST_ORG = re.compile(r"^[\s*•·>-]*(?:(?:另外?|还有|此外|听说|据说)[：:，,]?\s*)?«O(\d+)»")


def org_right_after(match: re.Match[str], ments: list[Mention]) -> tuple[str, str, str] | None:
    """The company a name and title are followed by on their line, a comma or bar between: "Bram
    Kelderman, Managing Partner, Kelderman Partners" works at the partner firm."""
    found = _ORG_AFTER.match(match.string, match.end())
    m = ments[int(found.group(1))] if found else None
    return ("Company", m.node_id, m.text) if m is not None and m.node_id else None


_ORG_AFTER = re.compile(r"[ \t]*[,|@–—][ \t]*«O(\d+)»[ \t]*(?:$|\n|[,|(（])", re.M)


def without_the_departed(facts: list[Fact]) -> list[Fact]:
    """Less the roles at, and the reporting lines within, an account the note says the person has
    left ("Priscilla has left Tidewater … Her deputy Marcus Feld"): they were, they no longer are."""
    works = [f for f in facts if f.relation == "WORKS_AT"]
    left = {(f.subject[1], f.object[1]) for f in works if f.props.get("current") is False}
    gone = {who for who, _ in left} - {f.subject[1] for f in works if f.props.get("current") is not False}

    def held(f: Fact) -> bool:
        if f.relation == "DECISION_ROLE":
            return (f.subject[1], f.object[1]) in left
        return f.relation == "REPORTS_TO" and bool({f.subject[1], f.object[1]} & gone)

    return [f for f in facts if not held(f)]


#: a company by its legal form that the graph does not know (the skeleton marks those it does)
_UNKNOWN_COMPANY = re.compile(
    r"[\u4e00-\u9fff]{2,}(?:股份有限公司|有限责任公司|有限公司|集团公司)"
    r"|\b[A-Z][\w&-]*(?: [A-Z][\w&-]*)* (?:Inc|Ltd|LLC|GmbH|plc|Corp|Co|Credit Union|Bank|Hospital|"
    r"Medical Center|Health System|University|College|Council|Authority)\b"
    # a public body: "our neighbours at the Town of Millbrook … their IT manager Pete Ruiz"
    r"|\b(?:Town|City|County|Village|Borough|Shire|District|Province|State) of [A-Z]"
)


def unknown_company_before(before: str) -> bool:
    """Earlier on the person's line, a company the graph does not know: "青州市大数据发展有限公司
    （局属平台公司）：总经理钟伟" is that company's manager, not the note's account's."""
    return _UNKNOWN_COMPANY.search(before, before.rfind("\n") + 1) is not None


_AS_EVER = re.compile(r"\bas (?:usual|always|before)\b|照旧|照常|继续|还是|一直", re.I)


def line_to_come(relation: str, match: re.Match[str], future: bool, lang: str) -> bool:
    """A reporting line or a supplier the note says is still to come: "from July Jonas will report
    to Bernd", "何科以后向庞局汇报", "明年东院区开始由华信达负责弱电集成" (not "the PO will come through
    Datacom as usual": the same supplier as ever)."""
    if relation == "REPORTS_TO":
        return future_within(match.string, *verb_span(match), lang)
    return relation == "SUPPLIES" and future and _AS_EVER.search(match.string) is None


_ASIDE = re.compile(r"\s?[（(][^（）()\n]*")


def in_own_aside(text: str, match: re.Match[str]) -> bool:
    """The rule read the manager inside the brackets right after its person: a line of theirs alone,
    not of the people listed beside them."""
    aside = _ASIDE.match(text, match.end("p") + 1)
    m = match.groupdict().get("m")
    return aside is not None and m is not None and match.start("m") < aside.end()


_WONDERED = re.compile(r"[?？]{2,}")
_CLAUSE_OPENS = re.compile(r"[,，;；:：。]|据说|听说|好像|好象|似乎|\bapparently\b", re.I)


def wondered(text: str, match: re.Match[str]) -> bool:
    """The match is in a clause the writer ends wondering ("Rob rpts to Ifeoma??", "集成商是科晟？？"):
    a guess to check, no fact. A clause before it stands ("新分管院长 柏院 据说跟…是老乡？？")."""
    found = _WONDERED.search(text, match.end())
    if found is None:
        return False
    return _CLAUSE_OPENS.search(text, match.end(), found.start()) is None
