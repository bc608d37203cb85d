"""E-mail addresses: trimmed, lower-cased, syntax-checked with ``email-validator``."""

from __future__ import annotations

from functools import lru_cache

from email_validator import EmailNotValidError, validate_email

from .errors import NormalizationError
from .text import nfkc

FREEMAIL_DOMAINS = frozenset(
    {
        "163.com", "126.com", "qq.com", "sina.com", "sina.cn", "sohu.com", "yeah.net", "139.com",
        "foxmail.com",
        "aliyun.com", "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com",
        "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de",
        "t-online.de", "freenet.de",
    }
)  # fmt: skip


@lru_cache(maxsize=65536)
def email(raw: str) -> str:
    """``"  Wang.Lei@Ruijin.COM "`` -> ``"wang.lei@ruijin.com"``; raises ``NormalizationError("bad_email")``.

    The whole address is lower-cased: local parts are case-sensitive in theory, but no
    mail system our customers use treats them so, and matching needs one spelling.
    """
    text = nfkc(str(raw)).strip().removeprefix("mailto:").strip()
    if not text:
        raise NormalizationError("bad_email", raw, "empty")
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise NormalizationError("bad_email", raw, str(exc)) from None
    return str(result.normalized).lower()


def email_domain(address: str) -> str:
    return address.rsplit("@", 1)[-1]


def is_freemail(domain: str) -> bool:
    """Web-mail domains say nothing about the employer, so they never count as a company domain."""
    return domain.lower() in FREEMAIL_DOMAINS
