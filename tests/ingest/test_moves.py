"""Source keys that change node between runs: never on two nodes, never losing an edge."""

from __future__ import annotations

import textwrap
from pathlib import Path

from graph.adapters.ladybug import LadybugStore
from ingest.records import ingest_directory

ACCOUNTS = "account_id,name,city\nCRM-1,Contrail Kabushiki Kaisha,Tokyo\nCRM-2,Northern Trust,Chicago\n"
CUSTOMERS = "cust_code,cust_name,city\nK1,CONTRAIL KK,Tokyo\nK2,Northwind Traders,Seattle\n"
CONTACTS = "contact_id,name,cust_code\nP1,Akiko Sato,K1\nP2,Dan Brody,K2\n"


def _mapping(folder: Path, name: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    head = "as_of: 2026-09-30\ntimezone: UTC\n"
    (folder / name).write_text(head + textwrap.dedent(body), encoding="utf-8")


def _data(root: Path) -> tuple[Path, Path]:
    for rel, text in {
        "crm/accounts.csv": ACCOUNTS,
        "erp/customers.csv": CUSTOMERS,
        "erp/contacts.csv": CONTACTS,
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    erp, both = root / "maps-erp", root / "maps-all"
    for folder in (erp, both):
        _mapping(
            folder,
            "2_customers.yaml",
            """\
            source: erp
            file: erp/customers.csv
            nodes:
              - label: Company
                key: "{cust_code}"
                resolve: true
                props: {name: {column: cust_name, required: true}, city: city}
            """,
        )
        _mapping(
            folder,
            "3_contacts.yaml",
            """\
            source: erpc
            file: erp/contacts.csv
            nodes:
              - label: Person
                key: "{contact_id}"
                props: {name: {column: name, required: true}}
            edges:
              - type: WORKS_AT
                from: {label: Person, key: "{contact_id}"}
                to: {label: Company, key: "{cust_code}"}
            """,
        )
    _mapping(
        both,
        "1_accounts.yaml",
        """\
        source: crm
        file: crm/accounts.csv
        nodes:
          - label: Company
            key: "{account_id}"
            resolve: true
            props: {name: {column: name, required: true}, city: city}
        """,
    )
    return erp, both


def _companies(store: LadybugStore) -> dict[str, list[str]]:
    return {n.key: sorted(n.props["source_keys"]) for n in store.iter_nodes("Company")}


def test_a_record_merged_on_a_rerun_leaves_no_stale_node_and_keeps_its_edges(tmp_path: Path) -> None:
    erp, both = _data(tmp_path)
    store = LadybugStore(tmp_path / "graph.lbdb").open()
    store.create_schema()
    try:
        ingest_directory(store, tmp_path, erp, tmp_path / "run1", "erp-first")
        assert _companies(store) == {"K1": ["erp:K1"], "K2": ["erp:K2"]}
        ingest_directory(store, tmp_path, both, tmp_path / "run2", "all")
        companies = _companies(store)
        holders = [node for node, keys in companies.items() if "erp:K1" in keys]
        assert len(holders) == 1, f"erp:K1 stands on {holders}"
        assert "crm:CRM-1" in companies[holders[0]], "the ERP code merged with its CRM account"
        assert len(companies) == 3, companies
        works = {(e.start[1], e.end[1]) for e in store.iter_edges("WORKS_AT")}
        assert works == {("P1", holders[0]), ("P2", "K2")}
        ingest_directory(store, tmp_path, erp, tmp_path / "run3", "erp-again")
        assert _companies(store) == companies, "one source alone neither splits nor re-creates a node"
        assert {(e.start[1], e.end[1]) for e in store.iter_edges("WORKS_AT")} == works
    finally:
        store.close()
