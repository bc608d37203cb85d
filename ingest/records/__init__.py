"""Record ingestion: declarative mappings, validation with rejects, resolution, provenance."""

from ingest.records.mapping import Mapping, MappingError, load_mapping
from ingest.records.pipeline import RecordIngest
from ingest.records.rejects import Reject, RejectsFile, read_rejects
from ingest.records.report import RunReport, Source
from ingest.records.runs import SAMPLE_MAPPINGS, ingest_directory, sources_for

__all__ = [
    "SAMPLE_MAPPINGS",
    "Mapping",
    "MappingError",
    "RecordIngest",
    "Reject",
    "RejectsFile",
    "RunReport",
    "Source",
    "ingest_directory",
    "load_mapping",
    "read_rejects",
    "sources_for",
]
