"""Whom a pronoun means: the person named last whose gender agrees, not the clause's own
subject when it is an object, not the one who reports what it says."""

from __future__ import annotations

import re

from ingest.normalize.text import fold

from ._link import PersonLinker
from ._mentions import Mention

_FEMININE = frozenset({"she", "her", "hers", "shes", "她"})
_MASCULINE = frozenset({"he", "him", "his", "hes", "他"})
# objects, and sources of reported speech ("据朱磊说他可能更倾向于奇安信": 他 is not 朱磊)
OBJECT_BEFORE = re.compile(
    r"(?:to|(?<=[a-z] )2|with|for|via|through|by|from|about|met|called|told|asked|emailed|into|"
    r"according to|per) $"
    # "归姚局管", "要约常局", "拜访杜院", "绕开柏主任": the person after the verb is its object
    r"|(?:向|跟|给|找|对|让|把|替|帮|据|听|归|约|见|拜访|陪同?|联系|请|通过|绕开|绕过|问|告诉|通知)$",
    re.I,
)

# in the predicate after its subject's copula: "邹建华是她的副手", "Raj is his deputy" (she is not 邹建华)
_AFTER_COPULA = re.compile(r"(?:(?<!不)是|\b(?:is|was|are|were) )$", re.I)


def antecedent(
    m: Mention,
    linker: PersonLinker,
    earlier: list[str],
    genders: dict[str, str],
    not_subjects: tuple[set[str], set[str]],
    here: set[str],
    chatting: frozenset[str] | set[str] = frozenset(),
) -> str:
    """The person a pronoun means: the one named last whose gender (learned from earlier
    pronouns) agrees; an object pronoun ("reports into him") is not its own clause's subject,
    and a subject pronoun is not a person the sentence named only as an object ("杨帆 reports to
    韩总，她是 heavy user": 她 is 杨帆) or, less still, as a possessor, while someone else is at hand;
    never one of the people ``chatting`` (the speakers of a chat's lines and a mail's sender),
    whom "I" and "you" mean."""
    word = m.text.lower()
    gender = "f" if word in _FEMININE else "m" if word in _MASCULINE else ""
    objective = (
        word == "him"
        or (word in ("her", "他", "她") and OBJECT_BEFORE.search(m.value) is not None)
        or (word in ("her", "his", "他", "她") and _AFTER_COPULA.search(m.value) is not None)
    )
    objects, possessors = not_subjects
    skip = (set(earlier) if objective else set()) | set(chatting)
    fitting = [
        n.node_id
        for n in reversed(linker.named)
        if n.node_id not in skip and not (gender and (genders.get(n.node_id) or n.gender or gender) != gender)
    ]
    reported = _REPORTED.search(m.value)
    if (
        len(fitting) > 1
        and reported
        and fitting[0] == linker.named[-1].node_id
        and _said_by(m.value[: reported.start()].split()[-1:], linker.named[-1].families)
    ):
        fitting = fitting[1:]  # "sophie says hes the TE": the one who says it is not the one said of
    if not fitting:
        return ""
    # the latest named as a subject, else as an object, else as a possessor; but when this
    # sentence named people only as objects, its object is meant ("the business case goes to
    # Graham Pike (CFO), he holds the budget"), not someone from before
    subjects_here = here - objects - possessors
    shun_objects = bool(subjects_here & set(fitting)) or not here
    best = min(fitting, key=lambda p: (p in possessors, shun_objects and p in objects and not objective))
    if gender:
        genders.setdefault(best, gender)
    return best


# the sayer named right before the verb ("sophie says hes the TE"); not a verb whose subject the
# clause left out ("Jens admitted he was wrong and said he's now on board": he is Jens)
_REPORTED = re.compile(
    r"(?<!\band )(?<!\bbut )(?<!\bthen )(?<!\balso )(?<!\bhe )(?<!\bshe )(?<!\bwho )\b"
    r"(?:says|said|thinks|thought|reckons|mentioned|told (?:me|us)|believes|claims|feels)\s+(?:that\s+)?$",
    re.I,
)


_WORD_AT_END = re.compile(r"[\w'’]*$")


def _said_by(sayer: list[str], families: set[str]) -> bool:
    """Whether the word before "said" (``sayer``: none or one) may be the person named last: a
    capitalised name of someone else ("Lorraine Washington did not attend – Dan said she'll chair")
    is not."""
    word = _WORD_AT_END.search(sayer[0]) if sayer else None
    name = re.sub(r"['’]s$", "", word.group() if word else "")
    return not name[:1].isupper() or fold(name) in families or name in ("I", "We", "They")
