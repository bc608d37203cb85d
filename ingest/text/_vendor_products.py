"""The product a note means when, having named it, it goes on by its vendor's name.

"SAP PM stays for the finance orders; our SAP maintenance contract runs until 31.12.2027": the
install is SAP PM's, ending in 2027, not a second install of SAP. The vendor's install folds into
the product's, with the contract end the vendor's sentence gave, unless that sentence names a
kind of product of its own ("HIS是创业慧康的，电子病历用的是慧康电子病历": two installs). A vendor
named with no product of it in the note stays the vendor ("PACS用的是东软的").
"""

from __future__ import annotations

import re

from ingest.normalize.text import fold

from ._facts import Extraction, Fact
from ._gazetteer import Gazetteer

_INSTALLS = ("USES", "EVALUATING")


def products_for_vendors(out: Extraction, gz: Gazetteer, text: str) -> None:
    """Fold, in ``out``, installs of a vendor into the install of its product the note states."""
    kept: list[Fact] = []
    for f in out.facts:
        products = gz.products_of.get(f.object[1], []) if f.relation in _INSTALLS else []
        if not products:
            kept.append(f)
            continue
        stated = [
            g
            for g in out.facts
            if g.relation == f.relation and g.subject[1] == f.subject[1] and g.object[1] in products
        ]
        sentence = fold(text[f.start : f.end])
        named = {k for k in set(gz.kind_of.values()) if _names_kind(sentence, k)}
        targets = {g.object[1] for g in stated}
        # "HIS是创业慧康的，电子病历用的是慧康电子病历": a kind of its own, another install
        if len(targets) == 1 and (not named or gz.kind_of.get(next(iter(targets)), "") in named):
            for g in stated:  # "SAP PM stays …; our SAP maintenance contract runs until 31.12.2027"
                if "contract_end" in f.props:
                    g.props.setdefault("contract_end", f.props["contract_end"])
            continue
        kept.append(f)
    out.facts = kept


def _names_kind(sentence: str, kind: str) -> bool:
    """The kind as a word of its own ("pm" is not in "pmo"); Chinese has no spaces to keep."""
    return re.search(rf"(?<![a-z0-9]){re.escape(kind)}(?![a-z0-9])", sentence) is not None
