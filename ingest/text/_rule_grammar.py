"""The grammar relation rules are written in: regular expressions over a sentence's *skeleton*.

A skeleton is the sentence with each recognised mention replaced by a slot marker
(``«O3»`` an organisation, ``«P1»`` a person, ``«T2»`` a title, ``«X0»`` a product,
``«K4»`` a topic, ``«D5»`` a date), so a rule reads like the sentence it matches:
``{P} \\({T}\\) at {C}``. A person slot also accepts a name the graph does not know yet
(two capitalised words; a Chinese surname and one or two characters). Every rule has a
name, which is stored in the evidence of the edge it produced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._lexicon import EN_HONORIFICS, FUNCTION_SURNAMES, ZH_AFTER_NAME, ZH_SURNAMES
from ._literals import required_literals
from ._zh_names import NOT_GIVEN

# Latin names: two capitalised words, letters with accents and umlauts included ("Julia Müller").
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_WORD = rf"[{_UP}][{_LOW}]+(?:-[{_UP}{_LOW}][{_LOW}]+)?"
_LATIN = rf"{_WORD} {_WORD}"
_AFTER = re.escape("".join(sorted(ZH_AFTER_NAME)))
_NAMED = "".join(f for f in ZH_SURNAMES if f not in FUNCTION_SURNAMES)
_FUNCTIONAL = "".join(f for f in ZH_SURNAMES if f in FUNCTION_SURNAMES)
_NOT_GIVEN_CHARS = re.escape("".join(sorted(NOT_GIVEN)))  # "钱和拍板都在赵总那边" names no 钱和
NAME = {
    "en": _LATIN,
    # a surname, one character, and a third unless it is one that follows names ("王强是"); a
    # Chinese note also names foreigners in Latin letters ("Petra Becker是...")
    # a surname that is mostly a preposition or verb ("在", "管") starts no name after a character:
    # "预算在分管副行长袁立手里" holds no 管副行
    "zh": rf"(?:[{_NAMED}]|(?<![\u4e00-\u9fff])[{_FUNCTIONAL}])(?![{_NOT_GIVEN_CHARS}])[\u4e00-\u9fff]"
    rf"(?:(?![{_AFTER}])[\u4e00-\u9fff])?|{_LATIN}",
}
# "Mr. Neumann" in a Chinese note (the English pipeline finds these with its ruler).
LATIN_REF = re.compile(rf"\b(?:{'|'.join(re.escape(h) for h in EN_HONORIFICS)}) ?{_WORD}")
#: a person slot for a person the note has marked only, never a name read off the rule's own words
#: ("钱还是她管": 钱还 is the money, not someone); ``pn`` is there, never matching, for the readers of
#: a person slot's groups
KNOWN_PERSON = r"(?:«P(?P<p>\d+)»|(?P<pn>(?!)))"
GAP = r"(?:[^«»\n;；]|«[OXDKT]\d+»){0,80}?"  # may pass companies, products, topics, dates, titles
# a person named as an object ("向«P2»汇报", "reports to «P2»") or as a possessor ("«P2»手下的工程师",
# "«P2»'s team") is not the subject of the clause: "彭小川是罗婷手下的工程师，…，会是主要使用人"
OBJECT_MARK = (
    r"(?:向|跟|对|给|找|让|把|替|帮|陪|经过|通过|(?<!大)约|拜访|"
    r"\b(?:to|into|with|for|by|from|under|than|about|of) )"
)
POSSESSED = (
    r"(?:的?(?:分管|直属|直接)?(?:下属|手下|部下|上级|领导|老板|同事|助理|秘书|团队)|(?:下面|底下)的|那边|那里|面前|跟前|身边"
    # and a possessive pronoun's: "Raymond Cheung, Legal Tech Analyst in my team, will do …"
    r"|['’]s (?:boss|team|manager|reports?)\b| (?:boss|team|manager)\b)"
)
# a person a subject has do something is that deed's subject: "郑主任会让许副主任牵头并拍板" is 许's call
# and one a deed was done to is its object: "孟凡主动联系了王总，明显在帮我们" is 孟凡's help
_NOT_CAUSED = OBJECT_MARK.replace("让|", "").replace("(?:向|", "(?:(?<=[\u4e00-\u9fff])(?<!除)了|向|")
# "with «P2» (CFO) holding the purse strings": the person before a participle is its subject
NO_PARTICIPLE = (
    r"(?!\s*(?:[(（][^()（）\n]{0,30}[)）])?,?\s*"
    r"(?!(?:during|morning|evening|meeting|nothing|something|anything|everything)\b)[a-z]+ing\b)"
)
SUBJECT_GAP = rf"(?:[^«»\n;；]|«[OXDKT]\d+»|{_NOT_CAUSED}«P\d+»{NO_PARTICIPLE}|«P\d+»{POSSESSED}){{0,80}}?"
SLOTS = {
    "P": ("P", "p"),
    "M": ("P", "m"),
    "C": ("O", "c"),
    "V": ("O", "v"),
    "S": ("O", "s"),
    "W": ("O", "w"),
    "T": ("T", "t"),
    "X": ("X", "x"),
    "K": ("K", "k"),
    "D": ("D", "d"),
}


@dataclass(frozen=True)
class Rule:
    name: str
    relation: str
    lang: str
    regex: re.Pattern[str]
    props: tuple[tuple[str, str], ...] = ()
    #: sets of strings (lower-cased), every match holding one string of each: a sentence lacking
    #: all of one set skips the rule without a search
    gate: tuple[frozenset[str], ...] = ()

    def may_match(self, lowered: str) -> bool:
        """Whether a text, lower-cased, holds what every match of the rule holds."""
        return all(any(w in lowered for w in need) for need in self.gate)


#: a word of a rule and the shorthand notes write it in: "go thru her", "mtg w/ L. Whitley"
_SHORTHAND = (
    (re.compile(r"(?<![A-Za-z\\])through(?![A-Za-z])"), "thr(?:ough|u)"),
    (re.compile(r"(?<![A-Za-z\\])with(?![A-Za-z])"), "(?:with|w/)"),
)


def _in_shorthand(pattern: str) -> str:
    """The pattern reading a word's shorthand too (``_SHORTHAND``), but in a lookbehind, which must
    keep its width."""
    out, at = [], 0
    for behind in re.finditer(r"\(\?<[=!]", pattern):
        if behind.start() < at:
            continue  # nested in the last one
        end, depth = behind.end(), 1
        while depth and end < len(pattern):
            depth += {"(": 1, ")": -1}.get(pattern[end], 0) if pattern[end - 1] != "\\" else 0
            end += 1
        out += [_words_in_shorthand(pattern[at : behind.start()]), pattern[behind.start() : end]]
        at = end
    return "".join([*out, _words_in_shorthand(pattern[at:])])


def _words_in_shorthand(text: str) -> str:
    for word, written in _SHORTHAND:
        text = word.sub(written, text)
    return text


def compile_rule(pattern: str, lang: str) -> re.Pattern[str]:
    out = pattern.replace("{_s}", SUBJECT_GAP).replace("{_}", GAP)
    if lang != "zh":
        out = _in_shorthand(out)
    for slot, (kind, group) in SLOTS.items():
        marker = rf"«{kind}(?P<{group}>\d+)»"
        if kind == "P":
            marker = rf"(?:{marker}|(?P<{group}n>{NAME[lang]}))"
            if group == "p":  # "Jonas Becker (Ops Manager)", "Oscar Pereira, QA Manager," reports to Hans
                marker += (
                    r"(?:\s*[(（](?:«[TP]\d+»|[^()（）«»\n]){1,40}[)）]"
                    r"|[,，]\s*(?:the |our |their )?«T\d+»(?:\s*[(（]«T\d+»[)）])?\s*[,，–—-]?)??"
                )
            if group == "m":  # "reports to President and CEO Douglas Wren", "to the CFO, Graham Pike"
                # but not to "Gary's successor": a possessor is not the manager, unless the rule
                # itself reads the possessive ("on Li Wen's team", "Ian's deputy")
                marker = r"(?:(?:«T\d+»|and|&|the|our|their),?\s*)*" + marker
                for possessive in ("'", "(?:'", "['"):
                    out = out.replace("{M}" + possessive, marker + possessive)
                marker += r"(?!['’]s\b)" if lang != "zh" else r"(?:\s?«T\d+»)?"  # "向何建国副院长汇报"
        out = out.replace("{" + slot + "}", marker)
    return re.compile(out)


def rules_of(lang: str, relation: str, patterns: list[str], **props: str) -> list[Rule]:
    tag = "_".join(f"{k}={v}" for k, v in props.items())
    out = []
    for i, p in enumerate(patterns):
        regex = compile_rule(p, lang)
        name = f"{relation.lower()}/{lang}/{tag + '/' if tag else ''}{i}"
        out.append(Rule(name, relation, lang, regex, tuple(props.items()), required_literals(regex.pattern)))
    return out
