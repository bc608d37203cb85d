"""Phone numbers for the resolution benchmarks: valid for their country, never a real company's."""

from __future__ import annotations

import random

import phonenumbers
from phonenumbers import PhoneNumber
from phonenumbers import PhoneNumberFormat as Fmt


def draw_phone(rng: random.Random, country: str | None, taken: set[str]) -> PhoneNumber | None:
    """A valid fixed-line number of ``country`` shaped like its example number, not in ``taken``
    (which it joins); None without a country, as phonenumbers would then pick any region."""
    example = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.FIXED_LINE)
    if example is None or country is None:
        return None
    sample, keep = phonenumbers.format_number(example, Fmt.E164), len(str(example.country_code)) + 2
    for _ in range(100):  # the country code and the first digit kept, the others drawn
        e164 = sample[:keep] + "".join(rng.choice("0123456789") for _ in sample[keep:])
        if phonenumbers.is_valid_number(number := phonenumbers.parse(e164)) and e164 not in taken:
            taken.add(e164)
            return number
    return None
