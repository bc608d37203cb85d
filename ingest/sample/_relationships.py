"""Person-to-person relationships: colleagues, bosses, reps who know contacts, old colleagues."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from ._common import REFERENCE_DATE
from ._corrupt import RATE, Corruptor
from ._model import Person, World
from ._writers import CsvSink


class _Edges:
    """Deduplicating writer: one row per (from, to, kind)."""

    def __init__(self, sink: CsvSink, rng: random.Random) -> None:
        self.sink, self.rng = sink, rng
        self.seen: set[tuple[str, str, str]] = set()

    def emit(self, a: str, b: str, kind: str, since: date) -> None:
        if a == b or (a, b, kind) in self.seen:
            return
        self.seen.add((a, b, kind))
        rng = self.rng
        last = since + timedelta(days=rng.randint(0, max(0, (REFERENCE_DATE - since).days)))
        self.sink.write([a, b, kind, f"{rng.uniform(0.1, 1.0):.2f}", last.isoformat()], RATE)


def _inside(world: World, edges: _Edges, rng: random.Random, people: list[Person]) -> None:
    """Subordinates influence and know their bosses; colleagues know each other."""
    for p in people:
        if p.manager is not None and not world.people[p.manager].quiet:
            boss = world.people[p.manager]
            since = max(p.created, boss.created)
            if rng.random() < 0.35:
                edges.emit(p.contact_id, boss.contact_id, "INFLUENCES", since)
            if rng.random() < 0.6:
                edges.emit(p.contact_id, boss.contact_id, "KNOWS", since)
        if len(people) > 1 and rng.random() < 0.4:
            q = rng.choice(people)
            edges.emit(p.contact_id, q.contact_id, "KNOWS", max(p.created, q.created))


def write_relationships(world: World, root: Path, rng: random.Random, corr: Corruptor) -> int:
    cols = ["from_contact_id", "to_contact_id", "kind", "strength", "last_contact"]
    sink = CsvSink(root, "crm/relationships.csv", cols, corr, bom=True)
    edges = _Edges(sink, rng)
    by_vertical: dict[str, list[Person]] = {}
    for c in world.accounts():
        people = [world.people[i] for i in world.staff_of.get(c.idx, []) if not world.people[i].quiet]
        by_vertical.setdefault(c.vertical, []).extend(people)
        _inside(world, edges, rng, people)
        rep = world.reps[c.owner_rep]  # the owner knows a few people there (warm-introduction paths)
        for p in rng.sample(people, min(len(people), rng.randint(1, 3))):
            edges.emit(rep.rep_id, p.contact_id, "KNOWS", p.created)
    for p in world.people:
        if p.moved_from is not None:  # a mover still knows former colleagues
            old = world.people[p.moved_from]
            staff = world.staff_of[old.company]
            mates = [world.people[i] for i in staff if not world.people[i].quiet and i != old.idx]
            for q in rng.sample(mates, min(2, len(mates))):
                edges.emit(p.contact_id, q.contact_id, "KNOWS", p.created)
    for vertical in sorted(by_vertical):
        pool = by_vertical[vertical]
        for _ in range(len(pool) // 6):  # acquaintances across accounts (conferences, alumni)
            a, b = rng.choice(pool), rng.choice(pool)
            if a.company != b.company:
                edges.emit(a.contact_id, b.contact_id, "KNOWS", max(a.created, b.created))
    sink.close()
    return sink.rows
