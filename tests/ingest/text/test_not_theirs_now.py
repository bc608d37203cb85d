"""Installs and evaluations a sentence does not state of the account: it asks about them, the
account turned the rival down, the install is someone else's (a friend's company, a contractor,
a sister site behind an aside, "whatever X runs"), or it is over ("dumped", "was … until last
spring", "更早用的是…"). Phrasings written for these tests, next to the ones that do state it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import TextPipeline
from tests.ingest.text.conftest import crm_pipeline
from tests.ingest.text.test_shorthand_jobs import CRM, read  # the same accounts and rivals


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "not-theirs-now") as built:
        yield built


def _stated(pipeline: TextPipeline, text: str, lang: str, relation: str) -> set[str]:
    return {f.object[1] for f in read(pipeline, text, lang).facts if f.relation == relation}


@pytest.mark.parametrize(
    ("text", "lang", "evaluated"),
    [
        # asked, not stated
        ("Can you find out whether Tessera is still on their shortlist?", "en", set()),
        ("Is Tessera Lease still in the running?", "en", set()),
        ("数创是否还在他们的比选名单里？", "zh", set()),
        # turned down
        ("Tessera pitched a demo in March but the CFO said no thanks.", "en", set()),
        ("Tessera Lease was shortlisted last cycle but dropped.", "en", set()),
        ("The Tessera Lease evaluation is on hold until the merger closes.", "en", set()),
        ("数创也想来演示，信息科直接回绝了。", "zh", set()),
        ("Tessera Lease trial in the Lyon office finished in May.", "en", set()),
        ("Tessera pitched Tessera Lease in the autumn; Mina says they didn't take it further.", "en", set()),
        # the rival's own move, not taken up
        ("Tessera tried to get a Tessera Lease demo in with the Lyon office.", "en", set()),
        ("Tessera rang last week offering a free trial.", "en", set()),
        ("The Tessera rep was in again this morning pitching Tessera Lease.", "en", set()),
        # taken up in a later clause, or asked for by the account
        ("Tessera pitched Tessera Lease in March and Maison Verity is looking at it.", "en", {"P-TL"}),
        ("They asked Tessera for an offer for Tessera Lease.", "en", {"P-TL"}),
        ("Tessera came in for a demo last week and is still in the running.", "en", {"V-TS"}),
        # stated: a question later in the sentence asks about something else
        ("They are trialling Tessera Lease, but is the budget there?", "en", {"P-TL"}),
        ("数创也在做POC，你们那边方案什么时候能出？", "zh", {"V-SC"}),
        ("Tessera are in for a demo next week.", "en", {"V-TS"}),
    ],
)
def test_evaluations(pipeline: TextPipeline, text: str, lang: str, evaluated: set[str]) -> None:
    assert _stated(pipeline, text, lang, "EVALUATING") == evaluated


@pytest.mark.parametrize(
    ("text", "lang", "installed"),
    [
        # someone else's
        ("Her brother-in-law's logistics firm uses Tessera Lease and rates it.", "en", set()),
        ("A friend of the CFO at another retailer runs Tessera Lease.", "en", set()),
        ("The main contractor on the new store is using Tessera Lease on its own licence.", "en", set()),
        ("Their sister site in Ghent (a separate company) runs Tessera Lease.", "en", set()),
        ("Leases: whatever the landlord runs (Tessera Lease, we think).", "en", set()),
        ("邻市的一家连锁去年上了数创的系统。", "zh", set()),
        ("集团旗下物流公司用的是数创的系统。", "zh", set()),
        # over
        ("They dumped Tessera Lease for a spreadsheet in 2023.", "en", set()),
        ("Tessera rang last week offering a free trial of Tessera Lease.", "en", set()),
        ("Tessera offered 30% off to renew Tessera Lease.", "en", {"P-TL"}),
        ("Tessera Lease was their lease register until last spring.", "en", set()),
        ("更早用的是数创，前年就停了。", "zh", set()),
        # theirs, now
        ("They run Tessera Lease for all 40 stores.", "en", {"P-TL"}),
        ("收银现在用的是数创的系统。", "zh", {"V-SC"}),
    ],
)
def test_installs(pipeline: TextPipeline, text: str, lang: str, installed: set[str]) -> None:
    assert _stated(pipeline, text, lang, "USES") == installed
