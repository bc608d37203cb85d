"""Blocking: only records that share a block key are compared (no all-pairs).

Keys are identifiers (tax number, domain, phone, e-mail) and name pieces (Latin words
and each word with one letter left out, for typos; the name without spaces, for joined
words; Chinese character bigrams; pinyin runs that bridge the two scripts; for people
the whole name key). A block larger than its cap says nothing ("hospital", "医院") and is
dropped, which keeps the number of pairs near-linear in the number of records.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

import jellyfish

from ingest.normalize.pinyin import syllables

from .features import CompanyName, Prepared
from .initials import ACRONYM_MAX
from .names import JOINED_SLIP_MIN, WRITTEN_FORMS

ID_BLOCK_CAP = 200
NAME_BLOCK_CAP = 60
WINDOW = 12  # in a name block larger than this, each record meets its 12 nearest in name order
IDENTIFIERS = ("t:", "d:", "p:", "e:")  # tax number, domain, phone, e-mail: every pair compared
RARE_WORDS = 2
JOINED_SLIP_MAX = 32  # longer names run together are not blocked with a slip (a key per letter)


def _deletions(token: str) -> list[str]:
    """The word itself and the word with one letter left out, each way (symmetric-delete
    blocking): two words one slip apart share one of these, so typo'd names are compared at
    all - a changed or swapped letter ("intel" / "inetl") meets on a deletion of each, a
    dropped or doubled one ("pepsico" / "peepsico") on the shorter word itself."""
    if len(token) < 4 or not token.isalpha() or not token.isascii():
        return []
    if len(token) == 4:  # "visa" less a letter meets too many; "pool" still meets "pooll"
        return [token]
    return sorted({token} | {token[:i] + token[i + 1 :] for i in range(len(token))})


def company_keys(p: Prepared, df: Counter[str] | None = None) -> Iterator[tuple[str, int]]:
    """``df``: in how many records each name word appears. A name is blocked on its two rarest
    words and its rarest word less a letter (its brand, where a typo matters): a common word
    ("holdings") would put every name holding it into one block, and blocks grow with n."""
    rec = p.rec
    if rec.tax_id:
        yield f"t:{rec.tax_id}", ID_BLOCK_CAP
    if p.domain:
        yield f"d:{p.domain}", ID_BLOCK_CAP
    if rec.phone:
        yield f"p:{rec.phone}", ID_BLOCK_CAP
    for name in p.company_names:
        counts = df if df is not None else Counter[str]()
        by_rarity = sorted(name.tokens, key=lambda t: (counts[t], t))
        meaning = dict(name.senses)
        for token in by_rarity[:RARE_WORDS]:
            yield f"n:{token}", NAME_BLOCK_CAP
            for sense in sorted(meaning.get(token, ())):  # "chukou" 出口 meets "Export"
                yield f"n:{sense}", NAME_BLOCK_CAP
        for deleted in _deletions(by_rarity[0]) if by_rarity else ():
            yield f"x:{deleted}", NAME_BLOCK_CAP
        if p.city and by_rarity:  # "Bank of Changsha" is "bank" in Changsha: 长沙银行, read "bank"
            yield f"c:{p.city}:{by_rarity[0]}", NAME_BLOCK_CAP
        if name.script == "latin":
            yield from _joined_keys(name)
        if initials := _initials(name):  # "ICBC" meets "Industrial and Commercial Bank of China"
            yield f"a:{initials}", NAME_BLOCK_CAP
        for gram in name.pinyin:
            if name.script == "latin" or len(gram) >= 4:
                yield f"y:{gram}", NAME_BLOCK_CAP


def _initials(name: CompanyName) -> str | None:
    """A one-word name as written, or the initials of a name's words or Chinese syllables, when
    they could be an acronym (2 to ``ACRONYM_MAX`` letters)."""
    if name.script == "zh":
        units: tuple[str, ...] = syllables(name.core)
    elif " " not in name.core:
        return name.core if 2 <= len(name.core) <= ACRONYM_MAX and name.core.isalpha() else None
    else:
        units = tuple(name.core.split())
    return "".join(u[0] for u in units) if 2 <= len(units) <= ACRONYM_MAX else None


def _joined_keys(name: CompanyName) -> Iterator[tuple[str, int]]:
    """A Latin name as one word, so that names written with and without spaces meet."""
    joined = name.core.replace(" ", "")
    yield f"j:{joined}", NAME_BLOCK_CAP
    if name.flat != joined and len(name.flat) >= JOINED_SLIP_MIN:  # "firstfinancialbancorp"
        yield f"j:{name.flat}", NAME_BLOCK_CAP
    if JOINED_SLIP_MIN <= len(joined) <= JOINED_SLIP_MAX:  # "hoemdepot" meets "Home Depot"
        for deleted in _deletions(joined):
            yield f"jx:{deleted}", NAME_BLOCK_CAP
    for form in WRITTEN_FORMS:  # "dowchemicalcompany" meets "Dow Chemical Co."
        if " " not in name.core and name.core.endswith(form) and len(name.core) > len(form) + 3:
            yield f"j:{name.core[: -len(form)]}", NAME_BLOCK_CAP


def person_keys(p: Prepared) -> Iterator[tuple[str, int]]:
    rec = p.rec
    if rec.email:
        yield f"e:{rec.email}", ID_BLOCK_CAP
    if rec.phone:
        yield f"p:{rec.phone}", ID_BLOCK_CAP
    for key in p.person_keys:
        yield f"k:{key}", ID_BLOCK_CAP
        if rec.company_key:
            for token in key.split():
                yield f"c:{rec.company_key}:{token}", NAME_BLOCK_CAP
    yield from _identity_keys(p)


def _identity_keys(p: Prepared) -> Iterator[tuple[str, int]]:
    """A birth date or external id, each whole and (if long enough) with a character left
    out (a typo in one of them still meets its copy), the street number with the street's
    sound or the postcode, and the name's sound (Soundex, so "matson" meets "matosn" and
    "mathson"), whole and each word with the birth year or postcode."""
    rec = p.rec
    born = rec.birth_date.strftime("%Y%m%d") if rec.birth_date else None
    # not a postcode alone: everyone of a district would meet everyone else (quadratic in density)
    # a birth date less a digit is shared by many dates: only with the name's initials
    initials = "".join(sorted({w[0] for key in p.person_keys for w in key.split() if w}))
    for tag, value in (("b", born), ("i", rec.external_id)):
        code = "".join(ch for ch in (value or "").lower() if ch.isalnum())
        if len(code) >= 3:
            yield f"{tag}:{code}", ID_BLOCK_CAP
        if len(code) >= 6:  # a shorter code less a character is shared by too many
            for i in range(len(code)):
                yield f"{tag}~{code[:i] + code[i + 1 :]}{':' + initials if tag == 'b' else ''}", ID_BLOCK_CAP
    street = [w for w in (rec.address or "").lower().replace(",", " ").split() if w.isalnum()]
    number = next((w for w in street if w.isdigit()), None)
    named = [w for w in street if w.isalpha() and w.isascii()]
    if number and named:  # "7 wallaby place" meets "7 walaby pl"
        yield f"a:{number}:{jellyfish.soundex(named[0])}", NAME_BLOCK_CAP
        if rec.postcode:
            yield f"az:{number}:{rec.postcode}", NAME_BLOCK_CAP
    for key in p.person_keys:
        words = [w for w in key.split() if w.isascii() and w.isalpha()]
        sounds = sorted(jellyfish.soundex(w) for w in words)
        if len(sounds) >= 2:
            yield f"s:{' '.join(sounds)}", NAME_BLOCK_CAP
        for sound in sounds:
            if rec.birth_date:
                yield f"sy:{sound}:{rec.birth_date.year}", NAME_BLOCK_CAP
            if rec.postcode:
                yield f"sz:{sound}:{rec.postcode}", NAME_BLOCK_CAP


def _order(p: Prepared) -> str:
    """Where a record sorts within a block: duplicates, written alike, sort next to each other."""
    if p.company_names:
        name = p.company_names[0]
        return name.flat or name.core
    return p.person_keys[0] if p.person_keys else ""


def candidate_pairs(prepared: Sequence[Prepared]) -> list[tuple[int, int]]:
    """Sorted, de-duplicated index pairs (i < j) that share at least one usable block.

    An identifier's block gives all its pairs, and so does a small block. A larger name
    block (more than ``WINDOW`` records share a word, a sound, a name or a birth date)
    gives each record's ``WINDOW`` nearest in name order (the sorted-neighbourhood method
    within the block): name blocks grow with the market, and all their pairs would grow
    with its square, while a window keeps the pairs linear."""
    blocks: dict[str, list[int]] = defaultdict(list)
    caps: dict[str, int] = {}
    df: Counter[str] = Counter(t for p in prepared for name in p.company_names for t in name.tokens)
    for p in prepared:
        keys = company_keys(p, df) if p.rec.kind == "Company" else person_keys(p)
        for key, cap in dict.fromkeys(keys):
            blocks[key].append(p.idx)
            caps[key] = cap
    order = [_order(p) for p in prepared]
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if len(members) < 2 or len(members) > caps[key]:
            continue
        window = len(members) if key[:2] in IDENTIFIERS else WINDOW
        ranked = sorted(members, key=lambda i: (order[i], i))
        for x, i in enumerate(ranked):
            for j in ranked[x + 1 : x + 1 + window]:
                pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)
