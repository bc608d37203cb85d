"""A pair of names in two scripts that falls short of the merge score is still merged where each
record is the other's clear best match, and only then. Names written for these tests."""

from __future__ import annotations

from ingest.resolve import EntityRecord, resolve, score_pair
from ingest.resolve.model import Thresholds

CRM = EntityRecord("Company", "crm", "1", ("Datang International Power Generation Co., Ltd.",))


def _erp(key: str, name: str) -> EntityRecord:
    return EntityRecord("Company", "erp", key, (name,))


def test_a_translation_short_of_the_merge_score_merges_when_nothing_else_comes_near() -> None:
    erp = _erp("2", "大唐发电")
    t = Thresholds()
    assert t.clear_best <= score_pair(CRM, erp).score < t.high
    res = resolve([CRM, erp])
    assert len(res.clusters) == 1
    assert res.merges[0].reasons[-1].startswith("each the other's best match")


def test_a_rival_as_near_leaves_the_pair_for_review() -> None:
    """大唐集团 (the group) reads as near to the English name as 大唐发电 (its listed arm): which
    one the CRM means is a reviewer's call."""
    res = resolve([CRM, _erp("2", "大唐发电"), _erp("3", "大唐集团")])
    assert len(res.clusters) == 3
    offered = {frozenset((p.a.key, p.b.key)) for p in res.review}
    assert offered >= {frozenset(("1", "2")), frozenset(("1", "3"))}


def test_names_of_two_trades_are_no_clear_match() -> None:
    """Power generation against hydropower: the brand is shared, the trade is not."""
    erp = _erp("2", "大唐水电")
    assert any(r.startswith("other trades") for r in score_pair(CRM, erp).reasons)
    assert len(resolve([CRM, erp]).clusters) == 2
