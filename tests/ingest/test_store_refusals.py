"""Values that pass their mapping and the ontology but that the store refuses: each is a
located ``refused_by_store`` reject, and every other row of its batch is written - in the
batch of resolved entities, in a batch of other nodes, and in one large enough for the
embedded store's bulk load; on both stores (``store`` is each backend)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph import GraphStore
from ingest.records import ingest_directory, read_rejects

ENTITIES = """source: crm
file: accounts.jsonl
nodes:
  - label: Company
    key: "A-{id}"
    resolve: true
    props: {name: {column: name, required: true}}
"""
PRODUCTS = """source: catalog
file: products.jsonl
nodes:
  - label: Product
    key: "P-{id}"
    props: {name: {column: name, required: true}}
"""
BAD = '{"id": "%d", "name": "Bad \\udc80 %d"}'  # valid JSON; a lone surrogate once decoded


def lines(count: int, bad: set[int], name: str) -> str:
    """``count`` JSONL records; those numbered in ``bad`` (1-based lines) hold a lone surrogate."""
    out = [
        BAD % (n, n) if n in bad else json.dumps({"id": str(n), "name": f"{name} {n}"})
        for n in range(1, count + 1)
    ]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("products", [40, 6_000], ids=["batch", "bulk-load"])
def test_each_refused_row_is_a_located_reject_and_its_batch_is_written(
    store: GraphStore, tmp_path: Path, products: int
) -> None:
    (tmp_path / "files").mkdir()
    (tmp_path / "mappings").mkdir()
    (tmp_path / "files" / "accounts.jsonl").write_text(
        lines(5, {2}, "Unrelated Account Number"), encoding="utf-8"
    )
    bad_products = {3, products - 1}
    (tmp_path / "files" / "products.jsonl").write_text(
        lines(products, bad_products, "Product"), encoding="utf-8"
    )
    (tmp_path / "mappings" / "1_accounts.yaml").write_text(ENTITIES, encoding="utf-8")
    (tmp_path / "mappings" / "2_products.yaml").write_text(PRODUCTS, encoding="utf-8")
    report = ingest_directory(store, tmp_path / "files", tmp_path / "mappings", tmp_path / "run", "run")
    counts = store.count_nodes()
    rejects = read_rejects(tmp_path / "run" / "rejects.jsonl")
    assert sorted((Path(r.source).name, r.line, r.field, r.value, r.reason) for r in rejects) == [
        ("accounts.jsonl", 2, "name", "Bad \\udc80 2", "refused_by_store"),
        *(
            ("products.jsonl", n, "name", f"Bad \\udc80 {n}", "refused_by_store")
            for n in sorted(bad_products)
        ),
    ]
    assert report.rejected == {"refused_by_store": 3}
    assert counts["Company"] == 4 and counts["Product"] == products - 2
