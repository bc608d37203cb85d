"""Which topics an account or a person cares about, and which only came up (phrasings written
for these tests)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import TextDocument, TextPipeline
from ingest.text._topic_forms import en_topic_stem, en_topic_variants, topic_parts, zh_topic_stem
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "衡远数智科技"},
    "companies": [
        {"id": "A-HX", "name": "华兴精密机械股份有限公司", "aliases": ["华兴"], "role": "customer"},
        {"id": "V-SIE", "name": "西门子", "aliases": ["Siemens"], "role": "competitor"},
    ],
    "topics": [
        {"id": "T-PDM", "en": "predictive maintenance", "zh": "预测性维护"},
        {"id": "T-ENERGY", "en": "energy management", "zh": "能耗管理"},
        {"id": "T-SSO", "en": "single sign-on", "zh": "单点登录"},
        {"id": "T-DATA", "en": "data governance", "zh": "数据治理"},
        {"id": "T-SPARES", "en": "spare parts inventory", "zh": "备件库存"},
        {"id": "T-INFECTION", "en": "infection control", "zh": "感染控制"},
        {"id": "T-ISO", "en": "ISO 17025 accreditation", "zh": "ISO 17025认可"},
        {"id": "T-PART11", "en": "21 CFR Part 11 compliance", "zh": "Part 11合规"},
        {"id": "T-YIELD", "en": "yield mapping", "zh": "产量图"},
    ],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "interests") as built:
        yield built


def _interests(pipeline: TextPipeline, text: str, lang: str) -> set[str]:
    ((_, ex),) = list(pipeline.run([TextDocument("N", "note", text, "interests", 1, lang, None, "A-HX")]))
    return {f.object[1] for f in ex.facts if f.relation == "INTERESTED_IN"}


@pytest.mark.parametrize(
    ("text", "lang", "topics"),
    [
        ("我们给他们讲了预测性维护的方案。", "zh", set()),
        ("预测性维护是我们的卖点。", "zh", set()),
        # a maybe is nobody's interest yet; a topic naming what a vendor sells is none either
        ("如果今年预算还有余量，会考虑把能耗管理一起做。", "zh", set()),
        ("If budget frees up they might look at energy management too.", "en", set()),
        ("We mentioned energy management in the demo.", "en", set()),  # our agenda, not theirs
        ("Our team raised data governance with them.", "en", set()),
        ("华兴的能耗管理平台是自己开发的。", "zh", set()),
        ("华兴今年要做能耗管理。", "zh", {"T-ENERGY"}),
        ("会上聊到了预测性维护，他们兴趣一般。", "zh", set()),
        ("对能耗管理兴趣不大，主要关注预测性维护。", "zh", {"T-PDM"}),
        # not now, not asked for
        ("能耗管理张总说今年不是重点，暂时不谈。", "zh", set()),
        ("预测性维护这次没聊，下次再说。", "zh", set()),
        ("Energy management: nobody mentioned it on the call, so leave it alone.", "en", set()),
        ("We presented our predictive maintenance module.", "en", set()),
        ("They are not really interested in energy management.", "en", set()),
        # a topic denied once in a sentence is not asserted by its next mention there
        (
            "Not looking at energy management this year – energy management stays with the landlord.",
            "en",
            set(),
        ),
        ("能耗管理今年不考虑，能耗管理还是物业在管。", "zh", set()),
        ("Their big worry is predictive maintenance.", "en", {"T-PDM"}),
        # a topic of three words or more is written by its initials, in capitals only
        ("They want SSO against their Azure AD.", "en", {"T-SSO"}),
        ("他们要求和AD做SSO集成。", "zh", {"T-SSO"}),
        ("They want sso against their Azure AD.", "en", set()),
        # a Chinese topic by its subject alone, unless that is an everyday word
        ("华兴今年最关心的是能耗。", "zh", {"T-ENERGY"}),
        ("华兴今年最关心的是数据。", "zh", set()),
        # an English topic by its subject of two words or more
        ("They want a real view of spare parts stock.", "en", {"T-SPARES"}),
        ("They want fewer infection cases on the ward.", "en", set()),
        ("Her big ask is predictive maintenance on the spindles.", "en", {"T-PDM"}),
        # the thing of a topic named for a doing: "yield maps" of yield mapping
        ("They want clean yield maps for every member by harvest.", "en", {"T-YIELD"}),
        # a standard's code names its topic; a line of what they must have is no heading
        ("- They want ISO 17025 evidence packs included in the bid.", "en", {"T-ISO"}),
        ("• Part 11 + energy management remain the two must-haves", "en", {"T-PART11", "T-ENERGY"}),
        # a topic that names the kind of what runs there now is no interest
        ("能耗管理是西门子的Desigo CC，维保明年3月底到期，想整体换掉。", "zh", set()),
        ("能耗管理以前是西门子的，去年已经换了，这次不动它。", "zh", set()),
        ("- Predictive maintenance: off the table after the budget review.", "en", set()),
        # done, or not now
        ("Energy management isn't on our list this year - we redid all of that last summer.", "en", set()),
        ("Predictive maintenance came up but Dana said that's next year's problem.", "en", set()),
        ("能耗管理用的是别家，这块 out of scope，别去碰。", "zh", set()),
        # waved away
        ("Energy management: not in scope for them, nobody cares at the Dallas sites.", "en", set()),
        ("Maria doesn't care about predictive maintenance, she wants uptime reports.", "en", set()),
        # a question in a chat, the next line's time stamp after it
        ("[09:14] Priya: what are they on now for energy management?\n[09:15] Tom: no idea", "en", set()),
    ],
)
def test_what_they_care_about(pipeline: TextPipeline, text: str, lang: str, topics: set[str]) -> None:
    assert _interests(pipeline, text, lang) == topics


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("罗婷的 concern 还是 predictive maintenance。", "罗婷"),  # an English cue in a Chinese note
        ("何总（何建国，GM）说明年 predictive maintenance 是 top priority。", "A-HX"),  # he reports theirs
        ("罗婷负责技术，预测性维护和能耗管理是她的红线。", "罗婷"),
        ("罗婷在能耗管理上要求很严。", "罗婷"),
        ("绿色金融部的卢雅琪（副总经理）对能耗管理很感兴趣。", "卢雅琪"),  # her title between
        ("罗婷要跟产线联动，她对能耗管理这块盯得很紧。", "罗婷"),
        ("另外提醒一下，二期的能耗管理是罗婷最近最上心的事。", "罗婷"),
        ("Rob Kline, GM of the Groveport DC, mentioned energy management for the new site.", "Rob Kline"),
        (
            "Rob Kline stayed neutral; energy management and data governance are what he talks about.",
            "Rob Kline",
        ),
        ("Rob Kline has asked that the data governance module be priced in.", "Rob Kline"),
        ("Rob Kline came. - Reports on site (energy management) – Rob's no. 1", "Rob Kline"),
    ],
)
def test_whose_interest(pipeline: TextPipeline, text: str, who: str) -> None:
    lang = "en" if text.isascii() else "zh"
    ((_, ex),) = list(pipeline.run([TextDocument("N", "note", text, "interests", 1, lang, None, "A-HX")]))
    holders = {
        ex.new_people.get(f.subject[1], (f.subject[1], ""))[0]
        for f in ex.facts
        if f.relation == "INTERESTED_IN"
    }
    assert holders == {who}


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("互联互通评级", "互联互通"),
        ("能耗管理", "能耗"),
        ("数据治理", None),
        ("影像平台", None),
        ("管理", None),
    ],
)
def test_a_chinese_topic_s_subject(name: str, stem: str | None) -> None:
    assert zh_topic_stem(name) == stem


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("spare parts inventory", "spare parts"),
        ("cold chain monitoring", "cold chain"),
        ("infection control", None),
        ("energy efficiency", None),
        ("ISO 17025 accreditation", "ISO 17025"),
    ],
)
def test_an_english_topic_s_subject(name: str, stem: str | None) -> None:
    assert en_topic_stem(name) == stem


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("GMP compliance and data integrity", ["GMP compliance", "data integrity"]),
        ("信息安全与保密", ["信息安全", "保密"]),
        ("production scheduling (APS)", ["production scheduling", "APS"]),
        ("domestic IT substitution (Xinchuang)", ["domestic IT substitution", "Xinchuang"]),
        # one lower-case English word is no name of its own; one name is no parts
        ("information security and confidentiality", ["information security"]),
        ("quality traceability", []),
        ("OEE / equipment efficiency", ["OEE", "equipment efficiency"]),
    ],
)
def test_the_parts_a_topic_s_name_joins(name: str, parts: list[str]) -> None:
    assert topic_parts(name) == parts


@pytest.mark.parametrize(
    ("name", "variants"),
    [
        ("yield mapping", ["yield map", "yield maps"]),
        ("disease forecasting", ["disease forecast", "disease forecasts"]),
        ("mapping", []),  # one word: "map" could be anything
        ("predictive maintenance", []),
    ],
)
def test_the_thing_of_an_english_topic_s_doing(name: str, variants: list[str]) -> None:
    assert en_topic_variants(name) == variants
