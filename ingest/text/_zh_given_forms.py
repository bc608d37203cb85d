"""A Chinese colleague called by the given name alone: "另外雅琴这边要出技术评估报告" after
周雅琴 was named, or for the CRM's 周雅琴 of the account.

The two characters count only where no surname stands right before them (then they are part of a
full name, the same one or someone else's), only for a given name exactly one such person has,
and not when they are an everyday word too ("建国", "海燕" as words: jieba counts them often).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ._lexicon import ZH_SURNAMES
from ._nlp import zh_word_count

_SURNAMES = frozenset(f for f in ZH_SURNAMES if len(f) == 1)
# jieba's count at which two characters are a word first and a name second
_EVERYDAY = 50


def _cjk(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def zh_given_forms(text: str, full_names: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, full name) of each given name written alone for one person named in full."""
    owner: dict[str, str] = {}
    for full in full_names:
        if len(full) == 3 and _cjk(full) and full[0] in _SURNAMES:
            given = full[1:]
            owner[given] = "" if owner.get(given, full) != full else full
    for given, full in owner.items():
        if not full or zh_word_count(given) >= _EVERYDAY:
            continue
        at = text.find(given)
        while at >= 0:
            if at == 0 or text[at - 1] not in _SURNAMES:
                yield at, at + 2, full
            at = text.find(given, at + 2)
