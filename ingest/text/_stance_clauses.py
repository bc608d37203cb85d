"""Where a person's clause ends in a sentence that names several people: at the next person,
except one inside the aside right after them or the same person named again, and at the close of
an aside that names them inside another's. The stance a clause states is its person's."""

from __future__ import annotations

import re

_ASIDE_AFTER = re.compile(r"[^，,。；;:：()（）«»\n]{0,12}[(（]")  # "钱伟处长（…", "Priya (…"
_ASIDE_SHUT = re.compile(r"[)）]")


def _aside(skeleton: str, after: int) -> tuple[int, int] | None:
    """The bracketed aside right after a person's mark (and title) ending at ``after``, if any."""
    opened = _ASIDE_AFTER.match(skeleton, after)
    if opened is None:
        return None
    shut = _ASIDE_SHUT.search(skeleton, opened.end())
    return opened.end() - 1, shut.start() if shut else len(skeleton)


def clause_end_of(skeleton: str, marks: list[tuple[int, int, str]], i: int) -> int:
    """Where the clause of person ``i`` of ``marks`` (start, end, person) ends: at the next person's
    mark, except one inside the aside right after them ("吴佳怡（冯老师带的，…）…好用多了" is
    吴佳怡's) and their own again ("Aurelio liked what he saw"); and at the close of the aside
    they are named in when it is another person's ("（冯老师带的，…）" is all of 冯老师's;
    "钱伟处长（预算他批）嫌我们太贵" all 钱伟's)."""
    start, end, person = marks[i]
    for j in range(i - 1, -1, -1):
        aside = _aside(skeleton, marks[j][1])
        if aside is not None and aside[0] < start < aside[1]:
            if marks[j][2] != person:
                return min([aside[1], *(m[0] for m in marks[i + 1 :])])
            break
    aside = _aside(skeleton, end)
    skip = aside[1] if aside is not None else end
    return next((m[0] for m in marks[i + 1 :] if m[0] > skip and m[2] != person), len(skeleton))
