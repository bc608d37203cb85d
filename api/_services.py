"""What the app offers resolvers beyond one request's reads: background jobs, the warm
introduction graphs, persisted queries, and where ingest runs may read and write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from api._jobs import JobRunner, runner_for
from api._persisted import PersistedQueries, load_allowlist
from api._warm import WarmGraphs
from api.config import ApiSettings
from graph import GraphStore


@dataclass
class Services:
    data_dir: Path  # runs, results and review decisions live here, as for the CLI
    ingest_root: Path  # server paths given to ingest mutations must be under it
    jobs: JobRunner
    warm: WarmGraphs
    persisted: PersistedQueries
    job_wait: float = 30.0  # seconds
    max_ingest_bytes: int = 20 << 20


def build_services(store: GraphStore, settings: ApiSettings, data_dir: Path) -> Services:
    allowlist = load_allowlist(settings.allowlist_dir) if settings.allowlist_dir is not None else None
    return Services(
        data_dir=data_dir,
        ingest_root=settings.ingest_path(data_dir),
        jobs=runner_for(store),
        warm=WarmGraphs(),
        persisted=PersistedQueries(settings.persisted_queries, settings.persisted_cache, allowlist),
        job_wait=settings.job_wait,
        max_ingest_bytes=settings.max_ingest_bytes,
    )
