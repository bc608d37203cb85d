"""The bilingual part of the company benchmark: real Chinese companies, each written in Chinese by
one system and in English by another.

The names come from ``corpora/companies_zh_en`` (written by hand from the companies' own published
names; ``test`` written first and held out, ``dev`` to tune on), with pairs of distinct look-alike
companies (中国石油化工 / 中国石油天然气, 京东 / 京东方) as hard negatives. Each company is written as
an English CRM holds it (official or short English name, often the website, sometimes a phone), as
a GB18030 ERP holds it (the Chinese legal or short name, usually a phone, the city in Chinese) and
as typed leads (short name in either script). The exports use the columns of the listed-company
benchmark, so its mappings read them. A fixed seed makes every build byte-identical.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumber
from phonenumbers import PhoneNumberFormat as Fmt

from ingest.records.benchmark_exports import draw_phone, write_exports
from ingest.records.company_benchmark import CRM, ERP, KEYS, MKT, PARTS
from ingest.records.mapping import MappingError

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "companies_zh_en"
SEED = 20_261_204
# fmt: off
#: which exports hold a company: most are in the English CRM and the Chinese ERP both
PRESENCE = {(CRM, ERP): 50, (CRM, ERP, MKT): 20, (CRM, MKT): 6, (ERP, MKT): 6, (CRM,): 8, (ERP,): 8,
            (MKT,): 2}
# fmt: on


@dataclass(frozen=True)
class Company:
    zh_name: str
    zh_short: str
    en_name: str
    en_short: str
    domain: str
    city_zh: str
    city_en: str


def load(part: str) -> tuple[list[Company], list[tuple[Company, Company]]]:
    """The part's companies (look-alikes that are not on its list added, by their names only) and
    its look-alike pairs."""
    if part not in PARTS:
        raise MappingError(f"bilingual benchmark part {part!r}: the parts are {', '.join(PARTS)}")
    with (CORPUS / f"{part}.csv").open(encoding="utf-8", newline="") as f:
        companies = {
            row["zh_name"]: Company(*(row[k].strip() for k in Company.__dataclass_fields__))
            for row in csv.DictReader(f)
        }
    pairs = []
    with (CORPUS / f"lookalikes_{part}.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            a, b = ((row[f"{s}_zh_name"].strip(), row[f"{s}_en_name"].strip()) for s in "ab")
            for zh, en in (a, b):
                companies.setdefault(zh, Company(zh, zh, en, en, "", "", ""))
            pairs.append((companies[a[0]], companies[b[0]]))
    return sorted(companies.values(), key=lambda c: c.zh_name), pairs


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.rows: dict[str, list[tuple[str, dict[str, str]]]] = {CRM: [], ERP: [], MKT: []}
        self.phones: set[str] = set()

    def maybe(self, p: float, value: str) -> str:
        return value if value and self.rng.random() < p else ""

    def write(self, c: Company, exports: tuple[str, ...]) -> None:
        phone = draw_phone(self.rng, "CN", self.phones)
        if CRM in exports:
            self.crm(c, phone)
        if ERP in exports:
            self.erp(c, phone)
        if MKT in exports:
            self.lead(c)

    def crm(self, c: Company, phone: PhoneNumber | None) -> None:
        website = self.rng.choice((c.domain, f"www.{c.domain}", f"https://www.{c.domain}/en"))
        self.rows[CRM].append((c.zh_name, {
            "account_name": c.en_name if self.rng.random() < 0.7 else c.en_short,
            "website": self.maybe(0.6, c.domain and website),
            "phone": self.maybe(0.4, phonenumbers.format_number(phone, Fmt.INTERNATIONAL) if phone else ""),
            "city": self.maybe(0.8, c.city_en), "country": "CN", "isin": "",
        }))  # fmt: skip

    def erp(self, c: Company, phone: PhoneNumber | None) -> None:
        if phone and self.rng.random() < 0.1:  # another line of the company's
            phone = draw_phone(self.rng, "CN", self.phones)
        self.rows[ERP].append((c.zh_name, {
            "cust_name": c.zh_name if self.rng.random() < 0.75 else c.zh_short,
            "tel": self.maybe(0.7, phonenumbers.format_number(phone, Fmt.NATIONAL) if phone else ""),
            "city": self.maybe(0.8, c.city_zh), "country": "CN",
        }))  # fmt: skip

    def lead(self, c: Company) -> None:
        english = self.rng.random() < 0.5
        name = (c.en_short.lower() if self.rng.random() < 0.5 else c.en_short) if english else c.zh_short
        city = self.rng.choice((c.city_en, c.city_zh))
        self.rows[MKT].append((c.zh_name, {"company": name, "city": self.maybe(0.6, city),
                                           "website": self.maybe(0.15, c.domain)}))  # fmt: skip


def write_bilingual_benchmark(part: str, out: Path) -> Path:
    """Write ``part``'s exports under ``out`` with ``ground_truth/duplicates.jsonl`` (a line per
    company held twice or more), ``ground_truth/hard_negatives.jsonl`` (records of two look-alike
    companies, across the scripts where they can be) and ``manifest.json``; returns ``out``."""
    companies, lookalikes = load(part)
    w = _Writer(random.Random(f"{SEED}:{part}"))  # noqa: S311 - test data, not secrets
    for c in companies:
        w.write(c, w.rng.choices(list(PRESENCE), weights=list(PRESENCE.values()))[0])
    records = write_exports(w.rows, KEYS, out, w.rng, {ERP: "gb18030"})
    held = [records[c.zh_name] for c in companies]
    truth = [{"entity": "company", "records": refs} for refs in held if len(refs) > 1]
    negatives = [
        {"entity": "company", "a": ra, "b": rb}
        for a, b in lookalikes
        for ra in records[a.zh_name]
        for rb in records[b.zh_name]
        if ra["file"] != rb["file"]
    ]
    (out / "ground_truth").mkdir(parents=True, exist_ok=True)
    for name, lines in (("duplicates", truth), ("hard_negatives", negatives)):
        text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        (out / "ground_truth" / f"{name}.jsonl").write_text(text, encoding="utf-8")
    manifest = {
        "source": f"{CORPUS.name}/{part}.csv", "part": part, "companies": len(companies),
        "lookalike_pairs": len(lookalikes), "records": {file: len(rows) for file, rows in w.rows.items()},
        "hard_negatives": len(negatives),
        "true_pairs": sum(len(t["records"]) * (len(t["records"]) - 1) // 2 for t in truth),
    }  # fmt: skip
    text = json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"
    (out / "manifest.json").write_text(text, encoding="utf-8")
    return out
