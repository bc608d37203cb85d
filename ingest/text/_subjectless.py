"""The subject English notes leave out: "* Tomasz Nowak, IT Director. Was dead against cloud a
year ago, fine now. Owns the technical sign-off." The last sentence's subject is Tomasz: notes
drop it when the person is the item's or the paragraph's topic.

A sentence that names nobody and opens with a verb ("Owns", "Holds", "Will run", "Signs") or with
an adverb before a predicate ("Still the technical evaluator", "Now our champion") is read as
said of the person last named, as long as no blank line and no new list item came in between.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ._mentions import Mention

_OPENING = re.compile(
    r"[ \t\n]*(?:[-*•·–]\s*|\d+[.)]\s*)?"
    r"(?:(?:still|now|also|currently|definitely|clearly|probably|likely|really|very much|effectively|"
    r"basically|essentially|practically|already)\s+)*"
    r"(?:(?:owns|holds|controls|runs|leads|chairs|signs|approves|manages|makes|decides|scores|reviews|"
    r"assesses|evaluates|pushes|pushing|wants|keeps|sits|has|is|will|'ll|would|reports|handles|treat|"
    r"does|did|sold|sells|backs|backing|blocks|blocking|carried|carries|kicks|drives|driving|supports|"
    r"opposes|objects|champions|championed)\b"
    r"|(?<=\w )(?:the|our|their|a|an)\b"  # a predicate noun only after an adverb: "Still the TE"
    # a role said alone: "Champion.", "Gatekeeper on paperwork", "Our main blocker", "Likely the EB"
    r"|(?:(?:the|our|their|a|an|likely|probably|prob\.?|main|key|real|potential|likely the|probably the) )*"
    r"(?:champion|blocker|gatekeeper|decision[- ]maker|economic buyer|budget (?:holder|owner)|"
    r"technical evaluator|influencer|(?:main|key|end|power|daily|day-to-day) user|sponsor|coach|ally)\b)",
    re.I,
)
_FIRST_CLAUSE = re.compile(r"[;；]|\s[—–-]\s")
_BREAK = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:[-*•·–]|\d+[.)])\s")


# a reporting line with its subject left out: "Reports to Hema.", "Answers to the MD, Richard Thorne"
_LINE_OPENING = re.compile(
    r"[ \t\n]*(?:[-*•·–]\s*|\d+[.)]\s*)?(?:(?:still|now|also|currently|directly|formally)\s+)*"
    r"(?=(?:reports|answers|works for|sits under|rolls up)\b)",
    re.I,
)


def carried_subject(
    text: str,
    s0: int,
    worded: str,
    ments: list[Mention],
    mentions: list[Mention],
    last_person: str,
    *,
    line: bool = False,
) -> tuple[str, list[Mention]] | None:
    """The sentence's role skeleton with the left-out subject put back as a person mark before it,
    and the sentence's mentions with that person's added; None when the sentence has its subject.
    ``line``: a reporting line, which names the manager but not its subject ("Reports to Hema.")."""
    opening = (_LINE_OPENING if line else _OPENING).match(worded)
    # a person named only in a later clause is not its subject: "Our champion; she has been selling it"
    if not last_person or ("«P" in _FIRST_CLAUSE.split(worded, 1)[0] and not line) or opening is None:
        return None
    if line:  # "- Reports to Hema." is read "«P9» reports to «P1»."
        said = worded[opening.end() :]
        worded = said[:1].lower() + said[1:]
    named = [m for m in mentions if m.node_id == last_person and m.label == "PERSON" and m.end <= s0]
    opens = len(text) - len(text[s0:].lstrip())  # the sentence's first character; its span may hold newlines
    if not named or _BREAK.search(text, named[-1].end, opens + 2):
        return None
    person = replace(named[-1], start=s0, end=s0)
    return f"«P{len(ments)}» {worded.lstrip()}", [*ments, person]
