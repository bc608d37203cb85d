"""Blocking: only records that share a block key are compared (no all-pairs).

Keys are identifiers (tax number, domain, phone, e-mail) and name pieces (Latin words
and each word with one letter left out, for typos; the name without spaces, for joined
words; Chinese character bigrams; pinyin runs that bridge the two scripts; for people
the whole name key). A block larger than its cap says nothing ("hospital", "医院") and is
dropped, which keeps the number of pairs near-linear in the number of records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

import jellyfish

from .features import Prepared
from .names import WRITTEN_FORMS

ID_BLOCK_CAP = 200
NAME_BLOCK_CAP = 60


def _deletions(token: str) -> list[str]:
    """The word with one letter left out, each way (symmetric-delete blocking): two words one
    slip apart ("intel" / "inetl") share one of these, so typo'd names are compared at all."""
    if len(token) < 4 or not token.isalpha() or not token.isascii():
        return []
    return sorted({token[:i] + token[i + 1 :] for i in range(len(token))})


def company_keys(p: Prepared) -> Iterator[tuple[str, int]]:
    rec = p.rec
    if rec.tax_id:
        yield f"t:{rec.tax_id}", ID_BLOCK_CAP
    if p.domain:
        yield f"d:{p.domain}", ID_BLOCK_CAP
    if rec.phone:
        yield f"p:{rec.phone}", ID_BLOCK_CAP
    for name in p.company_names:
        for token in name.tokens:
            yield f"n:{token}", NAME_BLOCK_CAP
            for deleted in _deletions(token):
                yield f"x:{deleted}", NAME_BLOCK_CAP
        if name.script == "latin":
            yield f"j:{name.core.replace(' ', '')}", NAME_BLOCK_CAP
            for form in WRITTEN_FORMS:  # "dowchemicalcompany" meets "Dow Chemical Co."
                if " " not in name.core and name.core.endswith(form) and len(name.core) > len(form) + 3:
                    yield f"j:{name.core[: -len(form)]}", NAME_BLOCK_CAP
        for gram in name.pinyin:
            if name.script == "latin" or len(gram) >= 4:
                yield f"y:{gram}", NAME_BLOCK_CAP


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
    """A birth date, postcode or external id, each whole and (if long enough) with a
    character left out (a typo in one of them still meets its copy), the street number with the street's
    sound or the postcode, and the name's sound (Soundex, so "matson" meets "matosn" and
    "mathson"), whole and each word with the birth year or postcode."""
    rec = p.rec
    born = rec.birth_date.strftime("%Y%m%d") if rec.birth_date else None
    for tag, value in (("b", born), ("z", rec.postcode), ("i", rec.external_id)):
        code = "".join(ch for ch in (value or "").lower() if ch.isalnum())
        if len(code) >= 3:
            yield f"{tag}:{code}", ID_BLOCK_CAP
        if len(code) >= 6:  # a shorter code less a character is shared by too many
            for i in range(len(code)):
                yield f"{tag}~{code[:i] + code[i + 1 :]}", ID_BLOCK_CAP
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


def candidate_pairs(prepared: Sequence[Prepared]) -> list[tuple[int, int]]:
    """Sorted, de-duplicated index pairs (i < j) that share at least one usable block."""
    blocks: dict[str, list[int]] = defaultdict(list)
    caps: dict[str, int] = {}
    for p in prepared:
        keys = company_keys(p) if p.rec.kind == "Company" else person_keys(p)
        for key, cap in dict.fromkeys(keys):
            blocks[key].append(p.idx)
            caps[key] = cap
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if len(members) < 2 or len(members) > caps[key]:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)
