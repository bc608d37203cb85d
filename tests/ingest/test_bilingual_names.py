"""Companies written in Chinese by one system and in English by another: what lets them meet and
merge. Names written for these tests (not the benchmark's)."""

from __future__ import annotations

from ingest.normalize import city_key
from ingest.normalize.dictionary_names import dictionary_words, proper_names
from ingest.normalize.dictionary_senses import word_senses
from ingest.resolve import EntityRecord, resolve, score_pair
from ingest.resolve.blocking import candidate_pairs
from ingest.resolve.features import company_names, prepare


def _co(source: str, key: str, name: str, **kw: str) -> EntityRecord:
    return EntityRecord("Company", source, key, (name,), phone=kw.get("phone"), city=kw.get("city"))


def test_a_city_in_chinese_is_the_city_in_pinyin_or_its_english_name() -> None:
    assert city_key("宁德") == city_key("Ningde") == city_key("NINGDE")
    assert city_key("马鞍山市") == city_key("Ma'anshan")
    assert city_key("香港") == city_key("Hong Kong")
    assert city_key("呼和浩特") == city_key("Hohhot")  # English names that are no pinyin


def test_a_city_s_older_romanisation_in_a_brand_is_the_city() -> None:
    """ "Tsingtao" is Qingdao (Wade-Giles / postal): the brand's word is the place, as 青岛 is."""
    assert (
        score_pair(_co("crm", "1", "Tsingtao Cement Co., Ltd."), _co("erp", "2", "青岛水泥有限公司")).score
        >= 0.85
    )


def test_a_shared_phone_and_city_merge_names_in_two_scripts() -> None:
    """An English brand that is no reading of the Chinese name ("Nimbus" / 千寻): the number and
    the city decide, and another city leaves the pair for review."""
    crm = _co("crm", "1", "Nimbus Robotics Co., Ltd.", phone="+865126601234", city="Suzhou")
    erp = _co("erp", "2", "千寻机器人有限公司", phone="+865126601234", city="苏州")
    assert len(resolve([crm, erp]).clusters) == 1
    other_city = _co("erp", "2", "千寻机器人有限公司", phone="+865126601234", city="宁德")
    res = resolve([crm, other_city])
    assert len(res.clusters) == 2 and len(res.review) == 1


def test_a_lead_in_english_joins_the_pair_its_chinese_record_scores_low_against() -> None:
    """The lead and the ERP record share nothing but meaning; that is no veto."""
    crm = _co("crm", "1", "Qianxun Robotics Co., Ltd.", phone="+865126601234", city="Suzhou")
    erp = _co("erp", "2", "千寻机器人有限公司", phone="+865126601234", city="苏州")
    lead = _co("leads", "3", "Qianxun Robotics", city="Suzhou")
    res = resolve([crm, erp, lead], repeating_sources={"leads"})
    assert len(res.clusters) == 1


def test_initials_meet_the_name_they_abbreviate() -> None:
    short, long = _co("leads", "1", "NHWB"), _co("crm", "2", "Northern Harbour Water Board")
    assert candidate_pairs(prepare([short, long])) == [(0, 1)]
    assert any("~initials" in r for r in score_pair(short, long).reasons)
    jd = _co("leads", "1", "LJ")
    assert any("~initials" in r for r in score_pair(jd, _co("erp", "2", "蓝鲸")).reasons)


def test_pinyin_written_a_syllable_a_word_meets_the_chinese_name() -> None:
    pair = score_pair(_co("crm", "1", "Lan Jing Logistics"), _co("erp", "2", "蓝鲸物流有限公司"))
    assert pair.score >= 0.8, pair


def test_a_shared_phone_alone_merges_names_in_two_scripts() -> None:
    """No city on either side: the number decides; a phone of another company does not."""
    crm = _co("crm", "1", "Nimbus Robotics Co., Ltd.", phone="+865126601234")
    erp = _co("erp", "2", "千寻机器人有限公司", phone="+865126601234")
    assert len(resolve([crm, erp]).clusters) == 1
    other = _co("erp", "2", "千寻机器人有限公司", phone="+865126609999")
    assert len(resolve([crm, other]).clusters) == 2


def test_a_glossary_word_kept_in_pinyin_meets_its_translation() -> None:
    """东方 is read "eastern"; the brand writes it "Dongfang"."""
    crm, erp = _co("crm", "1", "Dongfang Turbine Co., Ltd."), _co("erp", "2", "东方汽轮机有限公司")
    assert score_pair(crm, erp).score > score_pair(crm, _co("erp", "2", "西方汽轮机有限公司")).score


def test_a_brands_pinyin_initials_in_a_longer_name() -> None:
    lead, erp = _co("leads", "1", "HX Logistics"), _co("erp", "2", "华星物流有限公司")
    assert score_pair(lead, erp).score > score_pair(lead, _co("erp", "2", "恒通物流有限公司")).score


def test_a_province_one_name_drops_is_no_word_against() -> None:
    full, short = _co("crm", "1", "Zhejiang Qiantai Co., Ltd."), _co("leads", "2", "qiantai")
    assert len(resolve([full, short], repeating_sources={"leads"}).clusters) == 1
    generic = _co("leads", "2", "university")
    assert (
        len(resolve([_co("crm", "1", "Zhejiang University"), generic], repeating_sources={"leads"}).clusters)
        == 2
    )


def test_a_dictionary_name_reads_a_brand_that_is_no_pinyin() -> None:
    """CC-CEDICT names 吉利 "Geely" and 华润 "China Resources": the English brand meets the Chinese
    name on its own, as a reading its pinyin ("jili") never would."""
    geely = score_pair(
        _co("crm", "1", "Zhejiang Geely Holding Group Co., Ltd."), _co("erp", "2", "浙江吉利控股集团有限公司")
    )
    assert geely.score >= 0.85, geely
    assert any("Geely" in r for r in geely.reasons)
    cr = score_pair(
        _co("crm", "1", "China Resources Microelectronics"), _co("erp", "2", "华润微电子有限公司")
    )
    assert cr.score >= 0.85, cr


def test_two_machine_readings_have_no_typos_between_them() -> None:
    """携程 reads "xiecheng", 新城 "xincheng": one letter apart, but spelt by one machine, so two names."""
    pair = score_pair(
        _co("erp", "1", "携程集团有限公司", city="上海"),
        _co("erp", "2", "新城控股集团股份有限公司", city="上海"),
    )
    assert pair.score < 0.6, pair


def test_a_romanised_name_that_spells_the_chinese_one_whole_merges_with_the_same_city() -> None:
    """Every word accounted for (北钢 "Beigang", where the glossary reads 钢 "steel"; 乳业 "Dairy"):
    the same city merges; a romanised name with a trade the Chinese does not state
    ("Automation") stays apart."""
    erp = _co("erp", "2", "北钢乳业有限公司", city="南京")
    whole = _co("crm", "1", "Beigang Dairy Co., Ltd.", city="Nanjing")
    assert "every word" in score_pair(whole, erp).reasons[0]
    assert len(resolve([whole, erp]).clusters) == 1
    other_trade = _co("crm", "1", "Beigang Automation Co., Ltd.", city="Nanjing")
    assert "every word" not in score_pair(other_trade, erp).reasons[0]
    assert len(resolve([other_trade, erp]).clusters) == 2


def test_a_brand_may_read_a_character_another_way() -> None:
    """参 reads "can" alone, "shen" in 人参: a brand spelt "Shenhe" meets 参禾."""
    pair = score_pair(_co("crm", "1", "Shenhe Trading"), _co("erp", "2", "参禾贸易有限公司"))
    assert "~pinyin" in pair.reasons[0] and pair.score > 0.5, pair


def test_a_group_and_its_company_limited_by_shares_are_two_firms() -> None:
    group = _co("erp", "1", "蓝鲸乳业集团有限公司", city="南京")
    listed = _co("erp2", "2", "蓝鲸乳业股份有限公司", city="南京")
    pair = score_pair(group, listed)
    assert any("limited by shares" in r for r in pair.reasons) and pair.score < 0.6, pair
    assert len(resolve([group, listed]).clusters) == 2


#: other firms, so that name words weigh as they do among many records
CROWD = [
    "Lanjing Logistics", "Qianxun Robotics", "Huaxin Cement", "China Resources Power", "Datong Coal",
    "Sunrise International Trading", "Eastern Power Equipment", "Jinlong Heavy Industries",
    "Minsheng Pharmaceutical", "Tianyi Electronics", "China State Shipbuilding", "Yuexiu Transport",
]  # fmt: skip


def _in_one_cluster(a: str, b: str) -> bool:
    records = [_co("x", str(i), n) for i, n in enumerate(CROWD)] + [_co("a", "a", a), _co("b", "b", b)]
    return any({"a", "b"} <= {r.key for r in c} for c in resolve(records).clusters)


def test_words_in_another_number_and_added_scope_words_are_the_same_name() -> None:
    assert _in_one_cluster("Lanjing Industries Co.", "Lanjing Industry")
    assert _in_one_cluster("Huadong Power", "Huadong International Power")
    assert _in_one_cluster("China Offshore Cement", "China National Offshore Cement Corp.")
    assert not _in_one_cluster("Huadong Power", "Huadong Heavy Industries")


def test_a_bank_named_by_its_city_meets_its_chinese_name_among_many_banks() -> None:
    """The Bank of Harbin is "bank" once the city is out, as 哈尔滨银行 is: the city tells them apart."""
    cities = ["Hangzhou", "Nanjing", "Suzhou", "Wuxi", "Ningbo", "Hefei", "Jinan", "Qingdao", "Dalian",
              "Xiamen", "Fuzhou", "Wuhan", "Changsha", "Chengdu", "Chongqing", "Kunming", "Lanzhou",
              "Nanning", "Taiyuan", "Urumqi", "Xining", "Yinchuan", "Zhuhai", "Weifang"]  # fmt: skip
    banks = [_co("crm", str(i), f"Bank of {c} Co., Ltd.", city=c) for i, c in enumerate(cities)]
    ours = _co("crm", "x", "Bank of Harbin Co., Ltd.", city="Harbin")
    theirs = _co("erp", "y", "哈尔滨银行股份有限公司", city="哈尔滨")
    records = [*banks, ours, theirs]
    merged = [c for c in resolve(records).clusters if len(c) > 1]
    assert [sorted(r.key for r in c) for c in merged] == [["x", "y"]]


def test_a_word_the_glossary_lacks_meets_its_english_by_the_dictionary_s_senses() -> None:
    """存储 is no glossary word; CC-CEDICT glosses it "memory" (among "store", "storage" ...)."""
    assert {"memory", "storage"} <= word_senses("存储") and not word_senses("业")
    pair = score_pair(_co("crm", "1", "Lanjing Memory Co., Ltd."), _co("erp", "2", "蓝鲸存储有限公司"))
    assert pair.score >= 0.85, pair
    other = score_pair(_co("crm", "1", "Lanjing Cement Co., Ltd."), _co("erp", "2", "蓝鲸存储有限公司"))
    assert other.score < 0.85, other


def test_a_chinese_short_name_merges_with_its_legal_name_in_the_same_city() -> None:
    """蓝鲸股份 is 江苏蓝鲸食品股份有限公司 less its province, trade and form. With two firms of the
    brand on file the short name is either, and stays in review."""
    short = _co("leads", "1", "蓝鲸股份", city="南京")
    legal = _co("erp", "2", "江苏蓝鲸食品股份有限公司", city="南京")
    assert "~short name of" in score_pair(short, legal).reasons[0]
    assert len(resolve([short, legal], repeating_sources={"leads"}).clusters) == 1
    other = _co("erp", "3", "江苏蓝鲸电子股份有限公司", city="南京")
    res = resolve([short, legal, other], repeating_sources={"leads"})
    assert len(res.clusters) == 3 and len(res.review) >= 2
    assert "~short name of" not in score_pair(_co("leads", "1", "食品股份"), legal).reasons[0]


def test_a_dictionary_word_that_refers_to_a_company_s_entry_takes_its_english_name() -> None:
    """CC-CEDICT glosses 壳牌 "see 壳牌公司", whose entry is "Shell": the short name reads "Shell"."""
    assert "Shell" in proper_names()["壳牌"]
    assert score_pair(_co("crm", "1", "Shell"), _co("erp", "2", "壳牌")).score >= 0.85


def test_four_initials_or_more_merge_with_the_same_city_and_three_do_not() -> None:
    long = _co("crm", "2", "Northern Harbour Water Board", city="Ningbo")
    assert len(resolve([_co("leads", "1", "NHWB", city="Ningbo"), long]).clusters) == 1
    legal = _co("crm", "2", "Northern Harbour Water Board Corporation Limited", city="Ningbo")
    assert any("~initials" in r for r in score_pair(_co("leads", "1", "NHWBC"), legal).reasons)
    three = _co("crm", "2", "Northern Harbour Board", city="Ningbo")
    assert len(resolve([_co("leads", "1", "NHB", city="Ningbo"), three]).clusters) == 2


def test_a_word_the_dictionary_lacks_is_read_by_the_words_that_make_it_up_whole() -> None:
    assert dictionary_words("首都医科大学附属天坛医院") == ("首都", "医科大学", "附属", "天坛", "医院")
    assert dictionary_words("京东方") == ("京东方",)  # not 京东 and a 方: no "JD" inside BOE


def test_a_hospital_s_short_ordinal_is_its_number() -> None:
    assert company_names("湘江大学湘雅二医院")[0].numbers == frozenset({"2"})
    assert company_names("湘大一附院")[0].numbers == frozenset({"1"})


def test_a_brand_named_by_what_its_characters_mean_meets_its_english_name() -> None:
    """红石 is "Redstone": red and stone, one word a character, run together ("Blue Sail" 蓝帆 as
    two words)."""
    crm = _co("crm", "1", "Redstone Cement Co., Ltd.", city="Nanjing")
    assert len(resolve([crm, _co("erp", "2", "红石水泥有限公司", city="南京")]).clusters) == 1
    other_trade = _co("erp", "2", "红石物流有限公司", city="南京")
    assert len(resolve([crm, other_trade]).clusters) == 2
    two_words = _co("crm", "1", "Blue Sky Textile Co., Ltd.", city="Nanjing")
    assert len(resolve([two_words, _co("erp", "2", "蓝天纺织有限公司", city="南京")]).clusters) == 1
