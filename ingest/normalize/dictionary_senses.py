"""What the words of a Chinese name mean in English, as CC-CEDICT glosses them.

The glossary (``glossary``) holds the business words of names that are read one way; every other
word of a Chinese name is read in pinyin, which a translated English name never writes: 钴业 is
"guye" where the English says "Cobalt", 存储 "cunchu" where it says "Memory". A word's senses are
the content words of all its dictionary glosses (存储: store, stockpile, save, memory, storage),
and a reading's pinyin word meets an English word that is one of them. A lone character counts
only where its glosses are few (钴 is cobalt; 业 has a dozen senses and says nothing).
Used for matching only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .dictionary_names import cedict, dictionary_words
from .glossary import GLOSSARY, SAME_MEANING, singular
from .pinyin import syllables

_PARENS = re.compile(r"\([^)]*\)")
_NOT_A_SENSE = re.compile(r"^(CL:|see |variant of|abbr\.|surname|old |Taiwan pr\.|also pr\.|used in)")
#: words of three letters or more that say nothing of a meaning (shorter ones never count)
_STOPWORDS = frozenset(
    {"the", "and", "for", "with", "from", "one", "sth", "etc", "oneself", "someone", "something", "being",
     "are", "its"}
)  # fmt: skip
LONE_CHARACTER_GLOSSES = 3  # a single character counts with at most this many glosses


@lru_cache(maxsize=65536)
def word_senses(word: str) -> frozenset[str]:
    """The English content words of ``word``'s glosses, singular and as ``SAME_MEANING`` reads
    them ("港口": port, harbor); none for a word the dictionary lacks or a character of many senses."""
    glosses = [g for g in cedict().get(word, ()) if not _NOT_A_SENSE.match(g)]
    if len(word) == 1 and len(glosses) > LONE_CHARACTER_GLOSSES:
        return frozenset()
    words = set()
    for gloss in glosses:
        if any(ch.isupper() for ch in gloss[:1]):  # a name: dictionary_names reads those
            continue
        for raw in _PARENS.sub(" ", gloss).lower().split():
            word = raw.strip(".,;:!?'\"")
            for w in {word.replace("-", ""), *word.split("-")}:  # "non-ferrous": nonferrous, ferrous
                if len(w) >= 3 and w.isalpha() and w.isascii() and w not in _STOPWORDS:
                    words |= {singular(w), SAME_MEANING.get(w, w)}
    return frozenset(words)


@lru_cache(maxsize=65536)
def compounds(word: str) -> frozenset[str]:
    """A two-character word's characters glossed one English word each and run together, as brands
    are named in English by what their characters mean (绿地 "Greenland", 绿城 "Greentown", 金风
    "Goldwind"; 蓝帆 "bluesail", which ``names`` meets in "Blue Sail")."""
    if len(word) != 2 or word in GLOSSARY:  # 科技 is "technology", never "branchskill"
        return frozenset()
    first, second = (_one_word_glosses(ch) for ch in word)
    return frozenset(a + b for a in first for b in second)


def _one_word_glosses(ch: str) -> list[str]:
    out = []
    for gloss in cedict().get(ch, ()):
        word = _PARENS.sub(" ", gloss).strip().lower()
        if len(word) >= 3 and word.isalpha() and word.isascii() and word not in _STOPWORDS:
            out.append(word)
    return out


@lru_cache(maxsize=65536)
def sense_pieces(core: str) -> tuple[tuple[int, str, frozenset[str]], ...]:
    """The dictionary words of a Chinese name core with their offsets and senses; a run of single
    characters no word joins is one piece (三一, 钴业) and means what its characters mean."""
    text = core.replace(" ", "")
    words = dictionary_words(text)
    out: list[tuple[int, str, frozenset[str]]] = []
    run, at = "", 0
    for w in [*words, ""]:
        if len(w) == 1:
            run += w
            at += 1
            continue
        if run:
            senses = frozenset().union(compounds(run), *(word_senses(ch) for ch in run))
            out += [(at - len(run), run, senses)] if senses else []
            run = ""
        if w and (senses := word_senses(w) | compounds(w)):
            out.append((at, w, senses))
        at += len(w)
    return tuple(out)


@lru_cache(maxsize=65536)
def name_senses(core: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The pinyin of each piece of ``sense_pieces`` with its senses ("cunchu", {store, memory,
    storage ...}): what a reading of the name writes in pinyin may mean an English word."""
    return tuple(sorted({"".join(syllables(w)): senses for _, w, senses in sense_pieces(core)}.items()))
