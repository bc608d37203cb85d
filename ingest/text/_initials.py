"""A person written by their initials: minutes name attendees in full once, then "GH opened",
"RS reports to GH", "NA will lead the technical evaluation".

Initials count only as capitals standing alone, only when they are the initials of exactly one
person the note names in full or the account's CRM knows, and never when they are one of the
abbreviations business notes use for other things ("IT", "PO", "AE", "QA").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

#: capitals notes use for departments, documents, roles and times: never someone's initials
_TAKEN = frozenset(
    (
     "IT", "HR", "PO", "AE", "SE", "SA", "OK", "US", "UK", "AM", "PM", "EU", "QA", "QC", "VP", "GM", "MD",
     "PR", "AP", "AR", "BD", "CS", "SI", "ID", "TV", "OR", "ER", "EB", "DM", "TE", "CX", "UX", "UI", "AI",
     "ML", "BI", "OT", "FM", "FY", "NB", "PS", "RE", "FW", "CC", "BCC", "ETA", "EOD", "COB", "TBC", "TBD",
     "AOB", "FYI", "ASAP", "CEO", "CFO", "CIO", "CTO", "COO", "CMO", "CRO", "CSO", "CPO", "CDO", "SVP",
     "EVP", "RFP", "RFI", "RFQ", "POC", "SOW", "NDA", "MSA", "SLA", "KPI", "ROI", "TCO", "ERP", "CRM",
     "SSO", "API", "SDK", "LIS", "HIS", "EHR", "EMR", "MES", "WMS", "TMS", "QBR", "MVP", "USA", "UAE",
    )
)  # fmt: skip
_CAPITALS = re.compile(r"(?<![\w./-])[A-Z]{2,3}(?![\w/-])")


def _initials_of(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isalpha()]
    return "".join(w[0].upper() for w in words) if 2 <= len(words) <= 3 else ""


def initials(text: str, full_names: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, full name) of each run of capitals that is one named person's initials."""
    owner: dict[str, str] = {}
    for full in full_names:
        key = _initials_of(full)
        if key and key not in _TAKEN:
            owner[key] = "" if owner.get(key, full) != full else full
    if not any(owner.values()):
        return
    for m in _CAPITALS.finditer(text):
        full = owner.get(m.group(), "")
        if full:
            yield m.start(), m.end(), full
