"""A topic written in other forms or another order of its words: "yield maps" for yield mapping,
"integrate with their HR system" for system integration, "3-way match" for three-way match,
"回单电子化" for 电子回单, "样本全流程追溯" for 样本追溯.

An English topic name of two content words or more is found where all its words stand, stemmed
(Snowball's English stemmer: integration, integrate and integrating are one stem), within a
few words of each other and inside one clause, in any order. A Chinese one of two words or more
(jieba's segmentation; words of one character say too little) likewise, within a few characters.
A name of three words or more is also found with one word between its first and its last left
out, the others in order and next to each other, where no other name holds them ("AD/SB tracking").
The span from the first word to the last is the mention; every other mention wins an overlap
(``_mentions``), so a name the gazetteer spells out is never read this way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from ingest.normalize.segmenter import stock_segmenter
from ingest.normalize.text import has_cjk

#: words a topic's name holds that say nothing of which topic it is
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with", "by", "at", "from", "into",
     "via", "per", "its", "their", "our", "your", "vs", "it", "them", "this", "that", "these", "those"}
)  # fmt: skip
_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "single": "1"}
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][a-z]+)?")
_CLAUSE_BREAK = re.compile(r"[.;:!?\n|()\[\]]|\s[-–—]\s|\b(?:but|although|whereas)\b", re.I)
ZH_SLACK = 4  # characters a Chinese span may hold beyond the topic's words ("样本全流程追溯")
_ZH_CLAUSE_BREAK = re.compile(r"[，,。；;！!？?：:\n（）()、]")
SLACK = 2  # content words the span may hold beyond the topic's own ("integrate with their HR system")
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    w = word.lower().replace("’", "'").removesuffix("'s")
    return _NUMBERS.get(w) or _STEMMER.stemWord(w)


def topic_stems(name: str) -> frozenset[str]:
    """The stems of a topic name's content words ("yield mapping": yield, map); a hyphenated word
    is its parts ("three-way match": 3, way, match)."""
    return frozenset(_stem(w) for w in _WORD.findall(name) if w.lower() not in _FUNCTION_WORDS)


@dataclass(frozen=True)
class TopicStems:
    """The English topic names of one gazetteer by their stems: for each stem, the (stems,
    surface) of the names holding it, longest names first."""

    by_stem: dict[str, tuple[tuple[frozenset[str], str], ...]]
    zh_words: tuple[tuple[tuple[str, ...], str], ...] = ()
    #: a name of three content words or more written with one between the first and the last left
    #: out ("AD/SB tracking" for AD/SB compliance tracking): the stems left, in their order and
    #: next to each other, where no other name holds them all
    shortened: dict[tuple[str, ...], str] = field(default_factory=dict)

    @classmethod
    def of(cls, surfaces: dict[str, str]) -> TopicStems:
        """``surfaces``: folded surface -> spelling, of the topic names to find."""
        names: dict[frozenset[str], str] = {}
        for surface, spelling in sorted(surfaces.items()):
            stems = topic_stems(spelling)
            if spelling.isascii() and len(stems) >= 2:
                names.setdefault(stems, surface)
        by_stem: dict[str, list[tuple[frozenset[str], str]]] = {}
        for stems, surface in sorted(names.items(), key=lambda x: (-len(x[0]), x[1])):
            for stem in sorted(stems):
                by_stem.setdefault(stem, []).append((stems, surface))
        holders: dict[tuple[str, ...], list[frozenset[str]]] = {}
        for surface in names.values():
            # a word between the first and the last: the first says which kind it is ("task cards"
            # are not mobile task cards), the last what it is ("wireless sensors" are no retrofit)
            order = [_stem(w) for w in _WORD.findall(surface) if w.lower() not in _FUNCTION_WORDS]
            for k in range(1, len(order) - 1):
                if order[k] not in (order[0], order[-1]):
                    kept = (*order[:k], *order[k + 1 :])
                    holders.setdefault(kept, []).extend(o for o in names if set(kept) <= o)
        shortened = {kept: names[held[0]] for kept, held in holders.items() if len(set(held)) == 1}
        zh: dict[tuple[str, ...], str] = {}
        for surface, spelling in sorted(surfaces.items()):
            words = tuple(w for w in stock_segmenter().lcut(spelling) if len(w) >= 2)
            if has_cjk(spelling) and len(words) >= 2:
                zh.setdefault(words, surface)
        return cls(
            {stem: tuple(found) for stem, found in by_stem.items()}, tuple(sorted(zh.items())), shortened
        )

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, surface) of each topic written in ``text`` by its words' stems."""
        yield from self._find_zh(text)
        if not self.by_stem:
            return
        words = [
            (m.start(), m.end(), _stem(m.group()))
            for m in _WORD.finditer(text)
            if m.group().lower() not in _FUNCTION_WORDS
        ]
        for i, (start, _, stem) in enumerate(words):
            for stems, surface in self.by_stem.get(stem, ()):
                seen: set[str] = set()
                for _, end, s in words[i : i + len(stems) + SLACK]:
                    seen.add(s)
                    if stems <= seen:
                        if not _CLAUSE_BREAK.search(text, start, end):
                            yield start, end, surface
                        break

        lengths = sorted({len(kept) for kept in self.shortened})
        for i, (start, _, _) in enumerate(words):
            for n in lengths:
                found = self.shortened.get(tuple(s for _, _, s in words[i : i + n]))
                if found is not None and not _CLAUSE_BREAK.search(text, start, words[i + n - 1][1]):
                    yield start, words[i + n - 1][1], found

    def _find_zh(self, text: str) -> Iterator[tuple[int, int, str]]:
        for words, surface in self.zh_words:
            if not all(w in text for w in words):
                continue
            reach = sum(map(len, words)) + ZH_SLACK
            for first in re.finditer(re.escape(words[0]), text):
                span = _zh_span(text, first.start(), reach, words)
                if span:
                    yield (*span, surface)
                    break


def _zh_span(text: str, anchor: int, reach: int, words: tuple[str, ...]) -> tuple[int, int] | None:
    """The span around the first word at ``anchor`` holding every word, each where it stands
    nearest the anchor ("新建冷链仓…冷链仓要上温控": the second 冷链 with its 温控), inside one
    clause and no longer than the words and ``ZH_SLACK`` characters."""
    at = [anchor]
    for w in words[1:]:
        lo = max(0, anchor - reach)
        near = [lo + m.start() for m in re.finditer(re.escape(w), text[lo : anchor + reach + len(w)])]
        if not near:
            return None
        at.append(min(near, key=lambda a: abs(a - anchor)))
    start, stop = min(at), max(a + len(w) for a, w in zip(at, words, strict=True))
    if stop - start > sum(map(len, words)) + ZH_SLACK or _ZH_CLAUSE_BREAK.search(text, start, stop):
        return None
    return start, stop
