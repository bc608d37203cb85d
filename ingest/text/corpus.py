"""Hand-written note corpora (format: ``corpora/notes/README.md``): read, check, load.

A corpus directory holds *parts*: ``<part>.crm.json`` (what the user's CRM knows) and
``<part>.notes.jsonl`` (notes with the facts they state and the traps they set). Each part
is loaded into a store of its own, so the ids and names of different parts never meet.
Bad input stops with a ``CorpusError`` naming the file, line and field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from graph import GraphStore
from schema import ROLES, STANCES

from ._documents import TextDocument

RELATIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # rel: (subject labels, object labels)
    "WORKS_AT": (("Person",), ("Company",)),
    "DECISION_ROLE": (("Person",), ("Company",)),
    "REPORTS_TO": (("Person",), ("Person",)),
    "USES": (("Company",), ("Product", "Company")),
    "EVALUATING": (("Company",), ("Product", "Company")),
    "SUPPLIES": (("Company",), ("Company",)),
    "INTERESTED_IN": (("Company", "Person"), ("Topic",)),
}
COMPANY_ROLES = frozenset({"customer", "prospect", "competitor", "supplier", "partner"})
MARKET_ROLES = frozenset({"competitor", "supplier", "partner"})
SOURCE = "corpus"


class CorpusError(ValueError):
    """A corpus file that does not follow the format: which file, line and field, and why."""

    def __init__(self, path: Path, line: int, field: str, reason: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {field}: {reason}" if field else f"{where}: {reason}")


@dataclass(frozen=True)
class Part:
    name: str
    crm: dict[str, Any]
    notes: list[dict[str, Any]]
    notes_path: Path

    def labels(self) -> dict[str, str]:
        """CRM id -> node label."""
        out = {self.crm["self"]["id"]: "Company"}
        for section, label in (("companies", "Company"), ("contacts", "Person"), ("products", "Product")):
            out.update({row["id"]: label for row in self.crm.get(section, [])})
        out.update({row["id"]: "Topic" for row in self.crm.get("topics", [])})
        return out

    def documents(self) -> list[TextDocument]:
        return [
            TextDocument(
                note["doc_id"],
                str(note.get("style") or "note"),
                note["text"],
                str(self.notes_path),
                n,
                note["lang"],
                _datetime(note["at"]),
                note.get("account", ""),
            )
            for n, note in enumerate(self.notes, 1)
        ]


def _datetime(value: str) -> datetime:
    at = (
        datetime.fromisoformat(value)
        if "T" in value
        else datetime.combine(date.fromisoformat(value), datetime.min.time())
    )
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def read_corpus(root: Path) -> list[Part]:
    """Every part under ``root`` (a corpus directory), in name order, checked."""
    if not root.is_dir():
        raise CorpusError(root, 0, "", "not a directory")
    crm_files = sorted(root.glob("*.crm.json"))
    if not crm_files:
        raise CorpusError(root, 0, "", "no <part>.crm.json files")
    parts = []
    for crm_path in crm_files:
        name = crm_path.name.removesuffix(".crm.json")
        notes_path = root / f"{name}.notes.jsonl"
        if not notes_path.exists():
            raise CorpusError(notes_path, 0, "", f"missing: part {name!r} has a CRM but no notes")
        crm = _read_crm(crm_path)
        parts.append(Part(name, crm, _read_notes(notes_path, crm_path, crm), notes_path))
    return parts


def _read_crm(path: Path) -> dict[str, Any]:
    try:
        crm = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CorpusError(path, 0, "", f"not JSON: {exc}") from None
    if not isinstance(crm, dict) or not isinstance(crm.get("self"), dict):
        raise CorpusError(path, 0, "self", "the CRM must be an object with our own company as 'self'")
    seen: set[str] = set()
    for section in ("self", "companies", "contacts", "products", "topics"):
        rows = [crm[section]] if section == "self" else crm.get(section, [])
        for row in rows:
            if not isinstance(row, dict) or not row.get("id"):
                raise CorpusError(path, 0, section, "every entry needs an 'id'")
            if row["id"] in seen:
                raise CorpusError(path, 0, section, f"id {row['id']!r} used twice")
            seen.add(row["id"])
            if section == "topics" and not (row.get("en") or row.get("zh")):
                raise CorpusError(path, 0, section, f"topic {row['id']!r} has neither 'en' nor 'zh'")
            if section != "topics" and not row.get("name"):
                raise CorpusError(path, 0, section, f"{row['id']!r} has no 'name'")
            if section == "companies" and row.get("role", "customer") not in COMPANY_ROLES:
                raise CorpusError(
                    path, 0, "role", f"{row['id']!r}: {row.get('role')!r} is not a company role"
                )
    companies = {crm["self"]["id"]} | {c["id"] for c in crm.get("companies", [])}
    for section, ref in (("contacts", "company"), ("products", "vendor")):
        for row in crm.get(section, []):
            if row.get(ref) and row[ref] not in companies:
                raise CorpusError(
                    path, 0, f"{section}.{ref}", f"{row['id']!r} names unknown company {row[ref]!r}"
                )
    return crm


def _read_notes(path: Path, crm_path: Path, crm: dict[str, Any]) -> list[dict[str, Any]]:
    labels = Part("", crm, [], path).labels()
    notes: list[dict[str, Any]] = []
    ids: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            note = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(path, n, "", f"not JSON: {exc}") from None
        for key in ("doc_id", "lang", "at", "text"):
            if not isinstance(note.get(key), str) or not note[key]:
                raise CorpusError(path, n, key, "required text")
        if note["doc_id"] in ids:
            raise CorpusError(path, n, "doc_id", f"{note['doc_id']!r} used twice")
        ids.add(note["doc_id"])
        if note["lang"] not in ("en", "zh"):
            raise CorpusError(path, n, "lang", f"{note['lang']!r} is not en or zh")
        try:
            _datetime(note["at"])
        except ValueError:
            raise CorpusError(path, n, "at", f"{note['at']!r} is not an ISO date") from None
        if note.get("account") and labels.get(note["account"]) != "Company":
            raise CorpusError(path, n, "account", f"{note['account']!r} is not a company of {crm_path.name}")
        for section in ("facts", "traps"):
            for i, fact in enumerate(note.get(section, [])):
                _check_fact(fact, labels, path, n, f"{section}[{i}]")
        notes.append(note)
    return notes


def _check_fact(fact: Any, labels: dict[str, str], path: Path, n: int, where: str) -> None:
    if not isinstance(fact, dict) or fact.get("rel") not in RELATIONS:
        raise CorpusError(path, n, f"{where}.rel", f"one of {', '.join(RELATIONS)}")
    subject_labels, object_labels = RELATIONS[fact["rel"]]
    for end, allowed in (("subject", subject_labels), ("object", object_labels)):
        ref = fact.get(end)
        if not isinstance(ref, str) or not ref:
            raise CorpusError(path, n, f"{where}.{end}", "required")
        label = labels.get(ref, "Person")  # a name that is no CRM id names a person
        if label not in allowed:
            what = "a name (no CRM id)" if ref not in labels else f"a {label}"
            raise CorpusError(path, n, f"{where}.{end}", f"{ref!r} is {what}; {fact['rel']} needs {allowed}")
    if fact["rel"] == "DECISION_ROLE":
        if fact.get("role") not in ROLES:
            raise CorpusError(path, n, f"{where}.role", f"{fact.get('role')!r} is not a role")
        if fact.get("stance", "neutral") not in STANCES:
            raise CorpusError(path, n, f"{where}.stance", f"{fact.get('stance')!r} is not a stance")
    if fact.get("contract_end"):
        try:
            date.fromisoformat(fact["contract_end"])
        except (TypeError, ValueError):
            raise CorpusError(path, n, f"{where}.contract_end", "not an ISO date") from None


def _list_of(role: str | None) -> str:
    """The list a company row came from, as its source key's prefix: the market's (competitors,
    suppliers), the partners' (who may also sell what they integrate), or the CRM's accounts."""
    return "partner" if role == "partner" else "market" if role in MARKET_ROLES else "crm"


def load_crm(store: GraphStore, part: Part, run_id: str = "corpus") -> None:
    """Write the part's CRM into ``store``: companies (ours with ``is_self``), contacts and their
    employers, products and their vendors, topics, and competitors as our competitors."""
    crm = part.crm
    prov = {"source": SOURCE, "run_id": run_id}
    own = crm["self"]
    companies = [{**own, "role": "self"}, *crm.get("companies", [])]
    store.upsert_nodes(
        "Company",
        [
            {
                "id": c["id"],
                "name": c["name"],
                "aliases": c.get("aliases") or [],
                "is_self": c is companies[0] or None,
                **{k: c[k] for k in ("industry", "city", "domain") if c.get(k)},
                "source_keys": [_list_of(c.get("role")) + ":" + c["id"]],
                **prov,
            }
            for c in companies
        ],
    )
    contacts = crm.get("contacts", [])
    store.upsert_nodes(
        "Person",
        [
            {
                "id": p["id"],
                "name": p["name"],
                "aliases": p.get("aliases") or [],
                **{k: p[k] for k in ("title", "email") if p.get(k)},
                "source_keys": ["crm:" + p["id"]],
                **prov,
            }
            for p in contacts
        ],
    )
    store.upsert_edges(
        "WORKS_AT",
        "Person",
        "Company",
        [
            {"_from": p["id"], "_to": p["company"], "title": p.get("title"), "current": True, **prov}
            for p in contacts
            if p.get("company")
        ],
    )
    products = crm.get("products", [])
    store.upsert_nodes(
        "Product",
        [
            {
                "id": p["id"],
                "name": p["name"],
                "aliases": p.get("aliases") or [],
                "category": p.get("category"),
                **prov,
            }
            for p in products
        ],
    )
    store.upsert_edges(
        "OFFERED_BY",
        "Product",
        "Company",
        [{"_from": p["id"], "_to": p["vendor"], **prov} for p in products if p.get("vendor")],
    )
    store.upsert_nodes(
        "Topic",
        [
            {
                "id": t["id"],
                "name": t.get("en") or t["zh"],
                "aliases": ([t["zh"]] if t.get("en") and t.get("zh") else []) + (t.get("aliases") or []),
                **prov,
            }
            for t in crm.get("topics", [])
        ],
    )
    store.upsert_edges(
        "COMPETES_WITH",
        "Company",
        "Company",
        [
            {"_from": c["id"], "_to": own["id"], **prov}
            for c in crm.get("companies", [])
            if c.get("role") == "competitor"
        ],
    )
