"""Name similarity: IDF-weighted token overlap plus rapidfuzz ratios, and the pinyin bridge."""

from __future__ import annotations

import math

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from ingest.normalize.cities import PROVINCES_LATIN
from ingest.normalize.glossary import GENERIC_WORDS, singular
from ingest.normalize.legal_forms import typo_of_a_form

from .features import SCOPE_WORDS, CompanyName, Idf
from .initials import LONG_ACRONYM, LONG_ACRONYM_MIN, acronym, pinyin_initials
from .short_names import SHORT_FORM, short_form
from .whole_bridge import spelt_whole

# A cross-script match sees only the romanised brand, never the generic words, so it is
# capped: on its own, or with the same city, it reaches review (homophones: 永鑫 and 永新 are
# both "Yongxin"); with a shared phone or domain it merges.
BRIDGE_CAP = 0.75
FUZZY_TOKEN = 88.0  # rapidfuzz ratio at which two Latin words count as the same word
TYPO = 0.8  # how much of a word's weight a typo'd match carries
# A slip in a long word leaves it unmistakable ("Konecrsnes", "arrcelormittal"): such a name
# merges on its own, where a short one ("Apiv") still needs a shared domain, phone or city.
TYPO_LONG = 0.88
LONG_WORD = 7
# Names that differ only in word spacing ("HOSTGATORCOM" / "Hostgator Com") are one name.
JOINED = 0.95
JOINED_MIN = 6
JOINED_SLIP_MIN = 8  # a name run together and mistyped is only recognised when this long
SCOPE_EXTRA = 0.5  # what a scope word one name adds weighs ("Huadian International Power")
# A romanised name that spells a Chinese one whole (``spelt_whole``): review on its own, a merge
# with the same city.
WHOLE_BRIDGE = 0.82


def _typo(a: str, b: str) -> bool:
    """One slip (a letter dropped, doubled, changed or two swapped) in a word of 4+ letters,
    two in a word of 8+: "Inetl" ~ "Intel", "ANDIAAMO" ~ "andiamo"."""
    shortest = min(len(a), len(b))
    if shortest < 4 or not (a.isalpha() and b.isalpha()):
        return False
    return DamerauLevenshtein.distance(a, b, score_cutoff=2) <= (2 if shortest >= 8 else 1)


def _near(a: str, b: str) -> bool:
    return len(a) >= 5 and len(b) >= 5 and fuzz.ratio(a, b) >= FUZZY_TOKEN


def _matched(a: frozenset[str], b: frozenset[str], slips: bool) -> dict[str, float]:
    """Tokens of ``a`` found in ``b`` with how surely: exact or in another number ("Industry" /
    "Industries") 1.0, and with ``slips`` a typo or near spelling ``TYPO``."""
    found = dict.fromkeys(a & b, 1.0)
    unmatched = a - b
    if not unmatched:
        return found
    rest = sorted(b - a)
    plain = {singular(u) for u in rest}
    for t in sorted(unmatched):
        if singular(t) in plain:  # "Industry" / "Industries"
            found[t] = 1.0
        elif slips and any(_typo(t, u) or _near(t, u) for u in rest):
            found[t] = TYPO_LONG if len(t) >= LONG_WORD else TYPO
        elif slips and _joined(t, a, b):
            found[t] = JOINED
        elif (
            slips
            and min(len(a), len(b)) > 1
            and any(pinyin_initials(t, u) or pinyin_initials(u, t) for u in rest)
        ):
            found[t] = TYPO  # a brand's initials in a longer name; a name of initials alone is ``acronym``'s
    return found


def _joined(t: str, own: frozenset[str], other: frozenset[str]) -> bool:
    """``t`` is two words of ``other`` written as one ("pingan" / "Ping An"), or one half of a
    word of ``other`` whose other half is also ours ("ping", with "an", of "pingan")."""
    if len(t) >= JOINED_MIN and any(
        t.startswith(u) and t[len(u) :] in other for u in other if 2 <= len(u) < len(t)
    ):
        return True
    return any(
        len(w) >= JOINED_MIN
        and ((w.startswith(t) and w[len(t) :] in own) or (w.endswith(t) and w[: -len(t)] in own))
        for w in other
    )


def _joined_with_form(one: str, other: str) -> bool:
    """``one`` is ``other`` written as one word with its legal form on: "dowchemicalcompany" /
    "dow chemical", "BalchemCorportaion" / "balchem"."""
    if " " in one:
        return False
    stem = other.replace(" ", "")
    rest = one[len(stem) :]
    return (
        len(stem) >= JOINED_MIN
        and one.startswith(stem)
        and bool(rest)
        and (rest in WRITTEN_FORMS or typo_of_a_form(rest))
    )


def _joined_names(a: CompanyName, b: CompanyName, slips: bool) -> float:
    """``JOINED`` when the names differ only in word spacing ("HOSTGATORCOM" / "Hostgator Com",
    "firstfinancialbancorp" / "First Financial Bancorp", "dowchemicalcompany" / "Dow Chemical"),
    ``TYPO_LONG`` when one of them is run together with one slip ("hoemdepot" / "Home Depot")
    and ``slips`` allows one;
    else 0. A Latin pair only."""
    if (joined := a.core.replace(" ", "")) == b.core.replace(" ", "") and len(joined) >= JOINED_MIN:
        return JOINED
    one, other = (a, b) if " " not in a.core else (b, a)
    if " " in one.core:
        return 0.0
    whole = {other.core.replace(" ", ""), other.flat}
    if one.core in whole or one.flat in whole or _joined_with_form(one.core, other.core):
        return JOINED if len(one.core) >= JOINED_MIN else 0.0
    if (
        slips
        and len(one.core) >= JOINED_SLIP_MIN
        and any(DamerauLevenshtein.distance(one.core, w) == 1 for w in whole)
    ):
        return TYPO_LONG
    return 0.0


#: legal forms as a name run together with them ends ("dowchemicalcompany")
WRITTEN_FORMS = ("company", "corporation", "incorporated", "limited", "holdings")


def same_script(a: CompanyName, b: CompanyName, idf: Idf) -> tuple[float, str]:
    """IDF-weighted cosine of the token sets, softened by the rapidfuzz ratio of the cores.

    Weighting means a shared "人民医院" or "hospital" is little evidence, a shared brand
    much; an extra distinctive word on one side ("Runhui Stomatological Hospital" vs
    "Runhui Hospital") counts against, as two firms of one brand often differ by one word.
    A word matched only through a typo counts ``TYPO`` of its weight: one slip leaves a pair
    for review on the name alone and merges it with a shared domain, phone or city.
    """
    latin = a.script == "latin"
    # two readings of Chinese names are spelt by one machine: "xiecheng" 携程 and "xincheng" 新城
    # are two names, not one with a slip
    slips = latin and not (a.reading and b.reading)
    if latin and a.core != b.core and (joined := _joined_names(a, b, slips)):
        return joined, "~joined"
    # a word in pinyin where the other reads the glossary's English: the English word
    ta = frozenset(dict(b.alternates).get(t, t) for t in a.tokens) if b.alternates else a.tokens
    tb = frozenset(dict(a.alternates).get(t, t) for t in b.tokens) if a.alternates else b.tokens
    if a.senses or b.senses:
        ta, tb = _by_sense(ta, a.senses, tb), _by_sense(tb, b.senses, ta)
    if latin:
        ta, tb = _without_lone_province(ta, tb), _without_lone_province(tb, ta)
    wa = {t: idf(t) for t in ta}
    wb = {t: idf(t) for t in tb}
    ma = _matched(ta, tb, slips)
    mb = _matched(tb, ta, slips)
    if latin:
        _scope_words_weigh_less(wa, ma, wb, mb)
    # fsum: exact, so the result does not depend on the sets' (hash-seeded) iteration order
    num = math.fsum(wa[t] ** 2 * f for t, f in ma.items()) ** 0.5
    num *= math.fsum(wb[t] ** 2 * f for t, f in mb.items()) ** 0.5
    den = math.sqrt(math.fsum(w * w for w in wa.values()) * math.fsum(w * w for w in wb.values()))
    cosine = num / den if den else 0.0
    ratio = fuzz.token_sort_ratio(a.core, b.core) / 100 if latin else fuzz.ratio(a.core, b.core) / 100
    # The ratio only lifts a pair that already shares weighted tokens.
    return max(cosine, ratio * cosine**0.5), "~"


def _scope_words_weigh_less(
    wa: dict[str, float], ma: dict[str, float], wb: dict[str, float], mb: dict[str, float]
) -> None:
    """One name is the other with words of scope added ("Huadian Power" / "Huadian International
    Power", "Mobile" / "China Mobile"): those words weigh ``SCOPE_EXTRA`` of their weight, as
    names of one firm add and drop them freely ("China National Offshore Oil" / 中国海洋石油). Only
    where every word of the shorter name is found and the found ones hold a brand or two words
    of trade; a word of trade added ("BYD" / "BYD Electronic") is another firm of the brand as
    often as the same one."""
    for (w, m), m_other, w_other in (((wa, ma), mb, wb), ((wb, mb), ma, wa)):
        extra = [t for t in w if t not in m]
        if (
            extra
            and len(m_other) == len(w_other)
            and all(t in SCOPE_WORDS for t in extra)
            and (
                len([t for t in m if t not in SCOPE_WORDS]) >= 2
                or any(singular(t) not in GENERIC_WORDS and t not in GENERIC_WORDS for t in m)
            )
        ):
            for t in extra:
                w[t] *= SCOPE_EXTRA


def _by_sense(
    own: frozenset[str], senses: tuple[tuple[str, frozenset[str]], ...], other: frozenset[str]
) -> frozenset[str]:
    """``own`` with each pinyin word that means a word of ``other`` read as that word ("cunchu"
    as "memory" against "Yangtze Memory Technologies"), or two words its characters mean one
    each ("lanfan" 蓝帆 as "blue sail")."""
    if not senses:
        return own
    meaning = dict(senses)
    rest = sorted(other - own)
    out: set[str] = set()
    for t in own:
        sense = meaning.get(t, frozenset())
        two = next(((u, v) for u in rest for v in rest if u + v in sense), ())
        out |= set(two) or {next((u for u in rest if u in sense or singular(u) in sense), t)}
    return frozenset(out)


def _without_lone_province(own: frozenset[str], other: frozenset[str]) -> frozenset[str]:
    """``own`` less a province the other name does not state ("Zhejiang Supor" / "supor"),
    where what is left still holds a brand word (not "Zhejiang University" / "university")."""
    lone = {t for t in own & PROVINCES_LATIN if not other & PROVINCES_LATIN}
    rest = own - lone
    return rest if lone and rest - GENERIC_WORDS else own


def bridge(latin: CompanyName, zh: CompanyName, idf: Idf) -> float:
    """Romanised words of ``latin`` that spell a run of the Chinese name's pinyin ("Ruijin" ~ 瑞金)."""
    words = latin.pinyin
    if not words:
        return 0.0
    found = words & zh.pinyin
    if not found:
        return 0.0
    return BRIDGE_CAP * math.fsum(idf(w) for w in found) / math.fsum(idf(w) for w in words)


def company_name_sim(a: CompanyName, b: CompanyName, idf: Idf) -> tuple[float, str]:
    """Similarity in [0, 1] of two company names and a short explanation."""
    if a.script == b.script:
        sim, rel = same_script(a, b, idf)
    else:
        latin, zh = (a, b) if a.script == "latin" else (b, a)
        sim, rel = bridge(latin, zh, idf), "~pinyin"
        if sim and spelt_whole(latin, zh):
            sim, rel = max(sim, WHOLE_BRIDGE), "~pinyin, every word"
    if sim < SHORT_FORM and (short_form(a, b) or short_form(b, a)):
        sim, rel = SHORT_FORM, "~short name of"
    if sim < BRIDGE_CAP and (acronym(a, b) or acronym(b, a)):
        long_enough = min(len(a.core), len(b.core)) >= LONG_ACRONYM_MIN
        sim, rel = (LONG_ACRONYM if long_enough else BRIDGE_CAP), "~initials"
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
