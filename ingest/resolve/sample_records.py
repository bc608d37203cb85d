"""Read the sample market's exports into ``EntityRecord``s (for evaluation only).

The real pipeline maps sources declaratively; this loader is what the resolution
evaluation uses until then. Rows that ``ground_truth/corruptions.jsonl`` lists are
skipped (validation rejects them in the real pipeline); a value that still fails to
normalise is dropped from the record rather than failing the load.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from openpyxl import load_workbook

from ingest.normalize import (
    NormalizationError,
    area_code,
    city_key,
    country_of_city,
    email,
    email_domain,
    is_freemail,
    parse_date,
    phone_e164,
)

from .model import EntityRecord

ACCOUNTS = "crm/accounts.csv"
CONTACTS = "crm/contacts.csv"
ERP = "erp/customers.csv"
LEADS = "marketing/leads.xlsx"
MARKET = "market/companies.jsonl"
Row = dict[str, Any]
T = TypeVar("T")


def _corrupted(root: Path) -> set[tuple[str, int]]:
    path = root / "ground_truth/corruptions.jsonl"
    if not path.exists():
        return set()
    with path.open(encoding="utf-8") as f:
        return {(d["file"], int(d["line"])) for d in map(json.loads, filter(str.strip, f))}


def _csv(root: Path, rel: str, skip: set[tuple[str, int]], encoding: str = "utf-8-sig") -> Iterator[Row]:
    with (root / rel).open(encoding=encoding, newline="") as f:
        reader = csv.DictReader(f)
        for row in reader:
            if (rel, reader.line_num) not in skip:
                yield row


def _jsonl(root: Path, rel: str, skip: set[tuple[str, int]]) -> Iterator[Row]:
    with (root / rel).open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if line.strip() and (rel, n) not in skip:
                yield json.loads(line)


def _xlsx(root: Path, rel: str, sheet: str, skip: set[tuple[str, int]]) -> Iterator[Row]:
    wb = load_workbook(root / rel, read_only=True, data_only=True)
    try:
        rows = wb[sheet].iter_rows(values_only=True)
        header = [str(h) for h in next(rows)]
        for n, values in enumerate(rows, start=2):
            if (rel, n) not in skip:
                yield dict(zip(header, values, strict=False))
    finally:
        wb.close()


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _opt(fn: Callable[[], T]) -> T | None:
    try:
        return fn()
    except NormalizationError:
        return None


def _phone(raw: object, country: str | None, city: str | None) -> str | None:
    text = _text(raw)
    if not text:
        return None
    return _opt(lambda: phone_e164(text, country or "CN", area_code(city)))


def _email(raw: object) -> str | None:
    text = _text(raw)
    return _opt(lambda: email(text)) if text else None


def _date(raw: object) -> date | None:
    text = raw if isinstance(raw, date) else _text(raw)
    return _opt(lambda: parse_date(text)) if text else None


def _names(*values: object) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in map(_text, values) if t))


def _company_domain(address: str | None) -> str | None:
    if not address:
        return None
    domain = email_domain(address)
    return None if is_freemail(domain) else domain


def load_companies(root: Path) -> list[EntityRecord]:
    """Company records from the CRM, the ERP, the marketing leads and the market file."""
    skip = _corrupted(root)
    out: list[EntityRecord] = []
    for row in _csv(root, ACCOUNTS, skip):
        country = _text(row["country"]) or None
        out.append(EntityRecord(
            "Company", ACCOUNTS, row["account_id"], _names(row["name"], row["name_local"]),
            domain=_text(row["domain"]).lower() or None, phone=_phone(row["phone"], country, row["city"]),
            city=city_key(row["city"]), country=country,
        ))  # fmt: skip
    for row in _csv(root, ERP, skip, encoding="gb18030"):
        tel = _text(row["tel"])
        country = country_of_city(row["city"]) or (
            "CN" if not tel.startswith("+") or tel.startswith("+86") else None
        )
        out.append(EntityRecord(
            "Company", ERP, row["cust_code"], _names(row["cust_name"]),
            phone=_phone(tel, country, row["city"]), city=city_key(row["city"]), country=country,
            tax_id=_text(row["tax_no"]).upper() or None,
        ))  # fmt: skip
    for row in _xlsx(root, LEADS, "Leads", skip):
        out.append(EntityRecord(
            "Company", LEADS, _text(row["lead_id"]), _names(row["company"]),
            domain=_company_domain(_email(row["email"])), city=city_key(_text(row["city"])),
            country=country_of_city(_text(row["city"])),
        ))  # fmt: skip
    for row in _jsonl(root, MARKET, skip):
        out.append(EntityRecord(
            "Company", MARKET, row["company_id"], _names(row.get("name"), row.get("name_local")),
            domain=_text(row.get("domain")).lower() or None, city=city_key(_text(row.get("city"))),
            country=_text(row.get("country")) or None,
        ))  # fmt: skip
    return [r for r in out if r.names and r.key]


def load_people(root: Path, company_of: Mapping[tuple[str, str], str]) -> list[EntityRecord]:
    """Person records from CRM contacts and leads; ``company_of`` maps (source, key) to a resolved company."""
    # A lead's captured_at is not the start of a job, so leads carry no ``since``.
    skip = _corrupted(root)
    accounts = {row["account_id"]: row for row in _csv(root, ACCOUNTS, skip)}
    out: list[EntityRecord] = []
    for row in _csv(root, CONTACTS, skip):
        account = accounts.get(row["account_id"], {})
        country = _text(account.get("country")) or None
        city = _text(account.get("city")) or None
        ref = (ACCOUNTS, row["account_id"])
        out.append(EntityRecord(
            "Person", CONTACTS, row["contact_id"], _names(row["name"], row["name_local"]),
            email=_email(row["email"]), phone=_phone(row["phone"], country, city), city=city_key(city),
            country=country, company_key=company_of.get(ref, f"{ref[0]}:{ref[1]}"),
            since=_date(_text(row["created_at"])[:10]), until=_date(row["left_at"]),
            seniority=_text(row["seniority"]) or None, industry=_text(account.get("industry")) or None,
        ))  # fmt: skip
    for row in _xlsx(root, LEADS, "Leads", skip):
        city = _text(row["city"])
        country = country_of_city(city) or "CN"
        key = _text(row["lead_id"])
        out.append(EntityRecord(
            "Person", LEADS, key, _names(row["contact_name"]), email=_email(row["email"]),
            phone=_phone(row["phone"], country, city), city=city_key(city), country=country,
            company_key=company_of.get((LEADS, key)),
        ))  # fmt: skip
    return [r for r in out if r.names and r.key]
