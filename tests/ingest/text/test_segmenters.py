"""What one graph teaches jieba never changes how another graph's notes are read."""

from __future__ import annotations

import jieba

from ingest.text._gazetteer import Gazetteer
from ingest.text._nlp import is_zh_word, make_pipeline

NOTE = "瑞康达的采购部在评估"


def _tokens(gz: Gazetteer) -> list[str]:
    return [t.text for t in make_pipeline(gz, "zh")(NOTE)]


def test_a_pipeline_reads_its_own_graphs_names_and_no_other_pipeline_does() -> None:
    plain = make_pipeline(Gazetteer(), "zh")
    before = [t.text for t in plain(NOTE)]
    assert before[:2] == ["瑞康", "达"]  # jieba's stock dictionary does not know the name
    taught = Gazetteer()
    taught.add("瑞康达", "ORG", "C1")
    doc = make_pipeline(taught, "zh")(NOTE)
    assert [(e.text, e.label_) for e in doc.ents] == [("瑞康达", "ORG")]
    assert [t.text for t in plain(NOTE)] == before  # a pipeline built earlier
    assert _tokens(Gazetteer()) == before  # and one built later
    assert "瑞康达" not in jieba.dt.FREQ  # the shared dictionary is never taught


def test_whether_two_characters_are_a_word_does_not_depend_on_the_graphs_read_before() -> None:
    """乐天 is tagged a name in jieba's dictionary and rare there, so it can be a given name;
    a graph whose company is 乐天 (Lotte) must not make it a word for the graphs read after it."""
    assert not is_zh_word("乐天")
    gz = Gazetteer()
    gz.add("乐天", "ORG", "C2")
    make_pipeline(gz, "zh")
    assert not is_zh_word("乐天")
