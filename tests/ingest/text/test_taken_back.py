"""What a note takes back: an evaluation it denies or only plans, a role it denies the person
though a weaker cue gives it, a stance that is a goal rather than how someone stands.
Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from ingest.text import Extraction, TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Tallmark Scheduling", "aliases": ["衡远"]},
    "companies": [
        {"id": "A-HB", "name": "Harrowgate Bakeries", "role": "customer"},
        {"id": "A-QS", "name": "青石水务集团有限公司", "aliases": ["青石水务"], "role": "customer"},
        {"id": "V-KR", "name": "Kronwell", "aliases": ["克朗威尔"], "role": "competitor"},
    ],
    "contacts": [
        {"id": "C-PQ", "name": "Priya Quinn", "company": "A-HB", "title": "Finance Director"},
        {"id": "C-ZL", "name": "周琳", "company": "A-QS", "title": "审计部总经理"},
    ],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "taken-back") as built:
        yield built


def _extract(pipeline: TextPipeline, text: str, lang: str) -> Extraction:
    account = "A-HB" if lang == "en" else "A-QS"
    doc = TextDocument("N", "note", text, "taken-back", 1, lang, datetime(2026, 3, 1), account)
    ((_, ex),) = list(pipeline.run([doc]))
    return ex


def _evaluating(pipeline: TextPipeline, text: str, lang: str) -> bool:
    return any(f.relation == "EVALUATING" for f in _extract(pipeline, text, lang).facts)


def test_an_evaluation_said_is_read(pipeline: TextPipeline) -> None:
    assert _evaluating(pipeline, "They are evaluating Kronwell for the Leeds bakery.", "en")
    assert _evaluating(pipeline, "他们在评估克朗威尔的方案。", "zh")


def test_an_evaluation_denied_or_only_planned_is_not(pipeline: TextPipeline) -> None:
    assert not _evaluating(pipeline, "Kronwell is not on the shortlist.", "en")
    assert not _evaluating(pipeline, "We expect they'll add Kronwell to the shortlist next year.", "en")
    assert not _evaluating(pipeline, "克朗威尔的报价方案不再考虑。", "zh")


def test_a_role_the_sentence_denies_is_not_read_from_a_weaker_cue(pipeline: TextPipeline) -> None:
    ex = _extract(pipeline, "周琳不掌握预算，但系统上线都要她签字。", "zh")
    assert not [f for f in ex.facts if f.relation == "DECISION_ROLE" and f.props["role"] == "economic_buyer"]


def test_a_stance_we_want_is_no_stance(pipeline: TextPipeline) -> None:
    ex = _extract(pipeline, "Priya Quinn is the gatekeeper – need her on side before the board.", "en")
    roles = [f for f in ex.facts if f.relation == "DECISION_ROLE"]
    assert [(f.props["role"], f.props["stance"]) for f in roles] == [("gatekeeper", "neutral")]
    ex = _extract(pipeline, "Priya Quinn is the gatekeeper and very keen on us.", "en")
    roles = [f for f in ex.facts if f.relation == "DECISION_ROLE"]
    assert [(f.props["role"], f.props["stance"]) for f in roles] == [("gatekeeper", "supporter")]


def _stances(pipeline: TextPipeline, text: str, lang: str) -> list[tuple[str, str]]:
    ex = _extract(pipeline, text, lang)
    return [(f.props["role"], f.props["stance"]) for f in ex.facts if f.relation == "DECISION_ROLE"]


def test_a_stance_held_before_is_not_the_stance_now(pipeline: TextPipeline) -> None:
    assert _stances(pipeline, "周琳负责技术评估，以前一直反对上云。", "zh") == [
        ("technical_evaluator", "neutral")
    ]
    got = _stances(pipeline, "周琳负责技术评估，以前一直反对，现在很支持我们。", "zh")
    assert got == [("technical_evaluator", "supporter")]


def test_a_stance_said_to_be_neutral_now_overrides_the_earlier_one(pipeline: TextPipeline) -> None:
    got = _stances(pipeline, "周琳负责技术评估，去年还挺支持我们，现在态度回到中立了。", "zh")
    assert got == [("technical_evaluator", "neutral")]
    got = _stances(pipeline, "Priya Quinn is the gatekeeper; keen in spring, on the fence now.", "en")
    assert got == [("gatekeeper", "neutral")]
