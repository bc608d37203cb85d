"""Pair scores with reasons in words.

A score starts from name similarity and moves with the other evidence: shared
identifiers (tax number, domain, phone, e-mail) add, disagreeing ones subtract, as do
other cities or countries. Weights are named here so a reviewer can see why a pair
scored what it did; the same numbers produce the ``reasons`` of every merge.
"""

from __future__ import annotations

from datetime import timedelta
from typing import NamedTuple

from ingest.normalize import email_domain, has_cjk, is_freemail

from .features import Idf, Prepared
from .names import company_name_sim, person_name_sim

# Company evidence.
SAME_TAX = 0.6
OTHER_TAX = -1.0  # two different registration numbers are two legal entities
# A company limited by shares and a limited liability one (Chinese legal names state which) are
# two legal entities: a group and its listed arm are often named alike but for this.
OTHER_SHARE_FORM = -0.5
SAME_DOMAIN = 0.4
OTHER_DOMAIN = -0.2
SAME_PHONE = 0.3
# Across scripts (a name only in Chinese against one only in English) the names can say little,
# so a shared domain or phone number speaks for them: with the same city, or no city, it merges.
SAME_ID_ACROSS_SCRIPTS = 0.85
OTHER_PHONE = -0.05
SAME_CITY = 0.05
OTHER_CITY = -0.2
OTHER_COUNTRY = -0.6
# Person evidence. Contact details only disagree meaningfully at the same employer:
# after a job change a new address and number are expected.
SAME_EMAIL = 0.5
OTHER_WORK_EMAIL = -0.3  # two work mailboxes at one employer: two people
OTHER_EMAIL = -0.2  # a web-mail address against another address
SAME_PERSON_PHONE = 0.4
OTHER_PERSON_PHONE = -0.2
SAME_EMPLOYER = 0.15
OTHER_EMPLOYER = -0.5
JOB_CHANGE = 0.0  # a job change cancels the other-employer penalty; it adds nothing itself
JOB_CHANGE_GAP = timedelta(days=180)
OTHER_SENIORITY = -0.15
OTHER_SECTOR = -0.15
# A job change is inferred from the name alone, so each further employer with someone of
# that name weakens it (the mover's own two employers are expected).
COMMON_NAME = -0.015
# Coarse sectors: a move from a hospital to a chemical plant is rarer than one within a sector.
SECTORS = {
    "hospital": "healthcare", "specialty hospital": "healthcare", "clinical laboratory": "healthcare",
    "pharmaceuticals": "healthcare", "medical distribution": "healthcare", "medical tubing": "healthcare",
    "industrial machinery": "industrial", "automotive parts": "industrial",
    "electronics & semiconductors": "industrial",
    "chemicals": "industrial", "food & beverage": "industrial", "electronic components": "industrial",
    "injection molding": "industrial", "stainless steel": "industrial", "packaging materials": "industrial",
    "polymer materials": "industrial", "cemented carbide": "industrial", "base oils": "industrial",
    "nonwoven fabrics": "industrial", "logistics": "industrial", "system integration": "industrial",
}  # fmt: skip


def _company_name(a: Prepared, b: Prepared, idf: Idf) -> tuple[float, str]:
    best, why = 0.0, ""
    for na in a.company_names:
        for nb in b.company_names:
            s, w = company_name_sim(na, nb, idf)
            if s > best:
                best, why = s, w
    return best, why


class CompanyScore(NamedTuple):
    score: float
    reasons: list[str]
    #: names in two scripts and nothing disagreeing: the low score says nothing against the pair,
    #: so it never vetoes a merge through other records
    mute: bool


def score_companies(a: Prepared, b: Prepared, idf: Idf) -> CompanyScore:
    name, why = _company_name(a, b, idf)
    score = name
    reasons = [f"name {name:.2f} ({why})" if why else "name 0.00"]
    against = False  # an identifier or place that differs
    ra, rb = a.rec, b.rec
    if ra.tax_id and rb.tax_id:
        if ra.tax_id == rb.tax_id:
            score += SAME_TAX
            reasons.append(f"same tax number {ra.tax_id}")
        else:
            score += OTHER_TAX
            reasons.append(f"different tax numbers {ra.tax_id} / {rb.tax_id}")
            against = True
    forms_a, forms_b = _share_forms(a), _share_forms(b)
    if forms_a and forms_b and not forms_a & forms_b:
        score += OTHER_SHARE_FORM
        reasons.append("one limited by shares (股份有限公司), the other not")
        against = True
    across = across_scripts(a, b)
    if a.domain and b.domain:
        if a.domain == b.domain:
            score += SAME_ID_ACROSS_SCRIPTS if across else SAME_DOMAIN
            reasons.append(f"same domain {a.domain}")
        else:
            score += OTHER_DOMAIN
            reasons.append(f"different domains {a.domain} / {b.domain}")
            against = True
    if ra.phone and rb.phone:
        if ra.phone == rb.phone:
            score += SAME_ID_ACROSS_SCRIPTS if across else SAME_PHONE
            reasons.append(f"same phone {ra.phone}")
        else:
            score += OTHER_PHONE
            reasons.append(f"different phones {ra.phone} / {rb.phone}")
            against = True
    place = _place(a, b, reasons)
    if across and (trades := _other_trades(a, b)):
        reasons.append(f"other trades {trades}")
        against = True
    return CompanyScore(score + place, reasons, across and not against and place >= 0)


def _other_trades(a: Prepared, b: Prepared) -> str:
    """Both records name their trade and no word of it is shared: "automation / dairy"."""
    ta, tb = a.trades, b.trades
    return "" if not ta or not tb or ta & tb else f"{' '.join(sorted(ta))} / {' '.join(sorted(tb))}"


def _share_forms(p: Prepared) -> set[bool]:
    return {n.share_form for n in p.company_names if n.share_form is not None}


def across_scripts(a: Prepared, b: Prepared) -> bool:
    """One record's names are all Chinese and the other's all Latin."""
    zh_a = {has_cjk(n) for n in a.rec.names if n}
    zh_b = {has_cjk(n) for n in b.rec.names if n}
    return (zh_a, zh_b) in (({True}, {False}), ({False}, {True}))


def _place(a: Prepared, b: Prepared, reasons: list[str]) -> float:
    ca, cb = a.rec.country, b.rec.country
    if ca and cb and ca != cb:
        reasons.append(f"different countries {ca} / {cb}")
        return OTHER_COUNTRY
    if a.city and b.city:
        if a.city == b.city:
            reasons.append(f"same city {a.city}")
            return SAME_CITY
        reasons.append(f"different cities {a.city} / {b.city}")
        return OTHER_CITY
    return 0.0


def _job_change(a: Prepared, b: Prepared) -> str | None:
    """One record's job ended and the other's began afterwards (within ``JOB_CHANGE_GAP``)."""
    for old, new in ((a.rec, b.rec), (b.rec, a.rec)):
        if old.until and new.since and old.until <= new.since <= old.until + JOB_CHANGE_GAP:
            left, joined = old.until.isoformat(), new.since.isoformat()
            return f"left {old.company_key} {left}, joined {new.company_key} {joined}"
    return None


def _sector(industry: str | None) -> str | None:
    return SECTORS.get(industry.strip().lower()) if industry else None


def _contact_details(a: Prepared, b: Prepared, same_employer: bool, reasons: list[str]) -> float:
    ra, rb = a.rec, b.rec
    score = 0.0
    if ra.email and rb.email:
        if ra.email == rb.email:
            score += SAME_EMAIL
            reasons.append(f"same email {ra.email}")
        elif same_employer:
            work = not is_freemail(email_domain(ra.email)) and not is_freemail(email_domain(rb.email))
            score += OTHER_WORK_EMAIL if work else OTHER_EMAIL
            reasons.append(f"different {'work ' if work else ''}emails {ra.email} / {rb.email}")
    if ra.phone and rb.phone:
        if ra.phone == rb.phone:
            score += SAME_PERSON_PHONE
            reasons.append(f"same phone {ra.phone}")
        elif same_employer:
            score += OTHER_PERSON_PHONE
            reasons.append(f"different phones {ra.phone} / {rb.phone}")
    return score


def _employer(a: Prepared, b: Prepared, reasons: list[str]) -> float:
    ra, rb = a.rec, b.rec
    if ra.company_key == rb.company_key:
        reasons.append(f"same company {ra.company_key}")
        return SAME_EMPLOYER
    move = _job_change(a, b)
    if not move:
        reasons.append(f"different companies {ra.company_key} / {rb.company_key}")
        return OTHER_EMPLOYER
    score = JOB_CHANGE
    reasons.append(f"job change: {move}")
    if ra.seniority and rb.seniority and ra.seniority != rb.seniority:
        score += OTHER_SENIORITY
        reasons.append(f"different seniority {ra.seniority} / {rb.seniority}")
    others = max(a.namesakes, b.namesakes) - 1
    if others > 0:
        score += COMMON_NAME * others
        reasons.append(f"name also found at {others} other employer{'s' if others > 1 else ''}")
    sa, sb = _sector(ra.industry), _sector(rb.industry)
    if sa and sb and sa != sb:
        score += OTHER_SECTOR
        reasons.append(f"different sectors {sa} / {sb}")
    return score


def score_people(a: Prepared, b: Prepared) -> tuple[float, list[str]]:
    name, why = person_name_sim(a.person_keys, b.person_keys)
    score = name
    reasons = [f"name {name:.2f} ({why})"]
    known = bool(a.rec.company_key and b.rec.company_key)
    same_employer = known and a.rec.company_key == b.rec.company_key
    score += _contact_details(a, b, same_employer or not known, reasons)
    if known:
        score += _employer(a, b, reasons)
    return score, reasons
