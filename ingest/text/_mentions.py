"""Recognise: every mention of a document, from the graph's names, names by their shape,
references, titles, dates and amounts; overlaps resolved by rank, then length."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc as SpacyDoc

from ingest.normalize.text import fold, has_cjk

from ._bracket_aliases import bracket_aliases, chinese_people
from ._dates import find_dates
from ._gazetteer import Gazetteer
from ._initials import initials
from ._lexicon import ZH_AFTER_NAME
from ._names import latin_names, mixed_names, short_forms, without_nickname, word_before_a_known_name
from ._nlp import PERSON_REF, zh_word_tags
from ._rule_grammar import LATIN_REF
from ._title_spans import title_spans
from ._topic_paraphrase import TopicStems
from ._zh_given_forms import zh_given_forms
from ._zh_names import preposition_before_a_title, surname_inside_a_word, zh_names, zh_refs

MONEY = re.compile(
    r"(?:[$€¥￥]|RMB ?|CNY ?|USD ?|EUR ?)\d[\d,]*(?:\.\d+)?\s?(?:[kKmM]|million|万|亿)?"
    r"|\d[\d,]*(?:\.\d+)?\s?(?:万元|亿元|元|万|k (?:RMB|CNY|EUR|USD)|(?:RMB|CNY|EUR|USD))"
)
PRONOUN = "pronoun"  # a mention's key: "she", "他", read as the person named last
# "hes", "shes": typed in a hurry for "he's", "she's"
PRONOUNS = {
    "en": re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]is|[Hh]er|[Hh]ers|[Hh]es|[Ss]hes)\b"),
    "zh": re.compile(r"[他她](?!们)"),
}
SPEAKER = "speaker"  # a mention's key: "I", "我", read as the speaker of the chat line
FIRST_PERSON = {
    "en": re.compile(r"\b(?:I(?=\b|'[a-z])|me\b|my\b)"),
    "zh": re.compile(r"我(?![们司方院行厂])"),
}


@dataclass
class Mention:
    start: int
    end: int
    label: str
    text: str
    key: str = ""
    node_id: str = ""
    value: str = ""  # a date's ISO value
    new: bool = False


#: what stands before a person as the object of a preposition or an item of a list: a known
#: name that is also a word ("高峰", "peak") is the person there ("向高峰汇报", "、高峰、")
_ZH_BEFORE_NAME = frozenset("向给跟找让由请问对被与及、")


class Recogniser:
    """The mentions of a document; one per gazetteer."""

    def __init__(self, gz: Gazetteer) -> None:
        self.gz = gz
        zh_known = sorted(
            (s for s, by in gz.surfaces.items() if "PERSON" in by and has_cjk(s) and len(s) >= 2),
            key=len,
            reverse=True,
        )
        self._zh_names = re.compile("|".join(map(re.escape, zh_known))) if zh_known else None
        self._topics = TopicStems.of(
            {s: gz.spelling.get(s, s) for s, by in gz.surfaces.items() if "TOPIC" in by}
        )

    def __call__(self, doc: SpacyDoc, lang: str, today: date, account: str = "") -> list[Mention]:
        """Every mention, overlaps resolved: the graph's names first, then names found by their
        shape, then references ("Dr. Wang", "王主任"), then short forms and pronouns."""
        text = doc.text
        found: list[tuple[int, Mention]] = []
        for e in doc.ents:
            end = e.end_char
            if e.ent_id_.endswith(".") and not e.text.endswith(".") and text[end : end + 1] == ".":
                end += 1
            if e.ent_id_ == PERSON_REF and (
                surname_inside_a_word(text, e.start_char)
                or preposition_before_a_title(text, e.start_char, end)
            ):
                continue  # "仓储经理" holds no 储经理, "向总裁汇报" no 向总
            # a title the graph knows is one title among those found by grammar: the longest wins
            rank = 2 if e.ent_id_ == PERSON_REF else 3 if e.label_ == "TITLE" else 0
            derived = e.label_ == "PRODUCT" and fold(e.text) in self.gz.derived
            if derived and " " not in e.text and not e.text[:1].isupper():
                continue  # "Tallgrass Time" is written "Time", never "time": that is the word
            if derived:
                rank = 4  # a title around it is the better reading: "Manager, Security Operations"
            found.append((rank, Mention(e.start_char, end, e.label_, text[e.start_char : end], e.ent_id_)))
        cjk = lang == "zh" or has_cjk(text)  # an English note names Chinese people too ("met 何总")
        if cjk and self._zh_names is not None:
            found += [
                (0, Mention(m.start(), m.end(), "PERSON", m.group(), m.group()))
                for m in self._zh_names.finditer(text)
                if m.end() - m.start() > 2
                or m.end() >= len(text)
                or text[m.end()] in ZH_AFTER_NAME
                or zh_word_tags().get(text[m.end()], "").startswith("v")  # "跟着罗婷干"
                or (m.start() > 0 and text[m.start() - 1] in _ZH_BEFORE_NAME)  # "向高峰汇报"
            ]
        if cjk:
            found += [(2, Mention(a, b, "PERSON", text[a:b], PERSON_REF)) for a, b in zh_refs(text)]
            found += [(1, Mention(a, b, "PERSON", text[a:b])) for a, b in zh_names(text)]
            found += [(1, Mention(a, b, "PERSON", text[a:b])) for a, b in mixed_names(text)]
        if lang == "zh":  # "Mr. Neumann" in a Chinese note
            found += [
                (2, Mention(m.start(), m.end(), "PERSON", m.group(), PERSON_REF))
                for m in LATIN_REF.finditer(text)
            ]
        titles = list(title_spans(text, lang))
        shaped = list(latin_names(text))
        named = [m.text for _, m in found if m.label == "PERSON" and m.key != PERSON_REF]
        named += [self.gz.people[p].name for p in self.gz.staff.get(account, []) if p in self.gz.people]
        given = Counter(_given_names(named + [text[c:d] for c, d in shaped]))
        found += [
            (1, Mention(a, b, "PERSON", without_nickname(text[a:b])))
            for a, b in shaped
            if not word_before_a_known_name(text, a, b, given)
            if not {"ORG", "PRODUCT"} & self.gz.surfaces.get(fold(text[a:b]), {}).keys()
            # "Public Works Director Ray Costa": capitalised words a title's head follows are its domain
            # and "Vice President, Human Resources": the domain a comma puts after the head
            # ("Dir. Student Success": the domain a head's full stop puts after it)
            and not any(
                ta <= a and (b < tb or (b == tb and ("," in text[ta:a] or "." in text[ta:a])))
                for ta, tb in titles
            )
        ]
        found += [(3, Mention(a, b, "TITLE", text[a:b], "title")) for a, b in titles]
        for a, b, value in find_dates(text, lang, today):
            found.append((0, Mention(a, b, "DATE", text[a:b], value=value)))
        for d in MONEY.finditer(text):
            found.append(
                (0, Mention(d.start(), d.end(), "MONEY", d.group().strip(), value=d.group().strip()))
            )
        # a topic in other forms of its words: only where nothing else is named
        found += [(5, Mention(a, b, "TOPIC", text[a:b], key)) for a, b, key in self._topics.find(text)]
        out = _resolve(found)
        if cjk:  # "Kevin Zhao（赵凯）", "陈立峰（Frank）… 汇报给Frank", "邵凯 Kevin … Kevin说"
            people = [(m.start, m.end, m.text, m.key) for m in out if m.label == "PERSON"]
            aliases = [
                (-1, Mention(a, b, "PERSON", text[a:b], owner))
                for a, b, owner in bracket_aliases(text, chinese_people(people))
            ]
            if aliases:  # the Chinese name's person
                out = _resolve(found + aliases)
        named = [m.text for m in out if m.label == "PERSON" and m.key != PERSON_REF]
        crm = [self.gz.people[p].name for p in self.gz.staff.get(account, []) if p in self.gz.people]
        full = [n for n in named if " " in n.strip()] + crm
        extra = [
            (3, Mention(a, b, "PERSON", text[a:b], fold(owner)))
            for a, b, owner in [
                *short_forms(text, full),
                *initials(text, full),
                *zh_given_forms(text, [*named, *crm]),
            ]
        ]
        extra += [
            (
                4,
                Mention(
                    m.start(),
                    m.end(),
                    "PERSON",
                    m.group(),
                    PRONOUN,
                    value=text[max(0, m.start() - 80) : m.start()],  # the pronoun's clause so far
                ),
            )
            for m in PRONOUNS[lang].finditer(text)
        ]
        extra += [
            (4, Mention(m.start(), m.end(), "PERSON", m.group(), SPEAKER))
            for m in FIRST_PERSON[lang].finditer(text)
        ]
        return _resolve([(0, m) for m in out] + extra)


def _given_names(names: list[str]) -> list[str]:
    return [name.split()[0].lower() for name in names if " " in name.strip()]


def _resolve(found: list[tuple[int, Mention]]) -> list[Mention]:
    """Overlapping mentions: the better rank wins, then the longer, then the earlier.

    Taken spans stay sorted by start, so each candidate is checked against its two
    neighbours (O(n log n); a long account plan has thousands of mentions)."""
    starts: list[int] = []
    taken: list[Mention] = []
    for _, found_m in sorted(found, key=lambda x: (x[0], -(x[1].end - x[1].start), x[1].start)):
        m = found_m
        i = bisect.bisect_right(starts, m.start)
        if (
            m.label == "TITLE"
            and i > 0
            and taken[i - 1].label == "ORG"
            and m.start < taken[i - 1].end < m.end
        ):
            # "华兴精机生产技术部主任": the title begins where the company's name ends
            cut = taken[i - 1].end
            tail = m.text[cut - m.start :].lstrip("的 ")
            m = Mention(m.end - len(tail), m.end, m.label, tail, m.key) if tail else m
        if m.label == "TITLE" and i < len(taken) and taken[i].start < m.end:
            # "CEO of Acme Corp": the title ends where a name begins
            head = _TITLE_TAIL.sub("", m.text[: taken[i].start - m.start])
            m = Mention(m.start, m.start + len(head), m.label, head, m.key) if head else m
        if (i == 0 or taken[i - 1].end <= m.start) and (i == len(taken) or m.end <= taken[i].start):
            starts.insert(i, m.start)
            taken.insert(i, m)
    return taken


_TITLE_TAIL = re.compile(r"(?:\s+(?:of|for|at|with)(?:\s+the)?|,|\s|的)+$")
