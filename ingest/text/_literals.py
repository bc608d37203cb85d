"""The words a regular expression cannot match without: a cheap test that skips a rule early.

``required_literals(pattern)`` returns sets of lower-case strings such that every text the pattern
matches in (folded to lower case) holds one string of each set; no sets when it cannot tell. Most
rules hold a cue word ("reports", "budget", "拍板"), and most sentences hold none of a rule's cues:
``"budget" in sentence`` is far cheaper than the rule's search through every position of the
sentence. The reading is conservative: anything it does not know (a back-reference, a
conditional group) gives no requirement, and a requirement is only ever dropped, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Need = frozenset[str]  # any one of these strings occurs
_NOT_LITERAL = set("ABbDdSsWwZ")  # \b, \d, … stand for a class of characters or for nothing
_WORDS = re.compile(r"[^\W\d_]+")
# words too common to tell sentences apart: " the " is in most of them
_COMMON = frozenset(
    "a an and as at be by for in is it of on or the to was with 的 是 了 在 和 也 都 就 有".split()  # noqa: SIM905
)
KEEP = 3  # the most telling requirements of a rule are tested, most telling first


class _Unknown(Exception):
    """The pattern uses a construct this reader does not model."""


@dataclass
class _Item:
    needs: list[Need] = field(default_factory=list)  # all of them hold
    char: str | None = None  # a single literal character that is matched exactly once
    optional: bool = False


def _telling(s: str) -> int:
    """How much a string tells: its letters outside common words, a Chinese character each."""
    out = 0
    for word in _WORDS.findall(s):
        if word.isascii() or not any("\u4e00" <= c <= "\u9fff" for c in word):
            out += 0 if word in _COMMON else len(word)
        else:
            out += sum(c not in _COMMON for c in word)
    return out


def _score(need: Need) -> tuple[int, int]:
    return min(map(_telling, need)), -len(need)


def _either(branches: list[list[Need]]) -> list[Need]:
    """What alternatives require: one string of the best set of each."""
    if any(not b for b in branches):
        return []
    if len(branches) == 1:
        return branches[0]
    union = {s for b in branches for s in max(b, key=_score)}
    # a string that holds another adds nothing: the shorter occurs wherever the longer does
    return [frozenset(s for s in union if not any(o != s and o in s for o in union))]


class _Reader:
    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0

    def peek(self) -> str:
        return self.p[self.i : self.i + 1]

    def alternation(self) -> list[Need]:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.sequence())
        return _either(branches)

    def sequence(self) -> list[Need]:
        needs: list[Need] = []
        run = ""
        while self.i < len(self.p) and self.peek() not in "|)":
            item = self.quantified()
            if item.char is not None and not item.optional:
                run += item.char
                continue
            needs += [frozenset({run})] if run else []
            run = ""
            if not item.optional:
                needs += item.needs
        return needs + ([frozenset({run})] if run else [])

    def quantified(self) -> _Item:
        item = self.atom()
        c = self.peek()
        low: int | None = None
        if c and c in "?*+":
            self.i += 1
            low = 1 if c == "+" else 0
        elif c == "{":
            end = self.p.find("}", self.i)
            parts = self.p[self.i + 1 : end].split(",") if end > 0 else []
            if 1 <= len(parts) <= 2 and all(x.strip().isdigit() or x == "" for x in parts):
                self.i = end + 1
                low = int(parts[0] or 0)
        if low is None:
            return item
        if self.peek() in ("?", "+") and self.peek():
            self.i += 1  # lazy or possessive: the same requirement
        if low == 0:
            return _Item(optional=True)
        return _Item([frozenset({item.char})] if item.char else item.needs)  # once at least: not a run

    def atom(self) -> _Item:
        c = self.p[self.i]
        self.i += 1
        if c == "(":
            return self.group()
        if c == "[":
            self.char_class()
            return _Item()
        if c == "\\":
            return self.escape()
        if c in ".^$":
            return _Item()
        return _Item(char=c.lower())

    def group(self) -> _Item:
        zero_width = False
        if self.peek() == "?":
            head = self.p[self.i : self.i + 3]
            if head.startswith(("?=", "?!")) or head in ("?<=", "?<!"):
                zero_width = True
                self.i += 2 if head.startswith(("?=", "?!")) else 3
            elif head.startswith("?P<"):
                self.i = self.p.index(">", self.i) + 1
            elif head.startswith("?:"):
                self.i += 2
            else:
                end = self.i + 1
                while end < len(self.p) and self.p[end] in "aiLmsux-":
                    end += 1
                if end >= len(self.p) or self.p[end] != ":":
                    raise _Unknown(self.p[self.i : self.i + 4])  # (?P=name), (?(1)…), (?#…), global flags
                self.i = end + 1
        needs = self.alternation()
        if self.peek() != ")":
            raise _Unknown("unbalanced group")
        self.i += 1
        return _Item() if zero_width else _Item(needs)

    def char_class(self) -> None:
        if self.peek() == "^":
            self.i += 1
        if self.peek() == "]":
            self.i += 1
        while self.i < len(self.p) and self.p[self.i] != "]":
            self.i += 2 if self.p[self.i] == "\\" else 1
        if self.i >= len(self.p):
            raise _Unknown("unclosed class")
        self.i += 1

    def escape(self) -> _Item:
        c = self.p[self.i]
        self.i += 1
        if c in "xuU":
            self.i += {"x": 2, "u": 4, "U": 8}[c]
            return _Item()
        if c.isdigit() or c in "gN":
            raise _Unknown("\\" + c)
        if c in _NOT_LITERAL:
            return _Item()
        literal = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}.get(c, c)
        return _Item(char=literal.lower())


def required_literals(pattern: str) -> tuple[Need, ...]:
    """Sets of strings, lower-cased, every match of ``pattern`` holding one of each; the most
    telling first and at most ``KEEP`` of them; none when the pattern is beyond this reader."""
    reader = _Reader(pattern)
    try:
        needs = reader.alternation()
    except (_Unknown, IndexError, ValueError):
        return ()
    if reader.i != len(pattern):
        return ()
    kept = sorted({n for n in needs if "" not in n}, key=lambda n: (*_score(n), sorted(n)), reverse=True)
    return tuple(kept[:KEEP])
