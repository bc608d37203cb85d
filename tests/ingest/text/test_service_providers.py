"""Who serves an account (an integrator, an MSP, the firm orders go through), what a system
"is" ("PACS is Sectra"), a common word inside a product name, and a pronoun after a
sentence that named its person only as an object; a supplier the CRM knows people of, through
whom a service runs ("Payments through Payvera", "payments: still with Payvera"). Phrasings written
for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from ingest.text import TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Northwind Security"},
    "companies": [
        {"id": "A-BK", "name": "Harbour Mutual Bank", "aliases": ["Harbour Mutual"], "role": "customer"},
        {"id": "V-SI", "name": "Castlerock Systems", "aliases": ["Castlerock"], "role": "supplier"},
        {"id": "V-DC", "name": "Brightline Distribution", "aliases": ["Brightline"], "role": "supplier"},
        {"id": "V-SPL", "name": "Splunk", "role": "competitor"},
        {"id": "V-OK", "name": "Okta", "role": "competitor"},
        {"id": "V-GO", "name": "Google", "role": "competitor"},
        {"id": "V-TY", "name": "Tyrewell Direct", "aliases": ["Tyrewell"], "role": "supplier"},
        {"id": "V-PA", "name": "Orbiscale", "role": "partner"},
        {"id": "V-PV", "name": "Payvera", "role": "supplier", "industry": "Payments"},
    ],
    "contacts": [
        {"id": "C-GP", "name": "Graham Pike", "company": "A-BK", "title": "CFO"},
        {"id": "C-TW", "name": "Tom Whitcombe", "company": "A-BK", "title": "CISO"},
        {"id": "C-KW", "name": "Kenji Watanabe", "company": "V-PV", "title": "Partner Manager"},
    ],
    "products": [
        {"id": "P-SES", "name": "Splunk Enterprise Security", "vendor": "V-SPL", "category": "SIEM"},
        {"id": "P-GSO", "name": "Google Security Operations", "vendor": "V-GO", "category": "SIEM"},
    ],
    "topics": [{"id": "T-CS", "en": "cloud security", "zh": "云安全"}],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "providers") as built:
        yield built


def _facts(pipeline: TextPipeline, text: str, relation: str) -> set[tuple[str, ...]]:
    doc = TextDocument("N", "note", text, "providers", 1, "en", datetime(2026, 3, 1), "A-BK")
    ((_, ex),) = list(pipeline.run([doc]))
    return {
        (f.subject[1], f.object[1], str(f.props.get("role", ""))) for f in ex.facts if f.relation == relation
    }


@pytest.mark.parametrize(
    "text",
    [
        "Castlerock run their whole data centre and will join the next call.",
        "Castlerock is their SI for most of the infrastructure work.",
        "The branch network was installed and maintained by Castlerock.",
        "Castlerock remain on site for the migration.",
        "Budget is approved; the PO will go through Castlerock as usual.",
        "Castlerock did the original camera install and still holds the service contract.",
        "- Installer: Castlerock covers the branches.",
        "- cabling and consumables all come thru Castlerock",
        "Castlerock is Harbour Mutual's electrical distributor for branch refits.",
        "Results reach the regulator through an interface that Castlerock built and still support.",
        "Hosting: Castlerock already host Harbour Mutual's data warehouse.",
        "Castlerock continues to supply consumables to all four branches.",
        "• Brightline delivering the printers; Castlerock doing the branch network cabling",
        "- Castlerock do all their installs and servicing today, have done for 6+ yrs.",
        "Harbour Mutual use Castlerock for installs.",
        "- Guarding and reception at HQ is outsourced to Castlerock.",
        "The new branch kiosks are financed through Castlerock, 48-month lease.",
    ],
)
def test_a_service_provider_supplies_the_account(pipeline: TextPipeline, text: str) -> None:
    assert ("V-SI", "A-BK", "") in _facts(pipeline, text, "SUPPLIES")


@pytest.mark.parametrize(
    "text",
    [
        "Fleet tyres are with Tyrewell Direct; they send tread-depth data monthly.",
        "The branch generators are maintained under contract by Tyrewell.",
        "分行的备用发电机都是Tyrewell的。",
    ],
)
def test_a_suppliers_install_is_a_supply(pipeline: TextPipeline, text: str) -> None:
    """A company the market lists as a supplier, not a competitor or a product's vendor, sells a
    service or goods: the install a sentence states is its supply to the account."""
    lang = "zh" if "的" in text else "en"
    doc = TextDocument("N", "note", text, "providers", 1, lang, datetime(2026, 3, 1), "A-BK")
    ((_, ex),) = list(pipeline.run([doc]))
    said = {(f.relation, f.subject[1], f.object[1]) for f in ex.facts}
    assert ("SUPPLIES", "V-TY", "A-BK") in said and ("USES", "A-BK", "V-TY") not in said


def test_a_partners_system_stays_an_install(pipeline: TextPipeline) -> None:
    # a partner may sell what it integrates; a licence with an end is an install in any case
    assert ("A-BK", "V-PA", "") in _facts(pipeline, "Their data platform is Orbiscale.", "USES")
    text = "The Tyrewell contract runs to 31 March 2027."
    assert ("A-BK", "V-TY", "") in _facts(pipeline, text, "USES")


@pytest.mark.parametrize(
    "text",
    [
        "Splunk runs their SIEM today.",  # a competitor's product in use, not a supplier
        "Castlerock could be the proposed SI if the bank goes ahead.",
        "installs: Castlerock could do the branches in the August shutdown IF we get the PO in time",
    ],
)
def test_no_supplier_from_a_competitor_or_a_proposal(pipeline: TextPipeline, text: str) -> None:
    assert not {f for f in _facts(pipeline, text, "SUPPLIES") if f[0] in ("V-SPL", "V-SI")}


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("- SIEM is Splunk Enterprise Security, nobody is happy with the licence.", "P-SES"),
        ("- Identity: Okta", "V-OK"),
        ("Notes from the call - their core logging platform is Splunk Enterprise Security.", "P-SES"),
        ("- Branch logging / alarm integration: Splunk Enterprise Security.", "P-SES"),
        ("- HQ + data centre logging and alerting for the branches: Splunk Enterprise Security.", "P-SES"),
        ("They're locked into Splunk Enterprise Security until Q3 2027.", "P-SES"),
    ],
)
def test_a_system_said_to_be_a_product_is_in_use(pipeline: TextPipeline, text: str, thing: str) -> None:
    assert ("A-BK", thing, "") in _facts(pipeline, text, "USES")


@pytest.mark.parametrize(
    "text",
    [
        "Competition: Splunk Enterprise Security is out after the cost review.",
        "Preferred option is Splunk Enterprise Security, to be confirmed next month.",
    ],
)
def test_a_pick_or_a_rival_is_not_an_install(pipeline: TextPipeline, text: str) -> None:
    assert ("A-BK", "P-SES", "") not in _facts(pipeline, text, "USES")


def test_a_common_word_of_a_product_name_is_not_the_product(pipeline: TextPipeline) -> None:
    text = "Tom, their Security Architect, is running the evaluation with us."
    assert not _facts(pipeline, text, "USES") and not _facts(pipeline, text, "EVALUATING")


def test_a_pronoun_after_an_object_only_sentence_means_that_object(pipeline: TextPipeline) -> None:
    text = "Met Tom Whitcombe on Monday. The business case then goes to Graham Pike, he owns the IT budget."
    assert ("C-GP", "A-BK", "economic_buyer") in _facts(pipeline, text, "DECISION_ROLE")
    assert ("C-TW", "A-BK", "economic_buyer") not in _facts(pipeline, text, "DECISION_ROLE")


@pytest.mark.parametrize(
    "text",
    [
        "前端摄像机这些年一直是Castlerock在给银行供货。",
        "网点的摄像机一直是Castlerock代理供货。",
        "门店摄像头都是Castlerock给供的货。",
        "Castlerock目前是Harbour Mutual分行的弱电维保商。",
        "- Castlerock 一直是银行的集成商，说他们 prefer 跟我们合作。",
        "数据中心由Castlerock承担集成建设。",
        "- 集成商：Castlerock，合作多年。",
        "银行的软硬件采购基本都走Castlerock。",
        "网点的网络和弱电这些年一直是Castlerock在做。",
        "周工上次提到你们核心系统是Castlerock做的，接口可以复用。",
        "- IT外包给Castlerock，系统和网络有事找他们。",
        "Castlerock负责硬件集成，我们只做软件。",
        "二期网络是Castlerock在做，我让他们明天派人过去。",
        "最近两台摄像机是Castlerock代理的。",
        "Castlerock现在还在做驻场运维。",
        # bought through one, its supply, its main supply, an implementation partner in a label
        "信创服务器是通过Castlerock采购的，跟我们关系还行。",
        "Server 和存储都是 Castlerock supply 的。",
        "- Castlerock：新线 PLC/伺服主供，可联合做设备联网。",
        "- 实施伙伴：Castlerock，已经进场搭环境。",
    ],
)
def test_a_chinese_supplier_as_notes_state_it(pipeline: TextPipeline, text: str) -> None:
    doc = TextDocument("N", "note", text, "providers", 1, "zh", datetime(2026, 3, 1), "A-BK")
    ((_, ex),) = list(pipeline.run([doc]))
    assert {(f.subject[1], f.object[1]) for f in ex.facts if f.relation == "SUPPLIES"} == {("V-SI", "A-BK")}


def test_who_builds_it_is_our_deal_and_who_will_is_no_supplier_yet(pipeline: TextPipeline) -> None:
    text = "项目由Northwind Security承建，明年开始由Castlerock负责弱电集成。"
    doc = TextDocument("N", "note", text, "providers", 1, "zh", datetime(2026, 3, 1), "A-BK")
    ((_, ex),) = list(pipeline.run([doc]))
    assert [f for f in ex.facts if f.relation == "SUPPLIES"] == []
    said = "Helen signs it off on the 15th, and the PO will come through Castlerock as usual."
    assert ("V-SI", "A-BK", "") in _facts(pipeline, said, "SUPPLIES")


@pytest.mark.parametrize(
    ("text", "supplied"),
    [
        ("- Payments through Payvera.", True),
        ("Card payments via Payvera – happy with them, no appetite to change.", True),
        ("- payments: still with Payvera.", True),
        ("- Meeting with Payvera next week about the interface.", False),  # a meeting, no service
    ],
)
def test_a_service_that_runs_through_a_supplier(pipeline: TextPipeline, text: str, supplied: bool) -> None:
    assert (("V-PV", "A-BK", "") in _facts(pipeline, text, "SUPPLIES")) is supplied


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # the sales title belongs to the vendor named just before, not to the account
        (
            "Castlerock are slow on the export. Their account manager, Dev Shah, told Graham it costs extra.",
            "V-SI",
        ),
        ("Payvera sent a new rate card; their regional sales director Dev Shah will call.", "V-PV"),
        ("Dev Shah, their account manager, called about the renewal.", "A-BK"),  # no vendor named near
    ],
)
def test_a_sales_title_is_the_rep_of_the_vendor_just_named(
    pipeline: TextPipeline, text: str, company: str
) -> None:
    doc = TextDocument("N", "note", text, "providers", 1, "en", datetime(2026, 3, 1), "A-BK")
    ((_, ex),) = list(pipeline.run([doc]))
    assert {f.object[1] for f in ex.facts if f.relation == "WORKS_AT"} == {company}
