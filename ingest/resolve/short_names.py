"""Whether a Chinese name is the short form of a legal name: 温氏股份 of 温氏食品集团股份有限公司,
洋河 of 江苏洋河酒厂股份有限公司, 东方雨虹 of 北京东方雨虹防水技术股份有限公司.

A Chinese firm's short name (its 简称) is its legal name less the legal form, the place and the
words of its trade; its brand stays, as a run of the legal name's characters. So the short name
states no legal form, the legal name states one, the short name is a run of the legal name that
holds a brand (not only glossary words), and what the legal name adds is only a province or
words the glossary or the dictionary know. That is the same shape as a brand's other firm
(比亚迪 / 比亚迪电子（国际）有限公司), so it scores ``SHORT_FORM``: review on its own, a merge with one
more piece of evidence; where the brand has several firms, the short name scores alike against
each and stays in review.

English names are left out: a brand alone against a legal name with trade words added
("Principal" / "Principal Financial Group, Inc.") names another firm of the brand too often.
"""

from __future__ import annotations

from ingest.normalize.cities import province_offsets
from ingest.normalize.dictionary_senses import sense_pieces
from ingest.normalize.glossary import glossary_terms
from ingest.normalize.pinyin import syllables

from .features import CompanyName

SHORT_FORM = 0.82


def _no_brand_in(text: str, common: bool) -> bool:
    """Every character of ``text`` is a glossary word, a province or, with ``common``, any word the
    dictionary glosses (a brand is often one: 阳光 "sunshine", so not when asking for a brand)."""
    covered = [False] * len(text)
    spans = [(at, len(term)) for at, term in glossary_terms(text)]
    spans += [(at, len(piece)) for at, piece, _ in sense_pieces(text)] if common else []
    sounds = syllables(text)
    spans += [(at, 2) for at in province_offsets(text)]
    for at, n in spans:
        covered[at : at + n] = [True] * n
    return len(sounds) == len(text) and all(covered)


def _zh_short_form(short: CompanyName, long: CompanyName) -> bool:
    brand, legal = short.core.replace(" ", ""), long.core.replace(" ", "")
    if len(brand) < 2 or brand == legal or brand not in legal:
        return False
    before, _, after = legal.partition(brand)
    return not _no_brand_in(brand, common=False) and all(
        _no_brand_in(part, common=True) for part in (before, after) if part
    )


def short_form(short: CompanyName, long: CompanyName) -> bool:
    """``short`` is the short name of the legal name ``long`` (see the module's docstring)."""
    if short.script != "zh" or long.script != "zh" or short.share_form is not None or long.share_form is None:
        return False
    return _zh_short_form(short, long)
