"""New people the note names in full after naming them short: a reference glossed by a full name
("严局定（严志平 副局长）") and a given name said before the full one ("Daniel … Daniel Ferreira")."""

from __future__ import annotations

from ingest.normalize.text import has_cjk

from ._facts import Extraction, Fact
from ._mentions import PRONOUN, SPEAKER, Mention
from ._name_forms import is_ref, ref_parts

NEAR = 80  # characters between a reference and the full name that glosses it, about a sentence


def named_in_full(new_people: dict[str, tuple[str, str]], mentions: list[Mention]) -> None:
    """A new person first named by a reference ("严局", "小柯") and linked to a full name near it
    takes that name: "项目最后得严局定（严志平 副局长）" is about 严志平. A full name of the same
    surname further off may be someone else (our own 吴桐 in the plan below 信达's 吴总), and
    leaves the reference's name."""
    refs = [m for m in mentions if m.label == "PERSON" and m.node_id in new_people and is_ref(m.text)]
    for m in mentions:
        said = new_people.get(m.node_id)
        if said is None or m.label != "PERSON" or is_ref(m.text) or not is_ref(said[0]):
            continue
        if m.key in (PRONOUN, SPEAKER) or not m.text.startswith(ref_parts(said[0])[0]):
            continue
        if any(r.node_id == m.node_id and abs(m.start - r.end) <= NEAR for r in refs):
            new_people[m.node_id] = (m.text, said[1])


def named_later_in_full(out: Extraction) -> None:
    """A new person named by a given name alone before the note names them in full is that person:
    "the decision sits with you and Daniel (your MD) … Daniel Ferreira signs the cheque". Only
    where one person of the note has that given name."""
    full: dict[str, list[str]] = {}
    for pid, (name, _) in out.new_people.items():
        if len(name.split()) >= 2 and not has_cjk(name):
            full.setdefault(name.split()[0].lower(), []).append(pid)
    alias = {
        pid: full[name.lower()][0]
        for pid, (name, _) in out.new_people.items()
        if " " not in name.strip() and not has_cjk(name) and len(full.get(name.lower(), [])) == 1
    }
    if not alias:
        return
    for m in out.mentions:
        m.node_id = alias.get(m.node_id, m.node_id)
    # the same role or reporting line said of both names is one fact (employments: see ``fullest``)
    seen = {_said(f) for f in out.facts}
    facts = []
    for f in out.facts:
        if f.subject[1] in alias or f.object[1] in alias:
            f.subject = (f.subject[0], alias.get(f.subject[1], f.subject[1]), f.subject[2])
            f.object = (f.object[0], alias.get(f.object[1], f.object[1]), f.object[2])
            key = _said(f)
            if f.subject[1] == f.object[1] or (key in seen and f.relation not in ("WORKS_AT", "USES")):
                continue
            seen.add(key)
        facts.append(f)
    out.facts = facts
    for pid, into in alias.items():
        del out.new_people[pid]
        for said in (out.stances, out.genders):  # what the note said of the short name holds for both
            if pid in said:
                said.setdefault(into, said.pop(pid))


def _said(f: Fact) -> tuple[str, str, str, str]:
    """What a fact states: its relation, its ends and the role it gives."""
    return (f.relation, f.subject[1], f.object[1], str(f.props.get("role", "")))
