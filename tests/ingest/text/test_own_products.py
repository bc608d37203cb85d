"""Our own products in a sales note are what is on offer, not an install, unless the clause says
they run there or the sentence dates their contract. Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Kinloch Robotics"},
    "companies": [
        {"id": "A-PC", "name": "Polarcrest Foods", "role": "prospect"},
        {"id": "V-YAS", "name": "Yaskawa", "role": "competitor"},
    ],
    "contacts": [],
    "products": [
        {"id": "P-FLEET", "name": "FleetDeck", "vendor": "SELF"},
        {"id": "P-MOTO", "name": "Motoman GP25", "vendor": "V-YAS"},
    ],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "own") as built:
        yield built


def _uses(pipeline: TextPipeline, text: str) -> set[str]:
    ((_, ex),) = list(pipeline.run([TextDocument("N", "note", text, "own", 1, "en", None, "A-PC")]))
    return {f.object[1] for f in ex.facts if f.relation == "USES"}


def test_our_product_on_offer_is_no_install(pipeline: TextPipeline) -> None:
    assert "P-FLEET" not in _uses(pipeline, "They asked about FleetDeck for two cells; the line runs 24/7.")


def test_a_rivals_product_in_a_running_sentence_is_installed(pipeline: TextPipeline) -> None:
    assert "P-MOTO" in _uses(pipeline, "Line 3 runs two Motoman GP25 arms.")


def test_our_product_with_a_dated_contract_is_installed(pipeline: TextPipeline) -> None:
    assert "P-FLEET" in _uses(pipeline, "Their FleetDeck subscription contract ends 30 June 2027.")
