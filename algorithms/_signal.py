"""The ``Signal`` value every detector returns, and its stable id."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from graph import NodeRef

SEVERITY_FLOORS = ((0.85, "critical"), (0.65, "high"), (0.4, "medium"), (float("-inf"), "low"))


@dataclass(frozen=True)
class Signal:
    kind: str
    company: str
    score: float
    reason: str
    suggested_action: str
    numbers: dict[str, float] = field(default_factory=dict)
    refs: list[NodeRef] = field(default_factory=list)
    subject: str = ""  # what makes two signals of one kind on one account different

    @property
    def id(self) -> str:
        return signal_id(self.kind, self.company, self.subject)

    @property
    def severity(self) -> str:
        return next(name for floor, name in SEVERITY_FLOORS if self.score >= floor)


def signal_id(kind: str, company: str, subject: str = "") -> str:
    digest = hashlib.blake2b(f"{kind}|{company}|{subject}".encode(), digest_size=8).hexdigest()
    return f"SIG-{kind}-{digest}"


def days_between(a: dt.date, b: dt.date) -> int:
    return (a - b).days
