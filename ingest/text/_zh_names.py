"""Chinese names the graph does not know yet, found by their shape and their neighbours.

A common surname and one or two characters where neither the pair nor the character after it
is an ordinary word of jieba's dictionary ("梁宇都向" is 梁宇, "韩局介绍" is no name), the name
ending before a title, a function character or punctuation; and the references a surname makes
with a title or honorific ("何总", "孙科长") or a familiar prefix ("小周", "老李").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ._lexicon import (
    FUNCTION_SURNAMES,
    ZH_AFTER_NAME,
    ZH_FAMILIAR_AFTER,
    ZH_HONORIFICS,
    ZH_SURNAMES,
    ZH_WORDY_SURNAMES,
)
from ._nlp import is_zh_word, zh_word_count, zh_word_tags
from ._title_spans import ZH_TITLE

_ZH_SURNAME_SET = frozenset(ZH_SURNAMES) | {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容"}
_WORDY = frozenset(ZH_WORDY_SURNAMES)
_TITLE_AFTER = tuple(sorted(ZH_HONORIFICS, key=len, reverse=True))
_ZH_REF = re.compile(
    "(?:"
    + "|".join(sorted(_ZH_SURNAME_SET | _WORDY, key=len, reverse=True))
    + ")(?:"
    + "|".join(_TITLE_AFTER)
    + ")"
)
# what follows a name where the layout says name: a title, or a dash or bracket before one
_NAME_MARK = re.compile(r"\s?(?:[—–－]|-{1,2}\s|[（(：:])")
_AFTER = ZH_AFTER_NAME | frozenset(
    "都介绍说讲提表认觉对也还又就才再曾反支负让请帮做带跟打约这那很干管找问看去来用写拿听手接更比却仍到前"
)  # 手: "预算在袁立手里", "邵科长手下"; 接: "由万军接手"; 更, 比: "林科更在意等保", "贺科比孙科更技术派"
# 负: the verb 负责 after a character that is also a surname ("乙方负责", "使用方负责人"); 由: "钱由她审批"
# 到, 前: "柯伟到岗", "宋涛前阵子来过"
_CLAUSE_ENDS = ("（", "(", "", " ", "，", "。", "；", "、", ",", ";", "\n", "：", ":")
#: a verb's character that ends given names too (何东升, 李文通); not a particle or a common verb
#: ("杜鹏的 report", "先跟他助理方琪约，", "归运营副总潘毅管")
_VERB_ENDS_A_NAME = frozenset("升通")


def _name_goes_on(text: str, at: int) -> bool:
    """Whether a character that may follow a name is still the name's last: a bracket or a title
    comes next ("魏东升（普外科主任）", "魏东升教授"), or it is one that ends given names and the
    clause ends after it."""
    after = text[at + 1 : at + 2]
    return (
        after in ("（", "(")
        or (text[at] in _VERB_ENDS_A_NAME and after in _CLAUSE_ENDS)
        # "普外科主任魏东升教授": a title follows the third, which is no copula ("曹振是总经理")
        or (text[at] not in NOT_GIVEN and text.startswith(_TITLES_BEFORE, at + 1))
    )


NOT_GIVEN = frozenset(
    "是的和与及向在对也都说将会等了着过把被为于从跟给让请这那哪很归最批负由他她已不没还就又再只要得姐哥，。、；：（）"
)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


_CLOSING = re.compile(r"(?:顺祝|顺颂|敬祝|恭祝|祝)(?:商祺|时祺|安好|顺利|工作顺利|一切顺利)")


def zh_names(text: str) -> list[tuple[int, int]]:
    """Spans of a Chinese surname and one or two given characters that read as a name.

    A note names its people more than once: a three-character reading whose first two are a
    name the note writes on its own elsewhere ("赵晨、…" then "赵晨出适配证明") is that name
    and a verb, unless the three are written so again."""
    found = list(_zh_name_shapes(text))
    confirmed = {text[a:b] for a, b in found if text[a] in _WORDY}
    for name in confirmed:  # a name its context confirmed once is that name wherever it is written
        at = text.find(name)
        while at >= 0:
            if not any(a <= at < b or at <= a < at + len(name) for a, b in found):
                found.append((at, at + len(name)))
            at = text.find(name, at + 1)
    found.sort()
    # "沈国华、江涛出席……沈国华表示": a name the note writes in full is that name where a word (华表)
    # would cut it short
    full = {text[a:b] for a, b in found if b - a == 3}
    found = [(a, b + 1) if b - a == 2 and text[a : b + 1] in full else (a, b) for a, b in found]
    alone = {text[a:b] for a, b in found if b - a == 2 and _ends_a_name(text, b)}
    said = Counter(text[a:b] for a, b in found)
    return [
        (a, b - 1) if b - a == 3 and text[a : b - 1] in alone and said[text[a:b]] == 1 else (a, b)
        for a, b in found
    ]


# a word this frequent in jieba's counts after two name characters ends the name ("张伟强调"); a rare
# one does not ("潘晓东都向", "温建民负责": 东都 and 民负 are words too)
_COMMON_AFTER = 100


def _common_word(text: str) -> bool:
    return is_zh_word(text) and zh_word_count(text) >= _COMMON_AFTER


def _ends_a_name(text: str, at: int) -> bool:
    """Whether a name may end at ``at``: punctuation, a title or the end follows."""
    return (
        at >= len(text) or not _is_cjk(text[at]) or text[at] in "和与及" or text.startswith(_TITLE_AFTER, at)
    )


def _zh_name_shapes(text: str) -> Iterator[tuple[int, int]]:
    i, n = 0, len(text)
    while i < n:
        fam = next((f for f in (text[i : i + 2], text[i]) if f in _ZH_SURNAME_SET or f in _WORDY), "")
        if not fam:
            i += 1
            continue
        g = i + len(fam)
        if g >= n or not _is_cjk(text[g]) or text[g] in NOT_GIVEN or text.startswith(_TITLE_AFTER, g):
            i += 1  # "孙科长", "何总": a reference, which the ruler reads
            continue
        end = g + 1
        third = text[end] if end < n else ""
        if (
            third
            and _is_cjk(third)
            # "魏东升（普外科主任）", "新的CFO是何东升。"
            and (third not in _AFTER or _name_goes_on(text, end))
            and not text.startswith(_TITLE_AFTER, end)
            # "曹建军部长": a title after the third character keeps it, though 军部 is a word
            and (not _common_word(text[end : end + 2]) or text.startswith(_TITLES_BEFORE, end + 1))
            and not (third in "两俩三几" and text[end + 1 : end + 2] in "人个位")  # "黄俊两人都是"
            # "孙强孙总定": the name, then its surname again with a title
            and not (text.startswith(fam, end) and text.startswith(_TITLE_AFTER, end + len(fam)))
        ):
            end += 1
        name = text[i:end]
        prev = text[i - 1] if i else ""
        if _inside_a_reference(text, i, fam):
            i += 1
            continue
        titled = text.startswith(_TITLE_AFTER, end)
        # "、于海洋（信息中心副主任）", "高院长（高峰）": only a name stands there, whatever it spells
        bracketed = _glossed_by_a_title(text, i, end) or _glossing_a_reference(text, i, end, fam)
        if (
            fam in FUNCTION_SURNAMES
            and not bracketed
            and (
                (prev and _is_cjk(prev) and not titled)
                or text[g] in _ZH_SURNAME_SET
                or is_zh_word(text[g : g + 2])
            )
        ):
            i += 1  # "宋琳向李刚汇报", "，向赵明汇报", "，管预算": 向 is the preposition, 管 the verb
            continue
        if _named_after_a_title(text, i, end) or bracketed:
            yield i, end  # "安全部经理方志，": a word there is a name
            i = end
            continue
        if (
            is_zh_word(name)
            # "安全", "高速": a surname and a given character that are a common word; a rare one
            # starts a three-character name ("范志刚": jieba knows 范志, rarely)
            or (is_zh_word(text[i : g + 1]) if end - i == 2 else _common_word(text[i : g + 1]))
            or (prev and _is_cjk(prev) and is_zh_word(prev + fam))
            or (i >= 2 and _is_cjk(text[i - 2]) and is_zh_word(text[i - 2 : i + 1]))  # "配电房巡检"
        ):
            i += 1
            continue
        if end - g == 2 and _a_deed(text[g:end]):
            i += 1  # "许董签字": 签字 is what 许董 does, no 董签字
            continue
        if end - g == 2 and _a_unit(text, i, end):
            i += 1  # "危化科科长", "保卫处处长", "危化科是主要使用方": a department, no 危化科
            continue
        if fam in _WORDY and not _named_by_layout(text, i, end):
            i += 1
            continue
        if _CLOSING.match(text, max(0, i - 1)):
            i = end  # "顺祝商祺": a letter's closing, no 祝商祺
            continue
        yield i, end
        i = end


def _inside_a_reference(text: str, i: int, fam: str) -> bool:
    """A surname that belongs to a reference the ruler reads: "老贺已经调走" (the familiar form),
    "向许董汇报" (董 is 许's title: no 董汇报)."""
    prev = text[i - 1] if i else ""
    if prev in ("老", "小"):
        return not is_zh_word(text[i - 2 : i])
    return prev in _ZH_SURNAME_SET and text.startswith(_TITLE_AFTER, i) and not is_zh_word(prev + fam)


# a name that is also a word this rare in jieba's counts is a name between a title and a stop
_RARE_WORD = 1000
_TITLES_BEFORE = tuple(t for t in _TITLE_AFTER if len(t) > 1)  # "工程师" ends in no title 工


def _named_after_a_title(text: str, start: int, end: int) -> bool:
    # a space may part them in a list: "分管副院长 魏国栋;"
    spaced = len(text[:start].rstrip(" \t\u3000")) < start
    return (
        text.endswith(_TITLES_BEFORE, 0, len(text[:start].rstrip(" \t\u3000")))
        and (spaced or not is_zh_word(text[start - 1 : start + 1]))  # "总工程师" has no 程师 after 总工
        and (end >= len(text) or text[end] in "，,。；;、：:（(\n ")
        # a word jieba itself tags as a person's name is one here ("财务总监白雪，")
        and (zh_word_count(text[start:end]) < _RARE_WORD or zh_word_tags().get(text[start:end]) == "nr")
    )


def _glossed_by_a_title(text: str, start: int, end: int) -> bool:
    """A list item or line that opens with the name and glosses it with a title in brackets:
    "白云飞（技术部主任）、", "马建国（副总经理）": only a person's name stands there, whatever
    else the characters spell."""
    if start and text[start - 1] not in _ITEM_BEFORE:
        return False
    gloss = _GLOSS.match(text, end)
    return gloss is not None and ZH_TITLE.search(gloss.group(1)) is not None


def _glossing_a_reference(text: str, start: int, end: int, fam: str) -> bool:
    """The full name in brackets after a reference by the same surname: "高院长（高峰）"."""
    if text[end : end + 1] not in ("）", ")") or text[start - 1 : start] not in ("（", "("):
        return False
    before = text[max(0, start - 1 - 6) : start - 1]
    return any(before.endswith(fam + t) for t in _TITLE_AFTER)


_ITEM_BEFORE = frozenset("、，,：:；;\n \t\u3000")
_GLOSS = re.compile(r"[（(]([^（）()\n]{1,24})[）)]")


_COMMON_DEED = 500  # a verb this frequent in jieba's counts is not a given name ("签字", "负责", "确认")


def _a_deed(given: str) -> bool:
    return zh_word_tags().get(given) == "v" and zh_word_count(given) >= _COMMON_DEED


def _a_unit(text: str, start: int, end: int) -> bool:
    """A department's or a plant's name, not a person's: it ends in 处, 部, 厂 ..., or in 科 where the note
    puts a title after it somewhere ("危化科科长")."""
    last = text[end - 1]
    if last in "处部室局办组队厂所":
        return True
    unit, at = text[start:end], text.find(text[start:end])
    while last == "科" and at >= 0:
        if text.startswith(_TITLE_AFTER, at + len(unit)):
            return True
        at = text.find(unit, at + 1)
    return False


def _named_by_layout(text: str, start: int, end: int) -> bool:
    """Whether a name with a surname that is mostly a word stands where only a name stands:
    before a title ("常志远局长"), or opening a clause before a dash or bracket ("常志远——局长")."""
    if text.startswith(_TITLE_AFTER, end):
        return True
    prev = text[start - 1 : start]
    if prev in ("，", ",") and _APPOSED_TITLE.match(text, end):
        return True  # "派了个副手，宁涛，科技信息部副部长": a title in apposition after the name
    return (not prev or not _is_cjk(prev)) and _NAME_MARK.match(text, end) is not None


_APPOSED_TITLE = re.compile(
    r"[，,][^，,。；;\n]{0,10}?(?:" + "|".join(re.escape(t) for t in _TITLES_BEFORE) + r")(?=[，,。；;\n]|$)"
)


_PLAIN_SURNAMES = "|".join(f for f in ZH_SURNAMES if f not in FUNCTION_SURNAMES)
_ZH_FAMILIAR = re.compile(
    f"(?:小|老)(?:{_PLAIN_SURNAMES})"
    # an elder colleague called sister or brother: "冯姐", "张哥"
    f"|(?:{_PLAIN_SURNAMES})[{ZH_FAMILIAR_AFTER}](?![\u4e00-\u9fff]{{0,1}}[们妹弟])"
)


_FAMILIAR_WORDS = frozenset(("小米", "小白", "小康"))  # brands and words, not people


def surname_inside_a_word(text: str, start: int) -> bool:
    """Whether the surname at ``start`` ends a word begun before it ("扩张工程", "仓储经理")."""
    prev = text[start - 1 : start]
    return bool(prev) and _is_cjk(prev) and _is_cjk(text[start]) and is_zh_word(prev + text[start])


def preposition_before_a_title(text: str, start: int, end: int) -> bool:
    """A surname that is a preposition first, before a title rather than an honorific: "直接向董事长
    许国强汇报", "都向总裁邵总汇报" (总裁 is a word, so 向总 is no one)."""
    return text[start] in FUNCTION_SURNAMES and (end - start > 2 or is_zh_word(text[end - 1 : end + 1]))


def zh_refs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of a surname and an honorific or title ("何总", "孙科长", "韩局") in any note, and of
    the familiar forms "小周", "老李" where they start no word ("小程序", "老板")."""
    for m in _ZH_REF.finditer(text):
        if surname_inside_a_word(text, m.start()):
            continue  # "扩张工程" is no 张工
        if text[m.start()] in _WORDY and zh_word_count(m.group()) > 0:
            continue  # "全局", "古董": words, not 常局 or 安总
        if preposition_before_a_title(text, m.start(), m.end()):
            continue
        yield m.start(), m.end()
    for m in _ZH_FAMILIAR.finditer(text):
        nxt = text[m.end() : m.end() + 1]
        word = m.group()
        if word in _FAMILIAR_WORDS or (nxt and (is_zh_word(word + nxt) or is_zh_word(word[1] + nxt))):
            continue
        if word[1] in ZH_FAMILIAR_AFTER and (surname_inside_a_word(text, m.start()) or is_zh_word(word)):
            continue  # "表哥", "师姐": words, not someone's name
        yield m.start(), m.end()
