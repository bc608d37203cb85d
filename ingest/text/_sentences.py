"""Sentence spans of a parsed note: spaCy's sentencizer, corrected where notes mislead it.

- A boundary inside a mention is none ("Beijing Med. Univ. Affil. Hosp. 3").
- An abbreviation's full stop ends no sentence when a clause goes on ("Jiazheng Hosp.; she is").
- A company name ending in an abbreviation ends one when a capitalised word follows
  ("... (Dongguan) Co., Ltd. Introduced to ..."): spaCy keeps "Ltd." as one token.
- A blank line always ends one: an e-mail's greeting is not part of its first sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_CLAUSE_GOES_ON = re.compile(r"[\s;,:]*")
_NEW_SENTENCE = re.compile(r"\s+(?=[A-Z])")


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
    abbreviated = [m for m in mentions if m.text.endswith(".")]
    spans: list[tuple[int, int]] = []
    for sent in sents:
        s0, s1 = sent.start_char, sent.end_char
        inside = any(m.start < s0 < m.end for m in mentions)
        goes_on = not text[s0 : s0 + 1].isupper() and any(
            m.end <= s0 and _CLAUSE_GOES_ON.fullmatch(text, m.end, s0) for m in abbreviated
        )
        if spans and (inside or goes_on):
            s0 = spans.pop()[0]
        spans.append((s0, s1))
    cuts = {m.end for m in abbreviated if m.label == "ORG" and _NEW_SENTENCE.match(text, m.end)}
    cuts |= {b.start() + 1 for b in _BLANK_LINE.finditer(text)}
    out: list[tuple[int, int]] = []
    for start, end in spans:
        s0 = start
        for cut in sorted(c for c in cuts if start < c < end):
            out.append((s0, cut))
            s0 = cut
        out.append((s0, end))
    return [(a, b) for a, b in out if text[a:b].strip()]
