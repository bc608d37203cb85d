"""Ranked search on both stores: the whole name, then its beginning, then a word's beginning,
then anywhere, a name's match before an alias's, shorter names first within a rank."""

from __future__ import annotations

from graph import GraphStore
from graph.reads import ScopedReads
from tests.graph.market import RUN

COMPANIES = [
    ("c-any", "Sunhospital Ltd", []),
    ("c-word", "Ward Hospital Group", []),
    ("c-zh", "市第一人民医院", ["No.1 People's Hospital"]),
    ("c-prefix", "Hospitality Partners", []),
    ("c-exact", "HOSPITAL", []),
    ("c-alias", "圣玛丽", ["hospital"]),
    ("c-none", "Hosp Supplies", []),
]


def test_the_best_match_comes_first(store: GraphStore) -> None:
    rows = [{"id": k, "name": n, "aliases": a} | RUN for k, n, a in COMPANIES]
    store.upsert_nodes("Company", rows)
    found = ScopedReads(store).search("Company", ["hospital"], 10)
    assert [(rank, p["id"]) for rank, p in found] == [
        (0, "c-exact"),
        (1, "c-alias"),
        (2, "c-prefix"),
        (4, "c-word"),
        (5, "c-zh"),
        (6, "c-any"),
    ]
    assert [p["id"] for _, p in ScopedReads(store).search("Company", ["hospital"], 2)] == [
        "c-exact",
        "c-alias",
    ]
