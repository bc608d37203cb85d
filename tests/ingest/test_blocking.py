"""Blocking: which records are compared at all. A pair blocking never offers cannot merge,
however well it would score; and a market ten times larger must not give a hundred times
the pairs. Names written for these tests."""

from __future__ import annotations

from ingest.resolve import EntityRecord, resolve
from ingest.resolve.blocking import WINDOW, candidate_pairs
from ingest.resolve.features import prepare


def _co(key: str, name: str, source: str = "crm") -> EntityRecord:
    return EntityRecord("Company", source, key, (name,))


def _offered(a: str, b: str) -> bool:
    return candidate_pairs(prepare([_co("1", a), _co("2", b)])) == [(0, 1)]


def test_a_letter_dropped_doubled_or_swapped_still_meets() -> None:
    assert _offered("Marrowfield", "Marowfield")  # dropped: the shorter word is a deletion of the longer
    assert _offered("Peltrix", "Peeltrix")  # doubled
    assert _offered("Quenby", "Qeunby")  # swapped: both less a letter meet
    assert _offered("Tolo Ltd", "toloo")  # a four-letter word meets its doubled-letter slip


def test_a_name_run_together_meets_its_spaced_form_even_with_a_slip_or_a_legal_form() -> None:
    assert _offered("Halvorsen Pumps Inc.", "halvorsenpumsp")
    assert _offered("Greystone Financial Bancorp", "greystonefinancialbancorp")


def test_such_pairs_merge() -> None:
    for a, b in [("Halvorsen Pumps Inc.", "halvorsenpumsp"), ("Marrowfield", "Marowfield")]:
        res = resolve([_co("1", a), _co("2", b, "marketing")], repeating_sources={"marketing"})
        assert len(res.clusters) == 1, (a, b)


def test_a_large_name_block_gives_a_window_of_pairs_not_all_of_them() -> None:
    """150 contacts called Wei Zhang, two of them one person (the same e-mail): all pairs
    would be 11,175; the window gives at most ``WINDOW`` per record, and the identifier's
    block still offers the duplicate."""
    people = [EntityRecord("Person", "crm", f"{i:03d}", ("Wei Zhang",)) for i in range(150)]
    people[17] = EntityRecord("Person", "crm", "017", ("Wei Zhang",), email="wzhang@tidewell.cn")
    people[131] = EntityRecord("Person", "erp", "131", ("ZHANG Wei",), email="wzhang@tidewell.cn")
    pairs = candidate_pairs(prepare(people))
    assert len(pairs) <= WINDOW * len(people)
    assert (17, 131) in pairs
