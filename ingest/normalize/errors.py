"""The one exception every normaliser raises, with a stable reason code for reject files."""

from __future__ import annotations

from typing import Literal

Reason = Literal[
    "bad_phone",
    "bad_email",
    "bad_date",
    "future_date",
    "bad_number",
    "negative_amount",
    "bad_currency",
]


class NormalizationError(ValueError):
    """A value that cannot be normalised; ``reason`` is a stable code, ``value`` the raw text."""

    reason: Reason
    value: str

    def __init__(self, reason: Reason, value: object, detail: str = "") -> None:
        self.reason = reason
        self.value = str(value)
        message = f"{reason}: {self.value!r}" + (f" ({detail})" if detail else "")
        super().__init__(message)
