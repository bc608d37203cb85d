"""The names a topic is written by: its own, the built-in themes', initials, a stem and the code
of a standard it names ("Part 11" for 21 CFR Part 11 compliance, "ISO 17025").

Notes shorten a topic's name: "SSO" for single sign-on, "互联互通" for 互联互通评级, "能耗" for
能耗管理, "spare parts" for spare parts inventory. A topic ending in a word for what is done
with the subject (评级, 管理, 建设 ...; management, control, tracking ...) is also found by the
subject alone: in Chinese when that is not an everyday word (数据 of 数据治理 is), in English
when it has two words or more ("infection" of infection control could be anything).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph import GraphStore
from ingest.normalize.text import fold

from ._lexicon import TOPICS

if TYPE_CHECKING:
    from ._gazetteer import Gazetteer

_EN_DOING = re.compile(
    r"\s+(?:management|control|reduction|monitoring|tracking|reporting|analytics|resilience|rules|"
    r"inventory|compliance|security|governance|optimi[sz]ation|planning|visibility|accreditation|"
    r"certification|readiness|audits?|detection|testing|accounting|calibration|screening|processing|"
    r"automation)$"
)
_ZH_DOING = re.compile(r"(?:评级|评审|管理|建设|系统|平台|项目|体系|改造|升级|工作)$")
# jieba's count at which a subject is an everyday word ("影像" 335, "数据" 5232), not a topic
_EVERYDAY = 200


def add_topics(gz: Gazetteer, store: GraphStore) -> None:
    """The graph's topics, then the built-in themes where the graph has no topic of that name
    (a CRM's own "infection control" keeps its id); then initials and Chinese stems that name
    one topic and nothing else."""
    for node in store.iter_nodes("Topic"):
        gz.topics.setdefault(node.key, node.props.get("name") or node.key)
        for n in [node.props.get("name") or "", *(node.props.get("aliases") or [])]:
            if n:
                gz.add(n, "TOPIC", node.key)
    for tid, en, zh in TOPICS:
        fresh = [n for n in (en, zh) if "TOPIC" not in gz.surfaces.get(fold(n), {})]
        if fresh:
            gz.topics.setdefault(tid, en)
        for n in fresh:
            gz.add(n, "TOPIC", tid)
    _add_short_forms(gz)


def _add_short_forms(gz: Gazetteer) -> None:
    shorter: dict[str, set[str]] = {}
    for tid, name in gz.topics.items():
        if acronym := topic_acronym(name):
            shorter.setdefault(acronym, set()).add(tid)
    for surface, by_label in list(gz.surfaces.items()):
        for tid in by_label.get("TOPIC", []):
            if stem := zh_topic_stem(surface) or en_topic_stem(gz.spelling.get(surface, surface)):
                shorter.setdefault(stem, set()).add(tid)
    for tid, name in gz.topics.items():
        for code in _CODE.findall(name):  # "Part 11" of 21 CFR Part 11 compliance
            shorter.setdefault(code, set()).add(tid)
    for surface, by_label in list(gz.surfaces.items()):
        for tid in by_label.get("TOPIC", []):
            spelled = gz.spelling.get(surface, surface)
            for part in [*topic_parts(spelled), *en_topic_variants(spelled)]:
                shorter.setdefault(part, set()).add(tid)
    for form, tids in sorted(shorter.items()):
        if len(tids) == 1 and fold(form) not in gz.surfaces:  # one topic's, and nothing else's
            gz.add(form, "TOPIC", next(iter(tids)))


#: a standard's or rule's code inside a topic's name: "ISO 17025", "Part 11", "SOC 2", "IEC 62443"
_CODE = re.compile(r"\b[A-Z][A-Za-z]*\s\d+(?:\.\d+)?\b")


def topic_acronym(name: str) -> str | None:
    """The initials a topic of three words or more is written as: "single sign-on" SSO, "earned
    wage access" EWA. Matched only as written, in capitals (see ``_nlp._pattern``)."""
    words = [w for w in re.split(r"[\s\-/]+", name) if w]
    if not 3 <= len(words) <= 5 or not all(w.isascii() and w.isalpha() for w in words):
        return None
    return "".join(w[0] for w in words).upper()


def zh_topic_stem(name: str) -> str | None:
    """互联互通评级 -> 互联互通, 能耗管理 -> 能耗; None for 数据治理 or a name that is all stem."""
    found = _ZH_DOING.search(name)
    if found is None or not found.start():
        return None
    stem = name[: found.start()]
    if not all("\u4e00" <= ch <= "\u9fff" for ch in stem) or len(stem) < 2:
        return None
    from ._nlp import zh_word_count  # noqa: PLC0415 - _nlp reads the gazetteer this module fills

    return stem if zh_word_count(stem) < _EVERYDAY else None


def en_topic_stem(name: str) -> str | None:
    """spare parts inventory -> spare parts, cold chain monitoring -> cold chain; None for
    energy efficiency (not a doing word) or a one-word subject ("infection" of infection
    control is an everyday word, and nothing here knows which words are everyday in English)
    unless it is a formula or code ("H2S", "CO2")."""
    found = _EN_DOING.search(name)
    if found is None or not found.start() or not name.isascii():
        return None
    stem = name[: found.start()].strip()
    # a formula or code is no everyday word: "H2S" of H2S monitoring, "CO2" (letters alone may be
    # a standard named in passing: "CNAS", "GMP")
    return stem if " " in stem or _A_CODE.fullmatch(stem) else None


_A_CODE = re.compile(r"[A-Z][A-Z0-9]*\d[A-Z0-9]*")


#: what joins a topic's parts or glosses one: "GMP compliance and data integrity", "信息安全与保密",
#: "OEE / equipment efficiency", "production scheduling (APS)"
_JOINS = re.compile(r"\s*(?:\band\b|&|/|与|和|及|、|[()（）])\s*")


def topic_parts(name: str) -> list[str]:
    """The parts a topic's name joins, each a name of the topic as notes write it: "data integrity",
    "数据完整性", "APS"; one English word only in capitals ("OEE", not "confidentiality"), a
    Chinese part of two characters or more."""
    parts = [p.strip() for p in _JOINS.split(name)]
    if len([p for p in parts if p]) < 2:
        return []
    return [
        p
        for p in parts
        if (p.isascii() and (" " in p or (p.isupper() and len(p) > 1) or (p[:1].isupper() and p.isalpha())))
        or (not p.isascii() and len(p) >= 2)
    ]


_DOUBLED = re.compile(r"([bdgklmnprt])\1$")


def en_topic_variants(name: str) -> list[str]:
    """What an English topic of two words or more is also written as: its last word's thing for
    the doing ("yield mapping" -> "yield map", "yield maps"; "disease forecasting" -> "disease
    forecast")."""
    words = name.split()
    last = words[-1] if words else ""
    if len(words) < 2 or not name.isascii() or not last.endswith("ing") or len(last) <= 6:
        return []
    thing = _DOUBLED.sub(r"\1", last[:-3])
    return [" ".join([*words[:-1], thing]), " ".join([*words[:-1], thing + "s"])]
