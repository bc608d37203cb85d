"""Extraction quality against the sample's planted facts and the hand-written notes."""

from __future__ import annotations

import pytest

from ingest.text import below_floors, evaluate, evaluate_sample
from ingest.text.evaluate import GROUPS

from .conftest import DATA, TextGraph

# Hand-written notes are few (about 45 per language) and phrased unlike the generator's;
# these floors guard against regressions, they are not the targets.
HANDWRITTEN_FLOOR = 0.75


def test_sample_scores_meet_the_floors_per_language(text_graph: TextGraph) -> None:
    scores = evaluate_sample(text_graph.pipeline, text_graph.sample)
    print(scores.table())
    assert below_floors(scores) == []
    assert scores.counts(["INTERESTED_IN"]).f1 >= 0.9
    assert scores.counts(["REPORTS_TO"]).f1 >= 0.8


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_handwritten_notes(text_graph: TextGraph, lang: str) -> None:
    path = DATA / f"handwritten_{lang}.jsonl"
    scores = evaluate(text_graph.pipeline, [path], path)
    print(scores.table())
    assert len(path.read_text(encoding="utf-8").splitlines()) >= 40
    for group, members in GROUPS.items():
        assert scores.counts(members, lang).f1 >= HANDWRITTEN_FLOOR, group
