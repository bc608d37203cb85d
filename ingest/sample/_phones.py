"""Phone numbers as different systems and people type them.

Chinese landlines appear in five shapes (international, trunk-prefixed, bracketed,
country code glued to the area code, and local-only with the city implied by the
address); mobiles in three; US and German numbers in their own local conventions.
"""

from __future__ import annotations

import random

from ._names import City

BAD_PHONES = ("TBD", "n/a", "待补", "—", "0000", "123", "+86 21 64", "021-6437", "ext. 8021", "x")
MOBILE_PREFIXES = (
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "158",
    "159",
    "177",
    "180",
    "181",
    "185",
    "186",
    "187",
    "189",
    "198",
    "199",
)


def _digits(rng: random.Random, n: int, first_lo: int = 0) -> str:
    first = first_lo + int(rng.random() * (10 - first_lo))
    return f"{first}{int(rng.random() * 10 ** (n - 1)):0{n - 1}d}"


def landline(rng: random.Random, city: City) -> str:
    """Canonical digits: area code + subscriber number (no trunk prefix)."""
    if city.country == "US":
        exchange = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(1, 9)}"
        if exchange[1:] == "11" or exchange == "555":
            exchange = "482"
        return city.area + exchange + _digits(rng, 4)
    return city.area + _digits(rng, city.local_len, first_lo=2)


def mobile(rng: random.Random) -> str:
    return MOBILE_PREFIXES[int(rng.random() * len(MOBILE_PREFIXES))] + _digits(rng, 8)


def format_landline(rng: random.Random, city: City, digits: str, allow_implied: bool) -> str:
    """Render canonical digits in one of the conventions used for that country."""
    area, local = digits[: len(city.area)], digits[len(city.area) :]
    if city.country == "US":
        a, b, c = local[:3], local[3:], area
        return rng.choice((f"+1 ({c}) {a}-{b}", f"{c}-{a}-{b}", f"{c}.{a}.{b}", f"+1 {c} {a} {b}"))
    if city.country == "DE":
        h = len(local) // 2
        return rng.choice(
            (
                f"+49 {area} {local}",
                f"0{area} {local}",
                f"+49 (0){area} {local[:h]} {local[h:]}",
                f"0{area}/{local}",
            )
        )
    h = len(local) // 2
    shapes = [
        f"+86 {area} {local[:h]} {local[h:]}",
        f"0{area}-{local}",
        f"(0{area}) {local[:h]}-{local[h:]}",
        f"86{area}-{local}",
        f"0{area} {local}",
        f"+86-{area}-{local}",
    ]
    if allow_implied:
        shapes += [local, local]
    return rng.choice(shapes)


def format_mobile(rng: random.Random, digits: str) -> str:
    a, b, c = digits[:3], digits[3:7], digits[7:]
    return rng.choice(
        (f"{a} {b} {c}", f"+86 {a}-{b}-{c}", digits, f"+86{digits}", f"{a}-{b}-{c}", f"86-{digits}")
    )


def international(city: City, digits: str) -> str:
    """Unambiguous international form (what an ERP stores for a foreign customer)."""
    code = {"CN": "86", "US": "1", "DE": "49"}[city.country]
    return f"+{code} {digits[: len(city.area)]} {digits[len(city.area) :]}"


def e164(city: City, digits: str) -> str:
    code = {"CN": "86", "US": "1", "DE": "49"}[city.country]
    return f"+{code}{digits}"
