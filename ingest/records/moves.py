"""Source keys that moved to another node since the last run, and the nodes they leave.

A rerun can resolve a record differently (new records arrived, a reviewer decided, the
scoring changed): ``erp:K300214`` stood on its own node and now belongs to ``A-010566``.
The new node is written with the key, so the old one must give it up, or the key would
stand on two nodes. An old node left with no source key is the same entity as the one
its keys went to: its edges are moved onto that node (so nothing stated only by an
earlier run's facts is lost) and it is deleted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from graph import GraphStore


def retire_moved_keys(
    store: GraphStore, label: str, rows: Sequence[Mapping[str, Any]], previous: Mapping[str, str]
) -> int:
    """Take moved source keys off their old nodes; fold emptied nodes into where their keys went.

    ``rows`` are this run's merged nodes (``id``, ``source_keys``), ``previous`` the
    stored ``source:key`` -> node map read before the run. Returns how many nodes were folded.
    """
    now = {sk: str(row["id"]) for row in rows for sk in row.get("source_keys") or ()}
    moved = {sk: old for sk, old in previous.items() if sk in now and now[sk] != old}
    if not moved:
        return 0
    written = {str(row["id"]) for row in rows}
    kept: dict[str, list[str]] = defaultdict(list)
    for sk, node in previous.items():
        if sk not in moved:
            kept[node].append(sk)
    folds: dict[str, str] = {}
    for old in sorted(set(moved.values()) - written):
        if kept.get(old):
            store.update_nodes(label, [{"id": old, "source_keys": sorted(kept[old])}])
        else:
            # the emptied node goes where most of its keys went (ties: the smallest id)
            targets = sorted(now[sk] for sk, node in moved.items() if node == old)
            folds[old] = max(sorted(set(targets)), key=targets.count)
    if folds:
        _move_edges(store, label, folds)
        store.delete_nodes(label, sorted(folds))
    return len(folds)


def _move_edges(store: GraphStore, label: str, folds: Mapping[str, str]) -> None:
    """Re-point every edge at a folded node onto the node it was folded into."""
    registry = store.registry
    for rel_type in sorted(registry.rels):
        rel = registry.rel(rel_type)
        for start_label, end_label in rel.endpoints:
            if label not in (start_label, end_label):
                continue
            rows: list[dict[str, Any]] = []
            old_ids: list[str | tuple[str, str]] = []
            for edge in store.iter_edges(rel_type):
                if (edge.start[0], edge.end[0]) != (start_label, end_label):
                    continue
                s, t = edge.start[1], edge.end[1]
                new_s = folds.get(s, s) if start_label == label else s
                new_t = folds.get(t, t) if end_label == label else t
                if (new_s, new_t) == (s, t):
                    continue
                rows.append({**edge.props, "_from": new_s, "_to": new_t})
                old_ids.append(str(edge.props[rel.key]) if rel.key else (s, t))
            if not rows:
                continue
            if rel.key is None:  # new identities: write the moved edges, then drop the old ones
                store.upsert_edges(rel_type, start_label, end_label, rows)
                store.delete_edges(rel_type, start_label, end_label, old_ids)
            else:  # a keyed edge keeps its identity: it cannot exist twice, even for a moment
                store.delete_edges(rel_type, start_label, end_label, old_ids)
                store.upsert_edges(rel_type, start_label, end_label, rows)
