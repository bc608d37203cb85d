"""Notes that cover several accounts in turn: a line that names only an account heads a section.

A handover or territory plan writes "=== 东岳理工 ===" or "## Calder County" above what it
says of that account; the people and installs below belong to it, not to the account the note
is filed under. A forecast roll-up opens a paragraph with the account instead ("Kelvinhaugh
(upside): waiting on Court in June. Moira Kerr holds the budget."): that paragraph is the
account's.
"""

from __future__ import annotations

import bisect
import re

from ._mentions import Mention

# what decorates a heading line around the account's name
_DECOR = re.compile(r"[\s=#*_~\-–—【】\[\]（）()<>:：|•·\d.、]+")
_LABEL = re.compile(r"(?i:account|customer|prospect|client|客户|单位|项目)?")
_LEAD = re.compile(r"[ \t>*•·\-\d.、]*")
#: what follows an account opening a paragraph: a label in brackets, then a colon or a dash
_OPENS = re.compile(r"[ \t]*(?:[(（][^()（）\n]{0,30}[)）])?[ \t]*(?:[:：]|[ \t][-–—][ \t])[ \t]*\S")


def section_heads(text: str, mentions: list[Mention], buyers: set[str]) -> list[tuple[int, str]]:
    """(where each section starts, its account), in text order: lines naming one buyer and nothing else."""
    out: list[tuple[int, str]] = []
    for m in mentions:
        if m.label != "ORG" or m.node_id not in buyers:
            continue
        start = text.rfind("\n", 0, m.start) + 1
        end = text.find("\n", m.end)
        end = len(text) if end < 0 else end
        rest = _DECOR.sub("", text[start : m.start] + text[m.end : end])
        if _LABEL.fullmatch(rest) and (not out or out[-1][0] != end):
            out.append((end, m.node_id))
        elif _LEAD.fullmatch(text, start, m.start) and _OPENS.match(text, m.end):
            para = text.find("\n\n", m.end)
            out += [(m.start, m.node_id), (len(text) if para < 0 else para, "")]
    return sorted(out)


def section_account(heads: list[tuple[int, str]], at: int) -> str:
    """The account of the section the offset ``at`` lies in, or "" before the first heading."""
    i = bisect.bisect_right([h[0] for h in heads], at)
    return heads[i - 1][1] if i else ""
