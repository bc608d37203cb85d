"""A person's other name in brackets: "陈立峰（Frank）", "Kevin Zhao（赵凯）", "Linda Wu (吴琳)",
or right beside it: "邵凯 Kevin", "罗薇 / Vivian", "Amy 施佳".

Chinese notes give a colleague's English name beside the Chinese one, either way round. Both
are one person, named by the Chinese name (the fuller in the notes' convention); the English
name written alone elsewhere in the note ("还是汇报给Frank") is that person too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.normalize.text import fold, has_cjk

from ._given_names import gender_of
from ._nlp import PERSON_REF

_LATIN = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?"
_AFTER = re.compile(rf"\s?[（(]\s?({_LATIN})\s?[）)]")
_BEFORE = re.compile(rf"({_LATIN})\s?[（(]\s?$")
_CLOSE = re.compile(r"\s?[）)]")
#: an English given name right beside the Chinese one, a space or a slash between
_NEXT_AFTER = re.compile(r"[ \t]?(?:[/／|][ \t]?)?([A-Z][a-z]{2,11})(?![A-Za-z])")
_NEXT_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z][a-z]{2,11})[ \t]?(?:[/／|][ \t]?)?$")

Span3 = tuple[int, int, str]  # start, end, the folded Chinese name it stands for


def bracket_aliases(text: str, people: list[tuple[int, int, str]]) -> Iterator[Span3]:
    """(start, end, owner) of each English name that is the Chinese person's of ``people``
    ((start, end, key) of the Chinese names found): beside it in brackets, and alone elsewhere."""
    aliases: dict[str, str] = {}
    beside_owner: set[int] = set()  # where an alias stands beside its name: part of that mention
    for a, b, key in people:
        before = _BEFORE.search(text, max(0, a - 30), a)
        if before is not None and _CLOSE.match(text, b):
            aliases.setdefault(before.group(1), key)
        after = _AFTER.match(text, b)
        if after is not None:
            aliases.setdefault(after.group(1), key)
        for beside in (_NEXT_AFTER.match(text, b), _NEXT_BEFORE.search(text, max(0, a - 16), a)):
            if beside is not None and gender_of(beside.group(1)):
                aliases.setdefault(beside.group(1), key)
                beside_owner.add(beside.start(1))
    for alias, key in sorted(aliases.items()):
        for m in re.finditer(rf"(?<![A-Za-z]){re.escape(alias)}(?![A-Za-z])", text):
            inside = re.search(r"[（(]\s?$", text[max(0, m.start() - 2) : m.start()])
            if inside is None and m.start() not in beside_owner:
                yield m.start(), m.end(), key


def chinese_people(people: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str]]:
    """(start, end, key) of the Chinese full names among (start, end, text, key) person mentions."""
    return [
        (a, b, key or fold(t))
        for a, b, t, key in people
        if has_cjk(t) and 2 <= len(t) <= 4 and key != PERSON_REF
    ]
