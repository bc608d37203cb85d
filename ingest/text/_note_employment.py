"""Employment a note states by its form rather than in a sentence: signatures, addresses, and
known contacts called by surname and title.

A signature block names its person's title and company; an e-mail address at a company's
domain places its person there, and so does writing in a chat or sending a mail as a known
contact of a company the note is about. Chinese writers address and refer to people by surname plus
title ("宋科长好", "魏经理早"); where such a reference is linked to a CRM contact of a company
the note is about, the title is a fact the note states about their job. Honorifics that are
not job titles (总, 工, 老师, 先生 ...) say nothing of the job; and what the note's sentences
say of a person (a title, a departure, a move) always wins over these.
"""

from __future__ import annotations

from typing import Any

from ._attendees import attendees
from ._emitting import CONF_KNOWN, CONF_NEW
from ._facts import Extraction, Fact
from ._gazetteer import Gazetteer
from ._layout import Span4, addressed_people, signature_people, timed
from ._lexicon import department_of
from ._mentions import Mention
from ._name_forms import ref_parts
from ._nlp import PERSON_REF

#: what follows a surname only as a form of address
ADDRESS_ONLY = frozenset(
    ("总", "工", "局", "处", "院", "董", "老师", "先生", "女士", "小姐", "博士", "医生", "教授")
)


def note_employment(
    out: Extraction, gz: Gazetteer, text: str, lang: str, doc_orgs: list[str], speakers: list[Span4]
) -> None:
    """Add WORKS_AT facts from signatures, addresses, chat speakers and titled references to ``out``."""
    home = (doc_orgs or [""])[0]
    signed = list(signature_people(text, out.mentions, home, gz.self_id))
    # "Thanks,\nTeresa\n--\nTeresa Olsen\nTerminal Operations Manager": the block with a title
    signed.sort(key=lambda s: s[2] is None)
    for person, company, title, (a, b) in signed:
        known = {
            f.object[1] for f in out.facts if f.relation == "WORKS_AT" and f.subject[1] == person.node_id
        }
        if company[1] in known:
            continue
        props: dict[str, Any] = {"current": True}
        if title is not None:
            props |= {"title": title.text, "department": department_of(title.text)}
        conf = CONF_NEW if person.node_id.startswith("TXT-") else CONF_KNOWN
        subject = ("Person", person.node_id, person.text)
        rule = f"works_at/{lang}/signature"
        out.facts.append(Fact("WORKS_AT", subject, company, props, text[a:b].strip(), a, b, rule, conf))
    for person, company_id, (a, b) in addressed_people(text, out.mentions, gz.domains, gz.self_id):
        if any(f.relation == "WORKS_AT" and f.subject[1] == person.node_id for f in out.facts):
            continue  # what the note says of the person already places them
        conf = CONF_NEW if person.node_id.startswith("TXT-") else CONF_KNOWN
        subject = ("Person", person.node_id, person.text)
        company = ("Company", company_id, gz.company_names.get(company_id, company_id))
        rule = f"works_at/{lang}/address"
        out.facts.append(Fact("WORKS_AT", subject, company, {"current": True}, text[a:b], a, b, rule, conf))
    placed = {f.subject[1] for f in out.facts if f.relation == "WORKS_AT"}
    for m, company_id, said in _titled_refs(gz, out.mentions, doc_orgs, placed):
        a, b = next(((s0, s1) for s0, s1, _ in out.sentences if s0 <= m.start < s1), (m.start, m.end))
        props = {"current": True, "title": said, "department": department_of(said)}
        company = ("Company", company_id, gz.company_names.get(company_id, company_id))
        subject = ("Person", m.node_id, m.text)
        rule = f"works_at/{lang}/titled_ref"
        out.facts.append(Fact("WORKS_AT", subject, company, props, text[a:b].strip(), a, b, rule, CONF_KNOWN))
    placed = {f.subject[1] for f in out.facts if f.relation == "WORKS_AT"}
    for m, company_id in _speaking_contacts(gz, out.mentions, doc_orgs, placed, timed(text, speakers)):
        a, b = next(((s0, s1) for s0, s1, _ in out.sentences if s0 <= m.start < s1), (m.start, m.end))
        company = ("Company", company_id, gz.company_names.get(company_id, company_id))
        subject = ("Person", m.node_id, m.text)
        rule = f"works_at/{lang}/speaker"
        props = {"current": True}
        out.facts.append(Fact("WORKS_AT", subject, company, props, text[a:b].strip(), a, b, rule, CONF_KNOWN))
    placed = {f.subject[1] for f in out.facts if f.relation == "WORKS_AT"}
    for m, company_id, a, b in attendees(text, out.mentions, home, gz.self_id):
        info = gz.people.get(m.node_id)
        if m.node_id in placed or (info is not None and info.crm and company_id not in info.companies):
            continue  # placed by what the note says of them, or the CRM's contact of another company
        placed.add(m.node_id)
        company = ("Company", company_id, gz.company_names.get(company_id, company_id))
        said = ref_parts(m.text)[1] if m.key == PERSON_REF else ""  # "天衡CA：黄经理"
        props = {"current": True} | ({"title": said} if said and said not in ADDRESS_ONLY else {})
        rule = f"works_at/{lang}/attendee"
        conf = CONF_NEW if m.node_id.startswith("TXT-") else CONF_KNOWN
        out.facts.append(
            Fact("WORKS_AT", ("Person", m.node_id, m.text), company, props, text[a:b], a, b, rule, conf)
        )


def _speaking_contacts(
    gz: Gazetteer, mentions: list[Mention], doc_orgs: list[str], placed: set[str], speakers: list[Span4]
) -> list[tuple[Mention, str]]:
    """(mention, company id) for each known contact of a company the note is about who speaks in
    it ("[09:18] 冯涛: …", "From: Jane Roe"), whom ``placed`` leaves out."""
    out: dict[str, tuple[Mention, str]] = {}
    for m in mentions:
        info = gz.people.get(m.node_id) if m.label == "PERSON" else None
        if info is None or not info.crm or m.node_id in placed or m.node_id in out:
            continue
        if not any(a <= m.start and m.end <= b for _, _, a, b in speakers):
            continue
        company = next((c for c in doc_orgs if c in info.companies and c != gz.self_id), "")
        if company:
            out[m.node_id] = (m, company)
    return list(out.values())


def _titled_refs(
    gz: Gazetteer, mentions: list[Mention], doc_orgs: list[str], placed: set[str]
) -> list[tuple[Mention, str, str]]:
    """(mention, company id, title) for the first titled reference to each known contact
    at a company the note is about, whom ``placed`` (the note's own statements) leaves out."""
    out: dict[str, tuple[Mention, str, str]] = {}
    for m in mentions:
        info = gz.people.get(m.node_id) if m.label == "PERSON" and m.key == PERSON_REF else None
        if info is None or not info.crm or m.node_id in placed or m.node_id in out:
            continue
        title = ref_parts(m.text)[1]
        company = next((c for c in doc_orgs if c in info.companies and c != gz.self_id), "")
        if title and title not in ADDRESS_ONLY and company:
            out[m.node_id] = (m, company, title)
    return list(out.values())
