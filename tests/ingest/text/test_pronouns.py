"""Whom a pronoun means, and whose stance a clause states, when a sentence names several people."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import Extraction, TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Meridian Medical"},
    "companies": [
        {"id": "A-HX", "name": "华兴精密机械股份有限公司", "aliases": ["华兴"], "role": "customer"},
        {"id": "V-SAP", "name": "SAP", "role": "competitor"},
    ],
    "contacts": [{"id": "C-SHAO", "name": "邵伟", "company": "A-HX", "title": "设备科科长"}],
    "products": [{"id": "P-S4", "name": "S/4HANA", "aliases": ["S/4"], "vendor": "V-SAP"}],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "pronouns") as built:
        yield built


def _read(pipeline: TextPipeline, text: str) -> Extraction:
    ((_, ex),) = list(pipeline.run([TextDocument("N", "note", text, "pronouns", 1, "en", None, "A-HX")]))
    return ex


def _roles(ex: Extraction) -> set[tuple[str, str, str]]:
    return {
        (ex.new_people.get(f.subject[1], (f.subject[1], ""))[0], f.props["role"], f.props["stance"])
        for f in ex.facts
        if f.relation == "DECISION_ROLE"
    }


def test_a_possessor_is_not_the_pronoun_after_it(pipeline: TextPipeline) -> None:
    ex = _read(
        pipeline,
        "Also met 贾小东, 邵科长手下的工程师 — he'll be the one actually using the system every day.",
    )
    assert ("贾小东", "user", "neutral") in _roles(ex)
    ex = _read(
        pipeline, "New contact: Tao Min, data analyst on Omar Haddad's team — she'll be the main user."
    )
    assert ("Tao Min", "user", "neutral") in _roles(ex)


def test_an_installed_product_in_an_earlier_part_is_no_rival_pitch(pipeline: TextPipeline) -> None:
    text = "孔令伟 is the technical evaluator and owns the S/4HANA programme; he 持保留意见 about it."
    assert ("孔令伟", "technical_evaluator", "opponent") in _roles(_read(pipeline, text))


def _lines(ex: Extraction) -> set[tuple[str, str]]:
    return {
        (ex.new_people[f.subject[1]][0], ex.new_people[f.object[1]][0])
        for f in ex.facts
        if f.relation == "REPORTS_TO"
    }


def test_her_deputy_and_someone_who_left(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "Met with Sarah Lin (VP Operations) and her deputy, Raj Mehta.")
    assert _lines(ex) == {("Raj Mehta", "Sarah Lin")}
    # a possessive after the copula is not the subject of its own clause
    assert _lines(_read(pipeline, "Sarah Lin runs IT. Raj Mehta is her deputy.")) == {
        ("Raj Mehta", "Sarah Lin")
    }
    # a dotted line is a reporting line too
    assert _lines(_read(pipeline, "Raj Mehta has a dotted line to Sarah Lin.")) == {
        ("Raj Mehta", "Sarah Lin")
    }
    ex = _read(pipeline, "Hannah Cole took over from Mark Dunn, who left in May.")
    gone = {
        ex.new_people[f.subject[1]][0]
        for f in ex.facts
        if f.relation == "WORKS_AT" and not f.props["current"]
    }
    assert gone == {"Mark Dunn"}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Sarah Lin, VP Ops, is pushing hard for us internally.", ("Sarah Lin", "champion", "supporter")),
        ("Dana Fox in procurement handles all vendor meetings.", ("Dana Fox", "gatekeeper", "neutral")),
        ("Tom Reyes gatekeeps access to the CMO.", ("Tom Reyes", "gatekeeper", "neutral")),
    ],
)
def test_english_role_phrasings(pipeline: TextPipeline, text: str, role: tuple[str, str, str]) -> None:
    assert role in _roles(_read(pipeline, text))


def test_the_new_holder_of_a_title_at_a_company(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "New CIO at 华兴 is Omar Haddad, ex-Siemens.")
    titles = {
        (ex.new_people[f.subject[1]][0], f.props["title"]) for f in ex.facts if f.relation == "WORKS_AT"
    }
    assert titles == {("Omar Haddad", "CIO")}


def test_a_pronoun_agrees_with_the_gender_a_given_name_or_address_implies(pipeline: TextPipeline) -> None:
    ex = _read(pipeline, "Dev Malhotra runs IT; Priya Nair chairs the panel. Expect him to try and block us.")
    assert ("Dev Malhotra", "blocker", "opponent") in _roles(ex)
    assert not any(name == "Priya Nair" for name, _, _ in _roles(ex))
    ex = _read(pipeline, "王女士 runs finance and Tom Reyes runs IT; she holds the budget.")
    assert ("王女士", "economic_buyer", "neutral") in _roles(ex)


def test_an_object_pronoun_in_an_embedded_clause_may_mean_the_main_subject(pipeline: TextPipeline) -> None:
    text = "Kevin O'Hara (procurement) wants all vendor comms to go through him from now on."
    assert ("Kevin O'Hara", "gatekeeper", "neutral") in _roles(_read(pipeline, text))
    ex = _read(pipeline, "Tom Reyes reports to him.")  # but never the subject of its own clause
    assert not any(f.relation == "REPORTS_TO" and f.object[2] == "Tom Reyes" for f in ex.facts)


def _reports(ex: Extraction) -> set[tuple[str, str]]:
    def name(node: tuple[str, str, str]) -> str:
        return ex.new_people.get(node[1], (node[1], ""))[0]

    return {(name(f.subject), name(f.object)) for f in ex.facts if f.relation == "REPORTS_TO"}


def test_a_pronoun_in_a_chat_line_is_not_its_speaker(pipeline: TextPipeline) -> None:
    chat = (
        "[09:14] Hannah Cole: is Omar Haddad still around?\n"
        "[09:16] Tom Archer: yeah he has the final word on this"
    )
    assert ("Omar Haddad", "decision_maker", "neutral") in _roles(_read(pipeline, chat))
    assert not {r for r in _roles(_read(pipeline, chat)) if r[0] == "Tom Archer"}


def test_a_pronoun_in_a_chat_is_none_of_its_participants(pipeline: TextPipeline) -> None:
    chat = (
        "[09:14] Hannah Cole: the one to watch is Omar Haddad, he reports to the CRO\n"
        "[09:15] Tom Archer: stance?\n"
        "[09:15] Hannah Cole: hostile. expect him to try and block us"
    )
    assert ("Omar Haddad", "blocker", "opponent") in _roles(_read(pipeline, chat))
    assert not {r for r in _roles(_read(pipeline, chat)) if r[0] == "Tom Archer"}


def test_a_question_states_neither_role_nor_stance(pipeline: TextPipeline) -> None:
    chat = (
        "[10:03] Hannah Cole: amazing!! did Graham Pike push back on price?\n"
        "[10:05] Owen Fletcher: a bit. he's still the one who approves the spend"
    )
    assert _roles(_read(pipeline, chat)) == {("Graham Pike", "economic_buyer", "neutral")}


def test_she_of_the_same_sentence_before_someone_named_earlier(pipeline: TextPipeline) -> None:
    """The only woman the sentence names is "she", though named as an object."""
    text = (
        "Theresa Calloway (CIO) arrived in April. "
        "Luis Ortega reported to Nadia Rahimi until she left the bank in August."
    )
    left = {
        (_read(pipeline, text).new_people[f.subject[1]][0])
        for f in _read(pipeline, text).facts
        if f.relation == "WORKS_AT" and f.props.get("current") is False
    }
    assert left == {"Nadia Rahimi"}


def test_no_role_or_reporting_line_for_someone_who_has_left(pipeline: TextPipeline) -> None:
    text = (
        "Priscilla Nakamura has left 华兴. She was our champion. "
        "Her deputy Marcus Feld is acting director now."
    )
    ex = _read(pipeline, text)
    assert not _reports(ex)
    assert not {r for r in _roles(ex) if r[0] == "Priscilla Nakamura"}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "韩卫东——科技信息化科科长，归姚局管，技术方案他评估。",
            ("韩卫东", "technical_evaluator", "neutral"),
        ),
        ("柏涛——指挥中心主任，要约常局得先过他这关。", ("柏涛", "gatekeeper", "neutral")),
    ],
)
def test_a_chinese_pronoun_is_not_the_object_of_a_verb_before_it(
    pipeline: TextPipeline, text: str, role: tuple[str, str, str]
) -> None:
    doc = TextDocument("N", "note", text, "pronouns", 1, "zh", None, "A-HX")
    ((_, ex),) = list(pipeline.run([doc]))
    assert _roles(ex) == {role}


def test_a_sayer_the_note_did_not_name_leaves_the_last_person_named(pipeline: TextPipeline) -> None:
    # "Dan" is no person the note named, so "she" is Lorraine Webb, not the one named before her
    text = "Priya Desai runs IT. Lorraine Webb did not attend – Dan said she'll make the final call."
    assert ("Lorraine Webb", "decision_maker", "neutral") in _roles(_read(pipeline, text))
    text = "Lorraine Webb runs IT. Priya Desai joined late; Priya said she makes the final call."
    assert ("Lorraine Webb", "decision_maker", "neutral") in _roles(_read(pipeline, text))
