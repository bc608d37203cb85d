"""What the graph already knows, as surface forms to recognise and indexes to link against.

Surfaces are the names and aliases of Company, Person, Product and Topic nodes plus the
short forms people write: a company without its city or legal form ("润明制药",
"Zhongbo Biotechnology"), a product by brand and model ("ZW M5 Pro").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph import GraphStore
from ingest.normalize import company_name_key
from ingest.normalize.person import person_name_key
from ingest.normalize.pinyin import person_pinyin, split_chinese_name
from ingest.normalize.text import fold, has_cjk

from . import _evidence as evidence
from ._company_forms import GENERIC_WORDS, company_variants
from ._email_names import english_names
from ._lexicon import EN_TITLES, ZH_TITLES
from ._product_forms import possessive_forms
from ._topic_forms import add_topics

FACT_TYPES = (
    "DECISION_ROLE",
    "REPORTS_TO",
    "USES",
    "SUPPLIES",
    "COMPETES_WITH",
    "INTERESTED_IN",
    "EVALUATING",
    "WORKS_AT",
)
_MODEL = re.compile(r"\d")
_SUFFIX_WORDS = frozenset({"pro", "plus", "max", "lite", "mini", "ultra"})


@dataclass(slots=True)
class PersonInfo:
    id: str
    name: str
    title: str
    companies: list[str] = field(default_factory=list)
    families: set[str] = field(default_factory=set)  # "wang", "王", "wolf"
    crm: bool = False  # a CRM contact, also when resolution folded it into a lead's node


@dataclass
class Gazetteer:
    #: surface (folded) -> label -> node ids
    surfaces: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(dict))
    spelling: dict[str, str] = field(default_factory=dict)  # folded surface -> as first written
    titles: set[str] = field(default_factory=set)
    people: dict[str, PersonInfo] = field(default_factory=dict)
    person_keys: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    staff: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    company_keys: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    company_names: dict[str, str] = field(default_factory=dict)
    company_all_names: dict[str, list[str]] = field(default_factory=dict)  # id -> name and aliases
    vendor_of: dict[str, str] = field(default_factory=dict)  # product id -> company id
    products_of: dict[str, list[str]] = field(default_factory=dict)  # company id -> its product ids
    kind_of: dict[str, str] = field(default_factory=dict)  # product id -> its category, folded ("pacs")
    topics: dict[str, str] = field(default_factory=dict)  # topic id -> name
    domains: dict[str, str] = field(default_factory=dict)  # e-mail domain -> company id
    self_domain: str = ""  # our own e-mail domain: a mail from it is ours, not an account's
    self_id: str = ""
    market: set[str] = field(default_factory=set)  # companies from market lists (suppliers, rivals)
    partners: set[str] = field(default_factory=set)  # of those, partners: they may sell what they integrate
    #: (type, start key, end key) of facts already in the graph from other sources
    known_edges: set[tuple[str, str, str]] = field(default_factory=set)
    #: (type, start key, end key) -> the evidence list of a fact already drawn from text
    text_evidence: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=dict)
    source_key_map: dict[str, str] = field(default_factory=dict)
    #: product names the graph does not hold but we derived (the name less its vendor,
    #: "Security Operations"): a title found around one wins ("Manager, Security Operations")
    derived: set[str] = field(default_factory=set)

    def add(self, surface: str, label: str, node_id: str) -> None:
        surface = surface.strip()
        if len(surface) < 2 or (not has_cjk(surface) and len(surface) < 3):
            return
        key = fold(surface)
        self.spelling.setdefault(key, surface)
        ids = self.surfaces[key].setdefault(label, [])
        if node_id not in ids:
            ids.append(node_id)


def product_variants(name: str) -> set[str]:
    """Brand and model: "ZW M5 Pro Industrial IoT Gateway" -> "ZW M5 Pro"; "Monitor PM-12" -> "PM-12"."""
    out = {name}
    if has_cjk(name):
        return out
    words = name.split()
    last = max((i for i, w in enumerate(words) if _MODEL.search(w)), default=-1)
    if last >= 0:
        end = last + 1
        while end < len(words) and words[end].lower() in _SUFFIX_WORDS:
            end += 1
        if last > 0 and end < len(words):
            out.add(" ".join(words[:end]))
        if ("-" in words[last] or last == len(words) - 1) and any(ch.isalpha() for ch in words[last]):
            out.add(words[last])  # "PM-12"; "365" alone is no product
    return out


def _families(name: str, aliases: list[str]) -> set[str]:
    fams: set[str] = set()
    for n in [name, *aliases]:
        if has_cjk(n):
            zh = "".join(ch for ch in n if not ch.isspace())
            fam, _ = split_chinese_name(zh)
            fams |= {fam, person_pinyin(zh)[0]}
        else:
            parts = [p for p in fold(n).replace(".", " ").split() if p.isalpha()]
            if parts:
                fams |= {parts[-1], parts[0]} if len(parts) == 2 else {parts[-1]}
    return fams


def build_gazetteer(store: GraphStore) -> Gazetteer:
    """Everything the text pipeline recognises and links against, read from ``store``."""
    gz = Gazetteer()
    gz.titles |= set(EN_TITLES) | set(ZH_TITLES)
    _add_companies(gz, store)
    for node in store.iter_nodes("Product"):
        for n in _names(node.props):
            for v in sorted(product_variants(n)):  # in order: the first spelling of a form is its own
                gz.add(v, "PRODUCT", node.key)
        if node.props.get("category"):
            gz.kind_of[node.key] = fold(str(node.props["category"]))
    add_topics(gz, store)
    _add_people(gz, store)
    for edge in store.iter_edges("OFFERED_BY"):
        gz.vendor_of[edge.start[1]] = edge.end[1]
    for product, vendor in sorted(gz.vendor_of.items()):
        gz.products_of.setdefault(vendor, []).append(product)
    _add_unbranded_products(gz, store)
    _add_vendor_forms(gz, store)
    _held_names(gz, store)
    for rel in FACT_TYPES:
        for edge in store.iter_edges(rel):
            key = (rel, edge.start[1], edge.end[1])
            if edge.props.get("source") != "text":
                gz.known_edges.add(key)
            elif edge.props.get("evidence"):
                gz.text_evidence[key] = evidence.parse(edge.props["evidence"])
    return gz


def _add_unbranded_products(gz: Gazetteer, store: GraphStore) -> None:
    """A product named without its vendor: "IBM Maximo" -> "Maximo", "Microsoft Dynamics 365" ->
    "Dynamics 365" (notes drop the brand they have just named or take as known)."""
    vendor_names = {cid: [fold(n) for n in names] for cid, names in gz.company_all_names.items()}
    # a word in the names of other things too is a common word, not this product's brand:
    # "Google Security Operations" is not "Security" ("our Security Architect")
    owners: dict[str, set[str]] = {}
    for surface, by_label in gz.surfaces.items():
        for word in surface.split():
            owners.setdefault(word, set()).update(i for ids in by_label.values() for i in ids)
    # "AVEVA MES" less its vendor is "MES", a kind of product, not this one
    kinds = {fold(str(n.props["category"])) for n in store.iter_nodes("Product") if n.props.get("category")}
    for node in store.iter_nodes("Product"):
        for name in _names(node.props):
            for vendor in vendor_names.get(gz.vendor_of.get(node.key, ""), []):
                if fold(name).startswith(vendor + " "):
                    rest = name[len(vendor) + 1 :].strip()
                    if len(rest) >= 3 and rest.lower() not in GENERIC_WORDS and fold(rest) not in kinds:
                        gz.add(rest, "PRODUCT", node.key)
                        gz.derived.add(fold(rest))
                    # "Philips IntelliSpace PACS" is written "Philips IntelliSpace" or "IntelliSpace"
                    first = rest.split()[0] if rest.split() else ""
                    shared = owners.get(fold(first), set()) - {node.key}
                    if (
                        len(rest.split()) > 1
                        and len(first) >= 6
                        and first.lower() not in GENERIC_WORDS
                        and not shared
                    ):
                        gz.add(f"{name[: len(vendor)]} {first}", "PRODUCT", node.key)
                        gz.add(first, "PRODUCT", node.key)
                        gz.derived.add(fold(first))


def _add_vendor_forms(gz: Gazetteer, store: GraphStore) -> None:
    """A product named with its vendor's name made possessive ("东软的设备管理模块")."""
    for node in store.iter_nodes("Product"):
        vendor = gz.vendor_of.get(node.key, "")
        for name in _names(node.props):
            for form in possessive_forms(name, gz.company_all_names.get(vendor, [])):
                gz.add(form, "PRODUCT", node.key)


def _held_names(gz: Gazetteer, store: GraphStore) -> None:
    """A derived name that is also a product's own name or alias is not derived."""
    for node in store.iter_nodes("Product"):
        for name in _names(node.props):
            gz.derived.discard(fold(name))


def _names(props: dict[str, Any]) -> list[str]:
    return [n for n in [props.get("name") or "", *(props.get("aliases") or [])] if n]


def _add_companies(gz: Gazetteer, store: GraphStore) -> None:
    for node in store.iter_nodes("Company"):
        names = _names(node.props)
        gz.company_names[node.key] = names[0] if names else node.key
        gz.company_all_names[node.key] = names
        if node.props.get("is_self"):
            gz.self_id = node.key
            gz.self_domain = str(node.props.get("domain") or "").lower()
        elif node.props.get("domain"):
            gz.domains.setdefault(str(node.props["domain"]).lower(), node.key)
        source_keys = node.props.get("source_keys") or []
        for sk in source_keys:
            gz.source_key_map[sk.split(":", 1)[-1]] = node.key
        gz.source_key_map[node.key] = node.key
        market = any(k.startswith(("market:", "partner:")) for k in source_keys)
        if market:
            gz.market.add(node.key)
        if any(k.startswith("partner:") for k in source_keys):
            gz.partners.add(node.key)
        for n in names:
            gz.company_keys[company_name_key(n)].append(node.key)
            # in order: a form keeps its first spelling ("天衡CA", not "天衡ca") whatever the hash seed
            for v in sorted(company_variants(n, market)):
                gz.add(v, "ORG", node.key)


def _add_people(gz: Gazetteer, store: GraphStore) -> None:
    for node in store.iter_nodes("Person"):
        if node.props.get("internal"):
            continue
        names = _names(node.props)
        info = PersonInfo(node.key, names[0] if names else "", node.props.get("title") or "")
        info.families = _families(info.name, names[1:])
        gz.people[node.key] = info
        for sk in node.props.get("source_keys") or []:
            gz.source_key_map[sk.split(":", 1)[-1]] = node.key
            info.crm = info.crm or sk.startswith("crm:")
        if info.title:
            gz.titles.add(info.title)
        for n in names + english_names(info.name, str(node.props.get("email") or "")):
            gz.person_keys[person_name_key(n)].append(node.key)
            gz.add(n, "PERSON", node.key)
            parts = n.split()
            if len(parts) == 2:
                gz.add(f"{parts[1]} {parts[0]}", "PERSON", node.key)
    for edge in store.iter_edges("WORKS_AT"):
        pid, cid = edge.start[1], edge.end[1]
        if pid in gz.people:
            gz.people[pid].companies.append(cid)
            gz.staff[cid].append(pid)
