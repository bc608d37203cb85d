"""Products a note names with their vendor's name made possessive: "东软的设备管理模块" for the
东软设备管理模块, "Philips's IntelliSpace PACS". A vendor with only the kind of product ("PACS用的
是东软的") stays a fact about the vendor, as the corpus guideline has it."""

from __future__ import annotations

from collections.abc import Iterable

from ingest.normalize.text import fold, has_cjk


def possessive_forms(product_name: str, vendor_names: Iterable[str]) -> list[str]:
    """ "东软设备管理模块" -> ["东软的设备管理模块"]; "Philips IntelliSpace PACS" -> ["Philips's …",
    "Philips' …"]: the product name with its vendor's name made possessive."""
    out: list[str] = []
    folded = fold(product_name)
    for vendor in vendor_names:
        key = fold(vendor)
        if not key or not folded.startswith(key) or len(folded) <= len(key):
            continue
        rest = product_name[len(vendor) :].strip()
        if not rest:
            continue
        if has_cjk(vendor):
            out.append(f"{vendor}的{rest}")
        elif product_name[len(vendor) : len(vendor) + 1] == " ":
            out += [f"{vendor}'s {rest}", f"{vendor}’s {rest}"] + (
                [f"{vendor}' {rest}"] if vendor.endswith("s") else []
            )
    return out
