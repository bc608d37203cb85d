"""The evidence of a fact drawn from text: one item per stating sentence, kept across notes and runs.

An edge's ``evidence`` property is a JSON list of items (document id, sentence, offsets,
rule, confidence, date); an older single object reads as a list of one. The edge's
confidence grows with independent statements (noisy-or: three notes at 0.6 give 0.94).
"""

from __future__ import annotations

import json
from typing import Any

Item = dict[str, Any]
MAX_CONFIDENCE = 0.99  # text never makes a fact certain


def parse(text: str | None) -> list[Item]:
    if not text:
        return []
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return []
    items = value if isinstance(value, list) else [value]
    return [i for i in items if isinstance(i, dict)]


def merge(old: list[Item], new: list[Item]) -> list[Item]:
    """``old`` then the items of ``new`` not yet in it (same document and offsets), in date order."""
    seen = {(i.get("doc_id"), i.get("start")): n for n, i in enumerate(old)}
    out = list(old)
    for item in new:
        n = seen.get((item.get("doc_id"), item.get("start")))
        if n is None:
            seen[(item.get("doc_id"), item.get("start"))] = len(out)
            out.append(item)
        else:
            out[n] = item  # the same sentence read again (a changed rule or document)
    return sorted(out, key=lambda i: (str(i.get("at") or ""), str(i.get("doc_id")), int(i.get("start") or 0)))


def confidence(items: list[Item]) -> float:
    doubt = 1.0
    for doc in {str(i.get("doc_id")) for i in items}:  # one vote per document
        doubt *= 1 - max(float(i.get("confidence") or 0) for i in items if str(i.get("doc_id")) == doc)
    return round(min(MAX_CONFIDENCE, 1 - doubt), 4)


def dumps(items: list[Item]) -> str:
    return json.dumps(items, ensure_ascii=False, sort_keys=True)
