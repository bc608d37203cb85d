"""What extraction yields for one document: its mentions, facts, sentences and stances."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._mentions import Mention


@dataclass
class Fact:
    relation: str
    subject: tuple[str, str, str]  # label, id, surface
    object: tuple[str, str, str]
    props: dict[str, Any]
    sentence: str
    start: int  # the sentence's offsets in the body
    end: int
    rule: str
    confidence: float


@dataclass
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    new_people: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (name, company)
    sentences: list[tuple[int, int, float]] = field(default_factory=list)  # start, end, sentiment
    stances: dict[str, str] = field(default_factory=dict)  # person id -> stance the note states
    last_person: str = ""  # whom a sentence opening with a pronoun is about
    genders: dict[str, str] = field(default_factory=dict)  # person id -> "f"/"m", from pronouns

    @property
    def sentiment(self) -> float | None:
        """The document's tone towards us: the mean of its sentences that have one."""
        scored = [s for _, _, s in self.sentences if s]
        return round(sum(scored) / len(scored), 3) if scored else None

    def sentence_sentiment(self, offset: int) -> float | None:
        return next((s for a, b, s in self.sentences if a <= offset < b), None)


_DETAIL = {"USES": "contract_end", "WORKS_AT": "title"}


def fullest(facts: list[Fact]) -> list[Fact]:
    """One install or employment per pair in a note: the statement that gives its contract end
    or title ("Biomed tracks devices in Maximo. The Maximo contract runs until June 30, 2026.")."""
    best: dict[tuple[str, str, str], Fact] = {}
    for f in facts:
        key = (f.relation, f.subject[1], f.object[1])
        if f.relation in _DETAIL and key in best:
            held, detail = best[key], _DETAIL[f.relation]
            gone, kept_gone = f.props.get("current") is False, held.props.get("current") is False
            if gone != kept_gone:  # "原IT主管黄永已经离职": having left wins, with the title stated
                leaving, other = (f, held) if gone else (held, f)
                if not leaving.props.get(detail) and other.props.get(detail):
                    leaving.props[detail] = other.props[detail]
                best[key] = leaving
            elif not held.props.get(detail) and f.props.get(detail):
                best[key] = f
            continue
        if f.relation in _DETAIL:
            best.setdefault(key, f)
    kept = {id(f) for f in best.values()}
    return [f for f in facts if f.relation not in _DETAIL or id(f) in kept]
