"""Contract ends as people write them, resolved against the note's date to an ISO day.

A stated day is that day; a month is its last day; a quarter, a half or a year ends on its
last day ("Q1 2026" -> 2026-03-31, "今年年底" -> this year's 12-31). Relative forms count
from the note's date: "next March", "end of next year", "明年6月", "下个季度"; a month
without a year is its next occurrence ("renewal in March" written in May is next March).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date

from ._lexicon import EN_MONTHS

_M = "|".join(m[:3] + f"(?:{m[3:]})?" if len(m) > 3 else m for m in EN_MONTHS) + r"|sept"
_CN_NUM = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
}
EN_DATE = re.compile(  # starts where a Latin word or number does, also right after Chinese ("到9/30")
    rf"(?<![A-Za-z0-9_])(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<m1>{_M})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y1>\d{{4}})"
    # "31 Mar 2026", "31 Mar 26"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?P<m2>{_M})\.?,? (?P<y2>\d{{4}}|['’]?\d{{2}}\b(?![:.]\d))"
    rf"|(?:(?:the )?end of |EO)?Q(?P<q>[1-4]),? ?(?:FY ?)?(?P<qy>\d{{4}}|'?\d{{2}})"
    rf"|(?:(?:the )?end of )?(?:FY|fiscal(?: year)? )\s?(?P<fy>\d{{4}}|'?\d{{2}})\b"
    # "Q3 next year", "the first quarter of next year"
    rf"|(?:(?:the )?end of )?(?:Q(?P<qr>[1-4])|(?:the )?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th) "
    rf"quarter(?: of)?) (?P<qrel>this|next) year"
    # a year alone after what bounds a term: "until 2029", "the end of 2027" (not "in 2027": an event's)
    rf"|(?:(?<=end of )|(?<=until )|(?<=through )|(?<=till )|(?<=thru ))(?P<yo>20\d{{2}}|['’]\d{{2}})\b"
    rf"(?![/.-]\d)"
    # a month and a year joined by a hyphen, as spreadsheets write them: "Dec-26", "Jan-2027" (a
    # year of this era: "Mar-15" may be a day)
    rf"|(?:(?:the )?end of )?(?P<m8>{_M})-(?P<y8>20\d{{2}}|[23]\d)\b(?![/.-]\d)"
    # "comes up in five months"
    rf"|in (?P<nmo>\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen) "
    rf"months?(?:['’] time)?"
    # "31/3/27", "3/31/27": the day is the number past 12
    rf"|(?<![\d/.])(?P<sa>\d{{1,2}})/(?P<sb>\d{{1,2}})/(?P<sy>\d{{2}})(?![\d/])"
    rf"|(?:the )?end of (?P<rel>this|next|the) (?:year|yr)\b|(?<!fiscal )(?P<eoy>year[- ]end|EOY|end of yr\b)"
    # "March 2027", "June '27", "end of March next year"
    rf"|(?:(?:the )?end of |mid[- ])?(?P<m3>{_M})\.?,? (?:(?P<y3>\d{{4}})|['’](?P<y3s>\d{{2}})\b"
    rf"|(?:of )?(?P<y3r>next|this) (?:year|yr)\b)"
    rf"|(?P<nx>next|this) (?P<m4>{_M})"
    rf"|(?P<h>H[12]) (?P<hy>\d{{4}})"
    rf"|(?P<yq>20\d{{2}}) ?Q(?P<q2>[1-4])\b"  # "2026 Q3", as a mixed note writes it
    rf"|mid[- ](?P<ymid>20\d{{2}})\b"
    # numbers: "6/30", "3/31/2027", "2026/06/30"; without a year the next such day, and only a day
    # past the 12th, so that "10/10 stores" and "1/2 of the fleet" stay numbers
    rf"|(?<![\d/.])(?P<ny>\d{{4}})[/.](?P<nm>\d{{1,2}})[/.](?P<nd>\d{{1,2}})(?![\d/])"
    rf"|(?<![\d/.])(?P<um>\d{{1,2}})/(?P<ud>1[3-9]|2\d|3[01])(?:/(?P<uy>\d{{4}}))?(?![\d/])"
    rf"|(?<![\d/.])(?P<bd>1[3-9]|2\d|3[01])/(?P<bm>0?[1-9]|1[0-2])(?:/(?P<by>\d{{4}}))?(?![\d/])"  # "30/9"
    rf"|(?:(?:the )?end of |by |in |until |through )Q(?P<q0>[1-4])\b(?! ?(?:FY ?)?'?\d)"
    rf"(?! (?:next|this) year)"
    rf"|(?P<d6>\d{{1,2}})(?:st|nd|rd|th)? (?P<m6>{_M})\b\.?(?! \d)"
    # "Mar 26", not the time in "3 Mar 10:30"
    rf"|(?<!\d )(?P<m7>{_M})\.? (?P<d7>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d{{4}})(?![:.]\d)"
    rf"(?:,? (?P<n7>next) (?:year|yr)\b)?"  # "Dec 31 next year"
    # "31.12.2027": dots put the day first
    rf"|(?<![\d/.])(?P<ed>[0-3]?\d)\.(?P<em>[01]?\d)\.(?P<ey>\d{{4}})(?!\d|\.\d)"
    # "30.6.": the day past the 12th, as in "30/9"; "2.1." numbers a section
    rf"|(?<![\d/.])(?P<ed2>1[3-9]|2\d|3[01])\.(?P<em2>0?[1-9]|1[0-2])\.(?![\d])"
    # "the end of this month", "end of next month"
    rf"|(?:the )?end of (?P<mrel>this|next|the) month\b"
    rf"|(?:(?:in|by|until|till|through|thru|ends?|expires?|renewal|renews?|due) "
    rf"(?:in |on |at )?(?:the end of )?|(?:the )?end of )"
    rf"(?P<m5>{_M})\b(?! \d)(?!,? (?:of )?(?:next|this) year|,? ['’]\d))",
    re.I,
)
_S = r"[ \t]?"  # a space typed around a number: "明年 6 月底", "2026 年 8 月底"
ZH_DATE = re.compile(
    rf"(?P<y>\d{{4}}){_S}年{_S}(?P<m>\d{{1,2}}){_S}月(?:{_S}(?P<d>\d{{1,2}}){_S}[日号])?底?"
    rf"|(?P<ry>去年|今年|明年|后年)\s?(?:Q(?P<rqq>[1-4])|(?P<rm>\d{{1,2}}|[一二三四五六七八九十]{{1,2}}){_S}月"
    rf"(?:{_S}(?P<rd>\d{{1,2}}){_S}[日号])?(?:底|份)?|(?P<ryend>年底|底)|(?P<rh>上半年|年中)"
    r"|第?(?P<rq>[一二三四1-4])季度末?"
    r"|(?=到期|结束|截止|终止))"  # "合同后年到期": the year's end
    rf"|(?P<qy>\d{{4}}){_S}年第?(?P<q>[一二三四1-4])季度末?"
    rf"|(?P<ey>\d{{4}}){_S}年(?:年)?底"
    r"|(?<![\d.])(?P<dy>20\d{2})\.(?P<dm>1[0-2]|0?[1-9])(?:\.(?P<dd>\d{1,2}))?(?![\d])"  # "维保合同2026.3."
    r"|(?P<nq>下个?季度|本季度|这个季度)(?:末)?"
    r"|(?P<zm>本|这个|下个?)月底"  # "本月底到期", "下个月底"
    r"|(?P<ye>年底|年末)"
    # a span left: "还有半年到期", "三个月后到期" (the end of the month it runs out in)
    rf"|(?P<left>半年|一年|两年|(?:\d{{1,2}}|[一二三四五六七八九十两]{{1,2}}){_S}个多?月)(?:后|以后|之后)?"
    r"(?=\s*(?:就|才|即将)?(?:到期|过保|截止|结束))"
    rf"|(?P<om>\d{{1,2}}){_S}月(?:{_S}(?P<od>\d{{1,2}}){_S}[日号])?(?:底|份)?(?=[^\d])"
)


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
        start=1,
    )
} | {"eighteen": 18}


def _end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _month(name: str) -> int:
    key = name.lower()[:3]
    return next(i for i, m in enumerate(EN_MONTHS, 1) if m.startswith(key))


def _year(text: str) -> int:
    y = int(text.strip("'’"))
    return y + 2000 if y < 100 else y


def _next(today: date, month: int) -> date:
    return _end(today.year if month >= today.month else today.year + 1, month)


def _next_day(today: date, month: int, day: int) -> date:
    """The next such day: this year's if it is still to come, else next year's."""
    this = date(today.year, month, day)
    return this if this >= today else date(today.year + 1, month, day)


def _months_ahead(today: date, months: int) -> date:
    """The end of the month ``months`` after today's ("end of next month": 1)."""
    years, month0 = divmod(today.month - 1 + months, 12)
    return _end(today.year + years, month0 + 1)


#: "their fiscal year ends June 30": FY27 is then the year to 2027-06-30 (else the calendar year)
_FISCAL_END = re.compile(
    rf"(?:fiscal year|FY) (?:ends|closes|runs to|ending)(?: on)? "
    rf"(?:(?P<m>{_M})\.? (?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}}) (?P<m2>{_M}))",
    re.I,
)


def _fiscal_year_end(text: str) -> tuple[int, int]:
    said = _FISCAL_END.search(text)
    if said is None:
        return 12, 31
    return _month(said["m"] or said["m2"] or ""), int(said["d"] or said["d2"] or 0)


def _en(  # noqa: PLR0911, PLR0912 — a return per written form
    g: dict[str, str | None], today: date, fiscal_end: tuple[int, int] = (12, 31)
) -> date:
    if g["iso"]:
        return date.fromisoformat(g["iso"])
    for m, d, y in (("m1", "d1", "y1"), ("m2", "d2", "y2")):
        if g[m] and g[d] and g[y]:
            return date(_year(g[y] or "0"), _month(g[m] or ""), int(g[d] or 0))
    if g["q"] and g["qy"]:
        return _end(_year(g["qy"]), int(g["q"]) * 3)
    if g["fy"]:
        return date(_year(g["fy"]), *fiscal_end)
    if g["qrel"]:
        q = int(g["qr"] or 0) or _ORDINALS[(g["qw"] or "").lower()]
        return _end(today.year + (g["qrel"].lower() == "next"), q * 3)
    if g["yo"]:
        return _end(_year(g["yo"]), 12)
    if g["m8"]:
        return _end(_year(g["y8"] or "0"), _month(g["m8"]))
    if g["nmo"]:
        ahead = _WORD_NUMBERS.get(g["nmo"].lower()) or int(g["nmo"])
        return _months_ahead(today, ahead)
    if g["sy"]:
        a, b = int(g["sa"] or 0), int(g["sb"] or 0)
        dd, mo = (a, b) if a > 12 else (b, a) if b > 12 else (0, 0)  # both up to 12: unreadable
        return date(_year(g["sy"]), mo, dd)
    if g["rel"]:
        return _end(today.year + (1 if g["rel"].lower() == "next" else 0), 12)
    if g["eoy"]:
        return _end(today.year, 12)
    if g["m3"]:
        rel = (g["y3r"] or "").lower()
        year = int(g["y3"]) if g["y3"] else 2000 + int(g["y3s"]) if g["y3s"] else today.year + (rel == "next")
        return _end(year, _month(g["m3"]))
    if g["m4"]:
        month = _month(g["m4"])
        if (g["nx"] or "").lower() == "this":
            return _end(today.year, month)
        return _end(today.year if month > today.month else today.year + 1, month)
    for m, d in (("m6", "d6"), ("m7", "d7")):  # "31 March": the next one
        if g[m] and g[d]:
            if g["n7"] and m == "m7":
                return date(today.year + 1, _month(g[m] or ""), int(g[d] or 0))
            return _next_day(today, _month(g[m] or ""), int(g[d] or 0))
    if g["h"] and g["hy"]:
        return _end(int(g["hy"]), 6 if g["h"].upper() == "H1" else 12)
    if g["yq"]:
        return _end(int(g["yq"]), int(g["q2"] or 0) * 3)
    if g["ymid"]:
        return _end(int(g["ymid"]), 6)
    if g["ey"]:
        return date(int(g["ey"]), int(g["em"] or 0), int(g["ed"] or 0))
    if g["ed2"]:  # the next such day
        return _next_day(today, int(g["em2"] or 0), int(g["ed2"]))
    if g["mrel"]:
        return _months_ahead(today, g["mrel"].lower() == "next")
    if g["ny"] or g["um"] or g["bd"] or g["q0"]:
        return _numeric(g, today)
    return _next(today, _month(g["m5"] or ""))


def _numeric(g: dict[str, str | None], today: date) -> date:
    """ "2026/06/30", "6/30" (the next one), "end of Q3" (the next one)."""
    if g["ny"]:
        return date(int(g["ny"]), int(g["nm"] or 0), int(g["nd"] or 0))
    if g["um"] or g["bd"]:  # month/day as in the US, day/month as in the UK (only a day past the 12th)
        year = g["uy"] or g["by"]
        month, day_of = (g["um"], g["ud"]) if g["um"] else (g["bm"], g["bd"])
        if year:
            return date(int(year), int(month or 0), int(day_of or 0))
        return _next_day(today, int(month or 0), int(day_of or 0))
    end = _end(today.year, int(g["q0"] or 0) * 3)
    return end if end >= today else _end(today.year + 1, int(g["q0"] or 0) * 3)


def _zh_num(text: str) -> int:
    return int(text) if text.isdigit() else _CN_NUM[text]


def _zh(g: dict[str, str | None], today: date) -> date:  # noqa: PLR0911, PLR0912 — a return per written form
    if g["y"]:
        y, m = int(g["y"]), int(g["m"] or 0)
        return date(y, m, int(g["d"])) if g["d"] else _end(y, m)
    if g["ry"]:
        y = today.year + {"去年": -1, "今年": 0, "明年": 1, "后年": 2}[g["ry"]]
        if g["rm"]:
            m = _zh_num(g["rm"])
            return date(y, m, int(g["rd"])) if g["rd"] else _end(y, m)
        if g["rh"]:
            return _end(y, 6)
        if g["rqq"]:
            return _end(y, int(g["rqq"]) * 3)
        if g["rq"]:
            q = int(g["rq"]) if g["rq"].isdigit() else "一二三四".index(g["rq"]) + 1
            return _end(y, q * 3)
        return _end(y, 12)
    if g["qy"]:
        qs = g["q"] or "1"
        q = int(qs) if qs.isdigit() else "一二三四".index(qs) + 1
        return _end(int(g["qy"]), q * 3)
    if g["ey"]:
        return _end(int(g["ey"]), 12)
    if g["dy"]:
        y, m = int(g["dy"]), int(g["dm"] or 0)
        return date(y, m, int(g["dd"])) if g["dd"] else _end(y, m)
    if g["nq"]:
        q = (today.month - 1) // 3 + (1 if g["nq"].startswith("下") else 0)
        return _end(today.year + q // 4, (q % 4) * 3 + 3)
    if g["ye"]:
        return _end(today.year, 12)
    if g["zm"]:
        return _months_ahead(today, g["zm"].startswith("下"))
    if g["left"]:
        return _months_ahead(today, _months_left(g["left"]))
    m = int(g["om"] or 0)
    year = today.year if m >= today.month else today.year + 1
    return date(year, m, int(g["od"])) if g["od"] else _end(year, m)


def _months_left(span: str) -> int:
    fixed = {"半年": 6, "一年": 12, "两年": 24}
    if span in fixed:
        return fixed[span]
    count = span.split("个", maxsplit=1)[0]
    return int(count) if count.isdigit() else _zh_num(count.replace("两", "二"))


def fiscal_year_only(written: str) -> bool:
    """Whether a date as written names a fiscal year and nothing finer ("FY27", "end of FY26")."""
    said = EN_DATE.fullmatch(written)
    return said is not None and said.group("fy") is not None


def find_dates(text: str, lang: str, today: date) -> Iterator[tuple[int, int, str]]:
    """(start, end, ISO day) of every date expression in ``text``; unreadable ones are skipped."""
    scripts = ["zh", "en"] if any("\u4e00" <= ch <= "\u9fff" for ch in text) else ["en"]
    fiscal_end = _fiscal_year_end(text)
    for script in scripts if lang != "zh" else ["zh", "en"]:  # "contract up for renewal 今年年底"
        for m in (ZH_DATE if script == "zh" else EN_DATE).finditer(text):
            try:
                g = m.groupdict()
                value = _zh(g, today) if script == "zh" else _en(g, today, fiscal_end)
            except (ValueError, KeyError, StopIteration):
                continue
            yield m.start(), m.end(), value.isoformat()
