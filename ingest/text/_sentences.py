"""Sentence spans of a parsed note: spaCy's sentencizer, corrected where notes mislead it.

- A boundary inside a mention is none ("Beijing Med. Univ. Affil. Hosp. 3").
- An abbreviation's full stop ends no sentence when a clause goes on ("Jiazheng Hosp.; she is"),
  nor does one followed by a comma ("Dir., Workforce Planning") or a number's before its digit
  ("Vikram's no. 1").
- A company name ending in an abbreviation ends one when a capitalised word follows
  ("... (Dongguan) Co., Ltd. Introduced to ..."): spaCy keeps "Ltd." as one token.
- A blank line always ends one: an e-mail's greeting is not part of its first sentence.
- A list item's marker opens the next sentence, not ends the last ("…整改。\n- 张敏：QA经理").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from ._title_spans import RANK_ABBREVS

_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_CLAUSE_GOES_ON = re.compile(r"[\s;,:]*")
_NEW_SENTENCE = re.compile(r"\s+(?=[A-Z])")
_NUMBER_ABBREV = re.compile(r"\b(?:[Nn]o|[Nn]r|[Nn]um)\.\s*$")
# a title's abbreviation ends no sentence on its line: "Anil Mehta, Asst. Prof.", "(Sr. Buyer)"
_TITLE_ABBREV = re.compile(
    r"\b(?:Sr|Jr|Asst|Assoc|Prof|Mgr|Dir|Engr|Dept|Exec|Admin|Coord"
    rf"|Lieut|Col|Maj|Cmdr|Rev|Hon|Gov|{RANK_ABBREVS})\.[ \t]*$"  # ranks: "from then Lt. Pruitt"
)
_TRAILING_MARKER = re.compile(r"\n[ \t]*(?:[-*•·–]|\d{1,2}[.、)])[ \t]*$")


class _Span(Protocol):
    start: int
    end: int
    label: str
    text: str


class _Sent(Protocol):
    @property
    def start_char(self) -> int: ...
    @property
    def end_char(self) -> int: ...


def sentence_spans(text: str, sents: Iterable[_Sent], mentions: Sequence[_Span]) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, given spaCy's ``sents`` and the note's mentions."""
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    abbreviated = sorted((m for m in mentions if m.text.endswith(".")), key=lambda m: m.end)
    ab_ends = [m.end for m in abbreviated]
    spans: list[tuple[int, int]] = []
    for sent in sents:
        s0, s1 = sent.start_char, sent.end_char
        i = bisect.bisect_left(starts, s0) - 1  # the last mention starting before the sentence
        inside = i >= 0 and ordered[i].end > s0
        j = bisect.bisect_right(ab_ends, s0) - 1  # the last abbreviation ending before it
        goes_on = (
            not text[s0 : s0 + 1].isupper()
            and j >= 0
            and _CLAUSE_GOES_ON.fullmatch(text, abbreviated[j].end, s0) is not None
        )
        # "Priscilla Nakamura – Dir., Workforce Planning": no sentence ends in a comma
        open_end = bool(spans) and text[spans[-1][0] : spans[-1][1]].rstrip().endswith((",", ";"))
        # "Vikram's no. 1", "No. 2 priority": a number's abbreviation ends no sentence before its digit
        numbered = bool(spans) and text[s0:s1].lstrip()[:1].isdigit() and _NUMBER_ABBREV.search(text, 0, s0)
        titled = bool(spans) and _TITLE_ABBREV.search(text, spans[-1][0], s0) is not None
        if spans and (inside or goes_on or open_end or numbered or titled):
            s0 = spans.pop()[0]
        spans.append((s0, s1))
    cuts = {m.end for m in abbreviated if m.label == "ORG" and _NEW_SENTENCE.match(text, m.end)}
    cuts |= {b.start() + 1 for b in _BLANK_LINE.finditer(text)}
    cut_list = sorted(cuts)
    out: list[tuple[int, int]] = []
    for start, end in spans:
        s0 = start
        for cut in cut_list[bisect.bisect_right(cut_list, start) : bisect.bisect_left(cut_list, end)]:
            out.append((s0, cut))
            s0 = cut
        out.append((s0, end))
    for k in range(len(out) - 1):
        marker = _TRAILING_MARKER.search(text, out[k][0], out[k][1])
        if marker is not None and not text[out[k][1] : out[k + 1][0]].strip():
            out[k], out[k + 1] = (out[k][0], marker.start() + 1), (marker.start() + 1, out[k + 1][1])
    # a sentence opens at its first word, not at the line break a blank line leaves before it
    return [(b - len(text[a:b].lstrip()), b) for a, b in out if text[a:b].strip()]
