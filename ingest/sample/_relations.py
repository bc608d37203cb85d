"""Company-to-company relations: supply chains, rivalry, groups, partners and referrals."""

from __future__ import annotations

import random
from bisect import bisect_left
from datetime import date, timedelta
from pathlib import Path

from ._common import REFERENCE_DATE, rand_date
from ._corrupt import Corruptor
from ._market import SUPPLIES_FOR
from ._model import Company, World
from ._writers import CsvSink

Relation = tuple[str, str, str, date]  # from key, to key, kind, since


def build_relations(world: World, rng: random.Random) -> tuple[list[Relation], dict[int, list[int]]]:
    """Relations keyed by source ids, plus supplier idx lists per account (for text facts)."""
    me = world.companies[world.self_idx]
    rels: list[Relation] = []
    supplied: dict[int, list[int]] = {}
    market = [c for c in world.companies if c.market_id and c.idx != me.idx]
    suppliers = [c for c in market if c.market_kind == "supplier"]
    competitors = [c for c in market if c.market_kind == "competitor"]
    for c in market:
        since = rand_date(rng, date(2012, 1, 1), date(2024, 12, 31))
        kind = {"supplier": "SUPPLIES", "competitor": "COMPETES_WITH", "partner": "PARTNER_OF"}[c.market_kind]
        rels.append((c.market_id, me.market_id, kind, since))
    cats = {c.idx: {p.category for p in world.products if p.vendor == c.idx} for c in competitors}
    for i, a in enumerate(competitors):
        for b in competitors[i + 1 :]:
            if cats[a.idx] & cats[b.idx]:
                rels.append((a.market_id, b.market_id, "COMPETES_WITH", date(2018, 1, 1)))
    accounts = [c for c in world.accounts() if not c.stub]
    for c in accounts:
        if c.parent is not None:
            rels.append((c.crm_id, world.companies[c.parent].crm_id, "SUBSIDIARY_OF", c.created))
        if suppliers and rng.random() < (0.25 if c.vertical == "industrial" else 0.08):
            fitting = [x for x in suppliers if x.industry in SUPPLIES_FOR[c.vertical] and x.idx != c.idx]
            s = rng.choice(fitting or suppliers)
            supplied.setdefault(c.idx, []).append(s.idx)
            rels.append((s.market_id, c.crm_id, "SUPPLIES", rand_date(rng, date(2015, 1, 1), REFERENCE_DATE)))
    _referrals(rng, accounts, rels)
    rels.sort(key=lambda r: (r[2], r[0], r[1]))
    return rels, supplied


def _referrals(rng: random.Random, accounts: list[Company], rels: list[Relation]) -> None:
    """A customer recommended us to a later account, usually a peer in the same region."""
    buyers = sorted(
        (c for c in accounts if c.customer_since), key=lambda c: (c.customer_since or c.created, c.idx)
    )
    since = [b.customer_since or b.created for b in buyers]
    for c in accounts:
        if rng.random() >= 0.06:
            continue
        start = c.customer_since or c.created
        k = bisect_left(since, start - timedelta(days=60))
        if k == 0:
            continue
        pick = buyers[rng.randrange(k)]
        for _ in range(20):
            if pick.vertical == c.vertical and pick.city.region == c.city.region:
                break
            pick = buyers[rng.randrange(k)]
        if pick.idx != c.idx:
            rels.append((pick.crm_id, c.crm_id, "REFERRED", min(start, REFERENCE_DATE)))


def write_relations(rels: list[Relation], root: Path, corr: Corruptor) -> int:
    sink = CsvSink(root, "market/relations.csv", ["from_id", "to_id", "kind", "since"], corr)
    for a, b, kind, since in rels:
        sink.write([a, b, kind, since.isoformat()], 0.0)
    sink.close()
    return sink.rows
