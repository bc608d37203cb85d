"""Per-record comparison features, computed once before blocking and scoring.

Company names are reduced to a city-free core (``company_name_core``) and split into
tokens: Latin words, or character bigrams for Chinese (which has no spaces). Tokens
are weighted by inverse document frequency over the records being resolved, so a
shared brand ("瑞金", "taiyong") counts and a shared "医院"/"hospital" hardly does.
Chinese cores also carry their pinyin n-grams: the bridge to romanised names.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice, product

from ingest.normalize import (
    city_key,
    company_name_core,
    company_name_key,
    has_cjk,
    name_as_domain,
    person_name_key,
    registrable_domain,
    zh_share_form,
)
from ingest.normalize.dictionary_names import dictionary_readings
from ingest.normalize.dictionary_senses import name_senses
from ingest.normalize.glossary import (
    GENERIC_WORDS,
    SAME_MEANING,
    english_rendering,
    pinyin_alternates,
    singular,
)
from ingest.normalize.pinyin import pinyin_split, syllable_choices
from ingest.normalize.text import fold, strip_accents

from .model import EntityRecord

_ZH_NUMERAL = "一二三四五六七八九十"
# English and German words that happen to split into pinyin syllables ("ma-chi-ne").
NOT_PINYIN = frozenset(
    {"machine", "machines", "machining", "medicine", "chinese", "china", "tubing", "pioneer", "chemie",
     "hansa",
     "linden", "meridian", "eichen", "general", "genesis", "bioscience", "mining", "dental", "bonding"}
)  # fmt: skip
GRAM_READINGS = 8  # a run of characters is spelt at most this many ways, its context's reading first
_ZH_ORDINAL = re.compile(rf"第([{_ZH_NUMERAL}]+)|([{_ZH_NUMERAL}])(?:医|附)?院")


@dataclass(frozen=True)
class CompanyName:
    raw: str
    core: str
    script: str  # "zh" | "latin"
    tokens: frozenset[str]  # Latin words, or CJK bigrams
    numbers: frozenset[str]  # ordinals and numbers in the name ("7" for "第七", "7th", "No.7")
    pinyin: frozenset[str]  # zh: pinyin n-grams of 1..4 syllables; latin: pinyin-like words
    cities: tuple[str, ...]
    flat: str = ""  # latin: the whole name as one word, legal form and all ("firstfinancialbancorp")
    #: a reading of a Chinese name: (pinyin, English) of its glossary words, either of which a
    #: name may use ("Dongfang Electric" and "eastern electric" both read 东方电气)
    alternates: tuple[tuple[str, str], ...] = ()
    #: an English reading of a Chinese name, made here, not typed: two readings have no typos
    reading: bool = False
    #: a reading's pinyin words with what they mean ("cunchu": store, memory, storage ...), any of
    #: which an English name may write (see ``dictionary_senses``)
    senses: tuple[tuple[str, frozenset[str]], ...] = ()
    #: a Chinese legal name limited by shares (True) or not (False); None for a short name, which
    #: states no legal form (``zh_share_form``)
    share_form: bool | None = None


#: words of a name that say where or how widely a firm works, not what it does
SCOPE_WORDS = frozenset({"china", "chinese", "international", "national", "state", "global", "group"})


@dataclass(frozen=True)
class Prepared:
    rec: EntityRecord
    idx: int
    company_names: tuple[CompanyName, ...]
    person_keys: tuple[str, ...]
    city: str | None
    domain: str | None
    namesakes: int = 0  # other employers at which someone of this name appears (people only)
    #: the words of trade a company's names state in English (a Chinese name's by its reading): the
    #: glossary's words less those of scope ("Beigang Automation": automation; 北钢乳业: dairy)
    trades: frozenset[str] = frozenset()


def _zh_number(text: str) -> str:
    if text == "十":
        return "10"
    if text.startswith("十"):
        return str(10 + _ZH_NUMERAL.index(text[1]) + 1)
    if len(text) == 2 and text[1] == "十":
        return str((_ZH_NUMERAL.index(text[0]) + 1) * 10)
    return str(_ZH_NUMERAL.index(text[0]) + 1)


def _bigrams(text: str) -> frozenset[str]:
    chars = text.replace(" ", "")
    if len(chars) < 2:
        return frozenset({chars}) if chars else frozenset()
    return frozenset(chars[i : i + 2] for i in range(len(chars) - 1))


def _latin_name(raw: str, core: str, cities: tuple[str, ...], flat: str) -> CompanyName:
    words = [SAME_MEANING.get(w, w) for w in core.split()]
    numbers = frozenset(w for w in words if w.isdigit())
    pinyin_like = {
        w for w in words if len(w) >= 4 and w not in NOT_PINYIN and len(pinyin_split(w) or ()) >= 2
    }
    # pinyin written a syllable a word ("Ping An", "Jiao Tong"): the runs joined
    single = [len(pinyin_split(w) or ()) == 1 for w in words]
    for i in range(len(words) - 1):
        if single[i] and single[i + 1]:
            pinyin_like.add(words[i] + words[i + 1])
            if i + 2 < len(words) and single[i + 2]:
                pinyin_like.add(words[i] + words[i + 1] + words[i + 2])
    return CompanyName(raw, core, "latin", frozenset(words), numbers, frozenset(pinyin_like), cities, flat)


@lru_cache(maxsize=65536)
def company_names(raw: str) -> tuple[CompanyName, ...]:
    """The name as written and, for a Chinese name, its English rendering (see ``english_rendering``)."""
    core, cities, script = company_name_core(raw)
    if not core:
        return ()
    if script == "latin":
        flat = "".join(ch for ch in strip_accents(fold(raw)) if ch.isascii() and ch.isalnum())
        return (_latin_name(raw, core, cities, flat),)
    numbers = frozenset(_zh_number(a or b) for a, b in _ZH_ORDINAL.findall(core))
    choices = syllable_choices(core)
    grams = {
        "".join(run)
        for n in range(1, 5)
        for i in range(len(choices) - n + 1)
        for run in islice(product(*choices[i : i + n]), GRAM_READINGS)
    }
    form = zh_share_form(raw)
    zh = CompanyName(raw, core, "zh", _bigrams(core), numbers, frozenset(grams), cities, share_form=form)
    rendering = company_name_key(english_rendering(core, words=True))
    if not rendering or has_cjk(rendering):
        return (zh,)
    readings = [rendering] + [
        key for r in dictionary_readings(core) if (key := company_name_key(r)) and key != rendering
    ]
    alternates = pinyin_alternates(core)
    english = (_latin_name(f"{raw} (read as {r!r})", r, cities, r.replace(" ", "")) for r in readings)
    senses = name_senses(core)
    return (
        zh,
        *(replace(name, alternates=alternates, reading=True, senses=senses) for name in english),
    )


def prepare(records: Sequence[EntityRecord]) -> list[Prepared]:
    out: list[Prepared] = []
    for i, rec in enumerate(records):
        names: list[CompanyName] = []
        keys: list[str] = []
        for raw in dict.fromkeys(n for n in rec.names if n and n.strip()):
            if rec.kind == "Company":
                for cn in company_names(raw):
                    if all((cn.core, cn.script) != (n.core, n.script) for n in names):
                        names.append(cn)
            else:
                key = person_name_key(raw)
                if key and key not in keys:
                    keys.append(key)
        city = city_key(rec.city) or next((c for n in names for c in n.cities), None)
        # a name typed as a web address names the company's domain too ("paccar.com")
        domain = registrable_domain(rec.domain) or next(filter(None, map(name_as_domain, rec.names)), None)
        out.append(Prepared(rec, i, tuple(names), tuple(keys), city, domain, trades=_trades(names)))
    return _count_namesakes(out)


def _trades(names: list[CompanyName]) -> frozenset[str]:
    return frozenset(
        w
        for n in names
        if n.script == "latin"
        for t in n.tokens
        if (w := singular(SAME_MEANING.get(t, t))) in GENERIC_WORDS and w not in SCOPE_WORDS
    )


def _count_namesakes(prepared: list[Prepared]) -> list[Prepared]:
    """How common a person's name is: the number of distinct employers it appears at, minus one."""
    employers: dict[str, set[str]] = {}
    for p in prepared:
        for key in p.person_keys:
            employers.setdefault(key, set()).add(p.rec.company_key or f"?{p.idx}")
    return [
        replace(p, namesakes=max((len(employers[k]) - 1 for k in p.person_keys), default=0))
        if p.person_keys
        else p
        for p in prepared
    ]


class Idf:
    """Inverse document frequency of name tokens (a record counts once per token)."""

    def __init__(self, prepared: Iterable[Prepared]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for p in prepared:
            n += 1
            df.update({t for name in p.company_names for t in name.tokens | name.pinyin})
        self.n = max(n, 1)
        self.df = df

    def __call__(self, token: str) -> float:
        return math.log((self.n + 1) / (self.df.get(token, 0) + 1)) + 0.1
