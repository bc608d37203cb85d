"""People a meeting's attendee list places at a company though it gives them no title.

Minutes list who was there: "Attendees (Rotorwest): Alasdair Reid, Fiona MacLeod", "客户方：吴昊、
陈曦、刘洋", or a header line with the people on bullets under it. A person so listed works at
the company the header names ("(Rotorwest)", "Present for Tidewater"), else at the note's
account. A part of the list that opens with another company or with our side ("; Quillmark: Jess
Pemberton", "；我方 林峰", "Us: Tom") lists that company's people or ours; an item that names its
own company ("Ben Adeyemi (Corvane SE)") is left to the sentence rules, as is anyone the note
places elsewhere. The rules that read a title ("白云飞（技术部主任）") run first; this adds only the
people they leave unplaced.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._mentions import PRONOUN, SPEAKER, Mention

#: a list's header up to its colon: the label, then what the header says of whose list it is
_HEADER = re.compile(
    r"^[ \t>*•·-]*(?:attendees?|present|participants|in the room|on the call|also (?:attending|present)"
    r"|their side|client side|customer side|参会人员|参会人|参会|与会人员|与会|出席人员|出席|在场|客户方"
    r"|参加人员)(?P<rest>[^:：\n]{0,30}?)[:：][ \t]*",
    re.I | re.M,
)
#: a part of a list, or a header, that is ours: "Us:", "ours", "我方", "our side"
_OURS = re.compile(r"^\W*(?:(?:from|for) )?(?:us|ours|our (?:side|team)|我方|我们|我司)(?![\w])", re.I)
#: a label before a list's items ("Nurse Manager, 4 West:", "航天信息青州分公司：")
_LABEL = re.compile(r"[^:：\n«]{1,30}[:：]")
_ME = re.compile(r"\b(?:me|myself)\b|[(（](?:us|ours|我方)[)）]", re.I)
#: what an item holds besides its person's name: an honorific, a joining word, punctuation
_BARE = re.compile(
    r"(?:\W|\b(?:Mr|Mrs|Ms|Dr|Prof|and|also)\b\.?|和|及|还有)*"
    r"(?:[(（][a-z][^()（）A-Z]{0,30}[)）]\W*)?"  # an aside that names no title: "(remote)", "(joined late)"
)
#: what follows a company opening an item: a colon, or a space before the people ("析微 王磊")
_AFTER_LEAD = re.compile(r"[ \t]*(?:[:：]|[ \t](?=\S))")
# "【天衡】黄经理、张磊": a company in brackets heads the line as one before a colon does
_ORG_HEADER = re.compile(r"[】\]][ \t]*[:：]?[ \t]*|[ \t]*(?:[(（][^()（）\n]{0,20}[)）])?[ \t]*[:：][ \t]*")
_BULLET_ONLY = re.compile(r"[ \t>*•·-]*[【\[]?")
_BULLET = re.compile(r"[ \t]*(?:[-*•·]|\d{1,2}[.)、])[ \t]*")


def attendees(
    text: str, mentions: list[Mention], home: str, self_id: str
) -> Iterator[tuple[Mention, str, int, int]]:
    """(person, company id, line start, line end) for each person an attendee list places."""
    orgs = [m for m in mentions if m.label == "ORG" and m.node_id]
    people = [m for m in mentions if m.label == "PERSON" and m.node_id and m.key not in (PRONOUN, SPEAKER)]
    for head in _HEADER.finditer(text):
        rest = head.group("rest")
        if _OURS.match(rest.strip(" \t(（-–—")) or "our" in rest.lower().split():
            continue
        named = [o.node_id for o in orgs if head.start("rest") <= o.start and o.end <= head.end("rest")]
        company = named[0] if named else home
        if company == self_id or not company:
            continue
        for a, b in _list_lines(text, head.end()):
            yield from _listed(text, a, b, company, orgs, people, self_id)
    for org in orgs:  # a line headed by a company: "市电教馆：马永刚（馆长）、白云飞、陈曦", "【天衡】…"
        colon = _ORG_HEADER.match(text, org.end)
        line = text.rfind("\n", 0, org.start) + 1
        if colon is not None and org.node_id != self_id and _BULLET_ONLY.fullmatch(text, line, org.start):
            for a, b in _list_lines(text, colon.end()):
                yield from _listed(text, a, b, org.node_id, orgs, people, self_id)


def _list_lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    """The list after a header: the rest of its line, or the bullets under a header alone."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if text[start:end].strip():
        yield start, end
        return
    while end < len(text):
        a = end + 1
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        bullet = _BULLET.match(text, a)
        if bullet is None or not text[bullet.end() : b].strip():
            return
        yield bullet.end(), b
        end = b


def _listed(
    text: str, a: int, b: int, company: str, orgs: list[Mention], people: list[Mention], self_id: str
) -> Iterator[tuple[Mention, str, int, int]]:
    """The people of one list line, each at the company the line's part names.

    A part is what a semicolon or full stop closes; its items, what commas part. A person stands
    alone in an item, and the next item of the part names someone too: "Yvonne Achebe, Billing
    Manager" and "Alicia Moreno, Sentinel" go on about the person; and a part that names another
    company ("Tom Gallagher + Priya Raman (Beaconfield)") is that company's people."""
    for part in _parts(text, a, b):
        found: list[tuple[Mention | None, bool]] = []  # (the person alone in the item, names anyone)
        foreign = False
        for start, s1 in part:
            company, s0 = _switched(text, start, s1, company, orgs, self_id)
            item = text[s0:s1]
            person = next((p for p in people if s0 <= p.start < s1), None)
            foreign |= any(s0 <= o.start < s1 and o.node_id != company for o in orgs)
            bare = person is not None and _BARE.fullmatch(item[: person.start - s0] + item[person.end - s0 :])
            found.append((person if bare and company and not _ME.search(item) else None, person is not None))
        if foreign:
            continue
        for i, (person, _) in enumerate(found):
            if person is not None and (i + 1 == len(found) or found[i + 1][1]):
                yield person, company, a, b


def _switched(
    text: str, s0: int, s1: int, company: str, orgs: list[Mention], self_id: str
) -> tuple[str, int]:
    """The company from this item on, and where the item goes on past its label: another
    company's or our side's label opens the item ("Quillmark: Jess Pemberton", "我方 林峰", "Us:
    Tom"); a label that is neither leaves the company unknown ("航天信息青州分公司：刘总、徐工")."""
    item = text[s0:s1]
    if _OURS.match(item):
        return "", s1
    lead = next((o for o in orgs if s0 <= o.start < s1 and not text[s0 : o.start].strip()), None)
    after = _AFTER_LEAD.match(text, lead.end, s1) if lead else None
    if lead is not None and after is not None:
        return ("" if lead.node_id == self_id else lead.node_id), after.end()
    label = _LABEL.match(item)
    if label is not None:
        return "", s1
    return company, s0


def _parts(text: str, a: int, b: int) -> Iterator[list[tuple[int, int]]]:
    """A list line's parts (closed by a semicolon, full stop or bar), each its items (parted by a
    comma, 、 or "+"), outside brackets."""
    depth, start, part = 0, a, []
    for i in range(a, b):
        ch = text[i]
        if ch in "(（[":
            depth += 1
        elif ch in ")）]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ",，、+;；.。|":
            part.append((start, i))
            start = i + 1
            if ch in ";；.。|":
                yield part
                part = []
    yield [*part, (start, b)]
