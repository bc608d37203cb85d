"""People the graph does not know yet, in Latin letters: names found by their shape and their neighbours.

Two or three capitalised words none of which is a word of titles, organisations, departments,
the calendar or the note's own scaffolding ("Attendees", "Regards"), or an honorific and a
family name ("Dr. Okafor"). Short forms: a given or family name alone ("Karen", "Whitfield")
once the note (or the account's contacts) named that person in full. Chinese names are in
``_zh_names``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from ._given_names import gender_of
from ._lexicon import EN_HONORIFICS, ZH_SURNAMES
from ._name_stopwords import NOT_NAME_WORDS
from ._title_spans import HEAD_WORDS

_CAP = r"(?:Mc|Mac|O')?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-'][A-ZÀ-ÖØ-Þa-zß-öø-ÿ][a-zß-öø-ÿ]+)?"
_PARTICLE = r"(?:(?:van|von|de|da|del|der|di|du|la|le|bin|al)[ \t]+)?"
_NICKNAME = r"[ \t]+[\"“(]" + _CAP + r"[\"”)]"  # 'Margaret "Peg" Donnelly', "Jerome (Jay) Whitfield"
# Latin letters, not \b: a Chinese character is a word character too ("向CFO Frank Weber汇报")
_LATIN = "A-Za-zÀ-ÖØ-öø-ÿ"
LATIN_NAME = re.compile(
    rf"(?<![{_LATIN}]){_CAP}(?:{_NICKNAME})?(?:[ \t]+{_CAP})?[ \t]+{_PARTICLE}{_CAP}(?![{_LATIN}])"
)


def without_nickname(name: str) -> str:
    """The name as the person is filed: 'Margaret "Peg" Donnelly' is Margaret Donnelly."""
    return re.sub(_NICKNAME, "", name)


_HONORIFIC = "|".join(re.escape(h) for h in sorted(EN_HONORIFICS, key=len, reverse=True))
LATIN_REF = re.compile(rf"\b(?:{_HONORIFIC})\s?{_CAP}\b")


def name_like(words: list[str]) -> bool:
    """No word of titles ("Biomed Technician"), organisations, the calendar or scaffolding."""
    return not any(w.lower().strip(".'") in NOT_NAME_WORDS or w.lower() in HEAD_WORDS for w in words)


_TITLE_DOMAIN = re.compile(
    r"\b(?:" + "|".join(sorted(HEAD_WORDS)) + r"|vp|svp|evp|avp)s?\s+(?:of|for)\s+(?:the\s+)?$"
    r"|\b(?:dir|mgr|supv)\.,\s+$",  # "Dir., Workforce Planning"
    re.I,
)


# words that end an organisation's name: the capitalised words before them name it, not a person
_ORG_HEADS = frozenset(
    ("bank", "credit", "union", "hospital", "clinic", "center", "centre", "university", "college",
     "institute", "school", "inc", "ltd", "llc", "plc", "gmbh", "ag", "corp", "corporation", "company",
     "group", "holdings", "systems", "solutions", "technologies", "industries", "trust", "council",
     "authority", "agency", "foundation", "association", "society", "partners", "capital", "labs",
     "networks", "logistics")
)  # fmt: skip
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


def _names_an_organisation(text: str, m: re.Match[str]) -> bool:
    """ "Narragansett Federal Credit Union", "Harlow Bank": the run is part of an organisation's name."""
    last = m.group().split()[-1].lower()
    after = _NEXT_WORD.match(text, m.end())
    return last in _ORG_HEADS or (after is not None and after.group(1).lower() in _ORG_HEADS)


_VP_BEFORE = re.compile(r"\b(?:VP|SVP|EVP|AVP)[ \t]+$")
_ONE_MORE = re.compile(rf"[ \t]+({_CAP})(?![{_LATIN}])")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")


def latin_names(text: str) -> Iterator[tuple[int, int]]:
    """Spans of capitalised word runs that read as a person's name."""
    pos = 0
    while (m := LATIN_NAME.search(text, pos)) is not None:
        pos = m.end()
        words = m.group().split()
        if _TITLE_DOMAIN.search(text, 0, m.start()):
            # "Director of Public Works", "Head of Loss Prevention": a title's domain; a given name
            # after its first word starts a name ("Supt of Ops Marcus Bell")
            if len(words) == 3 and gender_of(words[1]) and name_like(words[1:]):
                yield text.index(words[1], m.start() + len(words[0])), m.end()
            continue
        if _names_an_organisation(text, m):
            continue
        if _THE_BEFORE.search(text, max(0, m.start() - 4), m.start()) and not gender_of(words[0]):
            continue  # "the Inner Harbor property": a place or a thing; a person takes no article
        if _VP_BEFORE.search(text, max(0, m.start() - 6), m.start()) and not gender_of(words[0]):
            pos = text.index(words[1], m.start() + len(words[0]))  # "VP Loss Prevention": a domain;
            continue  # "VP Fin Anita Sorensen": the name after it
        if name_like(words):
            yield m.start(), m.end()
            continue
        # "Attendees Karen Whitfield": drop scaffolding words at the edges and try again
        start, end = m.start(), m.end()
        while words and not name_like(words[:1]):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words = words[1:]
            more = _ONE_MORE.match(text, end)
            if more and name_like([more.group(1)]):  # "Mr Lee Kok Weng": the third word after the dropped one
                end, words = more.end(), [*words, more.group(1)]
        if len(words) < 2 and start < end:
            pos = start  # "Finance Director Ray Bellamy": the name runs on past the three words
            continue
        while words and not name_like(words[-1:]):
            end -= len(words[-1]) + 1
            words = words[:-1]
        if len(words) >= 2 and name_like(words):
            yield start, end


# given names that are also everyday words: only capitalised are they names
_WORD_NAMES = frozenset(
    (
     "will", "mark", "bill", "grace", "may", "rose", "frank", "hope", "joy", "faith", "april",
     "june", "summer", "amber", "dawn", "ray", "sue", "pat", "rob", "chase", "drew", "jack", "guy",
     "art", "gene", "don", "lance", "bob", "chip", "dean", "rich", "max", "sky", "iris", "jade",
     "ruby", "pearl", "hunter", "carter", "mason", "cliff", "glen", "dale", "heather", "holly",
     "ivy", "lily", "olive", "rosa", "sandy", "victor",
    )
)  # fmt: skip


_IN_ADDRESS = re.compile(r"[\w.+-]*@")
_OPENS_A_SENTENCE = re.compile(r"(?:^|[.!?;:]\s+|\n\s*(?:[-*•·]|\(?\d+[.)])?\s*|\(\d+\)\s*)$")


def word_before_a_known_name(text: str, start: int, end: int, given: Counter[str]) -> bool:
    """ "Keep Omar warm", "Loop Dana in": a sentence's first word, capitalised only for opening it,
    before the given name of a person the note or the account already names in full, is no name
    of a new person ("Keep Omar") but that person's short form after a word. A family name
    after it is ("Bob Dunmore" beside Patrick Dunmore). ``given`` counts the given names of
    the full names found, this span's own among them."""
    words = text[start:end].split()
    if len(words) != 2:
        return False
    own = words[0].lower()

    def known(word: str) -> bool:
        return given[word] - (word == own) > 0

    return known(words[1].lower()) and not known(own) and _OPENS_A_SENTENCE.search(text, 0, start) is not None


def short_forms(text: str, full_names: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """("Karen", start, end, "Karen Whitfield"): a given or family name alone, for a person
    named in full; a part shared by two full names names neither. Typed notes write names in
    lower case too ("mtg w/ ian (coo)"), unless the name is also an everyday word ("will")."""
    owner: dict[str, str] = {}
    for full in full_names:
        for part in full.split():
            # a two-letter given name too ("Jo", "Ed"), capitalised as written below
            short = len(part) == 2 and bool(gender_of(part))
            if (
                (len(part) >= 3 or short)
                and part[0].isupper()
                and part.lower().strip(".") not in NOT_NAME_WORDS
            ):
                key = part.lower()
                owner[key] = "" if owner.get(key, full) != full else full
    parts = [p for p, full in owner.items() if full]
    if not parts:
        return
    rx = re.compile(
        r"\b(?:" + "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True)) + r")\b", re.I
    )
    for m in rx.finditer(text):
        word = m.group()
        if _IN_ADDRESS.match(text, m.end()) or text[max(0, m.start() - 1) : m.start()] in (".", "@"):
            continue  # "<owen.fletcher@castellan.io>" is an address, not Owen
        full = owner[word.lower()]
        if _within(text, m.start(), m.end(), full):
            continue  # "the Rice Lake recall": the whole name, which the grammar did not take for a person
        if word[0].isupper() or (
            len(word) > 2 and word.islower() and word not in _WORD_NAMES and word not in STOP_WORDS
        ):
            yield m.start(), m.end(), full


def _within(text: str, start: int, end: int, full: str) -> bool:
    """Whether the name part at ``start:end`` is written inside the whole name ``full``."""
    at = text.find(full, max(0, end - len(full)), start + len(full))
    return 0 <= at <= start and end <= at + len(full)


# an English given name and a Chinese surname, as mixed notes write colleagues: "Linda 彭", "Grace 孔"
# (not one the full name glosses: "Grace 孔（孔令仪）" is 孔令仪)
_MIXED_NAME = re.compile(
    rf"(?<![{_LATIN}])([A-Z][a-z]{{2,11}}) ?([{ZH_SURNAMES}])(?![\u4e00-\u9fff])"
    r"(?!\s?[（(]\s?\2[\u4e00-\u9fff])"
)


def mixed_names(text: str) -> Iterator[tuple[int, int]]:
    """Spans of an English given name followed by a Chinese surname ("Amy 唐 is the CFO")."""
    for m in _MIXED_NAME.finditer(text):
        if gender_of(m.group(1)) and m.group(2) not in _VERB_AFTER_A_NAME:
            yield m.start(), m.end()


# surnames that are as often the word after a name: "现在归 Grace 管", "Amy 和 Tom", "Kevin 说"
_VERB_AFTER_A_NAME = frozenset("管和向跟给让对说在是为由把被将也都还就要会能与及同")
