"""The records resolution works on, and what it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class EntityRecord:
    """One source record of a company or a person, with already normalised fields.

    ``phone`` is E.164, ``email`` lower-case, ``domain`` a bare host name, ``city`` the
    canonical city name (``ingest.normalize.city_key``), ``country`` ISO alpha-2.
    ``tax_id`` is a registration number (the unified social credit code in China).
    For people, ``company_key`` is the resolved company they work at, and ``since`` /
    ``until`` the span of that job (CRM created_at / left_at): a record that ends
    before another with the same name starts elsewhere is how a job change shows, and
    ``seniority`` (c_level/vp/director/manager/staff) and ``industry`` (the employer's)
    help tell a move from a namesake: people mostly change jobs within their sector.
    A person's ``birth_date``, ``postcode``, ``address`` (street) and ``external_id`` (an
    id another system gives them) come from contact exports that hold them.
    """

    kind: str  # "Company" | "Person"
    source: str  # e.g. "crm/accounts.csv"
    key: str  # the record's key in that source
    names: tuple[str, ...]
    domain: str | None = None
    phone: str | None = None
    email: str | None = None
    city: str | None = None
    country: str | None = None
    company_key: str | None = None
    tax_id: str | None = None
    since: date | None = None
    until: date | None = None
    seniority: str | None = None
    industry: str | None = None
    # what contact exports hold beside the name (people only)
    birth_date: date | None = None
    postcode: str | None = None
    address: str | None = None
    external_id: str | None = None

    @property
    def ref(self) -> tuple[str, str]:
        return (self.source, self.key)


@dataclass(frozen=True)
class Thresholds:
    """Pairs scoring at least ``high`` are merged; pairs in [low, high) go to review.

    ``same_source`` is the bar for merging two records of one source that keeps one
    record per entity (two CRM accounts, two ERP codes): such duplicates exist, but a
    mistake there joins two real customers, so the evidence must be very strong.
    ``margin``: a record whose best match in another cluster scores within this margin
    of a conflicting one is ambiguous and is sent to review instead of merged.
    ``veto``: two clusters are not joined when any compared pair across them scored
    below it (a different domain, city or tax number somewhere in the chain).
    ``clear_best`` and ``clear_margin``: a pair of names in two scripts with nothing disagreeing
    that scores ``clear_best`` or more but under ``high`` is merged when each record is the
    other's best match by ``clear_margin`` over any other candidate: an English CRM and a Chinese
    ERP each hold a company once, and where only one record on the other side comes near, a
    translation that falls short of ``high`` is still that company ("Datang International Power
    Generation" / 大唐发电).
    """

    high: float = 0.85
    low: float = 0.6
    same_source: float = 0.97
    margin: float = 0.03
    veto: float = 0.5
    clear_best: float = 0.7
    clear_margin: float = 0.05


RecordRef = tuple[str, str]  # (source, key)


@dataclass(frozen=True)
class Decisions:
    """What reviewers decided about candidate pairs: ``same`` pairs are merged whatever
    they score, ``different`` pairs are never put in one cluster (nor offered again)."""

    same: frozenset[frozenset[RecordRef]] = frozenset()
    different: frozenset[frozenset[RecordRef]] = frozenset()

    def decided(self, a: RecordRef, b: RecordRef) -> bool:
        pair = frozenset((a, b))
        return pair in self.same or pair in self.different


@dataclass(frozen=True)
class CandidatePair:
    a: EntityRecord
    b: EntityRecord
    score: float
    reasons: tuple[str, ...]


@dataclass
class Resolution:
    """Every input record in exactly one cluster (sorted by first record's kind, source, key).

    ``merges`` are the pairs that joined clusters, a spanning tree per cluster, each with its
    reasons. ``review`` holds the pairs scoring at least ``low`` whose records ended up apart:
    those between ``low`` and ``high``, and those above ``high`` that a guard refused.
    """

    clusters: list[list[EntityRecord]]
    review: list[CandidatePair]
    merges: list[CandidatePair] = field(default_factory=list)

    def cluster_ids(self) -> dict[tuple[str, str], str]:
        """(source, key) -> a stable cluster id: "source:key" of the cluster's first record."""
        out: dict[tuple[str, str], str] = {}
        for cluster in self.clusters:
            cid = f"{cluster[0].source}:{cluster[0].key}"
            for rec in cluster:
                out[rec.ref] = cid
        return out
