"""Background jobs: ingest runs and analyses, one at a time per store, in a worker thread.

A job is queued, then running, then completed or failed. Its id is the id of the run it
records (``RunLog``), so ``Query.job`` finds a job again from its ``Run`` node after a
restart or from another worker process. Jobs of one store run one after the other: two
analyses writing the same nodes at once would each diff against a stale snapshot.
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from graph import GraphStore

log = logging.getLogger("accountgraph.api")

#: what a job's body returns: its summary (counts by name) and an optional detailed report
Outcome = tuple[dict[str, Any], Any]
Body = Callable[[], Outcome]
IDLE = 5.0  # seconds the worker thread waits for another job before it ends


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"


@dataclass
class Job:
    id: str
    kind: str  # a Run kind: analyze, ingest_records, ingest_text
    submitted_by: str
    submitted_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    status: JobStatus = JobStatus.QUEUED
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    summary: dict[str, Any] | None = None
    error: str | None = None
    report: Any = None
    done: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.COMPLETED, JobStatus.FAILED)


class JobRunner:
    """A queue of jobs and the one daemon thread that works through it."""

    def __init__(self, keep: int = 200) -> None:
        self.keep = keep
        self._queue: queue.Queue[tuple[Job, Body]] = queue.Queue()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, job: Job, body: Body) -> Job:
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
            self._queue.put((job, body))
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="accountgraph-jobs", daemon=True)
                self._thread.start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def _forget_old(self) -> None:
        finished = [k for k, j in self._jobs.items() if j.finished]
        for key in finished[: max(len(self._jobs) - self.keep, 0)]:
            del self._jobs[key]

    def _work(self) -> None:
        """Run queued jobs; the thread ends when the queue stays empty (``submit`` starts another)."""
        while True:
            try:
                job, body = self._queue.get(timeout=IDLE)
            except queue.Empty:
                with self._lock:
                    if self._queue.empty():
                        self._thread = None
                        return
                continue
            run(job, body)


def run(job: Job, body: Body) -> None:
    """Run one job's body, recording its status, times, summary or error."""
    job.started_at = dt.datetime.now(dt.UTC)
    job.status = JobStatus.RUNNING
    try:
        job.summary, job.report = body()
        job.status = JobStatus.COMPLETED
    except Exception as exc:  # a failed job is reported through its status, never raised
        job.error = f"{type(exc).__name__}: {exc}"[:2000]
        job.status = JobStatus.FAILED
        log.error("job failed", exc_info=exc, extra={"kind": job.kind})
    finally:
        job.finished_at = dt.datetime.now(dt.UTC)
        job.done.set()
    seconds = (job.finished_at - job.started_at).total_seconds()
    log.info(
        "job finished", extra={"kind": job.kind, "status": job.status.value, "ms": round(seconds * 1000)}
    )


_RUNNERS: weakref.WeakKeyDictionary[GraphStore, JobRunner] = weakref.WeakKeyDictionary()
_RUNNERS_LOCK = threading.Lock()


def runner_for(store: GraphStore) -> JobRunner:
    """The store's runner: every app over one store shares it, so its jobs never overlap."""
    with _RUNNERS_LOCK:
        runner = _RUNNERS.get(store)
        if runner is None:
            runner = _RUNNERS[store] = JobRunner()
        return runner
