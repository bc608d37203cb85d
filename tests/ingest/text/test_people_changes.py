"""Who has left, who holds a title now: the ways notes say that someone went or came."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "衡远数智科技"},
    "companies": [{"id": "A-YJ", "name": "悦家连锁超市有限公司", "aliases": ["悦家"], "role": "customer"}],
    "contacts": [
        {"id": "C-FENG", "name": "冯建", "company": "A-YJ", "title": "信息部总监"},
        {"id": "C-LISA", "name": "李莎", "company": "A-YJ", "title": "采购经理"},
    ],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "changes") as built:
        yield built


def _works_at(pipeline: TextPipeline, text: str) -> set[tuple[str, object, object]]:
    ((_, ex),) = list(pipeline.run([TextDocument("N", "note", text, "changes", 1, "zh", None, "A-YJ")]))
    return {
        (ex.new_people.get(f.subject[1], (f.subject[1], ""))[0], f.props.get("current"), f.props.get("title"))
        for f in ex.facts
        if f.relation == "WORKS_AT"
    }


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("冯总已于上周正式离职，信息部目前由我临时负责。", "C-FENG"),
        ("Lisa（李莎）已经离职去了盒马。", "C-LISA"),
        ("冯建去年退休了。", "C-FENG"),
    ],
)
def test_someone_who_left(pipeline: TextPipeline, text: str, who: str) -> None:
    assert (who, False, None) in _works_at(pipeline, text)


def test_the_new_holder_of_a_title(pipeline: TextPipeline) -> None:
    assert ("孟婕", True, "采购经理") in _works_at(pipeline, "新的采购经理是孟婕（Grace），刚接手。")


def test_a_reference_glossed_by_the_full_name(pipeline: TextPipeline) -> None:
    found = _works_at(pipeline, "检验科的周主任（周建平）会提意见。")
    assert found == {("周建平", True, "检验科主任")}


def test_new_to_a_title_is_not_part_of_it(pipeline: TextPipeline) -> None:
    found = _works_at(pipeline, "新任采购部副经理吕晓东负责商务。数据部首席数据官韩冰也在。")
    assert found == {("吕晓东", True, "采购部副经理"), ("韩冰", True, "数据部首席数据官")}


@pytest.mark.parametrize(
    ("text", "who", "title"),
    [
        ("张建国，悦家设备处处长，负责这次改造。", "张建国", "设备处处长"),
        ("对接人：李明 信息中心主任 13800001111", "李明", "信息中心主任"),
        ("悦家生产技术部主任孙伟说预算已经批了。", "孙伟", "生产技术部主任"),
        ("采购部经理：周丽", "周丽", "采购部经理"),
        ("吴工，设备处的工程师，比较懂行。", "吴工", "设备处工程师"),
        ("张建国（悦家设备处处长）", "张建国", "设备处处长"),
        ("郑海是厂里的总工。", "郑海", "总工"),
    ],
)
def test_a_title_beside_a_name(pipeline: TextPipeline, text: str, who: str, title: str) -> None:
    assert (who, True, title) in _works_at(pipeline, text)


@pytest.mark.parametrize(
    ("text", "who", "title"),
    [
        ("联系人：罗婷 13900001111（设备部经理，一期项目负责人，关系好）", "罗婷", "设备部经理"),
        ("设备部新来了一个副经理，叫陈刚，原来在别家做设备管理。", "陈刚", "副经理"),
        ("何建国（分管副总，最终拍板）", "何建国", "分管副总"),
    ],
)
def test_a_title_in_a_contact_line(pipeline: TextPipeline, text: str, who: str, title: str) -> None:
    assert (who, True, title) in _works_at(pipeline, text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("原IT主管黄永已经离职。", ("黄永", False, "IT主管")),
        ("原信息科主任许文涛上个月已经退休。", ("许文涛", False, "信息科主任")),  # when, between
        ("已授权副所长温建民拍板。", ("温建民", True, "副所长")),  # 民负, 东都: rare words end no name
        ("设备科原科长马建平今年1月调到区疾控去了。", ("马建平", False, "科长")),
        ("见到：QA经理冯磊、验证工程师林浩。", ("冯磊", True, "QA经理")),
        ("见到：QA经理冯磊、验证工程师林浩。", ("林浩", True, "验证工程师")),
        ("冷链平台已立项，预算归规财科毛科长管。", ("毛科长", True, "规财科科长")),
        ("仓储经理王立新也在。顺祝商祺", ("王立新", True, "仓储经理")),
    ],
)
def test_titles_and_leaving_from_a_third_writer(
    pipeline: TextPipeline, text: str, found: tuple[str, bool, str]
) -> None:
    assert found in _works_at(pipeline, text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("安监部副主任吴涛，听说对我们挺抵触。", {("吴涛", True, "安监部副主任")}),
        ("适配报告发给了信息中心刘海燕主任。", {("刘海燕", True, "信息中心主任")}),
        ("邵主任说一个班组管十几个站。", set()),
        # a department before a form of address: where they work, no title ("科技部总" is none)
        ("科技部刘总接待了我们。", {("刘总", True, None)}),
    ],
)
def test_titles_from_a_fourth_writer(
    pipeline: TextPipeline, text: str, found: set[tuple[str, bool, str]]
) -> None:
    assert _works_at(pipeline, text) == found


@pytest.mark.parametrize(
    "text",
    [
        "新来的信息部经理王磊下个月到岗。",
        "From July Jonas will report to our new planning lead, Bernd Kaiser, who starts on 1 July.",
        "new cfo = Grant Albanese, starts in march, nobody has met him yet.",
    ],
)
def test_someone_still_to_arrive_works_there_not_yet(pipeline: TextPipeline, text: str) -> None:
    assert _works_at(pipeline, text) == set()


def test_a_blocker_whose_stance_has_turned_is_no_blocker(pipeline: TextPipeline) -> None:
    def roles(text: str) -> set[tuple[str, str]]:
        ((_, ex),) = list(pipeline.run([TextDocument("N", "note", text, "changes", 1, "zh", None, "A-YJ")]))
        return {(f.subject[1], f.props["role"]) for f in ex.facts if f.relation == "DECISION_ROLE"}

    assert ("C-LISA", "blocker") in roles("李莎一直在阻挠我们的方案。")
    assert roles("李莎3月份还在阻挠我们，4月交流之后态度转了不少，现在基本中立。") == set()


def test_leaving_on_a_later_date_is_still_there_now(pipeline: TextPipeline) -> None:
    assert not any(current is False for _, current, _ in _works_at(pipeline, "冯建明年3月退休。"))
