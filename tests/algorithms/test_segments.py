"""RFM tiers, LTV, account communities and similar accounts on the sample."""

from __future__ import annotations

from algorithms.market import Market
from algorithms.segments import (
    TIERS,
    account_communities,
    account_similarity,
    all_similar_accounts,
    explain_similar,
    rfm_segments,
    similar_accounts,
)


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


def test_similar_accounts_are_explained_in_words(market: Market) -> None:
    baskets, _ = account_similarity(market)
    weight = dict(zip(baskets.products, baskets.product_weights().tolist(), strict=True))
    explained = explain_similar(market, all_similar_accounts(market, top=10))
    assert len(explained) > 100
    for company, rows in explained.items():
        assert [r.rank for r in rows] == list(range(1, len(rows) + 1)) and len(rows) <= 10
        assert rows == sorted(rows, key=lambda r: (-r.score, r.other))
        for r in rows:
            shared = sorted(baskets.owned(company) & baskets.owned(r.other), key=lambda p: (-weight[p], p))
            rarest = market.name("Product", shared[0])
            assert r.reasons[0].startswith(f"both buy {rarest}")
            assert r.reasons[0].endswith(f"and {len(shared) - 2} more") == (len(shared) > 2)
            industry = market.props("Company", company).get("industry")
            same = industry is not None and industry == market.props("Company", r.other).get("industry")
            assert (f"same industry ({industry})" in r.reasons) == same
