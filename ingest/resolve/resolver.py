"""Entity resolution for companies and people: prepare, block, score, cluster."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .blocking import candidate_pairs
from .cluster import GuardedClusters
from .features import Idf, Prepared, prepare
from .fellegi_sunter import fit
from .model import CandidatePair, Decisions, EntityRecord, Resolution, Thresholds
from .person_fields import comparison, has_identity
from .scoring import score_companies, score_people

# Sources that legitimately hold many records of one entity (a lead per booth visit).
# Every other source is taken to keep one record per entity, so two of its records
# merge only on very strong direct evidence (``Thresholds.same_source``).
REPEATING_SOURCES = frozenset({"marketing/leads.xlsx"})


def _clip(score: float) -> float:
    return round(min(1.0, max(0.0, score)), 4)


def resolve(
    records: Sequence[EntityRecord],
    thresholds: Thresholds = Thresholds(),  # noqa: B008 - frozen dataclass, safe as a default
    repeating_sources: Collection[str] = REPEATING_SOURCES,
    decisions: Decisions = Decisions(),  # noqa: B008 - frozen dataclass, safe as a default
) -> Resolution:
    """Cluster ``records`` (companies and people are resolved separately, never with each other).

    Deterministic: records are ordered by (kind, source, key) first, pairs are taken
    in descending score order with index ties, so the same input gives the same clusters.
    Reviewers' ``decisions`` come first: their "same" pairs are merged, their
    "different" pairs never end up together, and decided pairs are not offered again.
    """
    ordered = sorted(records, key=lambda r: (r.kind, r.source, r.key))
    clusters: list[list[EntityRecord]] = []
    review: list[CandidatePair] = []
    merges: list[CandidatePair] = []
    for kind in sorted({r.kind for r in ordered}):
        part = [r for r in ordered if r.kind == kind]
        res = _resolve_kind(part, thresholds, repeating_sources, decisions)
        clusters += res.clusters
        review += res.review
        merges += res.merges
    clusters.sort(key=lambda c: (c[0].kind, c[0].source, c[0].key))
    return Resolution(clusters, review, merges)


def score_pair(a: EntityRecord, b: EntityRecord) -> CandidatePair:
    """Score two records on their own (name weights from just these two): for review tools and tests."""
    if a.kind != b.kind:
        raise ValueError(f"cannot compare a {a.kind} with a {b.kind}")
    pa, pb = prepare([a, b])
    score, reasons = (
        score_companies(pa, pb, Idf([pa, pb]))[:2] if a.kind == "Company" else score_people(pa, pb)
    )
    return CandidatePair(a, b, _clip(score), tuple(reasons))


def _identity_scores(
    prepared: Sequence[Prepared], pairs: list[tuple[int, int]]
) -> dict[tuple[int, int], tuple[float, list[str]]]:
    """People whose records hold a birth date, postcode, address or external id: scored by
    Fellegi-Sunter weights learned from these very pairs (see ``fellegi_sunter``)."""
    vectors = [comparison(prepared[i], prepared[j]) for i, j in pairs]
    weights = fit(vectors)
    return {pair: weights.score(vector) for pair, vector in zip(pairs, vectors, strict=True)}


def _resolve_kind(
    records: Sequence[EntityRecord], thresholds: Thresholds, repeating: Collection[str], decisions: Decisions
) -> Resolution:
    prepared = prepare(records)
    idf = Idf(prepared)
    raw: dict[tuple[int, int], tuple[float, list[str]]] = {}
    identity: list[tuple[int, int]] = []
    mute: list[tuple[int, int]] = []
    for i, j in candidate_pairs(prepared):
        a, b = prepared[i], prepared[j]
        if a.rec.kind == "Company":
            scored = score_companies(a, b, idf)
            raw[(i, j)] = (scored.score, scored.reasons)
            if scored.mute:
                mute.append((i, j))
        elif has_identity(a) and has_identity(b):
            identity.append((i, j))
        else:
            raw[(i, j)] = score_people(a, b)
    raw |= _identity_scores(prepared, identity)
    scores = {pair: s for pair, (s, _) in raw.items()}
    exclusive = {r.source for r in records} - set(repeating)
    position = {r.ref: i for i, r in enumerate(records)}

    def decided(pairs: frozenset[frozenset[tuple[str, str]]]) -> list[tuple[int, int]]:
        found = (sorted(position[ref] for ref in pair) for pair in pairs if pair <= position.keys())
        return sorted((i, j) for i, j in found)  # sets have no order; clusters must not depend on it

    guard = GuardedClusters(
        [r.source for r in records],
        scores,
        thresholds,
        exclusive,
        apart=decided(decisions.different),
        mute=mute,
    )
    merges: list[CandidatePair] = []
    for i, j in decided(decisions.same):
        if not guard.same(i, j) and guard.force(i, j):
            merges.append(CandidatePair(records[i], records[j], 1.0, ("a reviewer decided they are one",)))
    ranked = sorted(
        (pair for pair, s in scores.items() if s >= thresholds.low), key=lambda p: (-scores[p], p)
    )
    for i, j in ranked:
        s, reasons = raw[(i, j)]
        if s >= thresholds.high and not guard.same(i, j) and guard.offer(i, j, s):
            merges.append(CandidatePair(records[i], records[j], _clip(s), tuple(reasons)))
    merges += _clear_best_merges(guard, ranked, raw, records, thresholds)
    review = [
        CandidatePair(records[i], records[j], _clip(raw[(i, j)][0]), tuple(raw[(i, j)][1]))
        for i, j in ranked
        if not guard.same(i, j) and not decisions.decided(records[i].ref, records[j].ref)
    ]
    clusters = [[records[i] for i in group] for group in guard.groups()]
    return Resolution(clusters, review, merges)


def _clear_best_merges(
    guard: GuardedClusters,
    ranked: Sequence[tuple[int, int]],
    raw: dict[tuple[int, int], tuple[float, list[str]]],
    records: Sequence[EntityRecord],
    t: Thresholds,
) -> list[CandidatePair]:
    """Pairs of names in two scripts, nothing disagreeing, under ``high`` but each record the
    other's clear best match (``Thresholds.clear_best``): merged after every stronger pair."""
    merges = []
    for i, j in ranked:
        s, reasons = raw[(i, j)]
        if (
            t.clear_best <= s < t.high
            and (i, j) in guard.muted
            and not guard.same(i, j)
            and guard.clear_best(i, j, s)
            and guard.clear_best(j, i, s)
            and guard.offer(i, j, s)
        ):
            why = f"each the other's best match by {t.clear_margin} or more"
            merges.append(CandidatePair(records[i], records[j], _clip(s), (*reasons, why)))
    return merges
