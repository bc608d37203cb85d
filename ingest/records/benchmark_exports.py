"""What the resolution benchmarks share: phone numbers valid for their country (never a real
company's), and exports written as CSV with their records' keys."""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import TypeVar

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


Entity = TypeVar("Entity", bound=Hashable)


def write_exports(
    rows: Mapping[str, list[tuple[Entity, dict[str, str]]]],
    keys: Mapping[str, tuple[str, str]],
    out: Path,
    rng: random.Random,
    encodings: Mapping[str, str],
) -> dict[Entity, list[dict[str, str]]]:
    """Each export's rows (entity, columns) shuffled, keyed by the export's (column, key format) and
    written under ``out`` in its encoding (default UTF-8); returns each entity's records."""
    records: dict[Entity, list[dict[str, str]]] = defaultdict(list)
    for file, part in rows.items():
        rng.shuffle(part)  # the key order must not tell which records belong together
        column, key_format = keys[file]
        (out / file).parent.mkdir(parents=True, exist_ok=True)
        with (out / file).open("w", encoding=encodings.get(file, "utf-8"), newline="") as f:
            writer = csv.DictWriter(f, [column, *part[0][1]])
            writer.writeheader()
            for i, (entity, row) in enumerate(part, 1):
                writer.writerow({column: key_format.format(i), **row})
                records[entity].append({"file": file, "key": key_format.format(i)})
    return records
