"""How a note writes a person's name: a reference ("孙科长", "Dr. Okafor") and its parts, a
nickname's given names, the surnames a name may be filed under, a full name glossing a reference."""

from __future__ import annotations

import re
from functools import lru_cache

from nicknames import NickNamer

from ingest.normalize.pinyin import person_pinyin, split_chinese_name
from ingest.normalize.text import fold, has_cjk

from ._lexicon import EN_HONORIFICS, ZH_FAMILIAR_AFTER, ZH_HONORIFICS
from ._mentions import Mention

_GLOSS_OPEN, _GLOSS_CLOSE = re.compile(r"[\s'\"”’」』]*[（(]\s*$"), re.compile(r"\s*[）),，]")


def glossed_refs(text: str, ments: list[Mention]) -> dict[int, int]:
    """Reference -> the full name glossing it in brackets right after ("周主任（周建平）",
    "Dr. Okafor (Sam Okafor)"), by mention index; the two share a family name."""
    out: dict[int, int] = {}
    for i, ref in enumerate(ments[:-1]):
        # a title may come first in the brackets: "老马（CEO马启明）"
        titled = ments[i + 1].label == "TITLE" and i + 2 < len(ments)
        j = i + 2 if titled else i + 1
        full = ments[j]
        if ref.label != "PERSON" or full.label != "PERSON" or not is_ref(ref.text) or is_ref(full.text):
            continue
        gap = text[ref.end : ments[i + 1].start]
        if titled:
            gap += text[ments[i + 1].end : full.start].strip()
        if not _GLOSS_OPEN.match(gap) or not _GLOSS_CLOSE.match(text, full.end):
            continue
        if ref_parts(ref.text)[0] in families_of(full.text):
            out[i] = j
    return out


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


def given_name_variants(text: str) -> list[str]:
    """The name with its given name's nicknames or full forms ("Pat Dunleavy" as "Patrick
    Dunleavy", "Bob Reyes" as "Robert Reyes"), from the ``nicknames`` data."""
    words = text.split()
    if len(words) < 2 or has_cjk(text):
        return []
    forms = _nicknamer().canonicals_of(words[0]) | _nicknamer().nicknames_of(words[0])
    return [" ".join((form.title(), *words[1:])) for form in sorted(forms)]


def _familiar(text: str) -> bool:
    """ "小周", "老李", "冯姐": a surname called familiarly."""
    return len(text) == 2 and (text[0] in "小老" or text[1] in ZH_FAMILIAR_AFTER)


def is_ref(text: str) -> bool:
    if has_cjk(text):
        return _familiar(text) or any(text.endswith(h) and len(text) > len(h) for h in ZH_HONORIFICS)
    return text.split(maxsplit=1)[0] in EN_HONORIFICS if text.split() else False


def ref_parts(text: str) -> tuple[str, str]:
    """("Dr. Wang") -> ("wang", ""); ("王主任") -> ("王", "主任")."""
    if has_cjk(text):
        if _familiar(text):
            return (text[0] if text[1] in ZH_FAMILIAR_AFTER else text[1]), ""
        for h in ZH_HONORIFICS:
            if text.endswith(h) and len(text) > len(h):
                return text[: -len(h)], h
        return text[:1], ""
    words = [w for w in text.split() if w not in EN_HONORIFICS]
    return (fold(words[-1]) if words else "", "")


def families_of(name: str) -> set[str]:
    if has_cjk(name):
        if is_ref(name):
            fam, _ = ref_parts(name)
            return {fam, person_pinyin(fam)[0]}
        fam, _ = split_chinese_name(name)
        return {fam, person_pinyin(name)[0]}
    parts = [p for p in name.split() if p not in EN_HONORIFICS]
    folded = [fold(p) for p in parts]
    return {folded[0], folded[-1]} if folded else set()
