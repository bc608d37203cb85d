"""Company name keys for matching: one spelling for "上海瑞金醫院", "RUIJIN HOSPITAL CO., LTD." etc."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .cities import city_names_latin, city_names_zh, lookup_city
from .legal_forms import form_tokens, strip_legal_forms
from .pinyin import syllables
from .text import has_cjk, is_cjk_char, nfkc
from .web import registrable_domain

# Longest first: "股份有限公司" must go before "有限公司". A short name keeps a piece of its form
# ("马钢股份", "国药控股"), as the English one keeps "Holdings".
LEGAL_ZH = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团", "控股", "股份", "公司")
LEGAL_EN = frozenset(
    {
        "inc", "incorporated", "ltd", "limited", "co", "company", "corp", "corporation", "llc", "llp", "lp",
        "gmbh", "ag", "kg", "kgaa", "se", "plc", "sa", "sarl", "srl", "spa", "bv", "nv", "pte", "pty", "pvt",
        "ug", "ohg", "mbh", "group", "holding", "holdings",
    }
)  # fmt: skip
# Abbreviations people type in short names ("Ruijin Hosp.", "Med. Univ. 1st Affil. Hosp.").
ABBREVIATIONS: dict[str, str] = {
    "hosp": "hospital", "univ": "university", "med": "medical", "affil": "affiliated",
    "intl": "international",
    "mfg": "manufacturing", "natl": "national", "tech": "technology", "dept": "department", "ctr": "center",
    "centre": "center", "labs": "laboratories", "lab": "laboratory", "tcm": "traditional chinese medicine",
    "mch": "maternal and child health", "klinik": "klinikum",
}  # fmt: skip
ORDINALS: dict[str, str] = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10", "1st": "1", "2nd": "2", "3rd": "3",
}  # fmt: skip
_ORDINAL_TH = re.compile(r"^(\d+)th$")
_STOPWORDS = frozenset({"the", "and", "of", "und", "&"})


def _latin_tokens(text: str) -> list[str]:
    out: list[str] = []
    for raw in text.split():
        tok = ABBREVIATIONS.get(raw, raw)
        tok = ORDINALS.get(tok, tok)
        m = _ORDINAL_TH.match(tok)
        if m:
            tok = m.group(1)
        if tok in LEGAL_EN or tok in _STOPWORDS or tok == "no":
            continue
        out.extend(tok.split())
    return out


def zh_share_form(name: str) -> bool | None:
    """Whether a Chinese legal name is a company limited by shares (股份有限公司), or else a
    limited liability one (有限公司, 有限责任公司, 集团有限公司); None for a name without its form
    (a short name). A group and its listed arm often differ only here: 中国石油化工集团有限公司 and
    中国石油化工股份有限公司 are two legal entities."""
    text = nfkc(name).strip().rstrip(")）").strip()
    if not text.endswith("有限公司") and not text.endswith("有限责任公司"):
        return None
    return text.endswith("股份有限公司")


def _strip_zh_legal(text: str) -> str:
    for suffix in LEGAL_ZH:
        text = text.replace(suffix, " ")
    return text


def name_as_domain(name: str) -> str | None:
    """The registrable domain of a name typed as a web address ("Chubb.com", "www.lilly.com"),
    else None: a name with a space or without a dot is a name."""
    text = name.strip()
    if " " in text or "." not in text or has_cjk(text):
        return None
    return registrable_domain(text)


@lru_cache(maxsize=65536)
def company_name_key(name: str) -> str:
    """Matching key: NFKC, simplified, case-folded, no punctuation or legal forms, single spaces.

    "上海瑞金醫院有限公司" -> "上海瑞金医院"; "Shanghai Ruijin Hospital Co., Ltd." ->
    "shanghai ruijin hospital"; "ＲＵＩＪＩＮ　ＨＯＳＰ．" -> "ruijin hospital"; "MTN
    Aktiengesellschaft" -> "mtn" (legal forms in every written form: ``legal_forms``).
    Cities stay in the key (see ``company_name_core`` for the city-free core used in scoring).
    """
    site = name_as_domain(name)
    if site:  # "texaspacific.com", "group.dentsu.com": the name is the site's
        name = site.partition(".")[0]
    raw = form_tokens(_strip_zh_legal(name))
    if raw and not any(has_cjk(t) for t in raw):
        raw = tuple(strip_legal_forms(list(raw))[0])
    tokens: list[str] = []
    for chunk in raw:
        if has_cjk(chunk):
            tokens.append(chunk)
        else:
            tokens.extend(_latin_tokens(chunk))
    # Join adjacent CJK chunks: Chinese has no word spaces, brackets only split the name.
    key: list[str] = []
    for tok in tokens:
        if key and is_cjk_char(tok[0]) and is_cjk_char(key[-1][-1]):
            key[-1] += tok
        else:
            key.append(tok)
    return " ".join(key)


class NameCore(NamedTuple):
    core: str  # key without city names
    cities: tuple[str, ...]  # canonical English names of the cities found in the name
    script: str  # "zh" when the core is Chinese, else "latin"


@lru_cache(maxsize=65536)
def company_name_core(name: str) -> NameCore:
    """The key with city names taken out, and the cities it named.

    "济南市第七人民医院" -> ("第七人民医院", ("Jinan",)); "Haijing Chemical (Jinan)" ->
    ("haijing chemical", ("Jinan",)). A source may drop the city prefix or move it into
    brackets, so names are compared without it and the city is compared separately.
    """
    key = company_name_key(name)
    found: list[str] = []
    if has_cjk(key):
        for zh in city_names_zh():
            pattern = zh + "市" if zh + "市" in key else zh
            if pattern in key:
                rest = key.replace(pattern, "", 1).strip()
                if len(rest) >= 2:
                    key = rest
                    city = lookup_city(zh)
                    if city:
                        found.append(city.name)
    words = key.split()
    for latin in city_names_latin():
        parts = latin.replace("'", "").split()
        n = len(parts)
        for i in range(len(words) - n + 1):
            if words[i : i + n] == parts and len(words) > n:
                city = lookup_city(latin)
                if city:
                    found.append(city.name)
                del words[i : i + n]
                break
    core = " ".join(words)
    return NameCore(core, tuple(dict.fromkeys(found)), "zh" if has_cjk(core) else "latin")


@lru_cache(maxsize=65536)
def company_pinyin(name: str) -> str:
    """The CJK part of a company core in toneless pinyin, no spaces: "瑞金医院" -> "ruijinyiyuan"."""
    return "".join(syllables(company_name_core(name).core))
