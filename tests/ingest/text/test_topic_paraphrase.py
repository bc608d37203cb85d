"""A topic written in other forms of its words is still the topic; one word of it, or its words
across two clauses, is not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import TextDocument, TextPipeline
from ingest.text._topic_paraphrase import TopicStems
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Furrowline"},
    "companies": [{"id": "A-PG", "name": "Prairie Grain Co-op", "role": "customer"}],
    "contacts": [{"id": "C-AM", "name": "Alma Mercer", "company": "A-PG", "title": "Head Agronomist"}],
    "topics": [
        {"id": "T-YIELD", "en": "yield mapping", "zh": "产量图"},
        {"id": "T-INTEG", "en": "system integration", "zh": "系统集成"},
        {"id": "T-3WAY", "en": "three-way match", "zh": "三单匹配"},
    ],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "topics") as built:
        yield built


def _interests(pipeline: TextPipeline, text: str) -> set[tuple[str, str]]:
    doc = TextDocument("N", "note", text, "topics", 1, "en", None, "A-PG")
    ((_, ex),) = list(pipeline.run([doc]))
    return {(f.subject[1], f.object[1]) for f in ex.facts if f.relation == "INTERESTED_IN"}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Alma Mercer wants yield maps in the same tool as the imagery.", "T-YIELD"),
        ("Alma Mercer is keen to integrate it with their grain accounting system.", "T-INTEG"),
        ("Alma Mercer wants the 3-way match on fertiliser invoices automated.", "T-3WAY"),
    ],
)
def test_a_topic_in_other_forms_of_its_words(pipeline: TextPipeline, text: str, topic: str) -> None:
    assert ("C-AM", topic) in _interests(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Alma Mercer wants a better yield this season.",  # one word of the topic
        "The system is old. Integration is someone else's problem.",  # two sentences
        "Alma Mercer runs the system; integration comes later.",  # two clauses
    ],
)
def test_part_of_a_topic_is_no_topic(pipeline: TextPipeline, text: str) -> None:
    assert not _interests(pipeline, text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("回单电子化要一起考虑", [("回单电子", "电子回单")]),  # another order
        ("想把样本全流程追溯做起来", [("样本全流程追溯", "样本追溯")]),  # words between
        ("样本已经入库，追溯以后再说", []),  # two clauses
        ("样本从采集到入库再到最后的追溯", []),  # too far apart
    ],
)
def test_a_chinese_topic_in_another_order_of_its_words(text: str, found: list[tuple[str, str]]) -> None:
    stems = TopicStems.of({"电子回单": "电子回单", "样本追溯": "样本追溯"})
    assert [(text[a:b], key) for a, b, key in stems.find(text)] == found


def test_the_span_runs_from_the_first_word_to_the_last() -> None:
    stems = TopicStems.of({"system integration": "system integration"})
    text = "they need to integrate with the HR system."
    assert [(text[a:b], key) for a, b, key in stems.find(text)] == [
        ("integrate with the HR system", "system integration")
    ]


def test_a_chinese_topic_whose_first_word_was_written_before_it() -> None:
    # the first 冷链 stands alone; the topic is the second 冷链 with the 温控 after it
    stems = TopicStems.of({"冷链温控": "冷链温控"})
    text = "给了我们新建冷链仓的图纸，冷链仓要上温控和AGV。"
    assert [(text[a:b], key) for a, b, key in stems.find(text)] == [("冷链仓要上温控", "冷链温控")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a word between the first and the last left out
        ("AD/SB tracking is his number one.", [("AD/SB tracking", "ad/sb compliance tracking")]),
        ("they want panel monitoring on the batteries", []),  # the first word left out
        ("wireless sensors near the vaults", []),  # the last
        # words another name holds too: which of the two is meant, the note does not say
        ("the drawing control is a mess", []),
    ],
)
def test_a_topic_with_one_of_its_middle_words_left_out(text: str, found: list[tuple[str, str]]) -> None:
    stems = TopicStems.of(
        {
            "ad/sb compliance tracking": "AD/SB compliance tracking",
            "predictive panel monitoring": "predictive panel monitoring",
            "wireless sensor retrofit": "wireless sensor retrofit",
            "drawing revision control": "drawing revision control",
            "drawing access control": "drawing access control",
        }
    )
    assert [(text[a:b], key) for a, b, key in stems.find(text)] == found
