"""Phone numbers to E.164 with ``phonenumbers``, including local numbers with an implied area code."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from .errors import NormalizationError
from .text import nfkc

_EXTENSION = re.compile(r"\s*(?:ext\.?|x|转|分机)\s*\d+\s*$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s\-().\/]")
# Local subscriber numbers are at most 8 digits in CN and DE, 7 in the US (NANP).
_MAX_LOCAL = {"US": 7, "CA": 7}


def _valid(candidate: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(candidate, None if candidate.startswith("+") else region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


@lru_cache(maxsize=65536)
def phone_e164(raw: str, region: str, area_code: str | None = None) -> str:
    """Normalise a phone number to E.164 ("+862164370045").

    ``region`` is the record's country (ISO alpha-2) and decides how national formats
    ("021-64370045", "(0)89 ...", "713.771.3410") are read. ``area_code`` is the city's
    area code without the trunk prefix ("21"); it is only used for a bare local number
    ("64370045") that is not valid on its own. Raises ``NormalizationError("bad_phone")``.
    """
    text = _EXTENSION.sub("", nfkc(str(raw)).strip())
    if not text or not re.search(r"\d", text) or re.search(r"[^\d\s\-().\/+]", text):
        raise NormalizationError("bad_phone", raw)
    region = region.upper()
    digits = _SEPARATORS.sub("", text)
    local_only = digits.isdigit() and not digits.startswith("0") and len(digits) <= _MAX_LOCAL.get(region, 8)
    candidates = [text]
    if area_code and local_only:
        prefix = area_code if region in _MAX_LOCAL else "0" + area_code
        candidates.insert(0, prefix + digits)
    for candidate in candidates:
        number = _valid(candidate, region)
        if number:
            return number
    raise NormalizationError("bad_phone", raw, f"not a valid number for {region}")
