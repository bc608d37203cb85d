"""Deliberate, documented corruption of about 0.5 % of record rows.

Only rows that nothing else refers to are eligible (order lines, leaf contacts, empty
CRM shells, dormant ERP customers, deals without contacts ...), so an ingest that
rejects them sees no knock-on rejects. Each corruption is logged with file, physical
line (CSV header = line 1; JSONL first record = line 1; XLSX worksheet row), field
and reason code.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from ._common import REFERENCE_DATE, sub_rng
from ._phones import BAD_PHONES

RATE = 0.005
BAD_EMAILS = ("wang.lei@@{d}", "{u}.{d}", "{u} at {d}", "{u}@", "@{d}", "{u}@{h}", "{u}@{d};{u}@{d}")
BAD_NUMBERS = ("two", "1O", "3 pcs", "N/A", "1,0,0", "十", "?")

# file -> reason -> candidate fields
PLANS: dict[str, dict[str, tuple[str, ...]]] = {
    "crm/accounts.csv": {
        "missing_required": ("name",),
        "bad_phone": ("phone",),
        "future_date": ("created_at",),
        "bad_number": ("employees",),
        "truncated_line": (),
    },
    "crm/contacts.csv": {
        "missing_required": ("name",),
        "bad_email": ("email",),
        "bad_phone": ("phone",),
        "future_date": ("created_at",),
        "truncated_line": (),
    },
    "erp/customers.csv": {
        "missing_required": ("cust_name",),
        "bad_phone": ("tel",),
        "future_date": ("created",),
        "truncated_line": (),
    },
    "marketing/leads.xlsx": {
        "missing_required": ("company",),
        "bad_email": ("email",),
        "bad_phone": ("phone",),
        "future_date": ("captured_at",),
    },
    "erp/order_lines.csv": {
        "negative_amount": ("amount",),
        "bad_number": ("quantity",),
        "future_date": ("order_date",),
        "unknown_reference": ("cust_code", "product_id"),
        "truncated_line": (),
    },
    "crm/opportunities.csv": {
        "negative_amount": ("amount",),
        "bad_number": ("amount",),
        "missing_required": ("name",),
        "truncated_line": (),
    },
    "crm/installed_base.csv": {"future_date": ("since",), "truncated_line": ()},
    "crm/relationships.csv": {"future_date": ("last_contact",), "truncated_line": ()},
    "crm/activities.jsonl": {"future_date": ("at",), "missing_required": ("activity_id",)},
}


class Corruptor:
    """Decides and records corruptions; each file has its own random stream (order-independent)."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.records: list[dict[str, Any]] = []
        self._rngs: dict[str, random.Random] = {}

    def _rng(self, file: str) -> random.Random:
        rng = self._rngs.get(file)
        if rng is None:
            rng = self._rngs[file] = sub_rng(self.seed, f"corrupt:{file}")
        return rng

    def maybe(self, file: str, line: int, header: list[str], row: list[Any], p: float = RATE) -> int | None:
        """Corrupt ``row`` in place with probability p; return a cut length for truncated lines."""
        rng = self._rng(file)
        if rng.random() >= p:
            return None
        plan = PLANS[file]
        reason = rng.choice(sorted(plan))
        if reason == "truncated_line":
            cut = rng.randint(2, len(header) - 2)
            self.records.append({"file": file, "line": line, "field": header[cut], "reason": reason})
            return cut
        field = rng.choice(plan[reason])
        i = header.index(field)
        row[i] = _broken(rng, reason, row[i])
        self.records.append({"file": file, "line": line, "field": field, "reason": reason})
        return None


def _broken(rng: random.Random, reason: str, value: Any) -> Any:
    simple: dict[str, Callable[[], Any]] = {
        "missing_required": lambda: "", "bad_phone": lambda: rng.choice(BAD_PHONES),
        "bad_number": lambda: rng.choice(BAD_NUMBERS), "negative_amount": lambda: f"-{value}",
        "future_date": lambda: _future(rng, value),
    }  # fmt: skip
    if reason in simple:
        return simple[reason]()
    if reason == "bad_email":
        u, d = [*str(value).split("@", 1), "example.cn"][:2] if value else ["li.na", "example.cn"]
        return rng.choice(BAD_EMAILS).format(u=u or "li.na", d=d, h=d.split(".")[0])
    if reason == "unknown_reference":
        return (
            f"C{rng.randint(700000, 799999)}"
            if str(value).startswith("C")
            else f"P-{rng.randint(4000, 8999)}"
        )
    raise ValueError(reason)


def _future(rng: random.Random, value: Any) -> Any:
    day = REFERENCE_DATE + timedelta(days=rng.randint(2, 420))
    if isinstance(value, datetime):
        return datetime(day.year, day.month, day.day, value.hour, value.minute)
    text = str(value)
    if "T" in text:  # ISO timestamp with offset
        return day.isoformat() + text[10:]
    if len(text) > 10:  # "YYYY-MM-DD HH:MM:SS"
        return day.isoformat() + text[10:]
    sep = "/" if "/" in text else "-"
    return date.isoformat(day).replace("-", sep)
