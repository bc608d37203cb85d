"""The sample market, generated and ingested once per session into an embedded store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from algorithms.market import Market, load_market
from graph.adapters.ladybug import LadybugStore
from ingest.records import SAMPLE_MAPPINGS, ingest_directory
from ingest.sample import generate, read_churn


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("algorithms") / "sample"
    generate(out, seed=7, scale=1.0)
    return out


def _ingested(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> LadybugStore:
    store = LadybugStore().open()
    store.create_schema()
    ingest_directory(store, sample, SAMPLE_MAPPINGS, tmp_path_factory.mktemp("ingest-run"), "ingest-1")
    return store


@pytest.fixture(scope="session")
def sample_store(sample_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LadybugStore]:
    store = _ingested(sample_dir, tmp_path_factory)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(scope="session")
def second_draw(tmp_path_factory: pytest.TempPathFactory) -> tuple[Market, dict[str, dt.date | None]]:
    """Seed 8's sample market and churn truth: a second draw of the generator (about
    15 s to generate and ingest), so a churn floor is not tuned to seed 7 alone."""
    out = tmp_path_factory.mktemp("algorithms-seed8") / "sample"
    generate(out, seed=8, scale=1.0)
    store = _ingested(out, tmp_path_factory)
    try:
        return load_market(store), read_churn(out)
    finally:
        store.close()


@pytest.fixture(scope="session")
def market(sample_store: LadybugStore) -> Market:
    return load_market(sample_store)


@pytest.fixture(scope="session")
def churn_truth(sample_dir: Path) -> dict[str, dt.date | None]:
    return read_churn(sample_dir)
