"""The names a company is written by: its name less the legal form and city, brand and trade
("优购供应链" of 优购供应链管理有限公司), an English rendering of a Chinese-only name, and the
conventional short forms of hospitals ("市三院", "Wuhan No.3 Hosp.")."""

from __future__ import annotations

import re

from ingest.normalize import company_name_key
from ingest.normalize.cities import lookup_city
from ingest.normalize.company import LEGAL_EN, company_name_core
from ingest.normalize.glossary import english_rendering
from ingest.normalize.segmenter import stock_segmenter
from ingest.normalize.text import has_cjk

_ORD_ZH = "一二三四五六七八九"


def _brand_and_trade(core: str) -> set[str]:
    """The short forms of a long Chinese name's core: its first four characters ("华鑫精密"),
    and its leading words up to six characters where four would end inside a word ("优购供应链"
    of 优购供应链管理: notes write "优购供应链副总裁", not 优购供应 and a title 链副总裁)."""
    words = stock_segmenter().lcut(core, HMM=False)
    ends = [len("".join(words[: i + 1])) for i in range(len(words))]
    out = {core[:4]}
    if 4 not in ends:
        out |= {core[:n] for n in ends if 4 < n <= 6 and n < len(core)}
    return out


def company_variants(name: str, market: bool = False) -> set[str]:
    """The name plus its short forms: no legal form, no city, brand + trade, hospital abbreviations.

    ``market`` companies (competitors, suppliers) are also named by their brand alone.
    """
    out = {name}
    key = company_name_key(name)
    core = company_name_core(name).core
    if has_cjk(name):
        out |= {key.replace(" ", ""), core.replace(" ", "")}
        c = core.replace(" ", "")
        out |= _latin_renderings(name)
        if len(c) > 4 and not c.startswith("第") and not c.endswith("人民医院"):
            out |= _brand_and_trade(c)
            if market:
                out.add(c[:2])
        out |= _hospital_abbreviations(key.replace(" ", ""))
        return {v for v in out if len(v) >= 2}
    words = re.sub(r"[,()]", " ", name).split()
    plain = [w for w in words if w.lower().strip(".") not in LEGAL_EN]
    out.add(" ".join(plain))
    core_words = core.split()
    if core_words:
        titled = [w for w in plain if w.lower() in core_words or w.lower().rstrip(".") in core_words]
        out.add(" ".join(titled))
        if len(titled) > 2:
            out.add(" ".join(titled[:2]))
        if titled and (market or len(titled[0]) >= 5):
            out.add(titled[0])  # the brand alone ("Griffin"); shared brands are dropped as ambiguous
        if titled and titled[-1].lower() == "hospital":
            out.add(" ".join([*titled[:-1], "Hosp."]))
    for pattern, short in _EN_HOSPITAL:
        m = re.fullmatch(pattern, name)
        if m:
            n = _ORD_EN.get(m.groupdict().get("o") or "", "")
            out.add(short.format(n=n, **{k: v for k, v in m.groupdict().items() if k != "o"}))
    m = re.match(r"The (\w+) Affiliated Hospital of (.+) Medical University", name)
    if m:
        nth = _ORD_EN.get(m.group(1), "")
        if nth == "1":
            out.add(f"{m.group(2)} Med. Univ. 1st Affil. Hosp.")
        elif nth:
            out.add(f"{m.group(2)} Med. Univ. Affil. Hosp. {nth}")
    return {v for v in out if len(v) >= 3 and not GENERIC_WORDS.issuperset(v.lower().split())}


#: words too common to name a company, or a product, on their own
GENERIC_WORDS = frozenset(
    {"hospital", "hosp.", "people's", "district", "affiliated", "medical", "university", "the",
     "maternal", "child", "health", "no.", "clinic", "laboratory", "group",
     # words and places a note uses on their own ("quote the software only", "our China team")
     "software", "systems", "solutions", "technology", "technologies", "digital", "data", "cloud",
     "energy", "industries", "industrial", "services", "holdings", "capital", "partners", "logistics",
     "consulting", "network", "networks", "electronics", "international", "global", "national",
     "china", "chinese", "america", "american", "europe", "european", "asia", "pacific", "general",
     "united", "first", "new", "city", "bank", "insurance", "pharma", "retail", "motors"}
)  # fmt: skip
_ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth")
_ORD_EN = {w: str(i) for i, w in enumerate(_ORDINALS, 1)}
# Hospital names have conventional short forms ("Wuhan No.3 Hosp.", "市三院", "MCH Hosp.").
_EN_HOSPITAL = (
    (r"(?P<c>[\w' ]+?) (?P<o>\w+) People's Hospital", "{c} No.{n} Hosp."),
    (r"[\w' ]+? (?P<d>[\w ]+?) District People's Hospital", "{d} People's Hosp."),
    (r"(?P<c>[\w' ]+?) Maternal and Child Health Hospital", "{c} MCH Hosp."),
    (r"(?P<c>[\w' ]+?) Hospital of Traditional Chinese Medicine", "{c} TCM Hosp."),
    (
        r"[\w' ]+? (?P<b>\w+) (?P<w>Stomatological|Eye|Orthopedic|Women's|Children's|Cancer|Rehabilitation)"
        r" Hospital",
        "{b} {w} Hosp.",
    ),
)


def _latin_renderings(name: str) -> set[str]:
    """How an English note spells a Chinese-only name: "和越制药" -> "Heyue Pharmaceutical"."""
    core = company_name_core(name)
    text = english_rendering(core.core)
    if not text or has_cjk(text) or text[0].isdigit():
        return set()
    words = [w.capitalize() for w in text.replace("peoples", "people's").split()]
    out = {" ".join(words)}
    if core.cities:
        out.add(" ".join([core.cities[0], *words]))
    if words[-1] == "Hospital":
        short = [w for w in words[:-1] if w != "District"]
        out.add(" ".join([*short, "Hosp."]))
    return out


def _hospital_abbreviations(key: str) -> set[str]:
    out: set[str] = set()
    m = re.match(r"(.+?)医科大学附属第(.)医院", key)
    if m:
        out.add(f"{m.group(1)}医附{m.group(2)}院")
    m = re.fullmatch(r"(.+?)市?第(.)人民医院", key)
    if m:
        city, n = m.groups()
        out |= {f"{city}市{n}院", f"{city}{n}院"}
        en = lookup_city(city)
        if en and n in _ORD_ZH:
            out.add(f"{en.name} No.{_ORD_ZH.index(n) + 1} Hosp.")
    m = re.fullmatch(r"(.+?市)?([^市]+区)人民医院", key)
    if m:
        out.add(f"{m.group(2)}人民医院")
    m = re.fullmatch(r"(.+?)市?(中医医院|妇幼保健院)", key)
    if m:
        out.add(m.group(1) + m.group(2)[:2])
    return out
