"""Employment a note denies in so many words: "鲁红不是康脉的人", "Brodie Mason (a contractor from
Pilbara Tech, not Ostravik staff)". The person is not that company's, whatever a title or a
company written near the name would otherwise say.
"""

from __future__ import annotations

import re

from ._facts import Fact
from ._mentions import Mention

# right before the company, and right after it
_NOT_BEFORE = {
    "en": re.compile(r"\b(?:not|isn't|is not|aren't|never)\s+(?:an?\s+|one of\s+)?$", re.I),
    "zh": re.compile(r"(?:并|也|可)?(?:不是|不属于|不算)$"),
}
_STAFF_AFTER = {
    "en": re.compile(r"(?:['’]s)?\s+(?:staff|employee|employees|people|person|headcount)\b", re.I),
    "zh": re.compile(r"(?:的)?(?:人|员工|职工|正式员工|编制)"),
}
_SENTENCE_END = re.compile(r"[.!?。！？\n]")


def denied_jobs(text: str, mentions: list[Mention], lang: str) -> set[tuple[str, str]]:
    """(person id, company id) pairs the note says are no employment: the company said not to be
    the person's, the person the nearest one named before it in the same sentence."""
    lg = "zh" if lang == "zh" else "en"
    out: set[tuple[str, str]] = set()
    for k, org in enumerate(mentions):
        if org.label != "ORG" or not org.node_id:
            continue
        if not _NOT_BEFORE[lg].search(text, max(0, org.start - 16), org.start):
            continue
        if not _STAFF_AFTER[lg].match(text, org.end):
            continue
        person = next(
            (
                m
                for m in reversed(mentions[:k])
                if m.label == "PERSON" and m.node_id and not _SENTENCE_END.search(text, m.end, org.start)
            ),
            None,
        )
        if person is not None:
            out.add((person.node_id, org.node_id))
    return out


def without_denied_jobs(facts: list[Fact], denied: set[tuple[str, str]]) -> list[Fact]:
    return [f for f in facts if not (f.relation == "WORKS_AT" and (f.subject[1], f.object[1]) in denied)]
