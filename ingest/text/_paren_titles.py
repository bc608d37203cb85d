"""A title in brackets after a name is the whole first part of the brackets.

Lists of people write each one's job in brackets after the name, and the job is often
more than the head the title grammar finds: "Beth Ainsley (Executive Assistant to the
COO)", "Prof. Niall Drummond (Vice-Principal, Estates & Infrastructure)", "方卫东（嘉兴仓储部
经理）", "钱卫东（质量部 QA 主管）". Where the bracket's first part (up to a comma, a slash, a
dash or the bracket's end) holds a title and nothing else that has a name of its own (a
company, a person, a date, an amount), that part is the title. A past job ("ex-IT Mgr",
"原…") is left as the grammar found it.
"""

from __future__ import annotations

import bisect
import re

from ._mentions import Mention

MAX_CHARS = 60  # a bracket's first part longer than this is a remark, not a title
#: what ends a bracket's first part: "(VP People, Quayside)", "(QA Head / 质量负责人)", a second
#: job held with the first ("总经理兼CTO")
_PART_END = re.compile(r"[,，;；)）(（/、兼\n]| [-–—] ")
#: words before a title that are not part of it
_LEADING = re.compile(r"^(?:(?:the|their|our|its|new|current)\s+)+", re.IGNORECASE)
#: a job the person has left keeps the reading the grammar gave it
_PAST = re.compile(r"^(?:ex|former|previous|outgoing|old|retired)\b|^[原前]", re.IGNORECASE)
_NAMED_ELSEWHERE = frozenset(("ORG", "PERSON", "DATE", "MONEY"))


def widen_bracket_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` (sorted by start, not overlapping) with each bracketed title after a person
    widened to the bracket's whole first part."""
    starts = [n.start for n in mentions]
    widened: list[Mention] = []
    for m in mentions:
        span = _first_part(text, m.end) if m.label == "PERSON" else None
        if span is None:
            continue
        a, b = span
        inside = mentions[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
        titles = [n for n in inside if n.label == "TITLE" and n.end <= b + 80]
        if not titles or any(n.label in _NAMED_ELSEWHERE for n in inside):
            continue
        b = max(b, *(n.end for n in titles))
        if any(n.end > b for n in inside) or not _title_like(text, a, b, titles):
            continue  # a name runs across the part's end, or a clause is there
        widened.append(Mention(a, b, "TITLE", text[a:b], "title"))
    if not widened:
        return mentions
    kept = [n for n in mentions if not any(w.start <= n.start < w.end for w in widened)]
    return sorted(kept + widened, key=lambda n: n.start)


def _title_like(text: str, a: int, b: int, titles: list[Mention]) -> bool:
    """What the grammar did not read as title is a title's words too: capitalised words, acronyms
    and their joints ("Executive Assistant to the COO"), a place or unit before a Chinese title
    ("嘉兴仓储部经理"), never a clause ("IT Director since May", "我们部门总经理", "也是创始人")."""
    rest = text[a:b]
    for t in sorted(titles, key=lambda n: -n.start):
        rest = rest[: t.start - a] + " " + rest[t.end - a :]
    return all(_TITLE_WORD.fullmatch(word) for word in rest.split())


#: a word of a title the grammar did not read: capitalised, an acronym, a joint; Chinese without
#: a pronoun, a copula or an adverb in it
_TITLE_WORD = re.compile(
    r"[A-Z0-9][\w&.'’/-]*|of|for|to|the|and|&|[-–]|(?:(?![我你他她们是也都在的了将会已不])[\u4e00-\u9fff])+"
)


def _first_part(text: str, end: int) -> tuple[int, int] | None:
    """The bracket's first part after a name ending at ``end``, leading determiners left out."""
    rest = text[end : end + 2]
    opened = len(rest) - len(rest.lstrip(" "))
    if text[end + opened : end + opened + 1] not in ("(", "（"):
        return None
    a = end + opened + 1
    stop = _PART_END.search(text, a)
    b = stop.start() if stop else len(text)
    part = text[a:b]
    lead = _LEADING.match(part)
    a += lead.end() if lead else 0
    part = text[a:b].rstrip()
    if not part or len(part) > MAX_CHARS or _PAST.match(part):
        return None
    return a, a + len(part)
