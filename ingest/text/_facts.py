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
