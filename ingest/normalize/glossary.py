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

import inflection

from .pinyin import syllables
from .segmenter import stock_segmenter
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
    # business words of names across sectors: banks, insurers, carriers, utilities, industry
    "中国": "china", "中华": "china", "国家": "state", "国际": "international", "全国": "national",
    "农村商业银行": "rural commercial bank", "农商银行": "rural commercial bank",
    "农商行": "rural commercial bank",
    "商业银行": "commercial bank", "银行": "bank", "农业": "agricultural", "工商": "industrial commercial",
    "建设": "construction", "招商": "merchants", "交通": "communications", "光大": "everbright",
    "民生": "minsheng", "太平洋": "pacific", "保险": "insurance", "人寿": "life", "财产": "property",
    "再保险": "reinsurance", "证券": "securities", "信托": "trust", "基金": "fund", "期货": "futures",
    "投资": "investment", "资产管理": "asset management", "控股": "holdings", "集团": "group",
    "航空": "airlines", "东方": "eastern", "南方": "southern", "北方": "northern", "西部": "western",
    "石油化工": "petroleum chemical", "石油": "petroleum", "天然气": "natural gas", "海洋": "offshore",
    "化学": "chemical", "能源": "energy", "新能源": "new energy", "电力": "power", "电网": "grid",
    "电信": "telecommunications", "移动": "mobile", "联合": "united", "网络": "network",
    "通信": "communications", "通讯": "communications", "软件": "software", "信息": "information",
    "数据": "data", "铁路": "railway", "铁建": "railway construction", "建筑": "construction",
    "工程": "engineering", "钢铁": "iron steel", "船舶": "shipbuilding", "重工业": "heavy industries",
    "工业": "industry", "有色金属": "nonferrous metals", "矿业": "mining", "黄金": "gold", "煤炭": "coal",
    "水泥": "cement", "航运": "shipping", "海运": "shipping", "港口": "port", "机场": "airport",
    "快递": "express", "零售": "retail", "百货": "department store", "超市": "supermarket",
    "酒店": "hotels", "旅游": "tourism", "传媒": "media", "出版": "publishing", "教育": "education",
    "环保": "environmental", "光伏": "photovoltaic", "电气": "electric", "电器": "electric appliances",
    "家电": "home appliances", "智家": "smart home", "智能": "smart", "纺织": "textile", "服装": "apparel",
    "医药": "pharmaceutical", "健康": "health", "房地产": "real estate", "地产": "properties",
    "置业": "properties", "发展": "development", "开发": "development", "宝山": "baoshan",
    # more industry words of Chinese company names
    "铝业": "aluminium", "锂业": "lithium", "铜业": "copper", "钢": "steel", "稀土": "rare earth",
    "冶金": "metallurgical", "建材": "building materials", "工程机械": "construction machinery",
    "货运": "cargo", "港": "port", "邮政": "post", "人民": "peoples", "电源": "power supply",
    "生物制品": "biological products", "医疗设备": "medical equipment", "用品": "supply",
    "医学院": "medical college", "医科": "medical", "科学技术": "science technology", "科学": "science",
    "研究院": "research institute", "研究所": "research institute", "重型": "heavy", "新材": "new materials",
    "汽车集团": "automotive group", "乘用车": "passenger vehicles", "客车": "bus", "电池": "battery",
    "储能": "energy storage", "风电": "wind power", "核电": "nuclear power", "水电": "hydropower",
    "燃气": "gas", "水务": "water", "环境": "environment", "农牧": "agriculture animal husbandry",
    "种业": "seed", "酒业": "liquor", "啤酒": "brewery", "制造": "manufacturing", "装备": "equipment",
    "仪器": "instruments", "网络科技": "network technology", "互联网": "internet",
    "云计算": "cloud computing",
    "人工智能": "artificial intelligence", "集成电路": "integrated circuit", "微电子": "microelectronics",
    "信息技术": "information technology", "租赁": "leasing", "金融": "financial", "理财": "wealth management",
    "资本": "capital", "香港": "hong kong", "长江": "yangtze", "珠江": "pearl river", "黄河": "yellow river",
    # words of meaning that Chinese names share with their English ones
    "阳光": "sunshine", "长城": "great wall", "光明": "bright", "卫星": "satellite", "兴业": "industrial",
    "街": "street", "海螺": "conch", "财富": "wealth", "国泰": "guotai", "太平": "taiping",
    "省": "provincial",
}  # fmt: skip
# English words of one meaning in company names, read as one ("Air China" is China's airline)
SAME_MEANING: dict[str, str] = {
    "air": "airlines", "airline": "airlines", "airways": "airlines", "aviation": "airlines",
    "banking": "bank", "oil": "petroleum", "chemicals": "chemical", "telecom": "telecommunications",
    "telecommunication": "telecommunications", "communication": "communications",
    "technologies": "technology", "tech": "technology", "holding": "holdings", "intl": "international",
    "pharmaceuticals": "pharmaceutical", "pharma": "pharmaceutical", "steels": "steel",
    "electrical": "electric", "hotel": "hotels", "property": "properties",
    "motor": "automotive", "motors": "automotive", "auto": "automotive", "automobile": "automotive",
    "automobiles": "automotive", "orient": "eastern", "oriental": "eastern", "east": "eastern",
    "west": "western", "south": "southern", "north": "northern", "biological": "biotechnology",
    "biologics": "biotechnology",
    "biotech": "biotechnology", "bio": "biotechnology", "medicine": "pharmaceutical",
    "logistic": "logistics", "ports": "port", "people": "peoples",
    "financials": "financial", "finance": "financial", "equipments": "equipment", "supplies": "supply",
    "material": "materials", "food": "foods", "metal": "metals",
}  # fmt: skip


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A lower-case English word of a name in the singular, by the ``inflection`` package's rules
    ("industries" -> "industry", "securities" -> "security"); any other word as it is."""
    return inflection.singularize(word) if len(word) > 3 and word.isalpha() and word[-1] == "s" else word


#: the English words of the glossary: what names of a kind share, never a brand
GENERIC_WORDS = frozenset(
    w for text in (*GLOSSARY.values(), *SAME_MEANING.values()) for w in text.split()
) - {"everbright", "minsheng", "baoshan", "guotai", "taiping", "conch", "yangtze"}
_TERMS: dict[str, list[str]] = {}  # first character -> glossary terms, longest first
for _term in sorted(GLOSSARY, key=len, reverse=True):
    _TERMS.setdefault(_term[0], []).append(_term)
_NUMERALS = "一二三四五六七八九十"
# 第三, and the ordinal of a hospital's short name: 七院, 二医院, 一附院 (its first affiliated one)
_ORDINAL = re.compile(rf"第([{_NUMERALS}]{{1,3}})|([{_NUMERALS}])(医|附)?院")


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
    return f" {_number(m.group(2))} {'附属' if m.group(3) == '附' else ''}医院 "


@lru_cache(maxsize=65536)
def pinyin_alternates(text: str) -> tuple[tuple[str, str], ...]:
    """(pinyin, English) of the one-word glossary terms in ``text``: a brand often keeps a
    generic word in pinyin ("Dongfang Electric" is 东方电气, whose glossary reading is "eastern
    electric"), so a name's word may meet the reading by either."""
    s = fold(text)
    terms = [t for _, t in glossary_terms(s) if " " not in GLOSSARY[t] and len(t) > 1]
    return tuple(sorted({("".join(syllables(t)), GLOSSARY[t]) for t in terms}))


def glossary_terms(s: str) -> list[tuple[int, str]]:
    """The glossary's terms in ``s`` (folded), longest first from the left, with their offsets."""
    found, i = [], 0
    while i < len(s):
        term = next((t for t in _TERMS.get(s[i], ()) if s.startswith(t, i)), None)
        found += [(i, term)] if term else []
        i += len(term) if term else 1
    return found


def _run_words(run: str, words: bool) -> str:
    """A run of Chinese characters in pinyin: one word, or a word per dictionary word."""
    if not words:
        return "".join(syllables(run))
    pieces: list[tuple[str, bool]] = []  # (characters, a run of single characters)
    for w in stock_segmenter().lcut(run, HMM=False):
        if len(w) == 1 and pieces and pieces[-1][1]:
            pieces[-1] = (pieces[-1][0] + w, True)  # characters no word joins are one brand: 三一, 德邦
        else:
            pieces.append((w, len(w) == 1))
    return " ".join("".join(syllables(w)) for w, _ in pieces)


@lru_cache(maxsize=65536)
def english_rendering(text: str, words: bool = False) -> str:
    """Glossary words in English, ordinals as digits, everything else Chinese in pinyin (a word
    per run of characters, or with ``words`` a word per dictionary word: "农夫山泉" is
    "nongfu shanquan")."""
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
                    out.append(_run_words(run, words))
                    run = ""
                out.append(ch)
            i += 1
            continue
        if run:
            out.append(f" {_run_words(run, words)} ")
            run = ""
        out.append(f" {GLOSSARY[term]} ")
        i += len(term)
    if run:
        out.append(f" {_run_words(run, words)}")
    return " ".join("".join(out).split())
