"""Entity resolution for companies and people across sources.

``resolve(records)`` blocks records on identifiers and name pieces, scores each
candidate pair (rapidfuzz and IDF-weighted name similarity, shared or conflicting
tax number, domain, phone, e-mail, city, country, employer), and clusters pairs above
``Thresholds.high`` with a union-find that refuses merges which would join two
records of a one-record-per-entity source without very strong direct evidence.
Pairs between ``low`` and ``high`` (and refused ones) are returned for review; every
merge is returned with its reasons.
"""

from __future__ import annotations

from .metrics import KindScores, Scores, evaluate
from .model import CandidatePair, Decisions, EntityRecord, Resolution, Thresholds
from .resolver import REPEATING_SOURCES, resolve, score_pair

__all__ = [
    "REPEATING_SOURCES",
    "CandidatePair",
    "Decisions",
    "EntityRecord",
    "KindScores",
    "Resolution",
    "Scores",
    "Thresholds",
    "evaluate",
    "resolve",
    "score_pair",
]
