"""Decision-chain ranking and network influence."""

from __future__ import annotations

from collections import Counter

from algorithms.influence import decision_chain, network_influence
from algorithms.market import Market
from graph import Edge
from tests.algorithms.tiny import tiny_market


def test_economic_buyer_with_reports_leads_and_reasons_are_in_words() -> None:
    chain = decision_chain(tiny_market(), "acme")
    assert [i.person for i in chain][:2] == ["ann", "bob"]
    assert [i.rank for i in chain] == [1, 2, 3, 4]
    assert chain[0].reasons == ["economic buyer", "C-level", "3 reports", "1 interactions"]
    assert chain[1].reasons == ["champion", "most-contacted (4 interactions)"]


def test_a_chain_per_opportunity_counts_only_its_roles() -> None:
    market = tiny_market()
    market.nodes["Opportunity"]["o2"] = {"status": "open"}
    market.edges["HAS_OPPORTUNITY"].append(
        Edge("HAS_OPPORTUNITY", ("Company", "acme"), ("Opportunity", "o2"), {})
    )
    market.edges["DECISION_ROLE"].append(
        Edge("DECISION_ROLE", ("Person", "cid"), ("Opportunity", "o2"), {"role": "decision_maker"})
    )
    on_o2 = decision_chain(market, "acme", "o2")
    assert {i.person: i.roles for i in on_o2}["cid"] == ["decision_maker"]
    assert all(not i.roles for i in on_o2 if i.person != "cid")
    assert {i.person: i.roles for i in decision_chain(market, "acme")}["ann"] == ["economic_buyer"]


def test_decision_chains_on_the_sample_put_deciders_first(market: Market) -> None:
    deciders = {"economic_buyer", "decision_maker"}
    top_decides: Counter[bool] = Counter()
    for company in market.customers():
        chain = decision_chain(market, company)
        assert sorted(i.rank for i in chain) == list(range(1, len(chain) + 1))
        assert all(i.reasons for i in chain)
        if any(deciders & set(i.roles) for i in chain):
            top_decides[bool(deciders & set(chain[0].roles))] += 1
    # measured on the sample: 115 of 146 accounts (79 %)
    assert top_decides[True] >= 0.75 * sum(top_decides.values()), top_decides


def test_network_influence_ranks_and_finds_brokers(market: Market) -> None:
    ranked = network_influence(market)
    assert ranked and abs(sum(r.pagerank for r in ranked) - 1) < 1e-9
    brokers = sorted(ranked, key=lambda r: -r.betweenness)[:5]
    assert all(b.betweenness > 0 for b in brokers)
