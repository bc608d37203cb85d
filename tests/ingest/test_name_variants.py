"""Company names as real exports write them: legal forms, websites, cities, typos, joined words."""

from __future__ import annotations

import pytest

from ingest.connectors import RawRecord
from ingest.normalize import city_key, company_name_key, registrable_domain
from ingest.records.mapping import Mapping
from ingest.records.transform import Transformer
from ingest.resolve import EntityRecord, Thresholds, score_pair


def _company(name: str, source: str, domain: str | None = None, city: str | None = None) -> EntityRecord:
    return EntityRecord(
        kind="Company",
        source=source,
        key=f"{source}-{name}",
        names=(name,),
        domain=domain,
        city=city_key(city),
    )


@pytest.mark.parametrize(
    ("written", "short"),
    [
        ("MTN AKTIENGESELLSCHAFT", "MTN AG"),
        ("CONTRAIL KABUSHIKI KAISHA", "Contrail"),
        ("Bigcommerce S.a.", "Bigcommerce SA"),
        ("Rheinmetall Gesellschaft mit beschränkter Haftung", "Rheinmetall GmbH"),
        ("Barclays Public Limited Company", "Barclays plc"),
        ("Nokia Oyj", "NOKIA"),
        ("Foo Holding GmbH & Co. KG", "Foo"),
    ],
)
def test_legal_forms_in_every_written_form_are_not_name_words(written: str, short: str) -> None:
    assert company_name_key(written) == company_name_key(short)


def test_kinds_of_organisation_stay_name_words() -> None:
    assert company_name_key("Northern Trust") != company_name_key("Northern Railroad")
    assert company_name_key("Agricultural Bank of China Limited") == "agricultural bank china"


@pytest.mark.parametrize(
    ("raw", "domain"),
    [
        ("https://csc.com/en", "csc.com"),
        ("www.x.co.uk", "x.co.uk"),
        ("http://WWW.Foo.COM.cn/path?x=1", "foo.com.cn"),
        ("info@bar.de", "bar.de"),
        ("not a website", None),
    ],
)
def test_websites_reduce_to_the_registrable_domain(raw: str, domain: str | None) -> None:
    assert registrable_domain(raw) == domain


@pytest.mark.parametrize("raw", ["Boston, MA", "BOSTON (MA)", "Boston MA 02110", "boston"])
def test_state_and_postcode_parts_are_not_the_city(raw: str) -> None:
    assert city_key(raw) == city_key("Boston")


def test_one_typo_reaches_review_alone_and_merges_with_a_shared_domain() -> None:
    alone = score_pair(_company("Intel", "crm"), _company("Inetl", "mkt"))
    assert Thresholds().low <= alone.score < Thresholds().high
    backed = score_pair(
        _company("Slack", "crm", domain="https://slack.com/", city="Boston"),
        _company("slcak", "mkt", domain="slack.com", city="Boston, MA"),
    )
    assert backed.score >= Thresholds().high, backed.reasons


def test_joined_words_are_one_name_and_different_brands_are_not() -> None:
    assert score_pair(_company("Hostgator Com", "crm"), _company("HOSTGATORCOM", "erp")).score >= 0.9
    assert score_pair(_company("Nike", "crm"), _company("Nikon", "erp")).score < Thresholds().low


def test_a_templated_property_drops_an_empty_part_with_its_separator() -> None:
    mapping = Mapping.model_validate(
        {
            "source": "crm",
            "nodes": [
                {
                    "label": "Person",
                    "key": "crm:{id}",
                    "props": {
                        "name": {"template": "{given} {family}"},
                        "city": {"template": "{city}, {state}"},
                    },
                }
            ],
        }
    )
    transform = Transformer(mapping)

    def props(**fields: str | None) -> dict[str, object]:
        (node,) = transform.apply(RawRecord("crm", 2, {"id": "1", **fields})).nodes
        return node.props

    both = {"name": "Ann Lee", "city": "Boston, MA"}
    assert props(given="Ann", family="Lee", city="Boston", state="MA") == both
    assert props(given="", family="Lee", city="Boston", state=None) == {"name": "Lee", "city": "Boston"}
    assert "name" not in props(given=None, family=" ", city=None, state=None)


@pytest.mark.parametrize(
    ("chinese", "english"),
    [
        ("中国农业银行股份有限公司", "Agricultural Bank of China Limited"),
        ("中国建设银行", "China Construction Bank Corporation"),
        ("交通银行", "Bank of Communications Co., Ltd."),
        ("中国东方航空股份有限公司", "China Eastern Airlines Corporation Limited"),
        ("中国平安保险（集团）股份有限公司", "Ping An Insurance (Group) Company of China, Ltd."),
        ("华为技术有限公司", "Huawei Technologies Co., Ltd."),
    ],
)
def test_a_chinese_name_meets_its_english_translation(chinese: str, english: str) -> None:
    pair = score_pair(_company(chinese, "erp"), _company(english, "crm"))
    assert pair.score >= Thresholds().high, pair.reasons


@pytest.mark.parametrize(
    ("chinese", "english"),
    [
        ("中国银行", "China Construction Bank"),
        ("上海银行", "Bank of Communications"),
        ("中国东方航空股份有限公司", "China Southern Airlines Company Limited"),
        ("中国移动", "China Telecom"),
    ],
)
def test_translated_generic_words_do_not_join_two_companies(chinese: str, english: str) -> None:
    assert score_pair(_company(chinese, "erp"), _company(english, "crm")).score < Thresholds().low
