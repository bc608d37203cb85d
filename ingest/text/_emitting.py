"""What the relation readers share: a fact's ends, how a fact is emitted, the confidences."""

from __future__ import annotations

import re
from collections.abc import Callable

CONF_KNOWN, CONF_NEW, CONF_HEDGED = 0.9, 0.6, 0.5
End = tuple[str, str, str]  # label, node id, surface
Emit = Callable[..., None]


def plain(skeleton: str) -> str:
    """A sentence skeleton without its mention marks («P3»)."""
    return re.sub(r"«\w\d+»", " ", skeleton)
