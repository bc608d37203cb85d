"""Sentence skeletons (the text with its mentions as slot marks, which the rules read) and a
sentence's sentiment from cue words."""

from __future__ import annotations

import re

from ingest.normalize.text import has_cjk

from ._lexicon import LETTERS_AFTER_NAME, SENTIMENT_CUES
from ._match_checks import PERSON_MARK
from ._mentions import Mention

KIND = {"ORG": "O", "PERSON": "P", "TITLE": "T", "PRODUCT": "X", "TOPIC": "K", "DATE": "D"}


def both_named(skeleton: str) -> str:
    """ "童欣和许诺负责测试环境，两人都向宋科长汇报": "两人" are the two people named last before it,
    written back as "«P3»和«P4»" so the rules read both."""
    for m in _BOTH.finditer(skeleton):
        named = PERSON_MARK.findall(skeleton, 0, m.start())
        if len(named) >= 2:
            both = f"{named[-2]}和{named[-1]}" if has_cjk(m.group()) else f"{named[-2]} and {named[-1]}"
            return skeleton[: m.start()] + both + skeleton[m.end() :]
    return skeleton


_BOTH = re.compile(
    r"(?:两人|两位|二人|他们俩|她们俩|他俩|她俩)(?=都|也|均|一起|同时)|\b(?:both of them|they both)\b", re.I
)


def sentiment(sentence: str, lang: str) -> float:
    """-1..1 from positive and negative cue words; a negated positive ("不满意") counts once, as negative."""
    positive, negative = SENTIMENT_CUES.get(lang, SENTIMENT_CUES["en"])
    low = sentence.lower()
    neg = sum(low.count(c) for c in negative)
    pos = sum(low.count(c) for c in positive) - (low.count("不满意") if lang == "zh" else 0)
    return round((pos - neg) / (pos + neg), 3) if pos + neg > 0 else 0.0


_LETTERS_AFTER = re.compile(rf"{LETTERS_AFTER_NAME}+")
#: a Latin name and a Chinese word with one space between ("Linda 直接汇报", "归 Grace 管")
_SPACED_BEFORE = re.compile(r"[\u4e00-\u9fff][ ][A-Za-z]")
_SPACED_AFTER = re.compile(r"[A-Za-z][ ][\u4e00-\u9fff]")


def skeleton_of(text: str, s0: int, s1: int, ments: list[Mention]) -> str:
    """The sentence ``text[s0:s1]`` with each mention a slot mark: «O3» an organisation, «P1» a person."""
    parts: list[str] = []
    pos = s0
    for i, m in enumerate(ments):
        before = text[pos : m.start]
        if m.label == "PERSON" and _SPACED_BEFORE.fullmatch(text, m.start - 2, m.start + 1):
            before = before[:-1]  # "归 Grace 管": the spaces a mixed line puts around a Latin name
        parts.append(before)
        kind = KIND.get(m.label)
        parts.append(f"«{kind}{i}»" if kind else m.text)
        pos = m.end
        # "Theresa Vance, DNP (VP Patient Care)": the letters after a name are no part of the clause
        if m.label == "PERSON":
            after = _LETTERS_AFTER.match(text, pos, ments[i + 1].start if i + 1 < len(ments) else s1)
            pos = after.end() if after else pos
            if _SPACED_AFTER.fullmatch(text, pos - 1, pos + 2):
                pos += 1
    parts.append(text[pos:s1])
    return "".join(parts)
