"""An English rendering of Chinese company names, so "瑞金医院" can meet "Ruijin Hospital".

Generic words (institution types, industries, ordinals) are translated from a small
business glossary; what is left (brands, place names) becomes pinyin, one word per
run of characters. "江南区人民医院" -> "jiangnan district peoples hospital",
"医科大学附属第三医院" -> "medical university affiliated 3 hospital", "北京市七院" (a
common short form) -> "beijing 7 hospital". Only used for matching, never for display.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .pinyin import syllables
from .text import fold, is_cjk_char

GLOSSARY: dict[str, str] = {
    # institutions
    "人民医院": "peoples hospital", "中医医院": "traditional chinese medicine hospital",
    "中医院": "traditional chinese medicine hospital", "中医": "traditional chinese medicine",
    "妇幼保健院": "maternal child health hospital", "妇幼": "maternal child health",
    "医科大学": "medical university", "医附": "medical university affiliated", "附属": "affiliated",
    "眼科医院": "eye hospital", "眼科": "eye", "口腔医院": "stomatological hospital",
    "口腔": "stomatological",
    "骨科医院": "orthopedic hospital", "骨科": "orthopedic", "医院": "hospital", "大学": "university",
    "医学检验实验室": "medical laboratory", "医学检验所": "clinical laboratory",
    "检验所": "clinical laboratory",
    "实验室": "laboratory", "诊所": "clinic", "区": "district", "医疗": "healthcare", "实业": "industrial",
    # industries
    "精密机械": "precision machinery", "精密工具": "precision tools", "精密铸造": "precision casting",
    "精密注塑": "precision molding", "精密": "precision", "机床": "machine tool", "重工": "heavy industries",
    "液压设备": "hydraulic equipment", "液压": "hydraulic", "汽车零部件": "auto parts",
    "汽车配件": "automotive components", "汽车": "automotive", "电子科技": "electronic technology",
    "电子元件": "electronic components", "电子": "electronic", "半导体": "semiconductor",
    "光电": "optoelectronics", "电路板": "circuit board", "电路": "circuit", "化工": "chemical",
    "新材料": "new materials", "涂料": "coatings", "食品": "foods", "乳业": "dairy", "饮料": "beverage",
    "制药": "pharmaceutical", "生物科技": "biotechnology", "生物": "biotechnology", "药业": "pharma",
    "不锈钢制品": "stainless steel products", "不锈钢": "stainless steel", "包装材料": "packaging materials",
    "高分子材料": "polymer materials", "医用导管": "medical tubing", "硬质合金": "cemented carbide",
    "石化": "petrochemical", "无纺布": "nonwoven fabrics", "物流": "logistics",
    "医疗器械贸易": "medical device trading", "医疗器械": "medical devices", "贸易": "trading",
    "自动化系统集成": "automation systems", "自动化": "automation", "科技": "technology", "机械": "machinery",
    "设备": "equipment", "材料": "materials", "技术": "technology",
}  # fmt: skip
_TERMS: dict[str, list[str]] = {}  # first character -> glossary terms, longest first
for _term in sorted(GLOSSARY, key=len, reverse=True):
    _TERMS.setdefault(_term[0], []).append(_term)
_NUMERALS = "一二三四五六七八九十"
_ORDINAL = re.compile(rf"第([{_NUMERALS}]{{1,3}})|([{_NUMERALS}])院")


def _number(text: str) -> str:
    if text == "十":
        return "10"
    if text.startswith("十"):
        return str(10 + _NUMERALS.index(text[1]) + 1)
    if len(text) >= 2 and text[1] == "十":
        return str(
            (_NUMERALS.index(text[0]) + 1) * 10 + (_NUMERALS.index(text[2]) + 1 if len(text) > 2 else 0)
        )
    return str(_NUMERALS.index(text[0]) + 1)


def _ordinal(m: re.Match[str]) -> str:
    if m.group(1):
        return f" {_number(m.group(1))} "
    return f" {_number(m.group(2))} 医院 "


@lru_cache(maxsize=65536)
def english_rendering(text: str) -> str:
    """Glossary words in English, ordinals as digits, everything else Chinese in pinyin."""
    s = _ORDINAL.sub(_ordinal, fold(text))
    out: list[str] = []
    run = ""
    i = 0
    while i < len(s):
        term = next((t for t in _TERMS.get(s[i], ()) if s.startswith(t, i)), None)
        if term is None:
            ch = s[i]
            if is_cjk_char(ch):
                run += ch
            else:
                if run:
                    out.append("".join(syllables(run)))
                    run = ""
                out.append(ch)
            i += 1
            continue
        if run:
            out.append("".join(syllables(run)))
            run = ""
        out.append(f" {GLOSSARY[term]} ")
        i += len(term)
    if run:
        out.append("".join(syllables(run)))
    return " ".join("".join(out).split())
