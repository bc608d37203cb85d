"""How each source system spells the same company or person.

The CRM keeps an English display name plus the local name; the ERP keeps the legal
name (Chinese for Chinese firms, upper-case English otherwise); the marketing sheet
has whatever a visitor typed at a booth.
"""

from __future__ import annotations

import random
import re

from ._model import Company, Person
from ._names import to_fullwidth, to_traditional


def _plain_upper(en: str) -> str:
    s = en.replace("Co., Ltd.", "LTD").replace(",", "").replace(".", "")
    return re.sub(r"\s+", " ", s).upper().strip()


def _paren_swap(zh: str) -> str:
    if "（" in zh:
        return zh.replace("（", "(").replace("）", ")")
    return zh.replace("(", "（").replace(")", "）")


def crm_names(c: Company, rng: random.Random) -> tuple[str, str]:
    if not c.is_cn:
        return c.name_en, ""
    r = rng.random()
    if r < 0.7:
        return c.name_en, c.name_zh if rng.random() > 0.02 else to_traditional(c.name_zh)
    if r < 0.82:
        return c.name_zh, ""
    if r < 0.92:
        return c.name_en, ""
    return c.short_en, c.name_zh


def crm_dup_names(c: Company, rng: random.Random) -> tuple[str, str]:
    """A second CRM record typed by another rep: a looser spelling of the same firm."""
    options = [(c.short_en, ""), (_plain_upper(c.name_en).title(), "")]
    if c.is_cn:
        options += [(c.short_zh, c.short_zh), (c.name_en.replace("Co., Ltd.", "Ltd"), _paren_swap(c.name_zh))]
    return rng.choice(options)


def erp_name(c: Company, rng: random.Random, old: bool = False) -> str:
    if not c.is_cn:
        return _plain_upper(c.name_en)
    zh = c.legal_old_zh if old and c.legal_old_zh else c.name_zh
    r = rng.random()
    if r < 0.12:
        return _plain_upper(c.name_en)
    if r < 0.2:
        return _paren_swap(zh) if "（" in zh or "(" in zh else zh.replace("有限公司", "(有限公司)", 1)
    if r < 0.25:
        return to_traditional(zh)
    if r < 0.3 and zh.startswith(c.city.zh):
        return zh[len(c.city.zh) :].lstrip("市")
    return zh


def lead_company(c: Company, rng: random.Random) -> str:
    options = [c.short_en, c.name_en.lower(), c.name_en, c.name_en.replace("Co., Ltd.", "Co Ltd")]
    if c.is_cn:
        options += [
            c.short_zh,
            c.name_zh,
            c.name_zh,
            to_fullwidth(c.short_en.upper()),
            _plain_upper(c.name_en),
        ]
    return rng.choice(options)


def crm_person_names(p: Person, rng: random.Random) -> tuple[str, str]:
    if not p.is_cn:
        return p.name_en, ""
    r = rng.random()
    if r < 0.55:
        return f"{p.given_en} {p.family_en}", p.name_zh
    if r < 0.8:
        return f"{p.family_en} {p.given_en}", p.name_zh
    return p.name_zh, ""


def lead_person_name(p: Person, rng: random.Random) -> str:
    if not p.is_cn:
        return rng.choice((p.name_en, p.name_en.upper(), f"{p.family_en}, {p.given_en}"))
    return rng.choice(
        (
            p.name_zh,
            p.name_zh,
            f"{p.family_en} {p.given_en}",
            f"{p.given_en} {p.family_en}",
            f"{p.family_en.upper()} {p.given_en}",
        )
    )


def mixed_case_email(email: str, rng: random.Random) -> str:
    if not email or rng.random() > 0.2:
        return email
    local, domain = email.split("@", 1)
    local = ".".join(part.capitalize() for part in local.split("."))
    return f"{local}@{domain if rng.random() < 0.5 else domain.upper()}"
