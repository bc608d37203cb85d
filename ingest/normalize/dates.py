"""Dates and date-times from the shapes exports use; naive times get the source's zone."""

from __future__ import annotations

import re
from datetime import date, datetime, time, tzinfo

from .errors import NormalizationError
from .text import nfkc

# Year-first shapes only: "03/04/2025" is ambiguous between exports and is rejected.
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DATETIME = re.compile(
    r"^(?P<date>\d{8}|\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
    r"(?:[T\s]+(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<f>\d{1,6}))?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)


def _date_part(text: str, raw: object) -> date:
    m = _DATE.match(text) or _COMPACT.match(text)
    if not m:
        raise NormalizationError("bad_date", raw)
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise NormalizationError("bad_date", raw, "no such day") from None


def _check(value: date, not_after: date | None, raw: object) -> date:
    if not_after is not None and value > not_after:
        raise NormalizationError("future_date", raw, f"after {not_after.isoformat()}")
    return value


def parse_date(raw: str | date | datetime, *, not_after: date | None = None) -> date:
    """A date from "2025-03-04", "2025/3/4", "2025年3月4日", "20250304", "2025-03-04 10:00", a date(time).

    Raises ``NormalizationError`` with ``bad_date``, or ``future_date`` when after ``not_after``.
    """
    if isinstance(raw, datetime):
        return _check(raw.date(), not_after, raw)
    if isinstance(raw, date):
        return _check(raw, not_after, raw)
    if not isinstance(raw, str):
        raise NormalizationError("bad_date", raw, "not text")
    text = nfkc(raw).strip()
    m = _DATETIME.match(text)
    if not m:
        raise NormalizationError("bad_date", raw)
    return _check(_date_part(m.group("date").strip(), raw), not_after, raw)


def _tz_of(text: str) -> tzinfo:
    value = datetime.fromisoformat("2000-01-01T00:00:00" + ("+00:00" if text.upper() == "Z" else text))
    assert value.tzinfo is not None
    return value.tzinfo


def parse_datetime(raw: str | date | datetime, *, tz: tzinfo, not_after: datetime | None = None) -> datetime:
    """An aware datetime: an explicit offset wins, naive values are taken to be in ``tz``.

    A bare date means midnight in ``tz``. ``not_after`` (naive means ``tz``) rejects
    later values with ``future_date``; unparseable input raises ``bad_date``.
    """
    if isinstance(raw, datetime):
        value = raw if raw.tzinfo is not None else raw.replace(tzinfo=tz)
    elif isinstance(raw, date):
        value = datetime.combine(raw, time(), tzinfo=tz)
    elif isinstance(raw, str):
        text = nfkc(raw).strip()
        m = _DATETIME.match(text)
        if not m:
            raise NormalizationError("bad_date", raw)
        day = _date_part(m.group("date").strip(), raw)
        try:
            clock = time(
                int(m.group("h") or 0),
                int(m.group("m") or 0),
                int(m.group("s") or 0),
                int((m.group("f") or "0").ljust(6, "0")),
            )
        except ValueError:
            raise NormalizationError("bad_date", raw, "no such time") from None
        zone = _tz_of(m.group("tz")) if m.group("tz") else tz
        value = datetime.combine(day, clock, tzinfo=zone)
    else:
        raise NormalizationError("bad_date", raw, "not text")
    if not_after is not None:
        limit = not_after if not_after.tzinfo is not None else not_after.replace(tzinfo=tz)
        if value > limit:
            raise NormalizationError("future_date", raw, f"after {limit.isoformat()}")
    return value
