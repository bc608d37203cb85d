"""Fellegi-Sunter match weights for people, learned from the records themselves (EM).

Each field's agreement level (``person_fields``) is evidence: the weight of a level is
log2(m / u), where m is how often true duplicates show that level and u how often two
different people do. Neither is known in advance, so both are estimated without labels
by expectation-maximisation over the candidate pairs (Winkler 1988): pairs are a
mixture of matches and non-matches, each field independent given the class. Defaults
enter as pseudo-counts (``PRIOR_PAIRS``), which keeps a small run (three contacts) at
sensible weights and lets a large export speak for itself. A pair's score is its
posterior probability of being one person; its reasons list each field's weight.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .person_fields import FIELDS

Vector = tuple[int | None, ...]
PRIOR_PAIRS = 20.0
ITERATIONS = 40
PRIOR_MATCH = 0.1  # share of candidate pairs that are one person, before EM
# Per field (in ``FIELDS`` order): the chance of each level for one person written twice
# (m) and for two different people who share a block (u).
DEFAULT_M: tuple[tuple[float, ...], ...] = (
    (0.70, 0.15, 0.07, 0.06, 0.02),  # name
    (0.85, 0.10, 0.05),  # birth date
    (0.85, 0.10, 0.05),  # postcode
    (0.85, 0.10, 0.05),  # external id
    (0.70, 0.15, 0.10, 0.05),  # address
    (0.80, 0.10, 0.10),  # city
    (0.90, 0.10),  # email
    (0.90, 0.10),  # phone
    (0.80, 0.20),  # employer
)
DEFAULT_U: tuple[tuple[float, ...], ...] = (
    (0.005, 0.005, 0.02, 0.20, 0.77),
    (0.01, 0.01, 0.98),
    (0.05, 0.05, 0.90),
    (0.001, 0.005, 0.994),
    (0.01, 0.02, 0.07, 0.90),
    (0.05, 0.02, 0.93),
    (0.001, 0.999),
    (0.005, 0.995),
    (0.10, 0.90),
)
_FLOOR = 1e-4  # no level is impossible: one bad value must not veto a pair


@dataclass(frozen=True)
class MatchWeights:
    prior: float  # share of candidate pairs that are one person
    m: tuple[tuple[float, ...], ...]
    u: tuple[tuple[float, ...], ...]

    def weight(self, field: int, level: int) -> float:
        return math.log2(self.m[field][level] / self.u[field][level])

    def score(self, vector: Vector) -> tuple[float, list[str]]:
        """Posterior probability that the pair is one person, and each field's weight in words."""
        total = math.log2(self.prior / (1 - self.prior))
        reasons = []
        for f, level in enumerate(vector):
            if level is None:
                continue
            w = self.weight(f, level)
            total += w
            reasons.append(f"{FIELDS[f].name} {FIELDS[f].levels[level]} ({w:+.1f})")
        return 1 / (1 + 2 ** (-total)), reasons


DEFAULT_WEIGHTS = MatchWeights(PRIOR_MATCH, DEFAULT_M, DEFAULT_U)


def _normalised(counts: list[float]) -> tuple[float, ...]:
    total = sum(counts)
    return tuple(max(c / total, _FLOOR) for c in counts)


def _log_likelihood(probs: tuple[tuple[float, ...], ...], vector: Vector) -> float:
    return math.fsum(math.log(probs[f][level]) for f, level in enumerate(vector) if level is not None)


def fit(vectors: Sequence[Vector], start: MatchWeights = DEFAULT_WEIGHTS) -> MatchWeights:
    """EM over the pairs' comparison vectors; identical vectors are counted once, in a
    fixed order, so the weights do not depend on the order of the records."""
    patterns = sorted(
        Counter(vectors).items(), key=lambda item: tuple(-1 if v is None else v for v in item[0])
    )
    weights = start
    if not patterns:
        return weights
    for _ in range(ITERATIONS):
        log_prior = math.log(weights.prior) - math.log(1 - weights.prior)
        m_counts = [[PRIOR_PAIRS * p for p in field] for field in start.m]
        u_counts = [[PRIOR_PAIRS * p for p in field] for field in start.u]
        matched = PRIOR_PAIRS * start.prior
        pairs = PRIOR_PAIRS
        for vector, n in patterns:
            odds = log_prior + _log_likelihood(weights.m, vector) - _log_likelihood(weights.u, vector)
            g = 1 / (1 + math.exp(-odds)) if odds > -700 else 0.0
            matched += n * g
            pairs += n
            for f, level in enumerate(vector):
                if level is not None:
                    m_counts[f][level] += n * g
                    u_counts[f][level] += n * (1 - g)
        weights = MatchWeights(
            min(max(matched / pairs, _FLOOR), 1 - _FLOOR),
            tuple(_normalised(c) for c in m_counts),
            tuple(_normalised(c) for c in u_counts),
        )
    return weights
