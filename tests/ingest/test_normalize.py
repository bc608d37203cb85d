"""Normalisers on realistic inputs from the sample's sources, and on the broken values it plants."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from ingest.normalize import (
    NormalizationError,
    area_code,
    city_key,
    company_name_core,
    company_name_key,
    currency_code,
    email,
    parse_amount,
    parse_date,
    parse_datetime,
    parse_number,
    person_name_key,
    phone_e164,
    to_simplified,
)
from ingest.normalize.glossary import english_rendering

CST = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    "raw",
    [
        "+86 21 6437 0045",
        "021-64370045",
        "(021) 6437-0045",
        "8621-64370045",
        "+86-21-64370045",
        "021 64370045",
    ],
)
def test_phone_shapes_of_one_shanghai_landline(raw: str) -> None:
    assert phone_e164(raw, "CN") == "+862164370045"


def test_phone_local_number_takes_the_city_area_code() -> None:
    assert phone_e164("64370045", "CN", area_code("上海市")) == "+862164370045"
    assert phone_e164("36663763", "CN", area_code("Suzhou")) == "+8651236663763"
    with pytest.raises(NormalizationError) as err:
        phone_e164("64370045", "CN")  # no area code: not a full number
    assert err.value.reason == "bad_phone"


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("181-8447-1750", "CN", "+8618184471750"),
        ("86-18013470987", "CN", "+8618013470987"),
        ("+86 135-0571-0889", "CN", "+8613505710889"),
        ("713-771-3410", "US", "+17137713410"),
        ("+1 (713) 771-3410", "US", "+17137713410"),
        ("713.771.3410", "US", "+17137713410"),
        ("+49 (0)89 5918 5315", "DE", "+498959185315"),
        ("089/59185315", "DE", "+498959185315"),
        ("０２１－６４３７００４５", "CN", "+862164370045"),  # full-width digits
        ("+49 40 24430492", "CN", "+494024430492"),  # explicit country code wins over the region
    ],
)
def test_phone_mobiles_and_foreign_numbers(raw: str, region: str, expected: str) -> None:
    assert phone_e164(raw, region) == expected


@pytest.mark.parametrize(
    "raw", ["TBD", "n/a", "待补", "—", "0000", "123", "+86 21 64", "021-6437", "ext. 8021", "x", ""]
)
def test_bad_phones(raw: str) -> None:
    with pytest.raises(NormalizationError) as err:
        phone_e164(raw, "CN", "21")
    assert err.value.reason == "bad_phone"
    assert err.value.value == raw


def test_email_is_trimmed_and_lower_cased() -> None:
    assert email("  Wang.Lei@Ruijin.COM ") == "wang.lei@ruijin.com"
    assert email("Heyang@DONGYONG-PC.COM.CN") == "heyang@dongyong-pc.com.cn"
    assert email("mailto:li.na@example.cn") == "li.na@example.cn"


@pytest.mark.parametrize(
    "raw",
    [
        "wang.lei@@ruijin.com",
        "li.na.example.cn",
        "li.na at example.cn",
        "li.na@",
        "@example.cn",
        "li.na@example",
        "a@b.cn;c@d.cn",
        "",
    ],
)
def test_bad_emails(raw: str) -> None:
    with pytest.raises(NormalizationError) as err:
        email(raw)
    assert err.value.reason == "bad_email"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("上海瑞金醫院", "上海瑞金医院"),  # traditional -> simplified
        ("上海瑞金医院有限公司", "上海瑞金医院"),
        ("Shanghai Ruijin Hospital Co., Ltd.", "shanghai ruijin hospital"),
        ("ＲＵＩＪＩＮ\u3000ＨＯＳＰ．", "ruijin hospital"),  # full-width, abbreviation
        ("合肥新昌精密铸造(有限公司)", "合肥新昌精密铸造"),
        ("祥宏医学检验所（成都）股份有限公司", "祥宏医学检验所成都"),
        ("南京方安电子科技有限责任公司", "南京方安电子科技"),
        ("Bergmann Elektronik GmbH", "bergmann elektronik"),
        ("Helix Diagnostics Inc.", "helix diagnostics"),
        ("Steriline Systems AG", "steriline systems"),
        ("Granite Precision Machining LLC", "granite precision machining"),
        ("Summit Chemical Corp.", "summit chemical"),
        ("Jinan Seventh People's Hospital", "jinan 7 peoples hospital"),
        ("Xi'an No.3 Hosp.", "xian 3 hospital"),
        ("泰永医疗集团有限公司", "泰永医疗"),
    ],
)
def test_company_name_key(name: str, key: str) -> None:
    assert company_name_key(name) == key


def test_company_name_core_takes_cities_out() -> None:
    assert company_name_core("济南市第七人民医院")[:2] == ("第七人民医院", ("Jinan",))
    assert company_name_core("Haijing Chemical (Jinan) Co., Ltd.")[:2] == ("haijing chemical", ("Jinan",))
    assert company_name_core("Ruijin Hosp.")[:2] == ("ruijin hospital", ())


def test_english_rendering_bridges_scripts() -> None:
    assert english_rendering("瑞金医院") == "ruijin hospital"
    assert english_rendering("江南区人民医院") == "jiangnan district peoples hospital"
    assert english_rendering("医科大学附属第三医院") == "medical university affiliated 3 hospital"
    assert english_rendering("七院") == "7 hospital"


def test_traditional_to_simplified() -> None:
    assert to_simplified("濟南海精化工有限責任公司") == "济南海精化工有限责任公司"
    assert to_simplified("plain ascii") == "plain ascii"


@pytest.mark.parametrize(
    "name",
    [
        "Wang Lei",
        "Lei Wang",
        "WANG Lei",
        "王磊",
        "Dr. Wang Lei",
        "王磊先生",
        "Mr. Lei Wang",
        "ｗａｎｇ ｌｅｉ",
    ],
)
def test_person_name_key_is_order_and_script_insensitive(name: str) -> None:
    assert person_name_key(name) == "lei wang"


def test_person_name_key_variants() -> None:
    assert person_name_key("Schneider, Lukas") == person_name_key("Lukas Schneider") == "lukas schneider"
    assert person_name_key("郭婷瑶") == person_name_key("Tingyao Guo") == person_name_key("GUO Tingyao")
    assert person_name_key("曾小明") == "xiaoming zeng"  # surname reading, not "ceng"
    assert person_name_key("欧阳明") == "ming ouyang"  # compound surname
    assert person_name_key("张芳女士") == "fang zhang"
    assert person_name_key("Wang Lei") != person_name_key("Wang Li")


@pytest.mark.parametrize(
    "raw",
    [
        "2025-03-04",
        "2025/03/04",
        "2025/3/4",
        "2025年3月4日",
        "20250304",
        "2025-03-04 10:16:57",
        "2025-03-04T10:00:00+08:00",
    ],
)
def test_parse_date_shapes(raw: str) -> None:
    assert parse_date(raw) == date(2025, 3, 4)


def test_parse_date_objects_and_limits() -> None:
    assert parse_date(datetime(2025, 3, 4, 9, 0)) == date(2025, 3, 4)
    assert parse_date(date(2025, 3, 4), not_after=date(2025, 3, 4)) == date(2025, 3, 4)
    with pytest.raises(NormalizationError) as err:
        parse_date("2027-01-05 10:00:00", not_after=date(2026, 9, 30))
    assert err.value.reason == "future_date"


@pytest.mark.parametrize("raw", ["03/04/2025", "2025-02-30", "yesterday", "", "2025-13-01", "N/A"])
def test_bad_dates(raw: str) -> None:
    with pytest.raises(NormalizationError) as err:
        parse_date(raw)
    assert err.value.reason == "bad_date"


def test_parse_datetime_zones() -> None:
    naive = parse_datetime("2025-03-04 10:16:57", tz=CST)
    assert naive == datetime(2025, 3, 4, 10, 16, 57, tzinfo=CST)
    explicit = parse_datetime("2025-03-04T10:00:00-05:00", tz=CST)
    assert explicit.utcoffset() == timedelta(hours=-5)
    assert parse_datetime("2025-03-04T02:00:00Z", tz=CST) == datetime(2025, 3, 4, 10, 0, tzinfo=CST)
    assert parse_datetime(date(2025, 3, 4), tz=UTC) == datetime(2025, 3, 4, tzinfo=UTC)
    assert parse_datetime(datetime(2025, 3, 4, 8, 36), tz=CST).tzinfo is CST
    with pytest.raises(NormalizationError) as err:
        parse_datetime("2026-10-02 09:00:00", tz=CST, not_after=datetime(2026, 9, 30, 23, 59))
    assert err.value.reason == "future_date"
    with pytest.raises(NormalizationError) as err:
        parse_datetime("2025-03-04 25:00", tz=CST)
    assert err.value.reason == "bad_date"


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1,234.5", 1234.5),
        (" 42 ", 42.0),
        ("１２３", 123.0),
        (7, 7.0),
        (3.5, 3.5),
        ("-2", -2.0),
        ("1e3", 1000.0),
    ],
)
def test_parse_number(raw: object, value: float) -> None:
    assert parse_number(raw) == value


@pytest.mark.parametrize(
    "raw", ["two", "1O", "3 pcs", "N/A", "1,0,0", "十", "?", "", True, None, float("nan")]
)
def test_bad_numbers(raw: object) -> None:
    with pytest.raises(NormalizationError) as err:
        parse_number(raw)
    assert err.value.reason == "bad_number"


def test_parse_amount() -> None:
    assert parse_amount("¥1,200.50") == 1200.5
    assert parse_amount("$ 99") == 99.0
    assert parse_amount(12) == 12.0
    for bad in ("-1200.00", "0", -3, "-¥5"):
        with pytest.raises(NormalizationError) as err:
            parse_amount(bad)
        assert err.value.reason == "negative_amount"
    with pytest.raises(NormalizationError) as err:
        parse_amount("3 pcs")
    assert err.value.reason == "bad_number"


def test_currency_codes() -> None:
    assert currency_code("cny") == "CNY"
    assert currency_code("RMB") == "CNY"
    assert currency_code("¥") == "CNY"
    assert currency_code(" eur ") == "EUR"
    for bad in ("XYZ", "dollars", ""):
        with pytest.raises(NormalizationError) as err:
            currency_code(bad)
        assert err.value.reason == "bad_currency"


def test_city_keys() -> None:
    assert city_key("上海市") == city_key("SHANGHAI") == city_key("Shanghai") == "Shanghai"
    assert city_key("XI'AN") == city_key("西安") == "Xi'an"
    assert city_key("Munich") == city_key("München") == "München"
    assert city_key("Springfield") == "springfield"
    assert city_key("") is None
    assert area_code("厦门") == "592"
    assert area_code("Atlantis") is None
