"""Whose say a note gives: whose money it is, who reviews which side, whose word a topic follows,
and who judges a tender. Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline, roles_said
from tests.ingest.text.test_en_role_phrasings import CRM


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "whose-say") as built:
        yield built


def _roles(pipeline: TextPipeline, text: str, lang: str) -> set[tuple[str, str, str]]:
    return roles_said(pipeline, TextDocument("N", "note", text, "whose-say", 1, lang, None, "A-HB"))


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Mina Farrow runs the rota, but it's her budget.", {("C-MF", "economic_buyer", "neutral")}),
        ("Oscar Bellamy wants the contract by 30 Nov (his budget).", {("C-OB", "economic_buyer", "neutral")}),
        (
            "Mina Farrow decides; the spend is Oscar Bellamy's money.",
            {("C-MF", "decision_maker", "neutral"), ("C-OB", "economic_buyer", "neutral")},
        ),
        ("We met Oscar Bellamy. He's the money.", {("C-OB", "economic_buyer", "neutral")}),
        ("Mina Farrow is not the budget guy, that's Oscar Bellamy.", {("C-OB", "economic_buyer", "neutral")}),
        ("Oscar Bellamy released the budget last week.", {("C-OB", "economic_buyer", "neutral")}),
        ("Oscar Bellamy does own the Measure K bond budget.", {("C-OB", "economic_buyer", "neutral")}),
        # a budget that is not held: a request, a question of money
        ("Mina Farrow's budget request went to the board.", set()),
        # a say the clause gives to someone else: "not him"
        ("Oscar Bellamy will recommend, but the final decision sits with ExCo, not him.", set()),
    ],
)
def test_whose_money_it_is(pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]) -> None:
    assert _roles(pipeline, text, "en") == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "Tobias Grell will need to review the network side.",
            {("Tobias Grell", "technical_evaluator", "neutral")},
        ),
        (
            "Tobias Grell will be the one testing how you connect to the BMS.",
            {("Tobias Grell", "technical_evaluator", "neutral")},
        ),
        ("Tobias Grell drives the CDU spec.", {("Tobias Grell", "technical_evaluator", "neutral")}),
        # the commercial side is no technical review; a consultant writing the spec evaluates nothing
        ("Tobias Grell reviews the commercial side of it.", set()),
        ("Tobias Grell wrote the spec for them.", set()),
    ],
)
def test_who_reviews_a_technical_side(
    pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]
) -> None:
    assert _roles(pipeline, text, "en") == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # the selection follows the architect's word, not the one who holds the budget before it
        (
            "何总说预算她批，但技术选型主要听IT架构师张凯文的。",
            {("何总", "economic_buyer", "neutral"), ("张凯文", "technical_evaluator", "neutral")},
        ),
        ("郑涛是信息部经理，技术评估是他。", {("郑涛", "technical_evaluator", "neutral")}),
        ("许博是IT经理，技术评审他会参与。", {("许博", "technical_evaluator", "neutral")}),
        ("赵磊｜集团CIO｜方案评估牵头人", {("赵磊", "technical_evaluator", "neutral")}),
        ("技术评标组长还是马骏（安全总监）。", {("马骏", "technical_evaluator", "neutral")}),
        ("两位技术评委里，田雨更倾向我们。", {("田雨", "technical_evaluator", "supporter")}),
        ("预算孔卫东在管，报区财政。", {("孔卫东", "economic_buyer", "neutral")}),
        ("电话孙莉：预算已批，30万以内她自己就能签。", {("孙莉", "economic_buyer", "neutral")}),
        # what is decided at last names too little for a topic that is someone's
        ("最后是王总讲话。", set()),
    ],
)
def test_chinese_topics_and_judges(
    pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]
) -> None:
    assert _roles(pipeline, text, "zh") == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Evaluation committee:\n- Mina Farrow – voting member", {("C-MF", "influencer", "neutral")}),
        ("Oscar Bellamy sits on the committee but is a non-voting member.", set()),
        # the door is the assistant, whom the note names only by a given name, not the boss
        ("To get to Mina Farrow you must go through her PA, Farah.", set()),
        # a cue closes its line: the person on the next line is not the one it points at
        (
            "Committee:\n – Mina Farrow – chair, technical evaluation\n – Oscar Bellamy – voting member",
            {("C-MF", "technical_evaluator", "neutral"), ("C-OB", "influencer", "neutral")},
        ),
    ],
)
def test_a_vote(pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]) -> None:
    assert _roles(pipeline, text, "en") == roles
