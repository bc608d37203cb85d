"""Which of a sentence's dates is a contract's end: the one an end cue governs ("runs to 31 Jan
2028", "ends in June", "到明年三月底", "6月30日到期"), never an event's day ("signed in January",
"renewed in January", "去年3月上线")."""

from __future__ import annotations

import re

from ._mentions import Mention

_EXTENDED = re.compile(
    r"(?:延保|延期|延长|延|续签?|顺延)(?:了|一年|半年)?(?:到|至)\s*$|\b(?:extended|renewed|pushed)(?: out)? "
    r"(?:to|until|till|through|thru)\s*$",
    re.I,
)
# what a date in a contract's sentence is: its end ("runs to 31 Jan 2028", "ends in June",
# "到明年三月底", "6月30日到期") or an event's day ("signed in January", "renewed in January",
# "去年3月上线"), which is no end
_END_BEFORE = re.compile(
    r"\b(?:ends?|ending|expires?|expiring|expiry|expiration|exp\.?|runs?(?: out)?|running|until|till?|"
    r"through|thru|renews?|renewing|renewal|due|to)\s+(?:(?:in|on|at|by|of|around|the|end|of)\s+)*$|(?:到|至|截至|截止到?)\s*$"
    r"|\bdeadline\s*(?:is|是|为)?\s*$",
    re.I,
)
_END_AFTER = re.compile(
    r"\s*(?:前后|左右)?(?:就|才|即将)?(?:到期|截止|结束|为止|过保|终止)|\s*(?:expires?|expiring|ends)\b", re.I
)
# a date the sentence goes on to replace: "维保原来 6 月底 expire，…真正的 deadline 是 9 月底"
_SUPERSEDED = re.compile(
    r"(?:原来|原定|原先|本来|本应|originally|was (?:due|set|supposed) to (?:end|expire)?)\s*$", re.I
)
_EVENT_BEFORE = re.compile(
    r"\b(?:signed|renewed|went live|installed|bought|purchased|chose|chosen|selected|since|started|joined|"
    r"implemented|deployed|rolled out|met|decided|took over)\b(?:\s+(?:[\w/-]+|«\w\d+»)){0,4}?"
    r"(?:\s+(?:in|on|at|back in))?\s*$",
    re.I,
)
_PART = re.compile(r"[;；。\n]")
_EVENT_AFTER = re.compile(r"\s*(?:刚|才)?(?:上线|签的|签约|签了|采购|启用|投用|部署|买的|选定)")


def contract_end(
    skeleton: str, dates: list[tuple[tuple[int, int], Mention]], start: int, after: int = 0
) -> str | None:
    """The contract end among a sentence's dates: after the product where any is, else before it
    in its own part of the sentence and after ``after``, the end of the thing named before; one an
    end cue governs (the latest extension first), else the first that is no event's day. "Core HR
    on SuccessFactors until 30/06/2027; payroll outsourced to ADP" dates no ADP contract."""
    begin = max(after, max((b.end() for b in _PART.finditer(skeleton, 0, start)), default=0))
    cands = [(span, m) for span, m in dates if span[0] > start]
    cands = cands or [(span, m) for span, m in dates if begin <= span[0] < start]
    kept = [(span, m) for span, m in cands if not _SUPERSEDED.search(skeleton, max(0, span[0] - 12), span[0])]
    cands = kept or cands
    extended = [m for (a, _), m in cands if _EXTENDED.search(skeleton, max(0, a - 12), a)]
    ends = [
        m
        for (a, b), m in cands
        if _END_BEFORE.search(skeleton, max(0, a - 24), a) or _END_AFTER.match(skeleton, b)
    ]
    if extended or ends:
        return (extended or ends)[0].value
    plain = [
        m
        for (a, b), m in cands
        if not _EVENT_BEFORE.search(skeleton, max(0, a - 40), a) and not _EVENT_AFTER.match(skeleton, b)
    ]
    return plain[0].value if plain else None
