"""How two person records compare, field by field, as discrete agreement levels.

Contact exports hold more than a name: a birth date, a postcode, a street address, an
id another system gave the person. Each field compares to one of a few levels, from
"the same" to "different" (``None`` when either record lacks the field); the
Fellegi-Sunter model (``fellegi_sunter``) learns how much each level says. Levels are
typo-tolerant: "xavier matson" / "xavier matosn" are names alike, 19560409 / 19560490 a
birth date one slip apart, since hand-typed exports are full of such slips.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from .features import Prepared

ALIKE = 0.9  # Jaro-Winkler at which two name words are one word with a slip
IDENTITY_FIELDS = ("birth_date", "postcode", "address", "external_id")


@dataclass(frozen=True)
class Field:
    name: str
    levels: tuple[str, ...]  # in words, from agreeing to disagreeing
    compare: Callable[[Prepared, Prepared], int | None]


def has_identity(p: Prepared) -> bool:
    """The record carries something beside a name and contact details to tell people apart."""
    return any(getattr(p.rec, f) for f in IDENTITY_FIELDS)


def _words_matched(short: list[str], long: list[str]) -> int:
    """How many words of ``short`` find a distinct alike word in ``long``, best pairs first."""
    scored = sorted(
        ((JaroWinkler.similarity(a, b), i, j) for i, a in enumerate(short) for j, b in enumerate(long)),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    for sim, i, j in scored:
        if sim < ALIKE:
            break
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
    return len(used_a)


def _name_level(ka: str, kb: str) -> int:
    if ka == kb:
        return 0
    a, b = ka.split(), kb.split()
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    matched = _words_matched(short, long)
    if matched == len(short) == len(long):
        return 1
    if matched == len(short) and matched > 0:
        return 2  # a part written in one record only ("waller" / "jinni waller")
    return 3 if matched else 4


def compare_name(a: Prepared, b: Prepared) -> int | None:
    levels = [_name_level(ka, kb) for ka in a.person_keys for kb in b.person_keys]
    return min(levels) if levels else None


def _slip(x: str | None, y: str | None) -> int | None:
    """0 the same, 1 one typing slip apart (a character changed, dropped or two swapped), 2 different."""
    if not x or not y:
        return None
    if x == y:
        return 0
    return 1 if DamerauLevenshtein.distance(x, y) <= 1 else 2


def _code(value: str | None) -> str | None:
    text = re.sub(r"[^0-9a-z]", "", value.lower()) if value else ""
    return text or None


def compare_birth_date(a: Prepared, b: Prepared) -> int | None:
    da, db = a.rec.birth_date, b.rec.birth_date
    if da is None or db is None:
        return None
    if da.year == db.year and (da.month, da.day) == (db.day, db.month):
        return 1  # day and month read the other way round
    return _slip(da.strftime("%Y%m%d"), db.strftime("%Y%m%d"))


def compare_postcode(a: Prepared, b: Prepared) -> int | None:
    return _slip(_code(a.rec.postcode), _code(b.rec.postcode))


def compare_external_id(a: Prepared, b: Prepared) -> int | None:
    return _slip(_code(a.rec.external_id), _code(b.rec.external_id))


def compare_address(a: Prepared, b: Prepared) -> int | None:
    if not a.rec.address or not b.rec.address:
        return None
    sim = fuzz.token_sort_ratio(a.rec.address.lower(), b.rec.address.lower())
    return 0 if sim >= 95 else 1 if sim >= 80 else 2 if sim >= 60 else 3


def compare_city(a: Prepared, b: Prepared) -> int | None:
    if not a.city or not b.city:
        return None
    x, y = a.city.lower(), b.city.lower()
    return 0 if x == y else 1 if JaroWinkler.similarity(x, y) >= ALIKE else 2


def _same(x: str | None, y: str | None) -> int | None:
    return None if not x or not y else 0 if x == y else 1


def compare_email(a: Prepared, b: Prepared) -> int | None:
    return _same(a.rec.email, b.rec.email)


def compare_phone(a: Prepared, b: Prepared) -> int | None:
    return _same(a.rec.phone, b.rec.phone)


def compare_employer(a: Prepared, b: Prepared) -> int | None:
    return _same(a.rec.company_key, b.rec.company_key)


_SLIP = ("the same", "one slip apart", "different")
FIELDS: tuple[Field, ...] = (
    Field(
        "name",
        ("the same", "alike", "one part missing, the rest alike", "one part different", "different"),
        compare_name,
    ),
    Field("birth date", _SLIP, compare_birth_date),
    Field("postcode", _SLIP, compare_postcode),
    Field("external id", _SLIP, compare_external_id),
    Field("address", ("the same", "alike", "partly alike", "different"), compare_address),
    Field("city", ("the same", "alike", "different"), compare_city),
    Field("email", ("the same", "different"), compare_email),
    Field("phone", ("the same", "different"), compare_phone),
    Field("employer", ("the same", "different"), compare_employer),
)


def comparison(a: Prepared, b: Prepared) -> tuple[int | None, ...]:
    """The pair's agreement level on every field of ``FIELDS`` (``None``: not both known)."""
    return tuple(f.compare(a, b) for f in FIELDS)
