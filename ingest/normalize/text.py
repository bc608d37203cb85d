"""Unicode helpers shared by the name keys: NFKC, traditional -> simplified, CJK tests.

The traditional-to-simplified step uses ``opencc-python-reimplemented`` (pure Python,
ships the OpenCC dictionaries; imported as ``opencc``). Conversions are cached because
the same names recur across sources.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from opencc import OpenCC  # type: ignore[import-untyped]

_T2S = OpenCC("t2s")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def nfkc(text: str) -> str:
    """NFKC folds full-width Latin letters, digits, brackets and the ideographic space."""
    return unicodedata.normalize("NFKC", text)


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def is_cjk_char(ch: str) -> bool:
    return _CJK.match(ch) is not None


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Traditional -> simplified Chinese; text without CJK characters is returned as is."""
    if not has_cjk(text):
        return text
    return str(_T2S.convert(text))


def fold(text: str) -> str:
    """NFKC, simplified Chinese, case-folded, whitespace collapsed: the base of every key."""
    return " ".join(to_simplified(nfkc(text)).casefold().split())


def strip_accents(text: str) -> str:
    """``müller`` -> ``muller``; used only for comparison keys, never for display."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
