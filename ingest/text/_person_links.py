"""Whom a sentence's person mentions name: a name, a reference glossed by the full name after
it, a pronoun (``_pronouns``) or the chat line's "I"."""

from __future__ import annotations

import re

from ._facts import Extraction
from ._layout import Span4, participants, speaker_of, timed
from ._link import PersonLinker
from ._mentions import PRONOUN, SPEAKER, Mention
from ._name_forms import glossed_refs
from ._pronouns import OBJECT_BEFORE, antecedent
from ._rule_grammar import POSSESSED


def link_people(
    text: str,
    ments: list[Mention],
    linker: PersonLinker,
    context: list[str],
    speakers: list[Span4],
    out: Extraction,
) -> None:
    """Link a sentence's person mentions: names, pronouns, "I" (the speaker)."""
    earlier: list[tuple[int, str]] = []  # (offset, person) named before in the sentence
    objects: set[str] = set()  # people this sentence named as objects ("reports to 韩总")
    possessors: set[str] = set()  # and as possessors ("on Li Wen's team"), less likely still
    glossed = glossed_refs(text, ments)
    for i, m in enumerate(ments):
        if i in glossed.values():
            continue  # linked with the reference it glosses
        if i in glossed:  # "周主任（周建平）": the reference is the person named in full
            full = ments[glossed[i]]
            full.node_id, full.new = linker.link(full.text, full.key, context)
            m.node_id, m.new = full.node_id, full.new
        elif m.key == PRONOUN:
            clause = _CLAUSE_BREAK.search(m.value[::-1])  # the pronoun's own clause began there
            begin = m.start - (clause.start() if clause else len(m.value) + 1000)
            for embedded in _EMBEDDED.finditer(m.value):  # "Kevin wants calls to go through him"
                begin = max(begin, m.start - len(m.value) + embedded.end())
            same_clause = [p for at, p in earlier if at >= begin]
            here = {p for _, p in earlier}
            # "Tom Archer: yeah he has the final word": he is not the line's speaker, nor
            # anyone who writes in the chat ("Daniel Koh: stance?" … "expect him to block us")
            chatting = participants(timed(text, speakers), out.mentions)
            m.node_id = antecedent(m, linker, same_clause, out.genders, (objects, possessors), here, chatting)
        elif m.key == SPEAKER:
            m.node_id = speaker_of(m, speakers, out.mentions)
        elif m.label == "PERSON":
            m.node_id, m.new = linker.link(m.text, m.key, context)
            if OBJECT_BEFORE.search(text, max(0, m.start - 12), m.start):
                objects.add(m.node_id)
            if _POSSESSOR.match(text, m.end):  # "贾小东, 邵科长手下的工程师 — he'll…": he is 贾小东
                possessors.add(m.node_id)
        if m.label == "PERSON" and m.node_id:
            earlier.append((m.start, m.node_id))


# where a clause embedded in the pronoun's own begins: its subject binds an object pronoun
# there ("Kevin wants all vendor comms to go through him": him is Kevin), not before
_EMBEDDED = re.compile(
    r"\b(?:to \w+(?= \w)|that|before|after|when|once|if|until|unless|because|since|while|whether|"
    r"who|which|where)\b",
    re.I,
)
# after a name: the person is a possessor ("邵科长手下的工程师", "Li Wen's team")
_POSSESSOR = re.compile(
    r"\s?" + POSSESSED + r"|['’]s (?:\w+ )?(?:team|group|department|dept|unit|staff|org|organi[sz]ation|"
    r"office|people|side|remit|area|function)\b"
)
# searched in the reversed text before a pronoun ("and", "but", "so" written backwards)
_CLAUSE_BREAK = re.compile(r"[,;:–—，；：。]| - | dna | tub | os |但")
