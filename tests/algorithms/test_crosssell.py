"""Cross-sell: offline evaluation against popularity, planted complements, explanations."""

from __future__ import annotations

import csv
from pathlib import Path

from algorithms.crosssell import Model, evaluate, recommend
from algorithms.crosssell_mining import association_rules, sequence_rules
from algorithms.market import Market


def test_blend_beats_popularity_by_a_third_on_held_out_months(market: Market) -> None:
    result = evaluate(market)
    print(f"\ncross-sell holdout from {result.cutoff}, {result.accounts} accounts")
    for name in ("precision@5", "recall@10", "map@10"):
        print(f"  {name}: blend {result.blend[name]:.3f}  popularity {result.popularity[name]:.3f}")
    assert result.accounts >= 50
    assert result.blend["precision@5"] >= 1.3 * result.popularity["precision@5"]
    assert result.blend["map@10"] > result.popularity["map@10"]


def test_planted_complements_are_recovered_with_lift_above_one(market: Market, sample_dir: Path) -> None:
    ours = market.our_products()
    rules = {
        (r.antecedent, r.consequent, r.kind): r
        for r in [*association_rules(market.purchases(), ours), *sequence_rules(market.purchases(), ours)]
    }
    with (sample_dir / "ground_truth/complements.csv").open(encoding="utf-8") as f:
        planted = list(csv.DictReader(f))
    for row in planted:
        rule = rules.get((row["product_a"], row["product_b"], row["kind"]))
        assert rule is not None and rule.lift > 1, (row, rule)


def test_every_recommendation_explains_itself_with_edges_that_exist(market: Market) -> None:
    model = Model.mine(market, market.purchases())
    edges = {(e.type, e.start, e.end) for t in market.edges.values() for e in t}
    for company in market.customers()[:25]:
        recs = recommend(market, company, model=model, top=5)
        assert recs and all(r.evidence and r.paths and r.contact for r in recs)
        for rec in recs:
            assert rec.product in market.our_products()
            assert all(e.detail and e.numbers for e in rec.evidence)
            for path in rec.paths:
                for edge in path.edges():
                    assert edge in edges, (company, str(path))
