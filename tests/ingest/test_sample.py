"""The synthetic market generator: determinism, validity, planted structure, ground truth."""

from __future__ import annotations

import csv
import email
import email.policy
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from openpyxl import load_workbook

from ingest.sample import Manifest, _parallel, generate
from ingest.sample._names import ALL_CITIES, CITY_BY_EN, CITY_BY_ZH, City
from ingest.sample._titles import ADDRESS_ONLY, COMPANY, HOSPITAL

REF = date(2026, 9, 30)
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
CSV_FILES = {  # file -> (encoding, required columns, past-date columns)
    "crm/accounts.csv": ("utf-8-sig", ("account_id", "name"), ("created_at",)),
    "crm/contacts.csv": ("utf-8-sig", ("contact_id", "account_id", "name"), ("created_at", "left_at")),
    "crm/reps.csv": ("utf-8-sig", ("rep_id", "name"), ()),
    "crm/opportunities.csv": ("utf-8-sig", ("opportunity_id", "account_id", "name"), ("created_at",)),
    "crm/opportunity_contacts.csv": ("utf-8-sig", ("opportunity_id", "contact_id", "role"), ()),
    "crm/installed_base.csv": ("utf-8-sig", ("account_id", "product_id"), ("since",)),
    "crm/relationships.csv": ("utf-8-sig", ("from_contact_id", "to_contact_id", "kind"), ("last_contact",)),
    "erp/customers.csv": ("gb18030", ("cust_code", "cust_name"), ("created",)),
    "erp/order_lines.csv": ("gb18030", ("order_id", "cust_code", "product_id"), ("order_date",)),
    "market/relations.csv": ("utf-8", ("from_id", "to_id", "kind"), ("since",)),
}
PHONE_COLS = {"crm/accounts.csv": "phone", "crm/contacts.csv": "phone", "erp/customers.csv": "tel"}


@dataclass
class Sample:
    root: Path
    manifest: Manifest
    stages: list[tuple[str, int]]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    root = tmp_path_factory.mktemp("sample")
    stages: list[tuple[str, int]] = []
    manifest = generate(root, seed=7, scale=1.0, on_progress=lambda s, n: stages.append((s, n)))
    return Sample(root, manifest, stages)


@pytest.fixture(scope="module")
def corruptions(sample: Sample) -> dict[tuple[str, int], dict[str, Any]]:
    out = {}
    for line in (sample.root / "ground_truth/corruptions.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        out[(rec["file"], rec["line"])] = rec
    return out


def rows(root: Path, rel: str) -> Iterator[tuple[int, list[str], dict[str, str]]]:
    """(physical line, raw fields, mapped row) per record; header = line 1."""
    enc = CSV_FILES.get(rel, ("utf-8-sig",))[0]
    with (root / rel).open(encoding=enc, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        for fields in reader:
            yield reader.line_num, fields, dict(zip(header, fields, strict=False))


def width(root: Path, rel: str) -> int:
    with (root / rel).open(encoding=CSV_FILES[rel][0], newline="") as f:
        return len(next(csv.reader(f)))


def jsonl(root: Path, rel: str) -> Iterator[tuple[int, dict[str, Any]]]:
    with (root / rel).open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            yield n, json.loads(line)


def leads(root: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    wb = load_workbook(root / "marketing/leads.xlsx", read_only=True)
    it = wb["Leads"].iter_rows(values_only=True)
    header = [str(h) for h in next(it)]
    for n, values in enumerate(it, start=2):
        yield n, dict(zip(header, values, strict=True))
    wb.close()


def city_of(text: str) -> City | None:
    t = (text or "").strip()
    return (
        CITY_BY_EN.get(t)
        or CITY_BY_ZH.get(t.removesuffix("市"))
        or next((c for c in ALL_CITIES if c.en.upper() == t), None)
    )


def phone_ok(text: str, country: str, city: City | None) -> bool:
    """Valid for the record's country; a bare local number takes the city's area code."""
    candidates = [text]
    if city and text.isdigit() and len(text) == city.local_len:
        candidates.append(f"0{city.area}{text}")
    for cand in candidates:
        try:
            if phonenumbers.is_valid_number(
                phonenumbers.parse(cand, None if cand.startswith("+") else country)
            ):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


def past_date_ok(value: str) -> bool:
    text = value.replace("/", "-")
    return date.fromisoformat(text[:10]) <= REF


def positive(value: str) -> bool:
    try:
        return float(value) > 0
    except ValueError:
        return False


# --- API and determinism ----------------------------------------------------------------------


def test_manifest_and_progress(sample: Sample) -> None:
    m = sample.manifest
    assert m.seed == 7 and m.scale == 1.0 and m.reference_date == REF
    on_disk = json.loads((sample.root / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk["reference_date"] == "2026-09-30"
    assert set(on_disk["files"]) == set(m.counts)
    for rel, entry in on_disk["files"].items():
        assert entry["sha256"] == m.sha256[rel]
    assert any(stage == "erp/order_lines.csv" for stage, _ in sample.stages)
    assert (sample.root / "README.md").read_text(encoding="utf-8").count("erp/order_lines.csv") >= 2


def test_same_seed_same_bytes(sample: Sample, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", seed=7, scale=1.0)
    assert dict(again.sha256) == dict(sample.manifest.sha256)
    assert (tmp_path / "again/manifest.json").read_bytes() == (sample.root / "manifest.json").read_bytes()
    other = generate(tmp_path / "other", seed=8, scale=0.2)
    assert other.sha256["erp/order_lines.csv"] != sample.manifest.sha256["erp/order_lines.csv"]


def test_forked_stages_give_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inline = generate(tmp_path / "inline", seed=3, scale=0.3)
    monkeypatch.setattr(_parallel, "MIN_SCALE", 0.0)  # large scales run slow stages in child processes
    forked = generate(tmp_path / "forked", seed=3, scale=0.3)
    assert dict(forked.sha256) == dict(inline.sha256)


# --- sizes, encodings -------------------------------------------------------------------------


def test_counts_in_expected_ranges(sample: Sample) -> None:
    c = sample.manifest.counts
    assert 280 <= c["crm/accounts.csv"] <= 360
    assert 2000 <= c["crm/contacts.csv"] <= 3200
    assert 20 <= c["crm/reps.csv"] <= 35
    assert 12000 <= c["erp/order_lines.csv"] <= 19000
    assert 1400 <= c["notes/notes.jsonl"] + c["notes/emails/"] <= 1600
    assert 100 <= c["notes/emails/"] <= 220
    assert c["marketing/leads.xlsx"] == 550
    market = [r for _, r in jsonl(sample.root, "market/companies.jsonl")]
    kinds: dict[str, int] = defaultdict(int)
    for r in market:
        kinds[r["kind"]] += 1
    assert (
        kinds["self"] == 1 and kinds["competitor"] == 12 and kinds["supplier"] >= 28 and kinds["partner"] >= 4
    )
    products = [r for _, r in jsonl(sample.root, "catalog/products.jsonl")]
    assert 55 <= sum(1 for p in products if p["vendor"] == "MKT-0001") <= 65
    assert all(p["equivalent_of"] for p in products if p["vendor"] != "MKT-0001")
    data_rows = sum(n for rel, n in c.items() if not rel.startswith(("ground_truth", "notes", "README")))
    assert 0.003 * data_rows <= c["ground_truth/corruptions.jsonl"] <= 0.008 * data_rows


def test_encodings(sample: Sample) -> None:
    assert (sample.root / "crm/accounts.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    erp = (sample.root / "erp/customers.csv").read_bytes()
    erp.decode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        erp.decode("utf-8")
    names = [r["cust_name"] for _, _, r in rows(sample.root, "erp/customers.csv")]
    assert sum(1 for n in names if re.search(r"[\u4e00-\u9fff]", n)) > len(names) / 2


# --- corruption ground truth ------------------------------------------------------------------


def _future(value: Any) -> bool:
    day = (
        value.date() if isinstance(value, datetime) else date.fromisoformat(str(value).replace("/", "-")[:10])
    )
    return day > REF


def _broken(reason: str, value: Any, ctx: dict[str, Any]) -> bool:
    """Is ``value`` really broken in the way ``reason`` says?"""
    checks = {
        "missing_required": lambda: value in ("", None),
        "bad_phone": lambda: not phone_ok(str(value), ctx["country"], ctx["city"]),
        "bad_email": lambda: not EMAIL.match(str(value)),
        "future_date": lambda: _future(value),
        "negative_amount": lambda: float(value) < 0,
        "bad_number": lambda: not re.fullmatch(r"-?\d+(\.\d+)?", str(value)),
        "unknown_reference": lambda: value not in ctx["known"],
    }
    return bool(checks[reason]())


def test_every_corruption_is_real(sample: Sample, corruptions: dict[tuple[str, int], dict[str, Any]]) -> None:
    root = sample.root
    known = {r["cust_code"] for _, _, r in rows(root, "erp/customers.csv")}
    known |= {p["product_id"] for _, p in jsonl(root, "catalog/products.jsonl")}
    reasons = {rec["reason"] for rec in corruptions.values()}
    assert {
        "missing_required",
        "bad_phone",
        "bad_email",
        "future_date",
        "negative_amount",
        "bad_number",
        "unknown_reference",
        "truncated_line",
    } <= reasons
    by_file: dict[str, dict[int, dict[str, Any]]] = defaultdict(dict)
    for (rel, line), rec in corruptions.items():
        by_file[rel][line] = rec
    for rel, recs in by_file.items():
        records: dict[int, tuple[list[str] | None, dict[str, Any]]]
        header_len = width(root, rel) if rel.endswith(".csv") else 0
        if rel.endswith(".csv"):
            records = {line: (fields, row) for line, fields, row in rows(root, rel)}
        elif rel.endswith(".jsonl"):
            records = {line: (None, row) for line, row in jsonl(root, rel)}
        else:
            records = {line: (None, row) for line, row in leads(root)}
        for line, rec in recs.items():
            fields, row = records[line]
            if rec["reason"] == "truncated_line":
                assert fields is not None and len(fields) < header_len, (rel, line)
                continue
            city = city_of(row.get("city") or "") or (
                CITY_BY_EN["Shanghai"] if rel != "marketing/leads.xlsx" else None
            )
            ctx = {
                "country": row.get("country") or (city.country if city else "CN"),
                "city": city,
                "known": known,
            }
            assert _broken(rec["reason"], row[rec["field"]], ctx), (rel, line, rec, row[rec["field"]])


# --- clean rows are valid ---------------------------------------------------------------------


def test_clean_csv_rows_are_valid(sample: Sample, corruptions: dict[tuple[str, int], dict[str, Any]]) -> None:
    root = sample.root
    accounts = {r["account_id"]: r for _, _, r in rows(root, "crm/accounts.csv")}
    for rel, (_, required, dates) in CSV_FILES.items():
        columns = width(root, rel)
        for line, fields, row in rows(root, rel):
            if (rel, line) in corruptions:
                continue
            assert len(fields) == columns, (rel, line)
            assert all(row[col] for col in required), (rel, line, row)
            for col in dates:
                assert not row[col] or past_date_ok(row[col]), (rel, line, col, row[col])
            if rel in PHONE_COLS and row[PHONE_COLS[rel]]:
                phone = row[PHONE_COLS[rel]]
                city: City | None
                if rel == "crm/contacts.csv":
                    acc = accounts[row["account_id"]]
                    country, city = acc["country"], CITY_BY_EN[acc["city"]]
                elif rel == "erp/customers.csv":
                    city = city_of(row["city"])
                    country = city.country if city else "CN"
                else:
                    country, city = row["country"], CITY_BY_EN[row["city"]]
                assert phone_ok(phone, country, city), (rel, line, phone)
            if row.get("email"):
                assert EMAIL.match(row["email"]), (rel, line, row["email"])
            if rel == "erp/order_lines.csv":
                assert row["quantity"].isdigit() and int(row["quantity"]) > 0, (line, row)
                assert positive(row["unit_price"]) and positive(row["amount"]), (line, row)
                assert abs(int(row["quantity"]) * float(row["unit_price"]) - float(row["amount"])) < 0.02
            if rel == "crm/opportunities.csv":
                assert positive(row["amount"]), (line, row)
                assert row["status"] == "open" or past_date_ok(row["close_date"])


def test_clean_leads_and_activities_are_valid(
    sample: Sample, corruptions: dict[tuple[str, int], dict[str, Any]]
) -> None:
    root = sample.root
    for line, row in leads(root):
        if ("marketing/leads.xlsx", line) in corruptions:
            continue
        assert row["lead_id"] and row["company"]
        assert isinstance(row["captured_at"], datetime) and row["captured_at"].date() <= REF
        if row["email"]:
            assert EMAIL.match(row["email"]), row
        if row["phone"]:
            city = city_of(row["city"] or "")
            assert phone_ok(row["phone"], city.country if city else "CN", city), row
    accounts = {r["account_id"] for _, _, r in rows(root, "crm/accounts.csv")}
    for line, act in jsonl(root, "crm/activities.jsonl"):
        if ("crm/activities.jsonl", line) in corruptions:
            continue
        assert act["activity_id"] and act["account_id"] in accounts
        assert datetime.fromisoformat(act["at"]).date() <= REF
        assert -1 <= act["sentiment"] <= 1
        assert (act["kind"] == "ticket") == ("ticket_severity" in act)
    for _, note in jsonl(root, "notes/notes.jsonl"):
        assert datetime.fromisoformat(note["at"]).date() <= REF and note["text"]


def test_order_lines_reference_known_keys(
    sample: Sample, corruptions: dict[tuple[str, int], dict[str, Any]]
) -> None:
    root = sample.root
    codes = {r["cust_code"] for _, _, r in rows(root, "erp/customers.csv")}
    products = {p["product_id"] for _, p in jsonl(root, "catalog/products.jsonl")}
    unknown = 0
    for line, _, row in rows(root, "erp/order_lines.csv"):
        rec = corruptions.get(("erp/order_lines.csv", line))
        if rec and rec["reason"] == "unknown_reference":
            unknown += 1
            assert row["cust_code"] not in codes or row["product_id"] not in products
        elif rec is None:
            assert row["cust_code"] in codes and row["product_id"] in products, (line, row)
    assert unknown > 0


# --- entity resolution ground truth -----------------------------------------------------------


def test_duplicate_clusters(sample: Sample) -> None:
    root = sample.root
    keys = {
        "crm/accounts.csv": {r["account_id"] for _, _, r in rows(root, "crm/accounts.csv")},
        "crm/contacts.csv": {r["contact_id"] for _, _, r in rows(root, "crm/contacts.csv")},
        "erp/customers.csv": {r["cust_code"] for _, _, r in rows(root, "erp/customers.csv")},
        "market/companies.jsonl": {r["company_id"] for _, r in jsonl(root, "market/companies.jsonl")},
        "marketing/leads.xlsx": {r["lead_id"] for _, r in leads(root)},
    }
    seen: dict[tuple[str, str, str], str] = {}
    sources: dict[int, int] = defaultdict(int)
    kinds: dict[str, int] = defaultdict(int)
    for _, cluster in jsonl(root, "ground_truth/duplicates.jsonl"):
        records = cluster["records"]
        assert len(records) >= 2, cluster
        kinds[cluster["entity"]] += 1
        for rec in records:
            assert rec["key"] in keys[rec["file"]], rec
            ident = (cluster["entity"], rec["file"], rec["key"])
            assert ident not in seen, (ident, seen.get(ident))
            seen[ident] = cluster["canonical_id"]
        if cluster["entity"] == "company":
            sources[len({r["file"] for r in records})] += 1
    assert kinds["company"] > 100 and kinds["person"] > 50
    assert sources[3] > 0 and sources[2] > 0
    crm_twice = [
        c
        for _, c in jsonl(root, "ground_truth/duplicates.jsonl")
        if sum(r["file"] == "crm/accounts.csv" for r in c["records"]) == 2
    ]
    assert crm_twice, "some accounts are entered twice in the CRM"
    negatives = [r for _, r in jsonl(root, "ground_truth/hard_negatives.jsonl")]
    assert len(negatives) >= 10
    assert all(r["a"] != r["b"] and r["a_name"] != r["b_name"] for r in negatives)


def test_name_and_format_variety(sample: Sample) -> None:
    root = sample.root
    phones = [
        r["phone"]
        for _, f, r in rows(root, "crm/accounts.csv")
        if len(f) == 18 and r["country"] == "CN" and r["phone"]
    ]
    shapes = {re.sub(r"\d", "9", p) for p in phones}
    assert {"+99 99 9999 9999", "999-99999999", "(999) 9999-9999", "9999-99999999", "99999999"} <= shapes
    lead_companies = [r["company"] for _, r in leads(root)]
    assert any(re.search(r"[\uff21-\uff3a]", c or "") for c in lead_companies), "full-width letters"
    emails = [r["email"] for _, f, r in rows(root, "crm/contacts.csv") if len(f) == 12]
    assert any(e != e.lower() for e in emails)
    grades = {r["grade"] for _, _, r in rows(root, "erp/customers.csv")}
    assert grades == {"1", "2", "3"}


# --- text ground truth ------------------------------------------------------------------------


def test_text_fact_surfaces_occur_in_their_documents(sample: Sample) -> None:
    root = sample.root
    notes = {n["id"]: n["text"] for _, n in jsonl(root, "notes/notes.jsonl")}
    langs: dict[str, int] = defaultdict(int)
    relations: dict[str, int] = defaultdict(int)
    fresh = 0
    for _, doc in jsonl(root, "ground_truth/text_facts.jsonl"):
        if doc["file"].endswith(".eml"):
            msg = email.message_from_bytes((root / doc["file"]).read_bytes(), policy=email.policy.default)
            assert msg["From"] and msg["To"] and msg["Date"] and msg["Subject"]
            text = msg.get_content()
        else:
            text = notes[doc["doc_id"]]
        langs[doc["lang"]] += 1
        for fact in doc["facts"]:
            relations[fact["relation"]] += 1
            fresh += not fact["in_records"]
            assert fact["subject"]["text"] in text, (doc["doc_id"], fact, text)
            assert fact["object"]["text"] in text, (doc["doc_id"], fact, text)
            for prop in ("title", "contract_end_text", "vendor_text"):
                if prop in fact["properties"]:
                    assert fact["properties"][prop] in text, (doc["doc_id"], prop, text)
    assert 0.35 < langs["zh"] / (langs["zh"] + langs["en"]) < 0.65
    assert set(relations) == {
        "WORKS_AT",
        "DECISION_ROLE",
        "REPORTS_TO",
        "USES",
        "EVALUATING",
        "SUPPLIES",
        "INTERESTED_IN",
        "COMPETES_WITH",
    }
    assert fresh > 200, "text must carry facts the records do not"


# --- planted behaviour ------------------------------------------------------------------------


def _auc(pos: list[float], neg: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def test_churners_order_less_before_they_leave_but_not_separably(sample: Sample) -> None:
    """Orders in the 120 days before each churn date against the account's own rate in
    the year before, for the churner and for every healthy account over the same days:
    churners fall off, but orders alone do not tell them apart (several precursors do)."""
    root = sample.root
    to_account = {}
    for _, cluster in jsonl(root, "ground_truth/duplicates.jsonl"):
        for rec in cluster["records"]:
            if rec["file"] == "erp/customers.csv":
                to_account[rec["key"]] = cluster["canonical_id"]
    orders: dict[str, set[tuple[date, str]]] = defaultdict(set)
    for _, _, row in rows(root, "erp/order_lines.csv"):
        try:
            day = date.fromisoformat(row["order_date"])
        except (KeyError, ValueError, TypeError):
            continue
        if row.get("cust_code") in to_account:
            orders[to_account[row["cust_code"]]].add((day, row["order_id"]))

    def kept(account: str, end: date) -> float:
        recent = sum(1 for d, _ in orders[account] if 0 <= (end - d).days < 120)
        before = sum(1 for d, _ in orders[account] if 120 <= (end - d).days < 485) * 120 / 365
        return (recent + 1) / (before + 1)

    truth = [r for _, _, r in rows(root, "ground_truth/churn.csv")]
    churned = {r["account_id"]: date.fromisoformat(r["churn_date"]) for r in truth if r["churned"] == "1"}
    healthy = [r["account_id"] for r in truth if r["churned"] == "0"]
    assert 0.15 < len(churned) / len(truth) < 0.4
    pos = [kept(a, day) for a, day in churned.items()]
    neg = [kept(h, day) for day in churned.values() for h in healthy]
    assert sum(pos) / len(pos) < 0.75 * sum(neg) / len(neg)
    assert 0.6 < _auc([-x for x in pos], [-x for x in neg]) < 0.9


def test_complements_have_lift(sample: Sample) -> None:
    root = sample.root
    planted = [r for _, _, r in rows(root, "ground_truth/complements.csv")]
    assert len(planted) >= 20 and {r["kind"] for r in planted} == {"bundle", "sequence"}
    assert all(float(r["intended_lift"]) > 1.5 for r in planted if int(r["support"]) >= 20)


def test_contacts_greeted_by_job_title_hold_it_in_the_truth(sample: Sample) -> None:
    """A zh e-mail to "杨主任" states that the contact is a 主任 at the account, as a reader (and
    the extraction) takes it; "李总" or "张工" is only a form of address and states nothing."""
    jobs = {t.honorific for table in (HOSPITAL, COMPANY) for ts in table.values() for t in ts} - ADDRESS_ONLY
    root, greeted, addressed = sample.root, 0, 0
    for _, doc in jsonl(root, "ground_truth/text_facts.jsonl"):
        if doc["lang"] != "zh" or not doc["file"].endswith(".eml"):
            continue
        msg = email.message_from_bytes((root / doc["file"]).read_bytes(), policy=email.policy.default)
        m = re.match(r"(\S+)，您好：", msg.get_content())
        if m is None or m[1] == "各位":
            continue
        said = m[1]
        titles = {f["properties"].get("title") for f in doc["facts"] if f["relation"] == "WORKS_AT"
                  and f["subject"]["text"] == said}  # fmt: skip
        if said[1:] in jobs:
            greeted += 1
            assert said[1:] in titles, (doc["doc_id"], said)
        elif said[1:] in ADDRESS_ONLY:
            addressed += 1
            assert not titles, (doc["doc_id"], said)
    assert greeted > 10 and addressed > 10
