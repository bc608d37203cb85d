"""A contract's end stated in a sentence of its own, after the install it belongs to.

"Pallamax runs Tallgrass Time and Tallgrass Shift across six DCs. The current contract runs
through FY27." and "Core HR is on SuccessFactors. Renewal is due 30 June 2027." date the
installs of the sentence before: a sentence that speaks of a contract and names no product or
vendor of its own continues the nearest sentence before it, in the same paragraph, that stated
installs, and gives its end to those it left undated.
"""

from __future__ import annotations

import re

from ._contract_dates import contract_end
from ._facts import Extraction, Fact
from ._mentions import Mention

#: how many sentences back the installs may be
_REACH = 2
_CONTRACT = {
    "en": re.compile(r"\b(?:contract|renewal|renews?|subscription|licen[cs]e|term|agreement)\b", re.I),
    "zh": re.compile(r"(?<!劳动)合同|续约|续签|续费|续订|维保|服务期|协议"),
}
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def carry_contract_ends(out: Extraction, text: str, lang: str, market: set[str]) -> None:
    """Give the undated installs of a sentence the end a later contract sentence states."""
    uses: dict[int, list[Fact]] = {}
    for f in out.facts:
        if f.relation == "USES":
            uses.setdefault(f.start, []).append(f)
    cue = _CONTRACT["zh" if lang == "zh" else "en"]
    for i, (s0, s1, _) in enumerate(out.sentences):
        sentence = text[s0:s1]
        ments = [m for m in out.mentions if s0 <= m.start and m.end <= s1]
        if s0 in uses or not cue.search(sentence) or _names_a_thing(ments, market):
            continue
        dates = [((m.start - s0, m.end - s0), m) for m in ments if m.label == "DATE" and m.value]
        end = contract_end(sentence, dates, 0) if dates else None
        if end is None:
            continue
        for b0, b1, _ in reversed(out.sentences[max(0, i - _REACH) : i]):
            ends, begins = b0 + len(text[b0:b1].rstrip()), s0 + len(sentence) - len(sentence.lstrip())
            if _PARAGRAPH.search(text, ends, begins):  # spans may hold the line breaks between them
                break
            if b0 in uses:
                for f in uses[b0]:
                    f.props.setdefault("contract_end", end)
                break


def _names_a_thing(ments: list[Mention], market: set[str]) -> bool:
    """A product or a vendor named: the sentence's contract is that one's (cue_relations reads it)."""
    return any(m.label == "PRODUCT" or (m.label == "ORG" and m.node_id in market) for m in ments)
