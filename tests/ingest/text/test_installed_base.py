"""What an account runs and until when: products written in any case, and which of a
sentence's dates is the contract's end rather than the day something was signed or chosen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from ingest.text import TextDocument, TextPipeline
from ingest.text._dates import find_dates
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Meridian Medical", "aliases": ["Meridian"]},
    "companies": [
        {"id": "A-TY", "name": "通宇物流有限公司", "aliases": ["通宇"], "role": "customer"},
        {"id": "A-EGB", "name": "Eastgate Savings Bank", "aliases": ["Eastgate"], "role": "customer"},
        {"id": "V-YY", "name": "用友", "role": "competitor"},
        {"id": "V-PH", "name": "Philips", "role": "competitor"},
        {"id": "V-MS", "name": "Microsoft", "role": "competitor"},
        {"id": "V-AX", "name": "AxleIQ", "role": "competitor"},
        {"id": "V-BF", "name": "Brandt Facility Services", "aliases": ["Brandt"], "role": "supplier"},
    ],
    "products": [
        {"id": "P-NC", "name": "用友NC", "vendor": "V-YY", "category": "ERP"},
        {"id": "P-SENT", "name": "Sentinel", "vendor": "V-MS", "category": "SIEM"},
        {"id": "P-PACS", "name": "Philips PACS", "vendor": "V-PH", "category": "PACS"},
        {"id": "P-AXP", "name": "AxleIQ Predict", "vendor": "V-AX", "category": "Predictive maintenance"},
        {"id": "P-MMP", "name": "Meridian Predict", "vendor": "SELF", "category": "Predictive maintenance"},
    ],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "installed") as built:
        yield built


def _uses(pipeline: TextPipeline, text: str, lang: str, account: str) -> set[tuple[str, str]]:
    doc = TextDocument("N", "note", text, "installed", 1, lang, datetime(2026, 3, 1), account)
    ((_, ex),) = list(pipeline.run([doc]))
    return {(f.object[1], str(f.props.get("contract_end", ""))) for f in ex.facts if f.relation == "USES"}


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("Eastgate run Predict on the Leeds fleet; renewal is due 30 June 2027.", "P-MMP"),
        ("AxleIQ came in cheaper, and Eastgate run Predict on the Leeds fleet.", "P-AXP"),
    ],
)
def test_a_short_name_two_products_share_is_the_one_whose_vendor_is_named_else_ours(
    pipeline: TextPipeline, text: str, product: str
) -> None:
    assert {p for p, _ in _uses(pipeline, text, "en", "A-EGB")} == {product}


def test_a_product_written_in_lower_case(pipeline: TextPipeline) -> None:
    uses = _uses(pipeline, "车队那边用友nc上个月底到期了，他们又续了一年，到明年三月底。", "zh", "A-TY")
    assert uses == {("P-NC", "2027-03-31")}


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("The Sentinel renewal was signed in January and now runs to 31 Jan 2028.", "2028-01-31"),
        ("Installed base: Sentinel (renewed in January).", ""),
        ("They chose Philips in February; Sentinel support ends in June.", "2026-06-30"),
        ("Sentinel extended to 30 Jun to cover the go-live gap.", "2026-06-30"),
    ],
)
def test_the_contract_end_is_the_date_an_end_governs(pipeline: TextPipeline, text: str, end: str) -> None:
    assert ("P-SENT", end) in _uses(pipeline, text, "en", "A-EGB")


def test_dates_glued_to_chinese_and_written_day_first() -> None:
    today = date(2026, 3, 1)
    assert list(find_dates("延保到9/30", "zh", today)) == [(3, 7, "2026-09-30")]
    assert list(find_dates("until 30/9/2027", "en", today)) == [(6, 15, "2027-09-30")]
    assert list(find_dates("1/2 of the fleet, 31/2 of nothing", "en", today)) == []
    # a year written short
    assert [d for _, _, d in find_dates("renews ~ end of yr", "en", today)] == ["2026-12-31"]
    assert [d for _, _, d in find_dates("ends end of next yr", "en", today)] == ["2027-12-31"]
    # a month and a year joined by a hyphen, a year with an apostrophe alone; "Mar-15" may be a day
    assert [d for _, _, d in find_dates("til Dec-26, then", "en", today)] == ["2026-12-31"]
    assert [d for _, _, d in find_dates("til end of '27.", "en", today)] == ["2027-12-31"]
    assert [d for _, _, d in find_dates("the Mar-15 meeting", "en", today)] == []


def _evaluating(pipeline: TextPipeline, text: str, lang: str, account: str) -> set[str]:
    doc = TextDocument("N", "note", text, "installed", 1, lang, datetime(2026, 3, 1), account)
    ((_, ex),) = list(pipeline.run([doc]))
    return {f.object[1] for f in ex.facts if f.relation == "EVALUATING"}


@pytest.mark.parametrize(
    ("text", "lang", "account", "evaluated"),
    [
        ("They are running a bake-off between Sentinel and two others.", "en", "A-EGB", {"P-SENT"}),
        # a trial done before, and a pilot we only propose, are no evaluation now
        ("Their former CISO had done one small trial with Sentinel.", "en", "A-EGB", set()),
        ("Next: propose a pilot of Sentinel on the branch network (not agreed yet).", "en", "A-EGB", set()),
        ("Sentinel is one of three finalists; the award is due in May.", "en", "A-EGB", {"P-SENT"}),
        ("Eastgate have now asked Microsoft for an offer as well.", "en", "A-EGB", {"V-MS"}),
        # the vendor approaching someone is its move, not the account's evaluation
        ("用友最近在接触通宇的财务总监，通宇明确说不考虑。", "zh", "A-TY", set()),
        ("通宇也在接触用友，下周看演示。", "zh", "A-TY", {"V-YY"}),
        ("The Sentinel evaluation is closed; they kept what they have.", "en", "A-EGB", set()),
        ("Omar will review the Sentinel interface as technical evaluator.", "en", "A-EGB", set()),
        ("这次选型，用友NC和我们一起入围。", "zh", "A-TY", {"P-NC"}),
        ("这次邀请三家：你们、用友、还有一家本地的。", "zh", "A-TY", {"V-YY"}),
        ("通宇明确会投的有用友，还有贵司。", "zh", "A-TY", {"V-YY"}),
        ("用友NC已经在襄阳厂试点上线。", "zh", "A-TY", set()),
        # a list after a head that ends in the evaluation: what the head says of each item
        ("Three bidders shortlisted: Sentinel, Philips PACS and us.", "en", "A-EGB", {"P-SENT", "P-PACS"}),
        (
            "本项目采用竞争性磋商，入围三家：Meridian Medical、用友NC、Philips PACS。",
            "zh",
            "A-TY",
            {"P-NC", "P-PACS"},
        ),
        ("吴总介绍选型背景：用友NC维保3月31日到期。", "zh", "A-TY", set()),  # a label, not a shortlist
        # a pilot that ran once, or was stopped, is no evaluation now
        ("签章部分去年集团试点过用友NC，但通宇没纳入试点。", "zh", "A-TY", set()),
        ("用友去年试点停了以后一直想重新进来。", "zh", "A-TY", set()),
        # one tried and dropped, eliminated, passed on or turned down is out of the race
        ("They trialled Sentinel in 2024 and dropped it.", "en", "A-EGB", set()),
        ("RFP shortlist: Sentinel has been eliminated.", "en", "A-EGB", set()),
        ("The ED's trial of Sentinel has finished and they won't be proceeding.", "en", "A-EGB", set()),
        ("用友NC之前接触过，周总说太贵，已经pass。", "zh", "A-TY", set()),
        ("用友NC也在选型里，但被她们IT刷掉了。", "zh", "A-TY", set()),
    ],
)
def test_what_an_account_evaluates(
    pipeline: TextPipeline, text: str, lang: str, account: str, evaluated: set[str]
) -> None:
    assert _evaluating(pipeline, text, lang, account) == evaluated


@pytest.mark.parametrize(
    ("text", "uses"),
    [
        ("现有系统：用友NC（2022年上线），Sentinel没买。", {("P-NC", "")}),
        ("用友NC去年已经停掉了。", set()),
        ("他们的ERP都是用友的。", {("V-YY", "")}),
        ("原来用的金蝶，今年初切到了用友NC。", {("P-NC", "")}),
        ("用友NC的license还有半年到期。", {("P-NC", "2026-09-30")}),
        ("主装置DCS中控，ERP用友NC，作业票还在OA上走。", {("P-NC", "")}),
        ("按会上沟通，贵司ERP为用友NC，质量模块暂未启用。", {("P-NC", "")}),
        ("下一步替换ERP用友NC。", set()),
        ("仪器：监护仪基本都是Philips的，数据要能对上。", {("V-PH", "")}),
        # two vendors the kit is shared between; "的" left out after "都是"
        ("监护仪主要是Philips和用友的，数据要能对上。", {("V-PH", ""), ("V-YY", "")}),
        ("ERP全是用友，监护仪都是Philips、Microsoft。", {("V-YY", ""), ("V-PH", ""), ("V-MS", "")}),
        ("最大的对手是用友。", set()),
        ("听说城商行那边上的是用友的。", set()),  # someone else's
        ("财务系统是用友NC，合同后年到期。", {("P-NC", "2028-12-31")}),  # the year after next, at its end
        # a contract of employment is no contract of the install
        ("司机劳动合同想上电子签，财务系统是用友的，明年一季度前要出方案。", {("V-YY", "")}),
        # where a change will land is no install yet; where it has landed is
        ("如果真这样，可能会整体换成用友NC，但目前只是传闻。", set()),
        # the English words a mixed note keeps say a contract too
        ("ERP 现在用的是用友NC，renewal 在明年 Q1 末。", {("P-NC", "2027-03-31")}),
        # hosted on it, leaning on it, fed by it
        ("学院的服务器都托管在用友，二期也部署在用友。", {("V-YY", "")}),
        ("车间现在的报表全靠用友NC手工拼，太累了。", {("P-NC", "")}),
        ("数据源还是用友NC，接口要另外收费。", {("P-NC", "")}),
    ],
)
def test_installs_as_chinese_notes_state_them(
    pipeline: TextPipeline, text: str, uses: set[tuple[str, str]]
) -> None:
    assert _uses(pipeline, text, "zh", "A-TY") == uses


@pytest.mark.parametrize(
    ("text", "uses"),
    [
        ("主系统是用友NC，合同跟着集团走。", {("P-NC", "")}),
        ("设备台账挂在用友NC的资产模块里。", {("P-NC", "")}),
        ("选用友NC还是别家，还没定。", set()),
        ("听说隔壁北沙供电公司去年上了用友NC，效果一般。", set()),
    ],
)
def test_what_a_system_is_and_where_records_live(
    pipeline: TextPipeline, text: str, uses: set[tuple[str, str]]
) -> None:
    assert _uses(pipeline, text, "zh", "A-TY") == uses


@pytest.mark.parametrize(
    ("text", "lang", "account", "uses"),
    [
        ("Payroll itself is outsourced to Microsoft.", "en", "A-EGB", {("V-MS", "")}),
        ("All staff log in with Sentinel.", "en", "A-EGB", {("P-SENT", "")}),
        ("薪资核算外包给用友了。", "zh", "A-TY", {("V-YY", "")}),
    ],
)
def test_a_service_outsourced_or_logged_in_with_is_in_use(
    pipeline: TextPipeline, text: str, lang: str, account: str, uses: set[tuple[str, str]]
) -> None:
    assert _uses(pipeline, text, lang, account) == uses


def test_a_date_in_another_part_of_the_sentence_is_not_this_contract_s_end(pipeline: TextPipeline) -> None:
    text = "Imaging on Philips PACS until 30/06/2027; security logs go to Sentinel."
    assert _uses(pipeline, text, "en", "A-EGB") == {("P-PACS", "2027-06-30"), ("P-SENT", "")}
    # but a contract's own later part dates it: "runs X; the contract ends …"
    text = "Eastgate currently runs Sentinel; the contract ends end of March 2028."
    assert _uses(pipeline, text, "en", "A-EGB") == {("P-SENT", "2028-03-31")}


def test_a_contract_sentence_of_its_own_dates_the_installs_before_it(pipeline: TextPipeline) -> None:
    text = "Eastgate runs Sentinel and Philips PACS. The current contract runs through 30 June 2027."
    assert _uses(pipeline, text, "en", "A-EGB") == {("P-SENT", "2027-06-30"), ("P-PACS", "2027-06-30")}
    # not across a paragraph, and not when the contract sentence names its own product
    text = "Eastgate runs Sentinel.\n\nThe current contract runs through 30 June 2027."
    assert _uses(pipeline, text, "en", "A-EGB") == {("P-SENT", "")}
    text = "Eastgate runs Sentinel. The Philips PACS contract runs through 30 June 2027."
    assert ("P-SENT", "") in _uses(pipeline, text, "en", "A-EGB")
    assert ("P-NC", "2026-12-31") in _uses(pipeline, "通宇用的是用友NC。合同今年年底到期。", "zh", "A-TY")


def test_a_product_named_with_its_vendor_made_possessive(pipeline: TextPipeline) -> None:
    assert _uses(pipeline, "通宇现在用的是用友的NC，明年3月到期。", "zh", "A-TY") == {("P-NC", "2027-03-31")}
    assert _uses(pipeline, "Eastgate runs Philips's PACS in radiology.", "en", "A-EGB") == {("P-PACS", "")}


@pytest.mark.parametrize(
    ("text", "lang", "account", "uses"),
    [
        # the product named, then its vendor: one install, ending when the vendor's sentence says
        (
            "Eastgate runs Sentinel for the SOC. Their Microsoft contract runs until 31 March 2027.",
            "en",
            "A-EGB",
            {("P-SENT", "2027-03-31")},
        ),
        # the vendor's sentence names a kind of its own: another install of that vendor
        ("现在ERP用的是用友NC。PACS是用友的。", "zh", "A-TY", {("P-NC", ""), ("V-YY", "")}),
        # the vendor alone stays the vendor
        ("PACS用的是用友的，合同今年年底到期。", "zh", "A-TY", {("V-YY", "2026-12-31")}),
    ],
)
def test_a_vendor_named_after_its_product_means_the_product(
    pipeline: TextPipeline, text: str, lang: str, account: str, uses: set[tuple[str, str]]
) -> None:
    assert _uses(pipeline, text, lang, account) == uses


@pytest.mark.parametrize(
    "text",
    [
        "另外提醒一下，用友也在跑这个项目。",
        "竞争：用友也在投，报价比我们低30%。",
        "用友也来报过价。",
        "设备科在比较我们的方案和用友的方案。",
    ],
)
def test_a_rival_in_the_running_is_evaluated(pipeline: TextPipeline, text: str) -> None:
    assert _evaluating(pipeline, text, "zh", "A-TY") == {"V-YY"}


def test_a_system_running_on_a_product_is_no_evaluation(pipeline: TextPipeline) -> None:
    assert _evaluating(pipeline, "车队维保现在跑在用友NC上，合同明年3月到期。", "zh", "A-TY") == set()


@pytest.mark.parametrize(
    ("text", "lang", "account"),
    [
        ("BTW 他们集团母公司用的是用友NC，跟这个 deal 无关。", "zh", "A-TY"),
        ("Their parent company runs Sentinel, which does not matter here.", "en", "A-EGB"),
        # "they" after a clause naming a body of the group is that body
        ("另外，我们集团下面的江门厂也在看 TMS，他们现在用的是用友NC，年底到期。", "zh", "A-TY"),
        ("Our neighbours across the river switched last spring; they run Sentinel now.", "en", "A-EGB"),
        ("They may standardise on whatever the sister plant runs, which is AxleIQ Predict.", "en", "A-EGB"),
    ],
)
def test_a_parent_company_s_install_is_not_the_account_s(
    pipeline: TextPipeline, text: str, lang: str, account: str
) -> None:
    assert _uses(pipeline, text, lang, account) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Omar confirmed Sentinel is no longer in the running.",
        "Also - Philips is off the list.",
        "Sentinel was ruled out.",
    ],
)
def test_a_rival_out_of_the_race_is_neither_used_nor_evaluated(pipeline: TextPipeline, text: str) -> None:
    assert _uses(pipeline, text, "en", "A-EGB") == set()
    assert _evaluating(pipeline, text, "en", "A-EGB") == set()


@pytest.mark.parametrize(
    ("text", "lang", "account"),
    [
        ("Sentinel didn't make the cut after their demo, per Omar.", "en", "A-EGB"),
        ("用友的人上周也来过，演示了用友NC，何主任觉得太重，已经明确不考虑了。", "zh", "A-TY"),
    ],
)
def test_a_rival_turned_down_later_in_the_sentence_is_not_evaluated(
    pipeline: TextPipeline, text: str, lang: str, account: str
) -> None:
    assert _evaluating(pipeline, text, lang, account) == set()


@pytest.mark.parametrize(
    ("text", "lang", "account", "uses"),
    [
        # what they will move off they run until then
        ("Eastgate moves off AxleIQ next year.", "en", "A-EGB", {"V-AX"}),
        ("They are replacing Sentinel in 2027.", "en", "A-EGB", {"P-SENT"}),
        ("Sentinel is due to be decommissioned next summer.", "en", "A-EGB", {"P-SENT"}),
        ("通宇明年要把用友NC换掉。", "zh", "A-TY", {"P-NC"}),
        # not when it is done, tried, asked or said of what we will do
        ("They replaced Sentinel last year.", "en", "A-EGB", set()),
        ("Greenway cut costs after moving off AxleIQ.", "en", "A-EGB", set()),
        ("Their old CIO tried to move off AxleIQ in 2023.", "en", "A-EGB", set()),
        ("Belgium plant moving off AxleIQ onto us??", "en", "A-EGB", set()),
        ("签约后衡远的系统替换用友NC。", "zh", "A-TY", set()),
        ("They are moving to Sentinel in 2027.", "en", "A-EGB", set()),
        # a contract that has run out
        ("Their Sentinel contract already lapsed in Sept.", "en", "A-EGB", set()),
        # a switchover still to come
        ("AxleIQ runs to March 2027; switchover to Sentinel planned for April.", "en", "A-EGB", {"V-AX"}),
    ],
)
def test_what_they_will_move_off_they_run_now(
    pipeline: TextPipeline, text: str, lang: str, account: str, uses: set[str]
) -> None:
    assert {product for product, _ in _uses(pipeline, text, lang, account)} == uses


def test_a_model_in_the_plural_and_an_install_over_before_the_note() -> None:
    crm = {
        "self": {"id": "SELF", "name": "Meridian Medical"},
        "companies": [
            {"id": "A-RP", "name": "Redmarsh Park", "role": "customer"},
            {"id": "V-HD", "name": "Halden", "role": "competitor"},
        ],
        "products": [{"id": "P-PX8", "name": "Halden PX-8", "aliases": ["PX-8"], "vendor": "V-HD"}],
    }
    with crm_pipeline(crm, "plural") as pipeline:
        now = "They run Halden PX-8s in the bowl."
        over = "They had PX-8s until 2023 and won't look at Halden again."
        assert {p for p, _ in _uses(pipeline, now, "en", "A-RP")} == {"P-PX8"}
        assert _uses(pipeline, over, "en", "A-RP") == set()


def test_what_an_evaluated_product_would_replace_is_installed(pipeline: TextPipeline) -> None:
    text = "Eastgate is looking at Meridian Predict as a replacement for AxleIQ Predict."
    assert _evaluating(pipeline, text, "en", "A-EGB") == {"P-MMP"}
    assert _uses(pipeline, text, "en", "A-EGB") == {("P-AXP", "")}


@pytest.mark.parametrize(
    ("text", "evaluated"),
    [
        ("AxleIQ pitched them in the autumn – Greg: 'not for us'.", set()),  # the rival's move
        ("AxleIQ's rep has been calling him about Predict.", set()),
        ("AxleIQ pitched them in Dec, eval ongoing.", {"V-AX"}),  # and then the account evaluates
        ("We had AxleIQ in last week for the tracking side.", {"V-AX"}),  # invited in to present
    ],
)
def test_a_vendor_that_pitches_is_no_evaluation_until_the_account_evaluates(
    pipeline: TextPipeline, text: str, evaluated: set[str]
) -> None:
    assert _evaluating(pipeline, text, "en", "A-EGB") == evaluated


@pytest.mark.parametrize(
    ("text", "lang", "account", "uses"),
    [
        # kept, so on it now, whatever the tense
        ("Eastgate will stay on Sentinel for now.", "en", "A-EGB", {("P-SENT", "")}),
        (
            "We will keep Sentinel for the SOC until its contract lapses at the end of Q2.",
            "en",
            "A-EGB",
            {("P-SENT", "2026-06-30")},
        ),
        (
            "They've signed a five-year extension of Sentinel running to October 2031.",
            "en",
            "A-EGB",
            {("P-SENT", "2031-10-31")},
        ),
        (
            "Still on Sentinel, no appetite to look at anything before summer.",
            "en",
            "A-EGB",
            {("P-SENT", "")},
        ),
        ("财务这块继续用用友NC，暂时不动。", "zh", "A-TY", {("P-NC", "")}),
        # moving to it is no install yet
        ("They will move to Sentinel next year.", "en", "A-EGB", set()),
    ],
)
def test_what_an_account_keeps_it_runs_now(
    pipeline: TextPipeline, text: str, lang: str, account: str, uses: set[tuple[str, str]]
) -> None:
    assert _uses(pipeline, text, lang, account) == uses


@pytest.mark.parametrize(
    "text",
    [
        "The pharmacy vault and med-storage rooms are alarmed with Sentinel.",
        "Zhangjiagang lives on spreadsheets plus Sentinel.",
        "Their SOC tooling is hosted on Sentinel today.",
    ],
)
def test_installs_as_english_notes_state_them(pipeline: TextPipeline, text: str) -> None:
    assert _uses(pipeline, text, "en", "A-EGB") == {("P-SENT", "")}


@pytest.mark.parametrize(
    ("text", "lang", "uses"),
    [
        ("Their Sentinel contract ends end of year, right?", "en", set()),
        ("Also are they still on Sentinel for endpoints?", "en", set()),
        ("通宇现在用的还是用友NC吧？", "zh", set()),
        ("你们现在的ERP是用友NC那套对吧？", "zh", set()),
        # a question after a statement leaves the statement
        ("通宇的ERP都是用友NC，你们能直接对接吧？", "zh", {"P-NC"}),
        ("Their Sentinel contract ends end of year, as you know.", "en", {"P-SENT"}),
    ],
)
def test_a_statement_asked_back_states_nothing(
    pipeline: TextPipeline, text: str, lang: str, uses: set[str]
) -> None:
    account = "A-TY" if lang == "zh" else "A-EGB"
    assert {p for p, _ in _uses(pipeline, text, lang, account)} == uses


@pytest.mark.parametrize(
    ("text", "lang", "account", "uses"),
    [
        # a supplier that runs a product for its own work: its install, none of the account's
        (
            "Liza flagged that Brandt runs Sentinel internally for its own job management.",
            "en",
            "A-EGB",
            {("V-BF", "P-SENT")},
        ),
        ("另外Brandt自己用的是用友NC，跟我们无关。", "zh", "A-TY", {("V-BF", "P-NC")}),
        # what it runs for the account is the account's
        ("Brandt runs their Sentinel support.", "en", "A-EGB", {("A-EGB", "P-SENT")}),
    ],
)
def test_a_supplier_running_a_product_is_its_install(
    pipeline: TextPipeline, text: str, lang: str, account: str, uses: set[tuple[str, str]]
) -> None:
    doc = TextDocument("N", "note", text, "installed", 1, lang, datetime(2026, 3, 1), account)
    ((_, ex),) = list(pipeline.run([doc]))
    assert {(f.subject[1], f.object[1]) for f in ex.facts if f.relation == "USES"} == uses


@pytest.mark.parametrize(
    ("text", "supplies"),
    [
        # the service a provider carries: "走" before it, as "用" before a vendor's kit
        ("保洁走的Brandt，合同一年一签。", {("V-BF", "A-TY")}),
        ("园区物业现在走Brandt。", {("V-BF", "A-TY")}),
        ("明年保洁想走Brandt。", set()),  # a wish, nothing carried yet
        # a line labelling what runs a function; not a shortlist's label, not a chat speaker's words
        ("现有情况：\n- 保洁：Brandt\n- ERP：用友NC", {("V-BF", "A-TY")}),
        ("- 保洁：Brandt的人，三个常驻。", {("V-BF", "A-TY")}),
        ("- 备选：Brandt", set()),
        ("王蕾：Brandt那边报价了，比我们便宜。", set()),
    ],
)
def test_the_service_a_supplier_carries(
    pipeline: TextPipeline, text: str, supplies: set[tuple[str, str]]
) -> None:
    doc = TextDocument("N", "note", text, "installed", 1, "zh", datetime(2026, 3, 1), "A-TY")
    ((_, ex),) = list(pipeline.run([doc]))
    assert {(f.subject[1], f.object[1]) for f in ex.facts if f.relation == "SUPPLIES"} == supplies


def test_a_rival_named_as_a_risk_is_no_install(pipeline: TextPipeline) -> None:
    assert _uses(pipeline, "- Risk: Sentinel.", "en", "A-EGB") == set()
    assert _uses(pipeline, "- SIEM: Sentinel.", "en", "A-EGB") == {("P-SENT", "")}
