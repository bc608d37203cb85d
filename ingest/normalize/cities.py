"""A small gazetteer: city names (English, Chinese, common aliases) -> canonical city and area code.

It covers the cities the sample market uses plus a few other large ones, with the names older
romanisations give them that brands still carry ("Tsingtao", "Soochow", "Peking"). The area code
is what a local-only landline ("64370045") needs to become a full number, and the
canonical city lets "上海市", "SHANGHAI" and "Shanghai" agree when records are compared.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .pinyin import syllables
from .text import fold, is_cjk_char, strip_accents


class City(NamedTuple):
    name: str  # canonical English name
    zh: str
    country: str  # ISO alpha-2
    area_code: str  # national area code without trunk prefix
    aliases: tuple[str, ...] = ()


CITIES: tuple[City, ...] = (
    City("Shanghai", "上海", "CN", "21"),
    City("Suzhou", "苏州", "CN", "512", ("Soochow",)),
    City("Nanjing", "南京", "CN", "25", ("Nanking",)),
    City("Wuxi", "无锡", "CN", "510"),
    City("Changzhou", "常州", "CN", "519"),
    City("Hangzhou", "杭州", "CN", "571", ("Hangchow",)),
    City("Ningbo", "宁波", "CN", "574"),
    City("Hefei", "合肥", "CN", "551"),
    City("Beijing", "北京", "CN", "10", ("Peking",)),
    City("Tianjin", "天津", "CN", "22", ("Tientsin",)),
    City("Qingdao", "青岛", "CN", "532", ("Tsingtao",)),
    City("Jinan", "济南", "CN", "531", ("Tsinan",)),
    City("Shenyang", "沈阳", "CN", "24"),
    City("Dalian", "大连", "CN", "411"),
    City("Guangzhou", "广州", "CN", "20", ("Canton",)),
    City("Shenzhen", "深圳", "CN", "755"),
    City("Dongguan", "东莞", "CN", "769"),
    City("Foshan", "佛山", "CN", "757"),
    City("Xiamen", "厦门", "CN", "592", ("Amoy",)),
    City("Fuzhou", "福州", "CN", "591", ("Foochow",)),
    City("Wuhan", "武汉", "CN", "27"),
    City("Changsha", "长沙", "CN", "731"),
    City("Zhengzhou", "郑州", "CN", "371"),
    City("Chengdu", "成都", "CN", "28"),
    City("Chongqing", "重庆", "CN", "23", ("Chungking",)),
    City("Xi'an", "西安", "CN", "29", ("Xian",)),
    City("Kunming", "昆明", "CN", "871"),
    City("Harbin", "哈尔滨", "CN", "451"),
    City("Hohhot", "呼和浩特", "CN", "471"),  # capitals whose English names are not pinyin
    City("Urumqi", "乌鲁木齐", "CN", "991", ("Ürümqi",)),
    City("Lhasa", "拉萨", "CN", "891"),
    City("Hong Kong", "香港", "HK", "", ("HK", "Hongkong")),  # English names that are not pinyin
    City("Macau", "澳门", "MO", "", ("Macao",)),
    City("Taipei", "台北", "TW", "2"),
    City("Boston", "波士顿", "US", "617"),
    City("Chicago", "芝加哥", "US", "312"),
    City("Houston", "休斯顿", "US", "713"),
    City("San Diego", "圣地亚哥", "US", "619"),
    City("Minneapolis", "明尼阿波利斯", "US", "612"),
    City("Cleveland", "克利夫兰", "US", "216"),
    City("New York", "纽约", "US", "212"),
    City("München", "慕尼黑", "DE", "89", ("Munich", "Muenchen")),
    City("Berlin", "柏林", "DE", "30"),
    City("Hamburg", "汉堡", "DE", "40"),
    City("Frankfurt am Main", "法兰克福", "DE", "69", ("Frankfurt", "Frankfurt/Main")),
    City("Stuttgart", "斯图加特", "DE", "711"),
    City("Köln", "科隆", "DE", "221", ("Cologne", "Koeln")),
)


def _norm(text: str) -> str:
    return re.sub(r"[\s'’.\-]", "", strip_accents(fold(text)))


_INDEX: dict[str, City] = {}
for _c in CITIES:
    for _name in (_c.name, _c.zh, *_c.aliases):
        _INDEX[_norm(_name)] = _c


def lookup_city(raw: str | None) -> City | None:
    """The gazetteer entry for a city as any source spells it ("上海市", "SHANGHAI", "Xi'an")."""
    if not raw:
        return None
    key = _norm(raw)
    if key.endswith("市") and len(key) > 2:
        key = key[:-1]
    elif key.endswith("city"):
        key = key[: -len("city")]
    return _INDEX.get(key)


# "Boston, MA", "Boston (MA)", "Boston MA 02110", "Paris / France", "BOSTON, Massachusetts, USA"
_QUALIFIERS = re.compile(r"\s*[,(/;|].*$")
_STATE_OR_POSTCODE = re.compile(r"(?:\s+(?:[a-z]{2}|\d[\d\- ]{2,}\w*))+$")


def city_key(raw: str | None) -> str | None:
    """Canonical English city name for comparisons; unknown cities fall back to a folded form.

    State, country and postcode parts are not the city: "Boston, MA" and "Boston" are one.
    """
    if not raw or not raw.strip():
        return None
    city = lookup_city(raw)
    if city:
        return city.name
    folded = fold(raw)
    bare = _STATE_OR_POSTCODE.sub("", _QUALIFIERS.sub("", folded)).strip() or folded
    city = lookup_city(bare)
    if city:
        return city.name
    bare = bare.removesuffix("市")
    if bare and all(is_cjk_char(ch) for ch in bare):  # "宁德" meets "Ningde", as a source's English has it
        return "".join(syllables(bare))
    return re.sub(r"['’]", "", bare) or None


def area_code(raw_city: str | None) -> str | None:
    city = lookup_city(raw_city)
    return city.area_code if city else None


def country_of_city(raw_city: str | None) -> str | None:
    city = lookup_city(raw_city)
    return city.country if city else None


def city_names_zh() -> tuple[str, ...]:
    """Chinese city names, longest first (so a prefix match takes the longest city)."""
    return tuple(sorted((c.zh for c in CITIES if c.country == "CN"), key=len, reverse=True))


def city_names_latin() -> tuple[str, ...]:
    """Folded Latin spellings of every city and alias, for stripping cities out of name keys."""
    names = {fold(n) for c in CITIES for n in (c.name, *c.aliases)}
    return tuple(sorted(names, key=len, reverse=True))


#: China's provinces and regions as Latin names write them ("Zhejiang Supor", "Jiangsu Hengrui"):
#: a place, not the brand; a source that drops it names the same company
PROVINCES_LATIN = frozenset(
    ("anhui", "fujian", "gansu", "guangdong", "guangxi", "guizhou", "hainan", "hebei", "heilongjiang",
     "henan", "hubei", "hunan", "jiangsu", "jiangxi", "jilin", "liaoning", "ningxia", "qinghai", "shaanxi",
     "shandong", "shanxi", "sichuan", "tibet", "xizang", "xinjiang", "yunnan", "zhejiang", "neimenggu")
)  # fmt: skip


def province_offsets(text: str) -> list[int]:
    """Where a province's two characters begin in a Chinese name (浙江, 广东): read by its pinyin."""
    sounds = syllables(text)
    if len(sounds) != len(text):
        return []
    return [at for at in range(len(text) - 1) if "".join(sounds[at : at + 2]) in PROVINCES_LATIN]
