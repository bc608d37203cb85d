"""A Chinese contact's English name, as the company's e-mail address spells it.

Companies in China often build addresses from a colleague's English name and pinyin surname:
陈立峰 <frank.chen@…> is "Frank Chen", and notes call him "Frank". An address spelling the
pinyin of the full name (lifeng.chen@…) gives no other name.
"""

from __future__ import annotations

import re

from ingest.normalize.pinyin import person_pinyin
from ingest.normalize.text import has_cjk

_LOCAL = re.compile(r"([a-z]{3,12})[._-]([a-z]{1,8})")


def english_names(name: str, email: str) -> list[str]:
    """["Frank Chen", "Frank"] for 陈立峰 at frank.chen@…; [] when the address says nothing more."""
    if not has_cjk(name) or "@" not in email:
        return []
    m = _LOCAL.fullmatch(email.split("@", 1)[0].lower())
    if m is None:
        return []
    family, given = person_pinyin(name.strip())
    first, last = m.groups()
    if last != family or first in (given, family):
        return []
    return [f"{first.title()} {last.title()}", first.title()]
