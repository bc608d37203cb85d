"""Minimal repros of LadybugDB 0.22.0 faults, for its maintainers: only ``ladybug`` is used.

``python tools/ladybug_repros.py scramble DIR``
    ``SET`` on the properties of stored rels scrambles their table: afterwards rels read
    from their start nodes point at other nodes (often the node at offset 0) and internal
    rel ids repeat, while the same rels read from their end nodes are right. It depends on
    the layout of the start nodes' adjacency lists: 14,814 start nodes, the first 4,096
    with 1-29 rels each and the last 126 with 1-959, none in between, 20,000 end nodes
    (123,083 rels); fewer rels or other shapes did not show it. It needs a checkpoint
    between loading and the ``SET`` (an on-disk database; in memory it did not show), and
    loading with ``COPY`` or with ``UNWIND ... CREATE`` both show it. One thread per query
    makes it deterministic; with two, some runs did not show it. Deleting each rel and
    creating it again with the new value, in the same transaction, keeps the table whole.

``python tools/ladybug_repros.py full-disk DIR`` (DIR on a small file system, e.g. a
5 MB tmpfs) fills the disk with committed transactions until one fails, then:
    1. the connection is closed: the process ends in ``std::terminate`` (exit 134) from
       the destructor retrying the write-ahead log, instead of raising;
    2. a new process opens DIR: "Checksum verification failed, the WAL file is corrupted"
       (the log ends in a torn record) unless ``throw_on_wal_replay_failure=False``, which
       replays up to the last complete transaction.
Run each step in a process of its own (the first one aborts); ``full-disk`` does that.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import ladybug

_ROWS = 5000


def scramble(folder: Path) -> tuple[int, int, int]:
    """Load the layout, checkpoint, ``SET`` every rel; returns (rels, rels whose
    (start, end, rel id) changed, distinct rel ids afterwards)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rnd = random.Random(5)  # noqa: S311 - reproducible test data
    starts, ends = 14_814, 20_000
    degrees = [rnd.randint(1, 29) if i < 4096 else 0 for i in range(starts - 126)]
    degrees += [rnd.randint(1, 959) for _ in range(126)]
    rels = [{"s": s, "t": t} for s, d in enumerate(degrees) for t in rnd.sample(range(ends), d)]
    rnd.shuffle(rels)
    db = ladybug.Database(str(folder / "g.lbdb"))
    conn = ladybug.Connection(db)
    conn.set_max_threads_for_exec(1)  # with more threads the layout, and so the outcome, varies
    conn.execute("CREATE NODE TABLE S(id INT64, PRIMARY KEY(id))")
    conn.execute("CREATE NODE TABLE T(id INT64, PRIMARY KEY(id))")
    conn.execute("CREATE REL TABLE R(FROM S TO T, note STRING)")
    conn.execute("UNWIND range(0, $n - 1) AS i CREATE (:S {id: i})", {"n": starts})
    conn.execute("UNWIND range(0, $n - 1) AS i CREATE (:T {id: i})", {"n": ends})
    for i in range(0, len(rels), _ROWS):
        conn.execute(
            "UNWIND $rows AS r MATCH (a:S {id: r.s}) MATCH (b:T {id: r.t}) CREATE (a)-[:R {note: 'a'}]->(b)",
            {"rows": rels[i : i + _ROWS]},
        )
    conn.execute("CHECKPOINT")
    read = "MATCH (a:S)-[e:R]->(b:T) RETURN a.id, b.id, offset(id(e))"
    before = {tuple(row) for row in _all(conn, read)}
    conn.execute("MATCH ()-[e:R]->() SET e.note = 'b'")
    after = {tuple(row) for row in _all(conn, read)}
    distinct = _all(conn, "MATCH ()-[e:R]->() RETURN count(DISTINCT id(e))")[0][0]
    conn.close()
    db.close()
    return len(rels), len(before - after), int(distinct)


def _fill(folder: Path) -> None:
    db = ladybug.Database(str(folder / "g.lbdb"))
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE N(id INT64, v STRING, PRIMARY KEY(id))")
    rnd = random.Random(1)  # noqa: S311 - reproducible test data
    done = 0
    try:
        while True:
            rows = [{"id": i, "v": rnd.randbytes(200).hex()} for i in range(done, done + 2000)]
            conn.execute("UNWIND $rows AS r CREATE (:N {id: r.id, v: r.v})", {"rows": rows})
            done += 2000
    except RuntimeError as exc:
        print(f"{done} rows committed, then: {exc}", flush=True)
    conn.close()  # std::terminate here
    db.close()
    print("closed cleanly", flush=True)


def _reopen(folder: Path, throw: bool) -> None:
    db = ladybug.Database(str(folder / "g.lbdb"), throw_on_wal_replay_failure=throw)
    conn = ladybug.Connection(db)
    print("rows after reopening:", _all(conn, "MATCH (n:N) RETURN count(n)")[0][0])


def _all(conn: ladybug.Connection, query: str) -> list[list[Any]]:
    result = conn.execute(query)
    assert not isinstance(result, list), "one statement gives one result"
    return [list(row) for row in result.get_all()]


def full_disk(folder: Path) -> None:
    for step in (["_fill"], ["_reopen", "throw"], ["_reopen", "replay"]):
        done = subprocess.run([sys.executable, __file__, *step, str(folder)], check=False)  # noqa: S603
        print(f"{' '.join(step)}: exit {done.returncode}", flush=True)


def main(argv: list[str]) -> None:
    what, folder = argv[0], Path(argv[-1])
    if what == "scramble":
        rels, changed, distinct = scramble(folder)
        print(f"{rels:,} rels; after SET: {changed:,} changed their ends or id, {distinct:,} distinct ids")
    elif what == "full-disk":
        full_disk(folder)
    elif what == "_fill":
        _fill(folder)
    else:
        _reopen(folder, argv[1] == "throw")


if __name__ == "__main__":
    main(sys.argv[1:])
