"""People whose records hold a birth date, postcode, address or external id: agreement
levels per field and Fellegi-Sunter weights learned by EM."""

from __future__ import annotations

import random
from datetime import date

from ingest.resolve import EntityRecord, resolve
from ingest.resolve.features import prepare
from ingest.resolve.fellegi_sunter import DEFAULT_WEIGHTS, fit
from ingest.resolve.person_fields import FIELDS, comparison

NAME, BIRTH = 0, 1


def _person(
    key: str, name: str, born: date | None = None, postcode: str | None = None, **kw: str
) -> EntityRecord:
    return EntityRecord(
        "Person", "export", key, (name,), birth_date=born, postcode=postcode, address=kw.get("address")
    )


def _levels(a: EntityRecord, b: EntityRecord) -> dict[str, str]:
    pa, pb = prepare([a, b])
    return {f.name: f.levels[lv] for f, lv in zip(FIELDS, comparison(pa, pb), strict=True) if lv is not None}


def test_names_compare_word_by_word_through_typos_swaps_and_gaps() -> None:
    born = date(1956, 4, 9)
    assert (
        _levels(_person("1", "xavier matson", born), _person("2", "xavier matosn", born))["name"] == "alike"
    )
    assert _levels(_person("1", "matson xavier"), _person("2", "xavier matson"))["name"] == "the same"
    gap = _levels(_person("1", "waller"), _person("2", "jinni waller"))["name"]
    assert gap == "one part missing, the rest alike"
    assert _levels(_person("1", "thomas white"), _person("2", "thomas black"))["name"] == "one part different"


def test_a_birth_date_one_slip_apart_is_not_a_different_one() -> None:
    def level(x: date, y: date) -> str:
        return _levels(_person("1", "a b", x), _person("2", "a b", y))["birth date"]

    assert level(date(1956, 4, 9), date(1956, 9, 4)) == "one slip apart"  # day and month swapped
    assert level(date(1956, 4, 9), date(1956, 4, 8)) == "one slip apart"
    assert level(date(1910, 4, 9), date(1931, 4, 9)) == "different"


def test_typos_merge_and_namesakes_born_apart_do_not() -> None:
    records = [
        _person("1", "xavier matson", date(1956, 4, 9), "2119", address="7 wallaby place"),
        _person("2", "xavier matosn", date(1956, 4, 9), "2119", address="7 walaby place"),
        _person("3", "thomas white", date(1910, 3, 1), "3165", address="177 pridham street"),
        _person("4", "thomas white", date(1931, 8, 22), "4881", address="54 hoseason street"),
    ]
    res = resolve(records, repeating_sources={"export"})
    clusters = sorted(sorted(r.key for r in c) for c in res.clusters)
    assert clusters == [["1", "2"], ["3"], ["4"]]
    (merge,) = res.merges
    assert any(r.startswith("birth date the same (+") for r in merge.reasons)
    assert any(r.startswith("name alike (+") for r in merge.reasons)


def test_em_learns_what_agreement_says_whatever_the_pair_order() -> None:
    rng = random.Random(3)
    n_fields = len(FIELDS)
    vectors: list[tuple[int | None, ...]] = []
    for i in range(2000):
        same = i % 10 == 0
        v: list[int | None] = [None] * n_fields
        v[NAME] = rng.choice([0, 0, 0, 1, 2]) if same else rng.choice([3, 4, 4, 4, 1])
        v[BIRTH] = (0 if rng.random() < 0.9 else 1) if same else (0 if rng.random() < 0.005 else 2)
        vectors.append(tuple(v))
    learned = fit(vectors)
    assert abs(learned.prior - 0.1) < 0.03
    assert learned.weight(BIRTH, 0) > 6 and learned.weight(BIRTH, 2) < -2
    assert learned.weight(NAME, 4) < DEFAULT_WEIGHTS.weight(NAME, 4) + 1
    shuffled = vectors[:]
    rng.shuffle(shuffled)
    assert fit(shuffled) == learned
