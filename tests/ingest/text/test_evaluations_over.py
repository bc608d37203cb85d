"""An evaluation that is over is no evaluation: a trial "last summer", a bake-off "at his previous
mine", a pilot that "ran June-July", "去年…做过一次POC"; a demo last month is one still going.
Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import TextPipeline
from tests.ingest.text.conftest import crm_pipeline
from tests.ingest.text.test_shorthand_jobs import CRM, read  # the same accounts and rivals


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "evaluations-over") as built:
        yield built


@pytest.mark.parametrize(
    ("text", "lang", "evaluated"),
    [
        ("They trialled Tessera Lease last summer and dropped it.", "en", set()),
        ("Their CIO lost a bake-off to Tessera at his previous company.", "en", set()),
        ("The Tessera Lease pilot ran June-July on ten units.", "en", set()),
        ("去年数创给他们做过一次供应链POC（没签）。", "zh", set()),
        # still going
        ("Tessera were in for a demo last month and are coming back for a deeper session.", "en", {"V-TS"}),
        ("They are trialling Tessera Lease on two sites.", "en", {"P-TL"}),
        ("数创下周来做POC。", "zh", {"V-SC"}),
    ],
)
def test_evaluations(pipeline: TextPipeline, text: str, lang: str, evaluated: set[str]) -> None:
    ex = read(pipeline, text, lang)
    assert {f.object[1] for f in ex.facts if f.relation == "EVALUATING"} == evaluated
