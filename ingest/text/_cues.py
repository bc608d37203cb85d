"""Relations read from cue words rather than sentence shapes: installed base and evaluations
(per product or vendor clause, with that clause's modality), interests (``_interests``), and
each person's stance as their own clauses state it."""

from __future__ import annotations

import re

from ._contract_dates import contract_end
from ._dates import fiscal_year_only
from ._emitting import CONF_HEDGED, CONF_KNOWN, Emit, End, plain
from ._gazetteer import Gazetteer
from ._install_checks import REJECTED, in_use, kept_on, not_here, to_be_left, trial_over
from ._interests import interests
from ._match_checks import asked
from ._mentions import Mention
from ._modality import Modality, clause_end, clause_start, modality, risk_line
from ._rule_grammar import OBJECT_MARK, POSSESSED
from ._rules import EVAL_CUES
from ._stance import ABOUT_US, says_neutral, stance_cue, stance_in
from ._stance_clauses import clause_end_of
from ._vendor_moves import reaching_out


def cue_relations(
    gz: Gazetteer,
    market: set[str],
    skeleton: str,
    ments: list[Mention],
    langs: tuple[str, ...],
    home: End,
    emit: Emit,
    suppliers: set[str],
    last_person: str = "",
) -> None:
    """USES / EVALUATING of the products and vendors a clause names, INTERESTED_IN of its topics.

    ``langs``: the languages the sentence is written in (both for a mixed one); ``suppliers``:
    the companies the sentence states as suppliers, which are no installs. A contract end is
    only read from a sentence that speaks of a contract, a renewal or an end."""
    lang = langs[0]
    marks = {int(m.group(2)): (m.start(), m.end()) for m in re.finditer(r"«(\w)(\d+)»", skeleton)}
    products = [(i, m) for i, m in enumerate(ments) if m.label == "PRODUCT" and m.node_id]
    orgs = [(i, m) for i, m in enumerate(ments) if m.label == "ORG" and m.node_id]
    named_vendors = {gz.vendor_of.get(p.node_id, "") for _, p in products}
    clause_of = {i: clause_start(skeleton, marks[i][0], langs[0]) for i, _ in products if i in marks}
    # our own company buys nothing from us; a supplier the sentence names is no buyer ("bought
    # outright through Keystone")
    others = named_vendors | market | suppliers | {gz.self_id}
    buyers = [m for _, m in orgs if m.node_id not in others]
    subject = ("Company", buyers[0].node_id, buyers[0].text) if buyers else home
    sentence = plain(skeleton)
    dates = [(marks[i], m) for i, m in enumerate(ments) if m.label == "DATE" and m.value and i in marks]
    # a date may carry its cue: "ThermoGuard Cloud (ends Sep)" marks "ends Sep" as the date ("end of
    # May" is a time, no cue)
    contract = any(_CONTRACT[lg].search(sentence) for lg in langs) or any(
        _DATE_CUE.search(m.text) for _, m in dates
    )
    dated_contract = contract and _dated(dates)
    things = [(i, ("Product", m.node_id, m.text)) for i, m in products]
    things += [
        (i, ("Company", m.node_id, m.text))
        for i, m in orgs
        if m.node_id in market
        and not _vendor_in_clause(
            m.node_id, marks.get(i, (0, 0))[0], products, clause_of, gz, skeleton, langs[0]
        )
        and m.node_id not in suppliers
        and m.node_id != gz.self_id
    ]
    not_installed: set[str] = set()  # said in this sentence to be planned, gone or denied
    for i, obj in sorted(things):
        start, end = marks[i]
        mods = [modality(skeleton, start, end, lg) for lg in langs]
        if obj[1] in not_installed:
            continue  # "moving to SAP S/4HANA next year, so our spec has to target S/4"
        # "move off PyroNet next year", "明年要把用友NC换掉": on it until then
        # "will stay on Stellarion PMS for now": kept, so on it now
        leaving = (to_be_left(skeleton, start, end, lang) or kept_on(skeleton, start, lang)) and not any(
            m.past or m.negated for m in mods
        )
        if not leaving and not_here(skeleton, start, end, mods, lang):
            not_installed.add(obj[1])
            continue  # "Maximo switched off", "东软PACS 已经下线"
        begin = clause_start(skeleton, start, lang)
        clause = plain(skeleton[begin : clause_end(skeleton, end, lang)])
        # a list after a colon is what its head says: "Three bidders shortlisted: A, B and C"
        head = _list_head(skeleton, start, lang, langs)
        conf = CONF_HEDGED if any(m.hedged for m in mods) else CONF_KNOWN
        future = any(m.future for m in mods)
        # not when live: "用友BIP已经在襄阳厂试点上线" was piloted, and now runs
        # "他们集团母公司用的是用友NC": the parent's install, not the account's; "Is Ironleaf still in the
        # running?", "开立的HD-550是不是已经在试用了？" ask, they do not state
        if (
            _runner_uses(skeleton, (begin, start), ments, market, gz, obj, mods, emit, conf)
            or _KIN_ORG.search(skeleton, 0 if _THEY.match(skeleton, begin) else begin, start)
            or asked(sentence, clause, lang)
        ):
            continue
        # "擎能最近在接触柏总", "RoomLogix pitched them": the rival's move, unless the account then
        # evaluates ("covenantra pitched them in dec, eval ongoing")
        # the vendor as the clause's subject: "Stratus tried to get a Stratus Student demo in", "the UR
        # rep was in again pitching a UR20"; an evaluation said in another clause still counts
        reaching = reaching_out(skeleton, begin, start, end, lang)
        evaluated = any(_evaluating(head + clause, lg) for lg in langs) and not reaching
        rejected = REJECTED.search(skeleton, end) is not None
        over = trial_over(clause, mods, lang)
        if evaluated and not (_LIVE.search(clause) or future or rejected or leaving or over):
            emit("EVALUATING", subject, obj, {}, f"evaluating/{lang}/cue", conf)
        elif future and not leaving:  # "we'll add them to the shortlist in the new year": not yet evaluating
            not_installed.add(obj[1])
            continue  # "moving to D365 in 2026": a plan, not an install
        elif rejected and evaluated and not leaving:
            continue  # "Basware has been eliminated": out of the race, not installed either
        elif leaving or (
            not reaching  # "Vantix rang last week offering a free trial": no install either
            and not risk_line(skeleton)
            and not _SUBJECT_LINE.match(sentence)
            and in_use(
                skeleton,
                start,
                end,
                clause,
                sentence,
                _a_rivals_product(gz, obj) or (obj[0] == "Product" and dated_contract),
                dated_contract,
                langs,
            )
        ):
            before = max((marks[j][1] for j, _ in things if marks[j][1] <= start), default=0)
            end_date = contract_end(skeleton, dates, start, before) if contract else None
            props = {"contract_end": end_date} if end_date else {}
            emit("USES", subject, obj, props, f"uses/{lang}/cue", conf)
    interests(skeleton, ments, marks, langs, subject, emit, last_person)


def _a_rivals_product(gz: Gazetteer, obj: End) -> bool:
    """A product installed by the sentence's word anywhere in it: not our own, which a sales note
    names as what is on offer ("the FleetOS deal is ca. EUR140k") unless the clause says it runs
    or the sentence dates its contract."""
    return obj[0] == "Product" and gz.vendor_of.get(obj[1], "") != gz.self_id


def _list_head(skeleton: str, start: int, lang: str, langs: tuple[str, ...]) -> str:
    """The head of the list the mark at ``start`` is an item of, when the head ends in an
    evaluation cue ("Three bidders shortlisted: A, B and C"); else ""."""
    colon = max(skeleton.rfind(":", 0, start), skeleton.rfind("：", 0, start))
    if colon < 0 or not _LIST_SO_FAR.fullmatch(skeleton, colon + 1, start):
        return ""
    head = plain(skeleton[clause_start(skeleton, colon, lang) : colon + 1])
    return head if any(_CUE_ENDS[lg].search(head) for lg in langs) else ""


_LIST_SO_FAR = re.compile(r"[^。.;；!?！？\n]{0,60}")  # the items before it, in the same clause


# an evaluation cue that ends a list's head, a count at most after it: "Three bidders shortlisted:",
# "入围三家：", not "介绍选型背景：" (a label)
_CUE_ENDS = {
    lang: re.compile(
        rf"(?:{EVAL_CUES[lang].pattern})[A-Za-z]*(?:\s*(?:the\s+)?(?:\d+|[一二三四五六七八九两]+|two|three|four|five)\s*"
        r"(?:家|个|vendors|bidders|suppliers|options)?)?[\s:：]*$",
        EVAL_CUES[lang].flags,
    )
    for lang in ("en", "zh")
}


def _dated(dates: list[tuple[tuple[int, int], Mention]]) -> bool:
    """A day, month or quarter in a sentence of contracts places a product in use; a fiscal year
    alone is a budget's period, as often a plan's as a running contract's ("budgeted for FY27")."""
    return any(not fiscal_year_only(m.text) for _, m in dates)


def _evaluating(clause: str, lang: str) -> bool:
    """The clause has an evaluation cue and no negation or plan right before one takes it back:
    "富勒的报价方案不再考虑", "柏总明确说不考虑", "we'll add them to the shortlist in the new year"."""
    cues = list(EVAL_CUES[lang].finditer(clause))
    return bool(cues) and not any(
        _CUE_TAKEN_BACK[lang].search(clause, max(0, cue.start() - 40), cue.start()) for cue in cues
    )


#: another body of the account's group as the clause's subject: its installs are its own
# an e-mail's subject line names what the mail is about, often the offer itself, not an install
_SUBJECT_LINE = re.compile(r"\s*(?:Subject|Re|Fwd?|FW|主题|标题)\s*[:：]", re.I)

_KIN_ORG = re.compile(
    r"母公司|子公司|兄弟单位|兄弟公司|兄弟工厂|(?:下面|下属|旗下)的?[\u4e00-\u9fff]{1,8}(?:厂|公司|医院|分院|学校)|"
    r"\b(?:parent company|subsidiary|neighbou?rs|"
    r"sister (?:company|site|hospital|plant|mill|factory|clinic|school|campus))\b",
    re.I,
)
#: a clause that opens with "they" or "which is": whom an earlier clause of the sentence named
#: ("我们集团下面的江门厂也在看MES，他们现在用的是鼎捷" is the Jiangmen plant's install)
_THEY = re.compile(r"\W*(?:they(?![\w'])|which (?:is|are|runs?)\b|他们|她们)", re.I)

#: a company right before what it runs: "Liza flagged that Brandt runs QuadrantCAFM internally"
_RUNS = re.compile(
    r"«O(\d+)»(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:runs|uses|is on|are on|has been on|is running)\s+"
    r"(?:(?!(?:their|its|your|our|his|her)\b)[\w-]+\s+){0,2}?$"  # not "Accenture runs their SAP support"
    r"|«O(\d+)»\s?(?:自己|内部)?(?:用的是|在用|用)\s?$"
)


def _runner_uses(
    skeleton: str,
    span: tuple[int, int],
    ments: list[Mention],
    market: set[str],
    gz: Gazetteer,
    obj: End,
    mods: list[Modality],
    emit: Emit,
    conf: float,
) -> bool:
    """Whether a supplier, partner or rival of the market, not the thing's own vendor, runs it
    ("Liza flagged that Brandt runs QuadrantCAFM internally"): its install, emitted as such
    unless denied or to come, and none of the account's."""
    found = _RUNS.search(skeleton, *span)
    if found is None:
        return False
    org = ments[int(found.group(1) or found.group(2))]
    if org.node_id not in market or org.node_id == gz.vendor_of.get(obj[1], obj[1]):
        return False
    if not any(m.negated or m.future for m in mods):
        lang = "zh" if found.group(2) else "en"
        emit("USES", ("Company", org.node_id, org.text), obj, {}, f"uses/{lang}/runner", conf)
    return True


_CUE_TAKEN_BACK = {
    "en": re.compile(
        r"(?:\b(?:not|no longer|never|will|going to|plan(?:s|ning)? to|expect(?:s|ing)? to|"
        r"might|may|stopped|ended|dropped|out of)|n't|'ll)\b[^.;:,]{0,24}$",
        re.I,
    ),
    "zh": re.compile(
        r"(?:不再|不会|不|没有|没|未|别|无需|不用|停止|放弃|暂不|打算|计划|准备|将要?|明年再)[^，,。；;]{0,3}$"
    ),
}


def _vendor_in_clause(
    vendor: str,
    at: int,
    products: list[tuple[int, Mention]],
    clause_of: dict[int, int],
    gz: Gazetteer,
    skeleton: str,
    lang: str,
) -> bool:
    """Whether a product of ``vendor`` is named in the vendor mention's clause ("IBM is the
    incumbent with Maximo": the install is Maximo; "evaluating GE and IBM": IBM itself)."""
    here = clause_start(skeleton, at, lang)
    return any(gz.vendor_of.get(p.node_id) == vendor and clause_of.get(i) == here for i, p in products)


_LIVE = re.compile(
    r"已经?(?:\S{0,6})?上线|上线了|\b(?:went|is|are|now) live\b|\bgo-live (?:was|happened)", re.I
)


_DATE_CUE = re.compile(
    r"\b(?:ends|ending|expires?|expiring|exp|until|till?|through|thru|renews?)\b|到期|截止", re.I
)
_CONTRACT = {
    "en": re.compile(
        r"contract|renew|expir|\bexp\b|\bend(?:s|ing)?\b|until|through|thru|till?\b|"
        r"(?:runs?|running) (?:out|to)|extension|extended|"
        r"up for|term|locked in|"
        r"licen[cs]e|support|maintenance agreement|agreement",
        re.I,
    ),
    # not a contract of employment, which an e-signature vendor's notes speak of: "司机劳动合同想上电子签"
    # and the English words mixed notes keep: "renewal 在明年 Q1 末"
    "zh": re.compile(
        r"到期|(?<!劳动)合同|续约|续签|续了|续费|续订|维保|延保|保修|服务期|截止|年底|协议|(?i:renew|expir|contract|licen[cs]e)"
    ),
}


# the person after "per" is who said it: "Johan, per Thandiwe, is dead against adding another SaaS bill"
_NOT_SUBJECT = re.compile(OBJECT_MARK + r"\s*$|\b(?:per|according to|据)\s*$")
_POSSESSOR = re.compile(POSSESSED)
# the person as what we want won over: "need him on side", "争取她支持" says how we want them to stand
_WANTED = re.compile(
    r"\b(?:need|needs|want|wants|get|win|bring|keep)\s*$|(?:争取|拉拢|搞定|说服|需要)\s*$", re.I
)
# a sentence without a person whose stance is someone else's: a competitor's or a product's as its
# subject ("«O»嫌他们没有医保接口"), the organisation's as a whole ("院里很认可", "学校倾向不续")
_ANOTHER_SUBJECT = {
    "en": re.compile(
        r"^\W*(?:the )?«[OX]|\b(?:they|the (?:hospital|bank|board|company|school|trust|council))\b", re.I
    ),
    "zh": re.compile(
        r"^\W*(?:«D\d+»\W*)?«[OX]|院里|学校|医院|厂里|行里|局里|公司|集团|他们|大家|科室|领导|原厂"
    ),
}
# a past said before a person, with no "now" after it: "之前«P0»是…", "以前«P0»…"
_PAST_BEFORE = re.compile(
    r"(?:之前|以前|原来|原先|起初|一开始|早先|used to|at first|initially)(?!.*(?:现在|目前|now))"
)
_PRONOUN = {
    "en": re.compile(r"^\W*(?:he|she|they|him|her)\b", re.I),
    "zh": re.compile(r"^\W*(?:他|她|此人|对方)"),
}


def note_stances(
    stances: dict[str, str],
    last: str,
    skeleton: str,
    ments: list[Mention],
    lang: str,
    rivals: set[str],
    ours: str = "",
) -> str:
    """Each person's stance as their clauses state it; a sentence opening with a pronoun
    speaks of the person named last. ``rivals``: the companies and products not ours, kept
    as «O» marks so that favouring one reads as opposing us; our own company (``ours``) reads
    as "us" ("原则上倾向衡远" favours us)."""

    def mark(m: re.Match[str]) -> str:
        node = ments[int(m.group(2))]
        if ours and node.node_id == ours:
            return "us" if lang == "en" else "我们"
        return "«O»" if node.node_id in rivals else node.text

    skeleton = re.sub(r"«([OX])(\d+)»", mark, skeleton)
    marks = [
        (m.start(), m.end(), int(m.group(1)))
        for m in re.finditer(r"«P(\d+)»", skeleton)
        if not _NOT_SUBJECT.search(skeleton, 0, m.start())
        and not _WANTED.search(skeleton, 0, m.start())
        and not _POSSESSOR.match(skeleton, m.end())
    ]
    opening = _PRONOUN["zh" if lang == "zh" else "en"].search(skeleton)
    cue = None if opening else stance_cue(skeleton[:40], lang)
    if (
        not marks
        and last
        and (opening or cue is not None)
        and not (cue and _ANOTHER_SUBJECT["zh" if lang == "zh" else "en"].search(skeleton, 0, cue[0]))
    ):
        # "Supportive; likes that the pilot didn't need IT." goes on about the person named last
        stance = stance_in(skeleton if opening else skeleton[:40], lang)
        if stance is not None:
            stances[last] = stance
        return last
    people = [(a, b, ments[k].node_id) for a, b, k in marks]
    sided: set[str] = set()  # who took a side earlier in this sentence
    for i, (start, end, person) in enumerate(people):
        if not person:
            continue
        stop = clause_end_of(skeleton, people, i)
        clause = skeleton[end:stop]
        since = max(skeleton.rfind(stop_mark, 0, start) for stop_mark in ";；。")  # this part of the sentence
        if "«O»" in skeleton[since + 1 : start] and not ABOUT_US["zh" if lang == "zh" else "en"].search(
            clause
        ):
            continue  # "Flexport pitched in Jan, Hans wasn't impressed": about the rival, not us
        # "之前«P0»是最大的阻力": the past said before the person holds for their clause
        past = _PAST_BEFORE.search(skeleton, since + 1, start)
        stance = stance_in(past.group() + clause if past else clause, lang)
        if stance == "neutral" and person in sided and not says_neutral(clause, lang):
            stance = None  # "叶晨自己倾向我们，技术评审他会按实际打分，不会偏向金印": the side stands
        if stance is not None:
            stances[person] = stance
            if stance != "neutral":
                sided.add(person)
        last = person
    return last
