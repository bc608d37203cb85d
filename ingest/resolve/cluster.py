"""Union-find over scored pairs, strongest first, with guards against chaining.

A merge is refused when it would put two records of a one-record-per-entity source
(two CRM accounts, two ERP codes, two CRM contacts) into one cluster without a direct
pair between them scoring ``same_source`` or more; when one side of the pair is
ambiguous (it matches a conflicting cluster almost as well); and when a reviewer said
two records across the clusters are different. Refused pairs go to review.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

from .model import Thresholds


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if len(self.members[ra]) < len(self.members[rb]) or (
            len(self.members[ra]) == len(self.members[rb]) and rb < ra
        ):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        return ra


class GuardedClusters:
    """Clusters grown from pairs in descending score order, refusing inconsistent merges."""

    def __init__(
        self,
        sources: Sequence[str],
        scores: dict[tuple[int, int], float],
        thresholds: Thresholds,
        exclusive: Collection[str],
        apart: Collection[tuple[int, int]] = (),
        mute: Collection[tuple[int, int]] = (),
    ) -> None:
        """``mute``: pairs (i < j) whose low score says nothing against them (names in two
        scripts, nothing disagreeing): they never veto a merge."""
        self.uf = UnionFind(len(sources))
        self.apart: dict[int, set[int]] = defaultdict(set)
        for i, j in apart:
            self.apart[i].add(j)
            self.apart[j].add(i)
        self.sources = sources
        self.scores = scores
        self.t = thresholds
        self.exclusive = exclusive
        self.neighbours: dict[int, list[tuple[float, int]]] = defaultdict(list)
        self.compared: dict[int, list[int]] = defaultdict(list)
        self.candidates: dict[int, list[tuple[float, int]]] = defaultdict(list)
        self.muted = frozenset(mute)
        for (i, j), s in scores.items():
            self.candidates[i].append((s, j))
            self.candidates[j].append((s, i))
            if (i, j) not in self.muted:
                self.compared[i].append(j)
                self.compared[j].append(i)
            if s >= thresholds.high:
                self.neighbours[i].append((s, j))
                self.neighbours[j].append((s, i))

    def _direct(self, i: int, j: int) -> float:
        return self.scores.get((i, j) if i < j else (j, i), 0.0)

    def conflict(self, ra: int, rb: int) -> bool:
        """Would joining clusters ``ra`` and ``rb`` put unrelated records of one exclusive source together?"""
        by_source: dict[str, list[int]] = defaultdict(list)
        for i in self.uf.members[ra]:
            if self.sources[i] in self.exclusive:
                by_source[self.sources[i]].append(i)
        for j in self.uf.members[rb]:
            for i in by_source.get(self.sources[j], ()):
                if self._direct(i, j) < self.t.same_source:
                    return True
        return False

    def contradicted(self, ra: int, rb: int) -> bool:
        """Some compared pair across the two clusters scored below ``veto``: complete-link guard."""
        small, large = sorted((self.uf.members[ra], self.uf.members[rb]), key=len)
        others = set(large)
        for i in small:
            for j in self.compared.get(i, ()):
                if j in others and self._direct(i, j) < self.t.veto:
                    return True
        return False

    def ambiguous(self, i: int, other: int, score: float) -> bool:
        """``i`` matches a cluster that conflicts with ``other``'s nearly as well as it matches ``other``."""
        target = self.uf.find(other)
        for s, k in self.neighbours[i]:
            if k == other or s < score - self.t.margin:
                continue
            rk = self.uf.find(k)
            if rk not in (target, self.uf.find(i)) and self.conflict(rk, target):
                return True
        return False

    def clear_best(self, i: int, j: int, score: float) -> bool:
        """``j`` is ``i``'s best match by ``clear_margin`` over every other candidate outside
        ``i``'s own cluster, ``j``'s cluster-mates included: counted as support instead, they
        merged look-alikes on the bilingual dev half."""
        own = self.uf.find(i)
        bar = score - self.t.clear_margin
        return all(s <= bar for s, k in self.candidates[i] if k != j and self.uf.find(k) != own)

    def kept_apart(self, ra: int, rb: int) -> bool:
        """A reviewer said some record of one cluster is not some record of the other."""
        others = set(self.uf.members[rb])
        return any(self.apart[i] & others for i in self.uf.members[ra] if i in self.apart)

    def force(self, i: int, j: int) -> bool:
        """A reviewer's "same": merged whatever the guards say, unless kept apart."""
        ri, rj = self.uf.find(i), self.uf.find(j)
        if ri == rj or self.kept_apart(ri, rj):
            return False
        self.uf.union(i, j)
        return True

    def offer(self, i: int, j: int, score: float) -> bool:
        """Merge ``i`` and ``j`` unless a guard refuses; True when they end up together."""
        ri, rj = self.uf.find(i), self.uf.find(j)
        if ri == rj:
            return True
        if (
            self.kept_apart(ri, rj)
            or self.conflict(ri, rj)
            or self.contradicted(ri, rj)
            or self.ambiguous(i, j, score)
            or self.ambiguous(j, i, score)
        ):
            return False
        self.uf.union(i, j)
        return True

    def same(self, i: int, j: int) -> bool:
        return self.uf.find(i) == self.uf.find(j)

    def groups(self) -> list[list[int]]:
        return [sorted(m) for m in self.uf.members.values()]
