"""A rival's own move towards the account ("RoomLogix pitched them", "Vantix rang offering a free
trial", "the UR rep was in again pitching a UR20"): no evaluation by the account, and no install,
unless a later clause says the account took it up ("…, eval ongoing", "… and BrightMart is looking at it")."""

from __future__ import annotations

import re

from ._emitting import plain


def reaching_out(skeleton: str, begin: int, start: int, end: int, lang: str) -> bool:
    """Whether the vendor or product mark at ``skeleton[start:end]`` (its clause opening at ``begin``)
    is named in a move the vendor makes, not one the account takes up."""
    moving = _REACHES_OUT.match(skeleton, end) is not None or _vendor_moves(skeleton, begin, start)
    return moving and not (lang == "en" and _evaluated_after(skeleton, end))


#: a vendor that approaches the account, right after its name
_REACHES_OUT = re.compile(
    r"\s*(?:最近|也|一直|还|又|刚)*(?:在|来|去)?(?:接触|找过?|拜访|联系|约)"
    # "RoomLogix pitched them in the autumn", "Axiom's rep has been calling him"
    r"|(?:['’]s (?:rep|AE|salesman|sales rep|account manager))?\s+(?:has |have |had )?(?:been )?"
    r"(?:pitched|approached|reached out|cold-called|calling|emailing|chasing|rang|phoned|called|emailed|"
    r"tried to)\b",
    re.I,
)


def _vendor_moves(skeleton: str, begin: int, start: int) -> bool:
    """The vendor is the subject of the clause before ``start``, making a move of its own, not one
    the account asked for ("they asked AeroTrak for an offer", "bringing Sentryx in to pitch")."""
    m = _VENDOR_MOVES.search(skeleton, begin, start)
    return m is not None and _INVITED.search(skeleton, begin, m.start()) is None


_INVITED = re.compile(
    r"\b(?:asked|invited|bring\w*|brought|got|getting|called in|requested)\s+(?:in\s+)?$", re.I
)
_VENDOR_MOVES = re.compile(
    r"«O\d+»(?:['’]s)?(?: (?:rep|reps|AE|sales ?rep|salesman|account manager|team|people))?"
    r"(?: [\w']+){0,5}? (?:pitch\w*|tried to|trying to|approach\w*|push\w*|rang|called|emailed)\b",
    re.I,
)

_EVALUATED_TOO = re.compile(
    r"\b(?:eval|evaluat\w*|trial\w*|pilot\w*|poc|demo\w*|shortlist\w*|bake-?off|looking at|considering|"
    r"in the running)\b",
    re.I,
)
_NEXT_CLAUSE = re.compile(r"[,;:.!?\n]|\s[-–—]\s|\band\b|\bbut\b", re.I)


def _evaluated_after(skeleton: str, end: int) -> bool:
    """A later clause says the account evaluates what a vendor pitched ("Covenantra pitched them in
    Dec, eval ongoing", "IBM pitched a Maximo bundle and BrightMart is looking at it"); the pitch's
    own words do not ("tried to get a demo in", "rang offering a free trial")."""
    brk = _NEXT_CLAUSE.search(skeleton, end)
    return brk is not None and _EVALUATED_TOO.search(plain(skeleton[brk.end() :])) is not None
