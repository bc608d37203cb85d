"""A company-name resolution benchmark from real listed companies, for ``accountgraph eval resolution``.

The sample market's generator cannot test company resolution honestly: its names and their corruptions come
from one hand. These names are real (``pytickersymbols``, MIT: ~1,800 listed companies with country, website,
ISIN), each written as three systems hold it: a CRM (clean names, websites, ISINs), a GB18030 ERP (upper case,
legal forms written otherwise, phones) and typed leads (lower case, typos, joined words, no legal form, some
twice); look-alike companies are hard negatives. A stable name hash splits the list into ``dev`` (to tune on)
and ``test`` (to report on); a fixed seed makes every build byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from importlib.metadata import version
from itertools import combinations
from pathlib import Path
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumber
from phonenumbers import PhoneNumberFormat as Fmt
from rapidfuzz import fuzz

from ingest.records.benchmark_exports import draw_phone, write_exports
from ingest.records.mapping import MappingError

MAPPING = Path(__file__).resolve().parent.parent / "mappings" / "companies"
PARTS = ("dev", "test")
SEED = 20_240_917
CRM, ERP, MKT = "crm/accounts.csv", "erp/customers.csv", "marketing/leads.csv"
KEYS = {CRM: ("account_id", "0013X0000{:06d}"), ERP: ("cust_code", "{:07d}"), MKT: ("lead_id", "L-{:06d}")}
SIMILAR = 85  # rapidfuzz ratio from which two names of distinct companies count as look-alikes
# fmt: off
#: which exports hold a company, and how often: most are in two or three, a fifth in one only
PRESENCE = {(CRM, ERP, MKT): 35, (CRM, ERP): 20, (CRM, MKT): 15, (ERP, MKT): 10, (CRM,): 8, (ERP,): 6,
            (MKT,): 6}
FORMS: dict[str, tuple[str, ...]] = {  # legal forms, usual short form first; "CH" last: not the generic one
    "Inc": ("Inc.", "Inc", "Incorporated"), "Corp": ("Corp.", "Corporation", "Corp"),
    "Co": ("Company", "Co."), "Ltd": ("Ltd.", "Limited", "Ltd"),
    "plc": ("plc", "PLC", "P.L.C.", "Public Limited Company"), "AG": ("AG", "Aktiengesellschaft", "A.G."),
    "SE": ("SE", "Societas Europaea", "S.E."),
    "KGaA": ("KGaA", "SE & Co. KGaA", "AG & Co. KGaA", "Kommanditgesellschaft auf Aktien"),
    "SA": ("SA", "S.A.", "Société Anonyme"), "ES": ("S.A.", "SA", "Sociedad Anónima"),
    "NV": ("N.V.", "NV", "Naamloze Vennootschap"), "AB": ("AB", "AB (publ)", "Aktiebolag"),
    "KK": ("Corporation", "K.K.", "Kabushiki Kaisha", "Co., Ltd."),
    "Oyj": ("Oyj", "Oyj Abp", "Julkinen osakeyhtiö"), "SpA": ("S.p.A.", "SpA", "Società per Azioni"),
    "AS": ("A/S", "AS", "Aktieselskab"), "CH": ("AG", "SA", "Ltd", "Aktiengesellschaft"),
}
COUNTRY_FORMS = {
    "DE": ("AG", "SE", "KGaA"), "AT": ("AG",), "CH": ("CH",), "FR": ("SA", "SE"), "ES": ("ES",),
    "SE": ("AB",), "BE": ("SA", "NV"), "NL": ("NV",), "GB": ("plc",), "IE": ("plc",), "JE": ("plc",),
    "LU": ("SA",), "US": ("Inc", "Corp", "Co", "Ltd"), "PR": ("Inc", "Corp"), "JP": ("KK", "Co"),
    "BM": ("Ltd",), "FI": ("Oyj",), "IT": ("SpA",), "DK": ("AS",),
}
COUNTRIES = {
    "United States": "US", "U.S.": "US", "US": "US", "USA": "US", "D.C.": "US", "Japan": "JP", "Italy": "IT",
    "Germany": "DE", "United Kingdom": "GB", "UK": "GB", "U.K.": "GB", "England": "GB", "Scotland": "GB",
    "France": "FR", "Spain": "ES", "Netherlands": "NL", "Finland": "FI", "Sweden": "SE", "Jersey": "JE",
    "Switzerland": "CH", "Belgium": "BE", "Luxembourg": "LU", "Ireland": "IE", "Austria": "AT",
    "Greece": "GR", "Bermuda": "BM", "Puerto Rico": "PR", "Israel": "IL", "Canada": "CA", "Australia": "AU",
}
COUNTRY_NAMES = {code: name for name, code in reversed(COUNTRIES.items()) if len(name) > 4}
STATES = dict(s.replace("_", " ").split(":") for s in (  # noqa: SIM905 - denser than a list
    "Alabama:AL Alaska:AK Arizona:AZ Arkansas:AR California:CA Colorado:CO Connecticut:CT Delaware:DE "
    "Florida:FL Georgia:GA Hawaii:HI Idaho:ID Illinois:IL Indiana:IN Iowa:IA Kansas:KS Kentucky:KY Maine:ME "
    "Louisiana:LA Maryland:MD Massachusetts:MA Michigan:MI Minnesota:MN Mississippi:MS Missouri:MO "
    "Montana:MT Nebraska:NE Nevada:NV New_Hampshire:NH New_Jersey:NJ New_Mexico:NM New_York:NY "
    "North_Carolina:NC Ohio:OH North_Dakota:ND Oklahoma:OK Oregon:OR Pennsylvania:PA Rhode_Island:RI "
    "South_Carolina:SC South_Dakota:SD Tennessee:TN Texas:TX Utah:UT Vermont:VT Virginia:VA Washington:WA "
    "West_Virginia:WV Wisconsin:WI Wyoming:WY").split())
NOT_A_CITY = re.compile(r"\b(prefecture|region|canton|province|bavaria|hesse|saxony|westphalia|tower|"
                        r"building|campus|plaza|airport|centre|center|street|house|headquarters?)\b", re.I)
# fmt: on


@dataclass(frozen=True)
class Company:
    name: str  # as listed (share-class markers removed)
    stem: str  # without its legal form
    forms: tuple[str, ...]  # ways of writing its legal form, the usual one first; () if unknown
    country: str | None  # ISO alpha-2
    city: str | None
    state: str | None  # US state, when the list gives "City, State"
    host: str | None  # website host without "www."
    isin: str | None


def part_of(name: str) -> str:
    """``dev`` or ``test``, from a hash that does not change between runs or machines."""
    return PARTS[hashlib.sha256(name.encode("utf-8")).digest()[0] & 1]


def _place(field: str | None, hq: str, isin: str | None) -> tuple[str | None, str | None, str | None]:
    """(country, city, state). The list's field is a country or "City, State/Country"; the ISIN's prefix
    corrects the Japanese firms it files under the UK or the US. Else the city is the last part of the
    headquarters line that is no country, state, district, number or building ("Chiyoda, Tokyo, Japan")."""
    city, _, rest = (field or "").rpartition(", ")
    code = "US" if rest in STATES else COUNTRIES.get(rest)
    code = code or next((COUNTRIES[p.strip()] for p in hq.split(",")[::-1] if p.strip() in COUNTRIES), None)
    listed = isin[:2] if isin and isin[:2] in COUNTRY_FORMS else None
    if listed and (code is None or (code in {"US", "GB", "RU"} and listed not in {"US", "GB", "IE", "BM"})):
        code = listed
    parts = [" ".join(w for w in p.split() if w != "Japan" and not w[0].isdigit()) for p in hq.split(",")]
    good = [p for p in parts if p not in COUNTRIES and p not in STATES and not NOT_A_CITY.search(p)]
    good = [p for p in good if re.fullmatch(r"[^\W\d_][\w .'\-]{1,28}", p)]
    city = re.split(r"[,;]", city)[-1].strip() or (good[-1] if good else "")
    return code, city or None, rest if rest in STATES else None


def _split_form(name: str, country: str | None) -> tuple[str, tuple[str, ...]]:
    """The name without a trailing legal form, and the form's family (the country's first)."""
    families = [FORMS[f] for f in COUNTRY_FORMS.get(country or "", ())] + list(FORMS.values())
    for variant in sorted({v for f in families for v in f}, key=len, reverse=True):
        for sep in (", ", " "):
            stem = name.removesuffix(sep + variant)
            if stem != name and not stem.endswith(("&", " and")):  # "Merck & Co." keeps its "Co."
                return stem, next(f for f in families if variant in f)
    return name, ()


def load_companies() -> list[Company]:
    """Every company of the list, cleaned: share classes folded into one company, and an
    ISIN or website the list gives to two companies (a list error) dropped from both."""
    try:
        from pytickersymbols import PyTickerSymbols  # type: ignore[import-untyped]  # noqa: PLC0415
    except ImportError:  # a dev dependency, loaded on demand
        raise MappingError("the company list comes with pytickersymbols: pip install it") from None
    rows: dict[str, dict[str, Any]] = {}
    for stock in PyTickerSymbols().get_all_stocks():  # "Clearway (Class A)", "KalmarB", "Puma (brand)"
        rows.setdefault(re.sub(r"\s*\([^)]*\)$|(?<=[a-zä])[ABC]$", "", stock["name"]), stock)
    meta = {n: s.get("metadata") or {} for n, s in rows.items()}
    hosts = {n: re.findall(r"(?:[\w-]+\.)+[a-z]{2,}", str(m.get("website")).lower()) for n, m in meta.items()}
    isins = {n: (s.get("isins") or [None])[0] for n, s in rows.items()}
    seen = Counter(h[0] for h in hosts.values() if h)
    seen.update(i for s in rows.values() for i in s.get("isins") or [])
    out = []
    for name in sorted(rows):
        # "Galway, Ireland (legal) Minneapolis (operational)", "Bilbao and Madrid"
        hq = (meta[name].get("headquarters") or "").partition("(")[0].replace(" and ", ",")
        country, city, state = _place(rows[name].get("country"), hq, isins[name])
        stem, forms = _split_form(name, country)
        if not forms and country in COUNTRY_FORMS and not name.endswith(("Co.", "Company")):  # "Merck & Co."
            europaea = "europaea" in str(meta[name].get("company_type") or "").lower()
            us = "Corp" if part_of(name + "#") == "dev" else "Inc"  # a US firm is one or the other, by a hash
            forms = FORMS["SE" if europaea else us if country == "US" else COUNTRY_FORMS[country][0]]
        host = hosts[name][0] if hosts[name] and seen[hosts[name][0]] == 1 else None
        isin = isins[name] if isins[name] and seen[isins[name]] == 1 else None
        out.append(Company(name, stem, forms, country, city, state, host and host.removeprefix("www."), isin))
    return out


class _Writer:
    """The three exports of one part, built company by company, with a tally of the variants."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.rows: dict[str, list[tuple[int, dict[str, str]]]] = {CRM: [], ERP: [], MKT: []}
        self.variants: Counter[str] = Counter()
        self.phones: set[str] = set()

    def chance(self, p: float, kind: str, export: str) -> bool:
        self.variants[f"{export} {kind}"] += (hit := self.rng.random() < p)
        return hit

    def maybe(self, p: float, value: str | None) -> str:
        return value if value and self.rng.random() < p else ""

    def typo(self, text: str, export: str, p: float) -> str:
        """One slipped (a neighbouring key), dropped, doubled or swapped letter, never the first."""
        spots = [i for i in range(1, len(text)) if re.fullmatch("[a-zA-Z]{2}", text[i - 1 : i + 1])]
        if not spots or not self.chance(p, "typo", export):
            return text
        ch = text[i := self.rng.choice(spots)]
        row = next(r for r in ("qwertyuiop", "asdfghjkl", "zxcvbnm") if ch.lower() in r)
        j = row.find(ch.lower())
        near = self.rng.choice([row[k] for k in (j - 1, j + 1) if 0 <= k < len(row)])
        return self.rng.choice((text[:i] + (near.upper() if ch.isupper() else near) + text[i + 1 :],
                                text[:i] + text[i + 1 :], text[:i] + ch + text[i:],
                                text[: i - 1] + ch + text[i - 1] + text[i + 1 :]))  # fmt: skip

    def phone(self, country: str | None) -> PhoneNumber | None:
        return draw_phone(self.rng, country, self.phones)

    def crm(self, n: int, c: Company, phone: PhoneNumber | None) -> None:
        name = c.name
        if c.forms and self.chance(0.25, "legal form added or changed", CRM):
            name = f"{c.stem} {c.forms[0]}"
        elif c.stem != c.name and self.chance(0.1, "legal form left out", CRM):
            name = c.stem
        www, path = "" if (c.host or "").count(".") > 1 else "www.", self.rng.choice(("", "en", "de"))
        website = self.rng.choice((f"{www}{c.host}", f"{c.host}", f"https://{www}{c.host}/{path}"))
        self.rows[CRM].append((n, {
            "account_name": self.typo(name, CRM, 0.04), "website": self.maybe(0.75, c.host and website),
            "phone": self.maybe(0.45, phonenumbers.format_number(phone, Fmt.INTERNATIONAL) if phone else ""),
            "city": self.maybe(0.85, c.city), "country": self.maybe(0.95, c.country),
            "isin": self.maybe(0.85, c.isin),
        }))  # fmt: skip

    def erp(self, n: int, c: Company, phone: PhoneNumber | None) -> None:
        name = c.stem
        if c.forms and self.rng.random() < 0.8:  # the ERP holds the legal name, written its own way
            name = f"{name} {self.rng.choice(c.forms[1:] or c.forms)}"
            self.variants[f"{ERP} legal form written out or abbreviated otherwise"] += len(c.forms) > 1
        upper = self.chance(0.6, "upper case", ERP)
        if upper and self.chance(0.5, "upper case, accents stripped", ERP):
            name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
        if phone and self.chance(0.12, "another phone number", ERP):
            phone = self.phone(c.country)
        style, city = Fmt.NATIONAL if self.rng.random() < 0.7 else Fmt.INTERNATIONAL, self.maybe(0.8, c.city)
        self.rows[ERP].append((n, {
            "cust_name": self.typo(name.upper() if upper else name, ERP, 0.08),
            "tel": self.maybe(0.8, phonenumbers.format_number(phone, style) if phone else ""),
            "city": city.upper() if upper else city, "country": c.country or "",
        }))  # fmt: skip

    def lead(self, n: int, c: Company) -> None:
        name = c.name if self.rng.random() < 0.2 else c.stem
        self.variants[f"{MKT} legal form left out"] += name != c.name
        if name.startswith("The ") and self.chance(0.5, "'The' left out", MKT):
            name = name[4:]
        if re.search(r"[.,'’\-]", name) and self.chance(0.3, "punctuation left out", MKT):
            name = " ".join(re.sub(r"[.,'’\-]", " ", name).split())
        if " " in name and self.chance(0.05, "words joined", MKT):
            name = name.replace(" ", "")
        elif c.host and self.chance(0.03, "typed as its web address", MKT):
            name = self.rng.choice((c.host, c.host.replace(".", "")))
        lower, city = self.chance(0.55, "lower case", MKT), self.maybe(0.7, c.city)
        if city and c.state and self.rng.random() < 0.6:
            city = f"{city}, {self.rng.choice((c.state, STATES[c.state]))}"
        elif city and c.country in COUNTRY_NAMES and self.rng.random() < 0.3:
            city = f"{city}, {COUNTRY_NAMES[c.country]}"
        name, city = (name.lower(), city.lower()) if lower else (name, city)
        row = {"company": self.typo(name, MKT, 0.25), "city": city, "website": self.maybe(0.15, c.host)}
        self.rows[MKT].append((n, row))


def write_company_benchmark(part: str, out: Path) -> Path:
    """Write ``part``'s three exports under ``out``, with ``ground_truth/duplicates.jsonl`` (a
    line per company held two or more times), ``ground_truth/hard_negatives.jsonl`` (a record
    of each of two look-alike companies) and ``manifest.json`` (counts); returns ``out``."""
    if part not in PARTS:
        raise MappingError(f"company benchmark part {part!r}: the parts are {', '.join(PARTS)}")
    companies = [c for c in load_companies() if part_of(c.name) == part]
    w = _Writer(random.Random(f"{SEED}:{part}"))  # noqa: S311 - test data, not secrets
    for n, c in enumerate(companies):
        exports = w.rng.choices(list(PRESENCE), weights=list(PRESENCE.values()))[0]
        phone = w.phone(c.country)
        for file, write in ((CRM, w.crm), (ERP, w.erp)):
            if file in exports:
                write(n, c, phone)
        for _ in range(2 if MKT in exports and w.chance(0.12, "company twice", MKT) else int(MKT in exports)):
            w.lead(n, c)
    records = write_exports(w.rows, KEYS, out, w.rng, {ERP: "gb18030"})
    truth = [{"entity": "company", "records": records[n]} for n in sorted(records) if len(records[n]) > 1]
    # look-alikes: the same first word ("Acadia Healthcare" / "Acadia Realty Trust") or very similar names
    keys = [re.sub(r"[^\w ]", "", c.stem.casefold()).removeprefix("the ").strip() for c in companies]
    first, pick = [(k.split() or [""])[0] for k in keys], w.rng.choice
    pairs = [p for p in combinations(range(len(keys)), 2) if first[p[0]] == first[p[1]] != ""
             or fuzz.ratio(keys[p[0]], keys[p[1]]) >= SIMILAR]  # fmt: skip
    negatives = [{"entity": "company", "a": pick(records[i]), "b": pick(records[j])} for i, j in pairs]
    (out / "ground_truth").mkdir(parents=True, exist_ok=True)
    for name, lines in (("duplicates", truth), ("hard_negatives", negatives)):
        text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        (out / "ground_truth" / f"{name}.jsonl").write_text(text, encoding="utf-8")
    manifest = {
        "source": f"pytickersymbols {version('pytickersymbols')}", "part": part, "companies": len(companies),
        "records": {file: len(rows) for file, rows in w.rows.items()}, "hard_negatives": len(negatives),
        "true_pairs": sum(len(t["records"]) * (len(t["records"]) - 1) // 2 for t in truth),
        "variants": dict(sorted(w.variants.items())),
    }  # fmt: skip
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return out
