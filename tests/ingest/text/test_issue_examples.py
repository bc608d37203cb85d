"""The failures the text issue lists, each as a note against a small CRM of its own.

These sentences come from the issue that reported them, not from the evaluation corpus;
they pin what must and must not be read from each.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import Extraction, TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Meridian Medical", "aliases": ["Meridian"]},
    "companies": [
        {"id": "A-SAMC", "name": "St. Aldric Medical Center", "aliases": ["SAMC"], "role": "customer"},
        {"id": "A-CD", "name": "城东区人民医院", "role": "customer"},
        {"id": "A-PLANT", "name": "Harbor Precision Components", "role": "customer"},
        {"id": "V-NEU", "name": "东软", "role": "competitor"},
        {"id": "V-LEN", "name": "联想", "role": "supplier"},
        {"id": "V-DC", "name": "神州数码", "role": "supplier"},
        {"id": "V-BOSCH", "name": "Bosch Rexroth", "role": "supplier"},
        {"id": "V-MS", "name": "Microsoft", "role": "competitor"},
        {"id": "V-SAG", "name": "Software AG", "role": "competitor"},
        {"id": "V-CR", "name": "China Resources Medical", "role": "competitor"},
    ],
    "contacts": [
        {"id": "C-SL", "name": "孙丽", "company": "A-CD", "title": "设备科科长"},
        {"id": "C-KW", "name": "Karen Whitfield", "company": "A-SAMC", "title": "Chief Medical Officer"},
    ],
    "products": [{"id": "P-D365", "name": "D365", "vendor": "V-MS"}],
}
Fact = tuple[str, str, str, str]  # relation, subject, object, role / title / contract end


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "issue") as built:
        yield built


def _read(pipeline: TextPipeline, text: str, lang: str, account: str) -> Extraction:
    doc = TextDocument("N", "note", text, "issue", 1, lang, None, account)
    ((_, ex),) = list(pipeline.run([doc]))
    return ex


def _facts(ex: Extraction) -> set[Fact]:
    out = set()
    for f in ex.facts:
        name = ex.new_people.get(f.subject[1], (f.subject[1], ""))[0]
        obj = ex.new_people.get(f.object[1], (f.object[1], ""))[0]
        prop = f.props.get("role") or f.props.get("title") or f.props.get("contract_end") or ""
        out.add((f.relation, name, obj, str(prop)))
    return out


def test_negations_state_no_role(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "孙科长明确说她不是最终决策人。蒋涛不是决策人。", "zh", "A-CD")
    assert not [f for f in ex.facts if f.relation == "DECISION_ROLE"]
    ex = _read(pipeline, "Update: Felix NOT a blocker anymore.", "en", "A-SAMC")
    assert not [f for f in ex.facts if f.relation == "DECISION_ROLE"]


def test_no_person_is_named_after_an_honorific_or_a_function_word(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "韩局介绍了项目情况，项目由韩局最终拍板。罗婷和梁宇都向何总汇报。", "zh", "A-CD")
    names = {name for name, _ in ex.new_people.values()}
    assert "韩局介" not in names and "梁宇都" not in names
    facts = _facts(ex)
    assert ("DECISION_ROLE", "韩局", "A-CD", "decision_maker") in facts
    assert {("REPORTS_TO", "罗婷", "何总", ""), ("REPORTS_TO", "梁宇", "何总", "")} <= facts


def test_attendee_lists_and_first_names(pipeline: TextPipeline) -> None:
    text = (
        "Attendees (SAMC): Dr. Karen Whitfield (Chief Medical Officer), "
        "Dr. Miguel Alvarez (Chair, Radiology)\n"
        "Karen will make the final call. Miguel reports to Karen."
    )
    ex = _read(pipeline, text, "en", "A-SAMC")
    facts = _facts(ex)
    assert ("WORKS_AT", "C-KW", "A-SAMC", "Chief Medical Officer") in facts
    assert ("WORKS_AT", "Miguel Alvarez", "A-SAMC", "Chair, Radiology") in facts
    assert ("DECISION_ROLE", "C-KW", "A-SAMC", "decision_maker") in facts
    assert ("REPORTS_TO", "Miguel Alvarez", "C-KW", "") in facts
    assert not {name for name, _ in ex.new_people.values()} & {"Dr. Miguel", "Miguel"}


def test_chinese_department_title_orders(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "参会人员：设备科孙丽科长、放射科王海涛主任", "zh", "A-CD")
    facts = _facts(ex)
    assert ("WORKS_AT", "C-SL", "A-CD", "设备科科长") in facts
    assert ("WORKS_AT", "王海涛", "A-CD", "放射科主任") in facts


def test_suppliers_and_vendors_as_written(pipeline: TextPipeline) -> None:
    facts = _facts(_read(pipeline, "服务器是联想的，由神州数码供货。", "zh", "A-CD"))
    assert ("SUPPLIES", "V-DC", "A-CD", "") in facts
    assert not [f for f in facts if f[0] == "SUPPLIES" and f[2] == "V-LEN"]
    facts = _facts(_read(pipeline, "Bosch Rexroth supplies all the hydraulic units.", "en", "A-PLANT"))
    assert ("SUPPLIES", "V-BOSCH", "A-PLANT", "") in facts
    note = "PACS用的是东软的，维保合同今年年底到期。"
    doc = TextDocument("N", "note", note, "issue", 1, "zh", None, "A-CD")
    ((_, ex),) = list(pipeline.run([doc]))
    assert ("USES", "A-CD", "V-NEU", "2026-12-31") in _facts(ex)  # no date on the note: 2026-09-30


def test_plans_are_not_installs(pipeline: TextPipeline) -> None:
    facts = _facts(_read(pipeline, "Finance runs on spreadsheets (moving to D365 in 2026).", "en", "A-PLANT"))
    assert not [f for f in facts if f[0] == "USES"]


@pytest.mark.parametrize(
    ("text", "lang", "account", "stance"),
    [
        ("Karen Whitfield is the decision maker and very keen on our proposal.", "en", "A-SAMC", "supporter"),
        ("Karen Whitfield makes the final call; she is pushing for us.", "en", "A-SAMC", "supporter"),
        ("Karen Whitfield makes the final call but remains skeptical.", "en", "A-SAMC", "opponent"),
        ("孙丽是最终决策人，对我们的方案持保留意见。", "zh", "A-CD", "opponent"),
        ("孙丽是最终决策人，非常支持我们。", "zh", "A-CD", "supporter"),
    ],
)
def test_stance_from_language(
    pipeline: TextPipeline, text: str, lang: str, account: str, stance: str
) -> None:
    roles = [f for f in _read(pipeline, text, lang, account).facts if f.relation == "DECISION_ROLE"]
    # "she is pushing for us" also names a champion; the decision maker's stance is the point here
    assert [f.props["stance"] for f in roles if f.props["role"] == "decision_maker"] == [stance]
    assert {f.props["stance"] for f in roles} == {stance}


def test_common_words_are_no_company(pipeline: TextPipeline) -> None:
    ex = _read(
        pipeline, "They asked us to quote the software only. Our China team will follow up.", "en", "A-PLANT"
    )
    assert not [m for m in ex.mentions if m.label == "ORG"]


def test_hedges_lower_confidence(pipeline: TextPipeline) -> None:
    roles = [
        f
        for f in _read(pipeline, "Karen Whitfield might be the decision maker.", "en", "A-SAMC").facts
        if f.relation == "DECISION_ROLE"
    ]
    assert roles and all(f.confidence < 0.7 for f in roles)


def test_a_note_past_spacys_default_length_is_read(pipeline: TextPipeline) -> None:
    text = "Notes from the site visit, nothing decided. " * 23_000 + "Karen Whitfield makes the final call."
    assert len(text) > 1_000_000  # spaCy's default nlp.max_length
    facts = _facts(_read(pipeline, text, "en", "A-SAMC"))
    assert ("DECISION_ROLE", "C-KW", "A-SAMC", "decision_maker") in facts
