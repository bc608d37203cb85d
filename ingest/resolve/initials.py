"""Names written as initials: "ICBC" of Industrial and Commercial Bank of China, "JD" of 京东's
syllables, "CNAHC" of China National Aviation Holding Corporation Limited as written."""

from __future__ import annotations

from functools import lru_cache

from ingest.normalize.legal_forms import form_tokens, strip_legal_forms
from ingest.normalize.pinyin import pinyin_split, syllables

from .features import CompanyName

ACRONYM_MAX = 6  # a name of initials ("ICBC") weighs as much as a bridged one: review, or merge with more
# Four initials or more that spell a name's words are rarely chance: with the same city they merge.
LONG_ACRONYM = 0.82
LONG_ACRONYM_MIN = 4


def pinyin_initials(short: str, word: str) -> bool:
    """``short`` spells the initials of the pinyin syllables of ``word``: "JD" of "jingdong"
    (京东 read in pinyin), as Chinese firms abbreviate their brand."""
    if not (2 <= len(short) <= ACRONYM_MAX // 2 + 1 < len(word)) or not short.isalpha():
        return False
    parts = pinyin_split(word) or ()
    return len(parts) == len(short) and "".join(p[0] for p in parts) == short


def acronym(short: CompanyName, long: CompanyName) -> bool:
    """``short`` is one word of the initials of ``long``'s words ("ICBC", "CMB") or of a Chinese
    name's syllables ("JD" for 京东)."""
    word = short.core
    if short.script != "latin" or not 2 <= len(word) <= ACRONYM_MAX:
        return False
    if not (word.isalpha() and word.isascii()):
        return False
    units = syllables(long.core) if long.script == "zh" else tuple(long.core.split())
    if len(units) == len(word) and "".join(u[0] for u in units) == word:
        return True
    return long.script == "latin" and not long.reading and _initials_as_written(word, long.raw)


_JOINERS = frozenset({"of", "and", "the", "&"})


def _initials_as_written(word: str, raw: str) -> bool:
    """``word`` spells the initials of the name as written, its legal form's words included or
    not ("CNAHC": China National Aviation Holding Corporation Limited)."""
    if len(word) < LONG_ACRONYM_MIN:
        return False
    words = _written_words(raw)
    if not "".join(w[0] for w in words).startswith(word):
        return False
    rest = words[len(word) :]
    return not rest or strip_legal_forms(["x", *rest])[0] == ["x"]


@lru_cache(maxsize=65536)
def _written_words(raw: str) -> tuple[str, ...]:
    return tuple(w for w in form_tokens(raw) if w not in _JOINERS)
