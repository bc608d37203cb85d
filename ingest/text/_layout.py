"""The layout of a note around its sentences: e-mail signature blocks and chat speakers.

A signature is the few lines after a closing ("Best regards,", "此致", "谢谢"): the
sender's name, title and company, one per line or on one line. A chat line opens with a
speaker ("[10:02] 张伟: …", "Mike: …"), whom the line's "I" / "我" means.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._lexicon import LETTERS_AFTER_NAME
from ._mail_writers import ADDRESS, FROM, QUOTE_MARKS, company_of_host
from ._mentions import PRONOUN, SPEAKER, Mention

Span4 = tuple[int, int, int, int]  # line start, line end, speaker name start, name end
End = tuple[str, str, str]

_CLOSING = re.compile(
    r"(?im)^[ \t]*(?:best(?: regards| wishes)?|kind regards|warm regards|regards|many thanks|"
    r"thanks(?: again)?|thank you|cheers|sincerely|br|rgds|此致|敬礼|谢谢|多谢|祝好|顺祝商祺|顺颂商祺|祝商祺|"
    # a writer's own language: German, Spanish, French, Dutch, Polish, Portuguese, Italian
    r"viele grüße|beste grüße|mit freundlichen grüßen|liebe grüße|lg|mfg|saludos|un saludo|atentamente|"
    r"cordialement|bien à vous|groeten|met vriendelijke groet|pozdrawiam|abraços|atenciosamente|"
    r"cordiali saluti)"
    r"[ \t]*[,，!！.。~]*[ \t]*$"
)
_BLOCK_END = re.compile(r"^\s*(?:>|-{2,}|_{2,}|from:|发件人|on .+ wrote:|-----)", re.I)
MAX_SIGNATURE_LINES = 6
_SPEAKER = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*)?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ \t]+)?"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?[ \t]*)?(?P<name>[^\s:：\[>][^:：\n]{0,24}?)[ \t]*[:：]"
)
# a chat export's header line, the message on the lines below it: "罗婷 10:02", "Tom Reyes 2026-03-02 09:15"
_HEADER_SPEAKER = re.compile(
    r"(?m)^[ \t]*(?P<name>[^\s\d:：\[>][^\n:：]{0,20}?)[ \t]+(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ \t]+)?"
    r"\d{1,2}:\d{2}(?::\d{2})?[ \t]*$"
)


#: where a mail quotes the one it answers
_QUOTED = re.compile(r"(?m)^[ \t]*(?:>|-{3,}|_{3,}|-----原始邮件-----|On .{5,80} wrote:|在.{2,40}写道)")


# a line holding only a name, as a signature without a closing opens ("Karen Whitfield\nCMO | SAMC")
# (in a quoted reply too: "> Daniel Kowalczyk\n> Facilities Director, City of Greyford")
# (and "Siobhán Duffy", "Zoë Østergaard": a Latin letter with a mark)
_UPPER, _LOWER = r"[A-ZÀ-ÖØ-ÞĀ-ž]", r"[a-zß-öø-ÿĀ-ž'’-]"
_NAME_LINE = re.compile(
    rf"(?m)^[ \t]*(?:>[ \t]*)*"
    # (and letters after it: "Janet Okafor, SPHR", "Marcy Halverson, MSN, RN")
    rf"(?:{_UPPER}{_LOWER}+(?:[ \t]+{_UPPER}{_LOWER}+){{1,2}}{LETTERS_AFTER_NAME}{{0,3}}"
    rf"|[\u4e00-\u9fff]{{2,4}})[ \t]*$"
)


def signature_blocks(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, titled) of the lines after each closing, up to a quote, a separator or six
    lines; and of a bare name line and the two lines after it, which sign only with a title."""
    for m in _CLOSING.finditer(text):
        yield (*_block(text, m.end(), MAX_SIGNATURE_LINES), False)
    for m in _NAME_LINE.finditer(text):
        if _CLOSING.match(text, m.start()):
            continue  # "Viele Grüße" is no name
        yield (*_block(text, m.start(), 3), True)


def _block(text: str, start: int, most: int) -> tuple[int, int]:
    pos, lines = start, 0
    quoted = QUOTE_MARKS.match(text, text.rfind("\n", 0, start) + 1) is not None
    while pos < len(text) and lines < most:
        nl = text.find("\n", pos + 1)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end].strip()
        if quoted:  # a quoted signature runs while the quote does
            marks = QUOTE_MARKS.match(line)
            if line and marks is None:
                break
            line = line[marks.end() :] if marks else line
        if line and _BLOCK_END.match(line):
            break
        lines += 1 if line else 0
        pos = line_end
    return start, pos


def speaker_spans(text: str) -> Iterator[Span4]:
    """(line start, line end, name start, name end) of every line that opens with a speaker; an
    e-mail's sender ("From: Tom Reyes <…>") speaks the body down to the first quoted part or the
    next mail's header (a forwarded mail's own sender speaks its body)."""
    senders = list(FROM.finditer(text))
    nexts = [s.start() for s in senders[1:]] + [len(text)]
    for sender, after in zip(senders, nexts, strict=False):  # no senders: no ends but the text's
        for start, end in _own_parts(text, sender.start(), after):
            yield start, end, sender.start("name"), sender.end("name")
    headed = {s.start() for s in senders}
    for m in _SPEAKER.finditer(text):
        if m.start() in headed:
            continue
        line_end = text.find("\n", m.end())
        yield m.start(), len(text) if line_end < 0 else line_end, m.start("name"), m.end("name")
    headers = list(_HEADER_SPEAKER.finditer(text))
    ends = [h.start() for h in headers[1:]] + [len(text)]
    for h, end in zip(headers, ends, strict=False):  # no headers: no ends but the text's
        yield h.start(), end, h.start("name"), h.end("name")


_QUOTE_LINE = re.compile(r"(?m)^[ \t]*>.*(?:\n|$)")


def _own_parts(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The parts of a mail's body its sender wrote: up to a separator or an attribution line that
    opens the mail it answers, less the ">" lines quoted in between, as a reply answers inline
    ("> Who signs? / Jas reports to me")."""
    quoted = _QUOTED.search(text, start, end)
    while quoted is not None and text[quoted.start() : quoted.end()].lstrip().startswith(">"):
        yield start, quoted.start()
        lines = _QUOTE_LINE.match(text, quoted.start())
        start = lines.end() if lines else quoted.end()
        while (more := _QUOTE_LINE.match(text, start)) is not None and more.end() > start:
            start = more.end()
        if start >= end:
            return
        quoted = _QUOTED.search(text, start, end)
    yield start, quoted.start() if quoted else end


def signature_people(
    text: str, mentions: list[Mention], home: str, self_id: str
) -> Iterator[tuple[Mention, End, Mention | None, tuple[int, int]]]:
    """(person, company, title or None, block span) for each signature naming someone not of ours."""
    for a, b, titled in signature_blocks(text):
        if b <= a:
            continue
        inside = [m for m in mentions if a <= m.start and m.end <= b]
        people = [
            m
            for m in inside
            if m.label == "PERSON" and m.node_id and m.key in ("", m.key) and m.new is not None
        ]
        people = [m for m in people if m.key not in ("pronoun", "speaker")]
        if not people:
            continue
        person = people[0]
        titles = [m for m in inside if m.label == "TITLE" and m.start > person.start]
        if titled and not titles:
            continue
        orgs = [m for m in inside if m.label == "ORG" and m.node_id]
        company = ("Company", orgs[0].node_id, orgs[0].text) if orgs else ("Company", home, "")
        if company[1] and company[1] != self_id:
            yield person, company, titles[0] if titles else None, (a, b)


#: words between coordinated people and their verb ("A and B both report to C", "罗婷和梁宇都向何总汇报")
_FILLER_WORDS = (
    r"(?:[两俩二]个?人(?:都|也)?|(?:一样|同样)[，,]?\s?(?:都|也)?|都|也|均|一起"
    r"| (?:both|also|all|each|together)(?= ))"
)
#: (with the person and any bracketed title before them kept: "«P2» («T3») both report to")
FILLERS = re.compile(rf"(«P\d+»(?:\s*[(（][^()（）\n]{{1,40}}[)）])?){_FILLER_WORDS}")
_COORD = r"\s*(?:,? and|、|，|,|和|与|及|跟|同|以及|&|together with|along with)\s*"
# "Sunita Rao (Head of IT) and Tom both report to Helen": a bracketed title may follow a name
# a bracket may hold one more ("Lucy Farrow (AP Supervisor (North region)) and Gary …"); a title may
# stand in apposition before the next name ("Diane and the maintenance superintendent, Gil Navarro, both")
_BRACKET = r"[(（](?:[^()（）\n]|[(（][^()（）\n]{0,30}[)）]){1,40}[)）]"
_APPOSED = r"(?:(?:the|their|our|its) |[\u4e00-\u9fff]{1,8}?)?«T\d+»,?\s*"  # "和办税服务厅«T»祁红"
_COORD_BEFORE = re.compile(rf"«P(\d+)»(?:\s*{_BRACKET})?(?P<sep>{_COORD})(?:{_APPOSED})?$")
_COORD_AFTER = re.compile(rf"^(?P<sep>{_COORD})(?:{_APPOSED})?«P(\d+)»")
# a plan's own header names our staff: "Owner: Liam Carter (Sales Director) | AE: Priya Raman"
_HEADER = re.compile(
    r"(?:«O(\d+)»|(?P<ours>our side|our team|from us|我方|我司|我们这边"
    r"|(?<![\w ])(?:account |opportunity |opp )?owner|prepared by|written by"
    r"|撰写人?|审阅人?|编写人?|整理人?))"
    r"[^«\n]{0,24}?[:：]",
    re.I,
)

# "【智衡】吴桐（售前总监）、赵磊", "[Kestrel] Sam Okafor": the company in brackets heads the line too
_LINE_HEAD = re.compile(
    r"[ \t>*•·-]*(?:[【\[]?«O(\d+)»[】\]][ \t]*|«O(\d+)»(?:[ \t]+|[ \t]*(?:——|—|–|-{1,2}|\|)[ \t]*))"
    r"(?=«[PT]\d+»|\Z)"
)

# "我方——黄建国（华东区总监）、张磊", "【我方】…": a line of our own people
_OURS_HEAD = re.compile(
    r"[ \t>*•·-]*[【\[]?(?:我方|我司|我们这边|[Oo]ur (?:side|team))[】\]]?"
    r"[ \t]*(?:——|—|–|-{1,2}|\||[:：])?[ \t]*"
    r"(?=«[PT]\d+»|\Z)"
)


# a partner named after what the person does: "lead the assessment together with Ben Osei from IT",
# "负责技术评估，和王工一起"
_ALONGSIDE = re.compile(
    r"[^.;!?«»\n]{0,30}?\b(?:together|along|jointly) with (?:(?:our|their|my|his|her) )?"
    r"(?:«T\d+»,?\s*)?«P(\d+)»"
    # ("一起" may have been read as a filler and be gone)
    r"|[，,]?\s*(?:和|与|跟|同)(?:«T\d+»|[\u4e00-\u9fff]{1,6}?)?«P(\d+)»"
    r"(?:一起|共同|一道|(?=\s*(?:[。；;，,！!]|$)))",
    re.I,
)


def alongside(skeleton: str, end: int) -> list[int]:
    """The people named as doing it together with the person of the clause that ends at ``end``."""
    m = _ALONGSIDE.match(skeleton, end)
    return [int(m.group(1) or m.group(2))] if m else []


def coordinated(skeleton: str, start: int, end: int) -> list[int]:
    """The person mentions joined to the one at ``skeleton[start:end]`` by "and", "、", "和"."""
    out: list[int] = []
    while (m := _COORD_BEFORE.search(skeleton, 0, start)) is not None:
        if not out and m.group("sep").strip() in (",", "，"):
            break  # "reports to 韩总，她是 heavy user": a list ends with a conjunction before its last
        out.append(int(m.group(1)))
        start = m.start()
    # after the person, a bare comma lists only when a conjunction closes the list ("A, B and C");
    # "拍板的是沈总，我这边只是走流程" is two clauses, not two deciders
    tentative: list[int] = []
    while (m := _COORD_AFTER.match(skeleton[end:])) is not None:
        tentative.append(int(m.group(2)))
        if m.group("sep").strip() not in (",", "，"):
            out += tentative
            tentative = []
        end += m.end()
    return out


_BYLINE = re.compile(r"owner|by$|^(?:撰写|审阅|编写|整理)", re.I)


def header_company(before: str, ments: list[Mention], self_id: str) -> tuple[str, str, str] | None:
    """The company a list's header names ("Attendees (SAMC):", "我方："), for people listed after
    it; a line that opens with a company and goes on with people ("析微 王磊、赵晨", "绿岸——范思远")
    lists that company's people."""
    line = _LINE_HEAD.match(before, before.rfind("\n") + 1)
    if _OURS_HEAD.match(before, before.rfind("\n") + 1):
        return ("Company", self_id, "")
    if line is not None:
        m = ments[int(line.group(1) or line.group(2))]
        return ("Company", m.node_id, m.text) if m.node_id else None
    last = None
    for found in _HEADER.finditer(before):
        last = found
    if last is None:
        return None
    if last.group("ours"):
        if _BYLINE.search(last.group("ours")) and "\n" in before[last.end() :]:
            return None  # a plan's byline names whom it names, not the lists below it
        return ("Company", self_id, last.group("ours"))
    m = ments[int(last.group(1))]
    return ("Company", m.node_id, m.text) if m.node_id else None


def speaker_of(m: Mention, speakers: list[Span4], mentions: list[Mention]) -> str:
    """The node of the person whose chat line holds ``m`` ("我" in "张伟: 我是…"), or ""."""
    for line_start, line_end, a, b in speakers:
        if line_start <= m.start < line_end and m.start >= b:
            named = [p for p in mentions if p.label == "PERSON" and a <= p.start and p.end <= b and p.node_id]
            return named[0].node_id if named else ""
    return ""


def addressed_people(
    text: str, mentions: list[Mention], domains: dict[str, str], self_id: str
) -> Iterator[tuple[Mention, str, tuple[int, int]]]:
    """(person, company, span) for a name written with its e-mail address ("Cc: Graham Pike
    <graham.pike@bradburyfoods.co.uk>") whose domain, or a parent of it, is a company's."""
    for m in mentions:
        if m.label != "PERSON" or not m.node_id or m.key in (PRONOUN, SPEAKER):
            continue
        found = ADDRESS.match(text, m.end)
        if found is None:
            continue
        company = company_of_host(found.group(1), domains)
        if company and company != self_id:
            yield m, company, (m.start, found.end())


def participants(speakers: list[Span4], mentions: list[Mention]) -> set[str]:
    """The people linked so far as the speakers of ``speakers``' lines (a chat's participants)."""
    out = set()
    for _, _, a, b in speakers:
        named = [p for p in mentions if p.label == "PERSON" and a <= p.start and p.end <= b and p.node_id]
        if named:
            out.add(named[0].node_id)
    return out


def timed(text: str, speakers: list[Span4]) -> list[Span4]:
    """The speakers of chat lines with their time ("[09:16] Tom Archer: …") and a mail's sender;
    not a minutes line that opens with the person it is about ("孙丽（设备科科长）：她…")."""

    def stamped(speaker: Span4) -> bool:
        prefix = text[speaker[0] : speaker[2]]
        mail = prefix.strip().lower() in ("from:", "发件人:", "发件人：")
        return mail or any(ch.isdigit() or ch == "[" for ch in prefix)

    return [s for s in speakers if stamped(s)]
