"""Titles across languages and who a person mention names (a small gazetteer built in memory)."""

from __future__ import annotations

import pytest

from ingest.text._full_names import NEAR, named_in_full
from ingest.text._gazetteer import Gazetteer, PersonInfo
from ingest.text._link import PersonLinker
from ingest.text._mentions import Mention
from ingest.text._nlp import PERSON_REF
from ingest.text._titles import addressed_as, fits_honorific, same_title, title_level


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("设备科主任", "Head of the Equipment Department"),
        ("设备科副主任", "Deputy Head of the Equipment Department"),
        ("采购经理", "Purchasing Manager"),
        ("财务总监", "CFO"),
        ("副院长", "Vice President"),
        ("运营副总裁", "VP Operations"),
        ("厂长", "Plant Director"),
        ("设备经理", "Maintenance Manager"),
        ("会计", "Accountant"),
    ],
)
def test_a_title_is_the_same_in_both_languages(zh: str, en: str) -> None:
    assert same_title(zh, en)


def test_titles_that_differ_and_how_they_are_addressed() -> None:
    assert not same_title("采购经理", "Quality Manager")
    assert not same_title("设备科主任", "Deputy Head of the Equipment Department")
    assert not same_title("总经理", "Deputy General Manager")
    assert title_level("Chief Dreamer") == "chief" and title_level("Dreamer") is None
    assert "总" in addressed_as("General Manager") and "经理" not in addressed_as("General Manager")
    assert addressed_as("护士长") == {"护士长"} and "工" in addressed_as("Maintenance Engineer")
    assert fits_honorific("经理", "CEO") is False and fits_honorific("总", "CEO") is True
    assert fits_honorific("老师", "CEO") is None and fits_honorific("经理", "") is None
    # a deputy is called by the deputy's title, a director by the title's own head
    assert fits_honorific("副院长", "副院长") and fits_honorific("副主任", "Deputy Director of Nursing")
    assert fits_honorific("副院长", "院长") is False and fits_honorific("院长", "副院长")
    assert fits_honorific("总监", "质量部总监") and fits_honorific("经理", "总经理") is False
    # an official of a commission is called by the bureau's address: 卫健委副主任韩立群 is "韩局"
    assert fits_honorific("局", "副主任") and fits_honorific("局", "科长") is False
    # a chairman is "沈董", a bank's president "袁行"
    assert (
        fits_honorific("董", "董事长") and fits_honorific("行", "行长") and not fits_honorific("董", "总经理")
    )


def _gazetteer() -> Gazetteer:
    gz = Gazetteer()
    people = [
        PersonInfo("CON-1", "王强", "Purchasing Manager", ["C1"], {"王", "wang"}, crm=True),
        PersonInfo("CON-2", "王伟", "CEO", ["C1"], {"王", "wang"}, crm=True),
        PersonInfo("L-3", "Wang Li", "Quality Manager", ["C1"], {"王", "wang", "li"}, crm=True),
        PersonInfo("L-4", "Wang Li", "Quality Manager", ["C1"], {"王", "wang", "li"}),
    ]
    for p in people:
        gz.people[p.id] = p
        gz.staff["C1"].append(p.id)
    gz.add("Wang Li", "PERSON", "L-4")
    gz.add("Wang Li", "PERSON", "L-3")
    return gz


def test_a_reference_is_the_colleague_whose_title_fits() -> None:
    linker = PersonLinker(_gazetteer(), {})
    assert linker.link("王总", PERSON_REF, ["C1"]) == ("CON-2", False)
    assert linker.link("王经理", PERSON_REF, ["C1"], title="采购经理")[0] == "CON-1"
    assert linker.link("王经理", PERSON_REF, ["C1"], title="质量经理")[0] == "L-3"  # CRM first
    new_id, new = PersonLinker(_gazetteer(), {}).link("王经理", PERSON_REF, ["C1"], title="安环经理")
    assert new and new_id.startswith("TXT-P-")


def test_a_reference_is_first_someone_the_document_named() -> None:
    new_people: dict[str, tuple[str, str]] = {}
    linker = PersonLinker(_gazetteer(), new_people)
    newcomer, new = linker.link("王经理", PERSON_REF, ["C1"], title="安环经理")
    assert new and newcomer in new_people
    assert linker.link("王经理", PERSON_REF, ["C1"]) == (newcomer, True)  # not the purchasing manager
    assert linker.link("王总", PERSON_REF, ["C1"])[0] == "CON-2"  # a 经理 is not called 王总
    assert linker.link("Wang Li", "wang li", ["C1"])[0] == "L-3"
    assert linker.link("Mr. Wang", PERSON_REF, ["C1"])[0] == "L-3"  # the latest Wang named


def test_a_full_name_after_a_surname_only_newcomer_is_that_newcomer() -> None:
    linker = PersonLinker(Gazetteer(), {})
    doctor, _ = linker.link("Dr. Müller", PERSON_REF, ["C9"])
    assert linker.link("Julia Müller", "julia müller", ["C9"]) == (doctor, True)
    assert linker.link("Anna Schulz", "anna schulz", ["C9"])[0] != doctor


def test_a_reference_named_in_full_later_takes_the_full_name() -> None:
    """ "何总和邹总都向温总汇报。邹海燕（集团财务总监）…": 邹总 is 邹海燕, and the node is named so."""
    new_people: dict[str, tuple[str, str]] = {}
    linker = PersonLinker(Gazetteer(), new_people)
    ref, _ = linker.link("邹总", PERSON_REF, ["C9"])
    assert linker.link("邹海燕", "邹海燕", ["C9"])[0] == ref
    # the same mention linked again once its bracketed title is read keeps the link
    assert linker.link("邹海燕", "邹海燕", ["C9"], title="集团财务总监", replaces=ref)[0] == ref
    assert new_people[ref][0] == "邹海燕"
    # a full name without a title that fits the honorific does not rename the reference
    boss, _ = linker.link("陈总", PERSON_REF, ["C9"])
    linker.link("陈晨", "陈晨", ["C9"])
    assert new_people[boss][0] == "陈总"


def test_a_reference_glossed_by_a_full_name_nearby_takes_it() -> None:
    """ "最后得严局定（严志平 副局长）": the node 严局 made is 严志平's; 吴桐 a paragraph on is not 吴总."""
    text = (
        "最后得严局定（严志平 副局长）。"
        + "。" * NEAR
        + "吴总签字。"
        + "。" * NEAR
        + "下周计划：交流（吴桐）"
    )
    yan, wu = "TXT-P-1", "TXT-P-2"
    new_people = {yan: ("严局", "A"), wu: ("吴总", "A")}
    mentions = [
        Mention(text.find(name), text.find(name) + len(name), "PERSON", name, key, node_id)
        for name, key, node_id in (("严局", PERSON_REF, yan), ("严志平", "", yan), ("吴总", PERSON_REF, wu))
    ] + [Mention(text.find("吴桐"), text.find("吴桐") + 2, "PERSON", "吴桐", "", wu)]
    named_in_full(new_people, mentions)
    assert new_people == {yan: ("严志平", "A"), wu: ("吴总", "A")}


def test_a_reference_at_the_account_is_not_our_own_staff_member() -> None:
    """ "启衡：陈晨（售前）… 帮我们约集团总经理陈总": 陈总 is not our presales 陈晨."""
    gz = Gazetteer()
    gz.self_id = "SELF"
    linker = PersonLinker(gz, {})
    ours, _ = linker.link("陈晨", "陈晨", ["SELF", "C9"])
    boss, _ = linker.link("陈总", PERSON_REF, ["C9"])
    assert boss != ours
    assert linker.link("陈工", PERSON_REF, ["SELF"])[0] == ours


def test_a_colleague_is_found_by_the_given_name_alone_when_only_one_fits() -> None:
    gz = Gazetteer()
    for pid, name in [("C-1", "Lim Wen Jie"), ("C-2", "Karen Whitfield"), ("C-3", "Karen Lowe")]:
        gz.people[pid] = PersonInfo(pid, name, "", ["C1"], set(), crm=True)
        gz.staff["C1"].append(pid)
    linker = PersonLinker(gz, {})
    assert linker.link("Wen Jie", "wen jie", ["C1"]) == ("C-1", False)  # surname first
    assert linker.link("Karen", "karen", ["C1"])[1]  # two Karens at the account: someone new
    assert linker.link("Wen Jie", "wen jie", ["C9"])[1]  # not a colleague at another company


def test_a_bracketed_role_the_honorific_does_not_name_keeps_the_colleague() -> None:
    """ "评标委员会：马总（组长）": 组长 is his place on the panel; 总 names the CRM's 副总经理 马国强."""
    gz = Gazetteer()
    gz.people["C-1"] = PersonInfo("C-1", "马国强", "副总经理", ["C1"], {"马", "ma"}, crm=True)
    gz.staff["C1"].append("C-1")
    assert PersonLinker(gz, {}).link("马总", PERSON_REF, ["C1"], title="组长")[0] == "C-1"
    # a title the honorific may name, which is not the colleague's, is someone new
    assert PersonLinker(gz, {}).link("马总", PERSON_REF, ["C1"], title="财务总监")[0] != "C-1"
