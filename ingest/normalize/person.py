"""Person name keys: "Wang Lei", "Lei Wang", "WANG Lei", "王磊", "Dr. Wang Lei" all become "lei wang"."""

from __future__ import annotations

import re
from functools import lru_cache

from .pinyin import person_pinyin
from .text import fold, has_cjk, is_cjk_char, strip_accents

TITLES_LATIN = frozenset(
    {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "madam", "herr", "frau", "doctor",
     "md", "phd",
     "jr", "sr", "dipl", "ing"}
)  # fmt: skip
# Longest first so "女士" is not left half-stripped by a shorter entry.
TITLES_ZH = ("先生", "女士", "小姐", "博士", "教授", "医生", "老师", "太太", "夫人")


def _strip_zh_titles(text: str) -> str:
    for title in TITLES_ZH:
        if text.endswith(title) and len(text) > len(title) + 1:
            text = text[: -len(title)]
    return text


@lru_cache(maxsize=65536)
def person_name_key(name: str) -> str:
    """Order-insensitive key: NFKC, case-folded, titles stripped, Chinese names in pinyin.

    A Chinese name is turned into "family given" pinyin ("郭婷瑶" -> "guo tingyao") so it
    meets its romanised forms; then the tokens are sorted, because pinyin names appear
    in both orders. Hyphens inside a given name are dropped ("Ting-Yao" -> "tingyao").
    """
    text = strip_accents(fold(name))
    text = text.replace("-", "").replace("'", "").replace("’", "")
    text = re.sub(r"[^\w\s]", " ", text)
    cjk = "".join(ch for ch in text if is_cjk_char(ch))
    if cjk and has_cjk(text) and len(cjk) >= 2:
        family, given = person_pinyin(_strip_zh_titles(cjk))
        tokens = [t for t in (family, given) if t]
    else:
        tokens = [t for t in text.split() if t not in TITLES_LATIN]
    return " ".join(sorted(tokens))
