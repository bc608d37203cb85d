"""Whose clause a stance is said in: a sentence that leaves out its subject, a person named in
another's aside, a person named again by a pronoun; and stance and role cues the nineteenth
session's writers used. Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline, roles_said
from tests.ingest.text.test_left_out_and_spaced import CRM  # the same accounts and rival


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "stance-clauses") as built:
        yield built


@pytest.mark.parametrize(
    ("text", "lang", "roles"),
    [
        # the stance in a sentence that leaves out its subject is the last-named person's
        ("- Bianca Ortiz, Finance Director. Controls the capital budget and has been a strong supporter "
         "since the pilot.", "en", {("Bianca Ortiz", "economic_buyer", "supporter")}),
        ("- Carmen Ruiz, Dispatch Lead. Will be a day-to-day user of the app; loved the demo.", "en",
         {("Carmen Ruiz", "user", "supporter")}),
        # a person named again by a pronoun goes on with their own clause
        ("Tobias Lindqvist liked what he saw and will lead the technical evaluation.", "en",
         {("Tobias Lindqvist", "technical_evaluator", "supporter")}),
        ("Helen Marsh makes the final call, and she's picked us.", "en",
         {("Helen Marsh", "decision_maker", "supporter")}),
        # a person in another's aside has the aside for a clause, and the aside's owner goes on after it
        ("刘雨萱（邓老师带的学生，平时归她管）是系统日常使用者，反馈我们的界面比原来好用多了。", "zh",
         {("刘雨萱", "user", "supporter")}),
        ("财务处孙浩处长（预算他批）嫌我们报价偏贵。", "zh", {("孙浩", "economic_buyer", "opponent")}),
        # a comparison with the past says how they stand now
        ("陈思远是排课系统的日常使用者，觉得我们的模块比以前的好用多了。", "zh",
         {("陈思远", "user", "supporter")}),
        # trusting a competitor is opposing us
        ("技术评估由杜明负责，杜明比较认华信。", "zh", {("杜明", "technical_evaluator", "opponent")}),
        # one who speaks up for us is our champion too
        ("技术评估由杜明负责，会上几次替我们说话。", "zh",
         {("杜明", "technical_evaluator", "supporter"), ("杜明", "champion", "supporter")}),
        ("技术评估由杜明负责，他个人更希望是我们。", "zh", {("杜明", "technical_evaluator", "supporter")}),
        ("杜明负责技术评估，很喜欢我们的排课看板。", "zh", {("杜明", "technical_evaluator", "supporter")}),
    ],
)  # fmt: skip
def test_stances(pipeline: TextPipeline, text: str, lang: str, roles: set[tuple[str, str, str]]) -> None:
    account = "A-DY" if lang == "zh" else "A-HB"
    doc = TextDocument("N", "note", text, "stance-clauses", 1, lang, None, account)
    assert roles_said(pipeline, doc) == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Lindiwe Mokoena signs off on anything technical.",
         {("Lindiwe Mokoena", "technical_evaluator", "neutral")}),
        ("Ayesha Naidoo is the one who'll actually use the dashboards.",
         {("Ayesha Naidoo", "user", "neutral")}),
        ("The renewal needs Rosa Ferrante's say-so.", {("Rosa Ferrante", "decision_maker", "neutral")}),
        ("Helen tells me the platform decision will be Samuel Okafor's.",
         {("Samuel Okafor", "decision_maker", "neutral")}),
        ("The budget is held by Moira Kerr.", {("Moira Kerr", "economic_buyer", "neutral")}),
        # running something day to day is no using it
        ("Keisha Monroe runs the contracts desk day to day.", set()),
    ],
)  # fmt: skip
def test_roles(pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]) -> None:
    doc = TextDocument("N", "note", text, "stance-clauses", 1, "en", None, "A-HB")
    assert roles_said(pipeline, doc) == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("最后要上主任办公会，由刘建平主任定。", {("刘建平", "decision_maker", "neutral")}),
        # an A-not-A says who decides whether, and denies nothing
        ("最后定不定是赵德胜。", {("赵德胜", "decision_maker", "neutral")}),
        ("最后掏不掏钱还是胡国平签。", {("胡国平", "economic_buyer", "neutral")}),
        # a yes-no question states no role
        ("预算是不是已经报到财务处钱伟那里了？", set()),
        ("二期技术方案主要由谢文斌和林晓燕来评估。",
         {("谢文斌", "technical_evaluator", "neutral"), ("林晓燕", "technical_evaluator", "neutral")}),
        ("技术分主要高振东打。", {("高振东", "technical_evaluator", "neutral")}),
    ],
)  # fmt: skip
def test_zh_roles(pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]) -> None:
    doc = TextDocument("N", "note", text, "stance-clauses", 1, "zh", None, "A-DY")
    assert roles_said(pipeline, doc) == roles


@pytest.mark.parametrize(
    ("text", "lang", "stance"),
    [
        # a stance said of the past, before the person or after the cue, is not held now
        ("之前杜明是最大的阻力，现在口风变了。杜明负责技术评估。", "zh", "neutral"),
        ("以前杜明对我们很抵触。杜明负责技术评估。", "zh", "neutral"),
        ("Carmen Ruiz was against it before, now she will be a day-to-day user of the app.", "en", "neutral"),
        # neutral with a lean is still no side; "no longer lukewarm" is no neutral
        ("杜明负责技术评估，态度中立偏积极。", "zh", "neutral"),
        ("杜明负责技术评估，对我们中立偏正面，还没到支持的程度。", "zh", "neutral"),
        ("- Bianca Ortiz, Finance Director. Controls the capital budget; neutral to mildly positive so far.",
         "en", "neutral"),
        ("Tobias Lindqvist will lead the technical evaluation. No longer lukewarm: he's a real fan now.",
         "en", "supporter"),
        # what a system supports is no side taken
        ("杜明负责技术评估。他说新系统必须能支持国产数据库。", "zh", "neutral"),
        # a sentence whose subject is a competitor or the organisation is not the last person's stance
        ("杜明负责技术评估。华信不支持国产数据库，已经被排除了。", "zh", "neutral"),
        ("杜明负责技术评估。院里对我们的方案很认可。", "zh", "neutral"),
        # leaning towards using us; saying neither is neutral
        ("杜明负责技术评估，个人倾向于用你们的。", "zh", "supporter"),
        ("杜明负责技术评估，没说支持也没说反对。", "zh", "neutral"),
        # more ways to side with us; a side taken stands against a later "won't favour the rival"
        ("Alasdair Fraser will make the call on the shortlist. Alasdair Fraser was warm on us.", "en",
         "supporter"),
        ("杜明最后拍板。杜明对华信意见很大，对我们的排课看板明显有兴趣。", "zh", "supporter"),
        ("杜明负责技术评分，还是希望我们中。", "zh", "supporter"),
        ("杜明负责技术评估。杜明自己倾向我们，技术评审他会按实际打分，不会偏向华信。", "zh", "supporter"),
    ],
)  # fmt: skip
def test_stance_held_now(pipeline: TextPipeline, text: str, lang: str, stance: str) -> None:
    account = "A-DY" if lang == "zh" else "A-HB"
    doc = TextDocument("N", "note", text, "stance-clauses", 1, lang, None, account)
    assert {said for _, _, said in roles_said(pipeline, doc)} == {stance}
