"""RFM tiers, LTV, account communities and similar accounts on the sample."""

from __future__ import annotations

from algorithms.market import Market
from algorithms.segments import TIERS, account_communities, rfm_segments, similar_accounts


def test_rfm_tiers_cover_customers_and_ltv_follows_recency(market: Market) -> None:
    segments = rfm_segments(market)
    assert {s.company for s in segments} == set(market.customers())
    assert {s.tier for s in segments} == set(TIERS)
    assert all(1 <= v <= 5 for s in segments for v in (s.r, s.f, s.m))
    dormant = [s.ltv for s in segments if s.tier == "dormant"]
    loyal = [s.ltv for s in segments if s.tier == "loyal high-value"]
    assert max(dormant) < min(loyal) or sum(dormant) / len(dormant) < sum(loyal) / len(loyal)


def test_communities_and_similar_accounts(market: Market) -> None:
    communities = account_communities(market)
    assert set(communities) == set(market.customers())
    assert 2 <= len(set(communities.values())) < len(communities) / 5
    company = market.customers()[0]
    similar = similar_accounts(market, company)
    assert len(similar) == 5 and company not in dict(similar)
    assert [s for _, s in similar] == sorted((s for _, s in similar), reverse=True)
