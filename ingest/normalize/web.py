"""Websites as the registrable domain a company owns: ``https://www.csc.com/en`` -> ``csc.com``.

The public suffix list decides where the registrable part starts (``x.co.uk``, not
``co.uk``). ``tldextract`` ships a snapshot of the list; it is used offline (no fetch,
no cache directory), so the same input gives the same domain on any machine.
"""

from __future__ import annotations

from functools import cache, lru_cache

import tldextract


@cache
def _extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=65536)
def registrable_domain(raw: str | None) -> str | None:
    """The domain under the public suffix, lower case; None when ``raw`` names no domain."""
    if not raw or not raw.strip():
        return None
    text = raw.strip().lower()
    if "@" in text:  # an e-mail address written where the website goes
        text = text.rpartition("@")[2]
    parts = _extractor()(text)
    if not parts.domain or not parts.suffix or " " in parts.domain:
        return None
    return f"{parts.domain}.{parts.suffix}"
