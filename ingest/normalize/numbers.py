"""Numbers, amounts and currency codes as spreadsheets and exports write them."""

from __future__ import annotations

import math
import re

from .errors import NormalizationError
from .text import nfkc

# Thousands separators must group by three ("1,234,567"); "1,0,0" is a typo, not 100.
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?$|^[+-]?\.\d+$", re.IGNORECASE)
_CURRENCY_SIGNS = "¥￥$€£"

# ISO 4217 codes our customers invoice in, plus the spellings that mean one of them.
CURRENCIES = frozenset(
    {"CNY", "USD", "EUR", "GBP", "JPY", "HKD", "TWD", "SGD", "KRW", "CHF", "AUD", "CAD", "SEK", "NOK", "DKK",
     "PLN", "CZK", "INR", "THB", "MYR", "VND", "IDR", "PHP", "BRL", "MXN", "RUB", "TRY", "ZAR", "AED",
     "SAR", "NZD"}
)  # fmt: skip
CURRENCY_ALIASES = {
    "RMB": "CNY", "¥": "CNY", "￥": "CNY", "元": "CNY", "人民币": "CNY", "$": "USD", "US$": "USD",
    "€": "EUR", "£": "GBP", "美元": "USD", "欧元": "EUR",
}  # fmt: skip


def parse_number(raw: object) -> float:
    """A float from "1,234.5", " 42 ", "１２３" (full-width), 7 or 3.5; else raises ``bad_number``."""
    if isinstance(raw, bool):
        raise NormalizationError("bad_number", raw, "boolean")
    if isinstance(raw, int | float):
        value = float(raw)
    elif isinstance(raw, str):
        text = nfkc(raw).strip().replace(" ", "").replace("_", "")
        if not _NUMBER.match(text):
            raise NormalizationError("bad_number", raw)
        value = float(text.replace(",", ""))
    else:
        raise NormalizationError("bad_number", raw, type(raw).__name__)
    if not math.isfinite(value):
        raise NormalizationError("bad_number", raw, "not finite")
    return value


def parse_amount(raw: object) -> float:
    """A money amount or quantity: a number > 0 (a leading currency sign is allowed).

    Zero and negative values raise ``negative_amount``; credit notes are a separate record kind.
    """
    if isinstance(raw, str):
        text = nfkc(raw).strip()
        sign = "-" if text.startswith("-") else ""
        raw_text = text.lstrip("+-").strip().lstrip(_CURRENCY_SIGNS).strip()
        value = parse_number(sign + raw_text) if raw_text else parse_number(raw)
    else:
        value = parse_number(raw)
    if value <= 0:
        raise NormalizationError("negative_amount", raw)
    return value


def currency_code(raw: str) -> str:
    """ISO 4217 code: "cny", "RMB", "¥" -> "CNY"; unknown codes raise ``bad_currency``."""
    text = nfkc(str(raw)).strip()
    code = CURRENCY_ALIASES.get(text) or CURRENCY_ALIASES.get(text.upper()) or text.upper()
    if code not in CURRENCIES:
        raise NormalizationError("bad_currency", raw)
    return code
