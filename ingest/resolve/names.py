"""Name similarity: IDF-weighted token overlap plus rapidfuzz ratios, and the pinyin bridge."""

from __future__ import annotations

import math

from rapidfuzz import fuzz

from .features import CompanyName, Idf

# A cross-script match sees only the romanised brand, never the generic words, so it is
# capped: on its own it reaches review; with a shared phone, domain or city it merges.
BRIDGE_CAP = 0.75
FUZZY_TOKEN = 88.0  # rapidfuzz ratio at which two Latin words count as the same word


def _matched(a: frozenset[str], b: frozenset[str], latin: bool) -> set[str]:
    """Tokens of ``a`` found in ``b``: exactly, or (Latin words of 5+ letters) by rapidfuzz ratio."""
    found = set(a & b)
    if latin:
        rest = [t for t in b - a if len(t) >= 5]
        for t in a - b:
            if len(t) >= 5 and any(fuzz.ratio(t, u) >= FUZZY_TOKEN for u in rest):
                found.add(t)
    return found


def same_script(a: CompanyName, b: CompanyName, idf: Idf) -> tuple[float, str]:
    """IDF-weighted cosine of the token sets, softened by the rapidfuzz ratio of the cores.

    Weighting means a shared "人民医院" or "hospital" is little evidence, a shared brand
    much; an extra distinctive word on one side ("Runhui Stomatological Hospital" vs
    "Runhui Hospital") counts against, as two firms of one brand often differ by one word.
    """
    latin = a.script == "latin"
    wa = {t: idf(t) for t in a.tokens}
    wb = {t: idf(t) for t in b.tokens}
    ma = _matched(a.tokens, b.tokens, latin)
    mb = _matched(b.tokens, a.tokens, latin)
    num = sum(wa[t] ** 2 for t in ma) ** 0.5 * sum(wb[t] ** 2 for t in mb) ** 0.5
    den = math.sqrt(sum(w * w for w in wa.values()) * sum(w * w for w in wb.values()))
    cosine = num / den if den else 0.0
    ratio = fuzz.token_sort_ratio(a.core, b.core) / 100 if latin else fuzz.ratio(a.core, b.core) / 100
    # The ratio only lifts a pair that already shares weighted tokens (typo tolerance).
    return max(cosine, ratio * cosine**0.5), "~"


def bridge(latin: CompanyName, zh: CompanyName, idf: Idf) -> float:
    """Romanised words of ``latin`` that spell a run of the Chinese name's pinyin ("Ruijin" ~ 瑞金)."""
    words = latin.pinyin
    if not words:
        return 0.0
    found = words & zh.pinyin
    if not found:
        return 0.0
    return BRIDGE_CAP * sum(idf(w) for w in found) / sum(idf(w) for w in words)


def company_name_sim(a: CompanyName, b: CompanyName, idf: Idf) -> tuple[float, str]:
    """Similarity in [0, 1] of two company names and a short explanation."""
    if a.script == b.script:
        sim, rel = same_script(a, b, idf)
    else:
        latin, zh = (a, b) if a.script == "latin" else (b, a)
        sim, rel = bridge(latin, zh, idf), "~pinyin"
    if a.numbers and b.numbers and not a.numbers & b.numbers:
        sim *= 0.3
        rel += f", numbers {'/'.join(sorted(a.numbers))} vs {'/'.join(sorted(b.numbers))}"
    return sim, f"{a.raw} {rel} {b.raw}"


# Person names are short and collide often ("Zhou Peng" / "Zhou Feng" are two people), so
# a near miss is worth little: ratio 0.8 -> 0, 1.0 -> 1 on a steep line, and at most 0.7.
PERSON_FUZZY_FLOOR = 0.8
PERSON_FUZZY_CAP = 0.7


def person_name_sim(keys_a: tuple[str, ...], keys_b: tuple[str, ...]) -> tuple[float, str]:
    best, why = 0.0, ""
    for ka in keys_a:
        for kb in keys_b:
            if ka == kb:
                s = 1.0
            else:
                ratio = fuzz.ratio(ka, kb) / 100
                s = min(PERSON_FUZZY_CAP, max(0.0, (ratio - PERSON_FUZZY_FLOOR) / (1 - PERSON_FUZZY_FLOOR)))
            if s > best:
                best, why = s, f"{ka} ~ {kb}"
    return best, why
