"""Whether a romanised name spells a Chinese name whole: "Beijing Shougang" and 北京首钢, "Qingdao
Port" and 青岛港国际, "China Mengniu Dairy" and 中国蒙牛乳业.

The pinyin bridge (``names.bridge``) sees only the romanised brand, so 永鑫自动化 and "Yongxin
Circuit" meet as well as the right pair, and it is capped below a merge. Here every word of both
names must be accounted for: each Chinese character is spelt by a romanised word of the other
name, or is a glossary word whose English the other name writes, or a dictionary word one of
whose senses it writes (``dictionary_senses``: 钴业 "Cobalt"), or says only scope or place
(中国, 国际, a province); and each word of the romanised name is one of those spellings, or such an
English word, or a scope word or province. Only then do the names say the same thing, and the
pair may merge with one more piece of evidence (the same city).
"""

from __future__ import annotations

from ingest.normalize.cities import PROVINCES_LATIN, province_offsets
from ingest.normalize.dictionary_senses import sense_pieces
from ingest.normalize.glossary import GLOSSARY, SAME_MEANING, glossary_terms, singular
from ingest.normalize.pinyin import pinyin_split, syllable_choices
from ingest.normalize.text import is_cjk_char

from .features import NOT_PINYIN, SCOPE_WORDS, CompanyName

RUN = 3  # a brand written a syllable a word ("Ping An", "Jiao Tong") is read up to this many words


def _sense(word: str) -> str:
    return singular(SAME_MEANING.get(word, word))


def _optional_latin(word: str) -> bool:
    return word in SCOPE_WORDS or word in PROVINCES_LATIN


def _spellings(words: list[str]) -> list[tuple[int, int, str]]:
    """Runs of the romanised name's words that may be pinyin, as (first, end, letters): a word of
    two syllables or more ("shougang"), or adjacent words of one syllable each ("ping an")."""
    runs = []
    for i, word in enumerate(words):
        parts = pinyin_split(word)
        if parts and len(parts) >= 2 and len(word) >= 4 and word not in NOT_PINYIN:
            runs.append((i, i + 1, word))
        for k in range(2, RUN + 1):
            run = words[i : i + k]
            if len(run) == k and all(len(pinyin_split(w) or ()) == 1 for w in run):
                runs.append((i, i + k, "".join(run)))
    return runs


def _spelt_at(sounds: tuple[tuple[str, ...], ...], letters: str) -> list[int]:
    """The offsets of the first run of characters whose readings spell ``letters``, or none."""
    for start in range(len(sounds)):
        spelt = {""}
        for end in range(start, len(sounds)):
            spelt = {s + r for s in spelt for r in sounds[end] if letters.startswith(s + r)}
            if letters in spelt:
                return list(range(start, end + 1))
            if not spelt:
                break
    return []


def spelt_whole(latin: CompanyName, zh: CompanyName) -> bool:
    """Every word of both names is accounted for, and a romanised word spells part of the Chinese."""
    text = zh.core.replace(" ", "")
    sounds = syllable_choices(text)
    words = latin.core.split()
    if not words or not text or len(sounds) != len(text) or not all(is_cjk_char(c) for c in text):
        return False
    covered = [False] * len(text)
    used = [_optional_latin(w) for w in words]
    spelt = False
    for first, end, letters in _spellings(words):
        at = _spelt_at(sounds, letters)
        if at:
            spelt = True
            for i in at:
                covered[i] = True
            used[first:end] = [True] * (end - first)
    position = {_sense(w): i for i, w in enumerate(words)}
    for start, term in glossary_terms(text):
        english = [_sense(w) for w in GLOSSARY[term].split()]
        optional = all(w in SCOPE_WORDS for w in english)
        if optional or all(w in position for w in english):
            covered[start : start + len(term)] = [True] * len(term)
            for w in english:
                if w in position:
                    used[position[w]] = True
    for start, piece, senses in sense_pieces(text):  # 存储 for "Memory", 钴业 for "Cobalt"
        meant = [i for i, w in enumerate(words) if w in senses or _sense(w) in senses]
        if meant:
            covered[start : start + len(piece)] = [True] * len(piece)
            used[meant[0]] = True
    for start in province_offsets(text):  # a province the romanised name leaves out
        covered[start : start + 2] = [True, True]
    return spelt and all(covered) and all(used)
