"""Work a supplier does for an account said as the work ("does every gas line", "processes
payroll off our export", "塔吊监测沿用安塔的设备"), and work it no longer does. Phrasings written
for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from ingest.text import TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Northwind Security"},
    "companies": [
        {"id": "A-BK", "name": "Harbour Mutual Bank", "aliases": ["Harbour Mutual"], "role": "customer"},
        {"id": "A-HX", "name": "华兴精密机械股份有限公司", "aliases": ["华兴"], "role": "customer"},
        {
            "id": "V-DM",
            "name": "Desert Mechanical Contractors",
            "aliases": ["Desert Mechanical"],
            "role": "supplier",
        },
        {
            "id": "V-SB",
            "name": "Stonebridge Payroll Services",
            "aliases": ["Stonebridge"],
            "role": "supplier",
        },
        {"id": "V-AT", "name": "安塔监测技术", "aliases": ["安塔"], "role": "supplier"},
    ],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "work-done") as built:
        yield built


def _supplies(pipeline: TextPipeline, text: str, lang: str, account: str) -> set[tuple[str, str]]:
    doc = TextDocument("N", "note", text, "work-done", 1, lang, datetime(2026, 3, 1), account)
    ((_, ex),) = list(pipeline.run([doc]))
    return {(f.subject[1], f.object[1]) for f in ex.facts if f.relation == "SUPPLIES"}


@pytest.mark.parametrize(
    ("text", "lang", "account", "supplies"),
    [
        (
            "Desert Mechanical does every gas line and tool hookup in the fab.",
            "en",
            "A-BK",
            {("V-DM", "A-BK")},
        ),
        ("Stonebridge processes payroll off our export.", "en", "A-BK", {("V-SB", "A-BK")}),
        ("塔吊监测沿用安塔的设备。", "zh", "A-HX", {("V-AT", "A-HX")}),
        # work no longer done, a contract that has ended
        ("Stonebridge no longer does their payroll; they brought it in house.", "en", "A-BK", set()),
        ("Stonebridge's support contract has ended.", "en", "A-BK", set()),
    ],
)
def test_work_done_for_the_account_is_a_supply(
    pipeline: TextPipeline, text: str, lang: str, account: str, supplies: set[tuple[str, str]]
) -> None:
    assert _supplies(pipeline, text, lang, account) == supplies
