"""Mined cross-sell evidence: association rules, 90-day sequences, item and account similarity.

Everything here is a pure function of a list of purchases, so the offline evaluation
can mine on the months before a cutoff and score on the months after it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, permutations

import numpy as np
import scipy.sparse as sp

from algorithms._sparse import FloatArray
from algorithms.market import Purchase

__all__ = ["Baskets", "Rule", "association_rules", "sequence_rules"]


@dataclass(frozen=True)
class Rule:
    """``antecedent`` → ``consequent`` with its counts; ``kind`` is bundle or sequence."""

    antecedent: str
    consequent: str
    kind: str
    count: int
    support: float
    confidence: float
    lift: float


@dataclass
class Baskets:
    """Accounts × products as a binary sparse matrix, with the lookups around it."""

    accounts: list[str]
    products: list[str]
    matrix: sp.csr_array  # accounts x products, 1 where the account bought the product

    @classmethod
    def of(cls, purchases: Sequence[Purchase], products: Sequence[str]) -> Baskets:
        accounts = sorted({p.company for p in purchases})
        a_index = {a: i for i, a in enumerate(accounts)}
        p_index = {p: j for j, p in enumerate(products)}
        pairs = {(a_index[p.company], p_index[p.product]) for p in purchases if p.product in p_index}
        rows, cols = (list(x) for x in zip(*sorted(pairs), strict=True)) if pairs else ([], [])
        matrix = sp.csr_array((np.ones(len(rows)), (rows, cols)), shape=(len(accounts), len(products)))
        return cls(accounts, list(products), matrix)

    def __post_init__(self) -> None:
        self.row = {a: i for i, a in enumerate(self.accounts)}
        self.column = {p: j for j, p in enumerate(self.products)}
        self._by_product = self.matrix.tocsc()

    def owned(self, account: str) -> set[str]:
        m, i = self.matrix, self.row[account]
        return {self.products[j] for j in m.indices[m.indptr[i] : m.indptr[i + 1]].tolist()}

    def buyers(self, product: str) -> set[str]:
        m, j = self._by_product, self.column[product]
        return {self.accounts[i] for i in m.indices[m.indptr[j] : m.indptr[j + 1]].tolist()}

    def popularity(self) -> dict[str, int]:
        counts = np.asarray(self.matrix.sum(axis=0)).ravel()
        return {p: int(c) for p, c in zip(self.products, counts, strict=True)}

    def item_similarity(self) -> FloatArray:
        """Cosine similarity between products over the accounts that bought them."""
        norms = np.sqrt(np.asarray(self.matrix.sum(axis=0)).ravel())
        co = (self.matrix.T @ self.matrix).toarray()
        with np.errstate(invalid="ignore", divide="ignore"):
            sim = co / np.outer(norms, norms)
        np.fill_diagonal(sim, 0.0)
        result: FloatArray = np.nan_to_num(sim)
        return result

    def product_weights(self) -> FloatArray:
        """Each product's inverse popularity (smoothed IDF): a rarely bought product says more."""
        counts = np.asarray(self.matrix.sum(axis=0)).ravel()
        idf: FloatArray = np.log((1 + self.matrix.shape[0]) / (1 + counts)) + 1
        return idf

    def account_similarity(self) -> FloatArray:
        """Cosine similarity between accounts, products weighted by inverse popularity."""
        weighted = self.matrix @ sp.diags_array(self.product_weights())
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        unit = sp.diags_array(1 / norms) @ weighted
        sim: FloatArray = (unit @ unit.T).toarray()
        np.fill_diagonal(sim, 0.0)
        return sim


def association_rules(purchases: Sequence[Purchase], products: set[str], *, min_count: int = 5) -> list[Rule]:
    """Rules between products bought in the same order: support over orders,
    confidence P(b in order | a in order), lift = confidence / P(b in order)."""
    orders: dict[str, set[str]] = defaultdict(set)
    for p in purchases:
        if p.product in products:
            orders[p.order_id].add(p.product)
    n = len(orders)
    single: Counter[str] = Counter()
    pair: Counter[tuple[str, str]] = Counter()
    for items in orders.values():
        single.update(items)
        pair.update(permutations(sorted(items), 2))
    return [
        Rule(a, b, "bundle", c, c / n, c / single[a], (c / single[a]) / (single[b] / n))
        for (a, b), c in sorted(pair.items())
        if c >= min_count
    ]


def sequence_rules(
    purchases: Sequence[Purchase], products: set[str], *, window_days: int = 90, min_count: int = 5
) -> list[Rule]:
    """ "Bought a, then b within ``window_days``" over accounts: confidence is the share
    of a's buyers who then bought b in the window, lift that share over b's base rate."""
    window = dt.timedelta(days=window_days)
    dates: dict[str, dict[str, list[dt.date]]] = defaultdict(lambda: defaultdict(list))
    for p in purchases:
        if p.product in products:
            dates[p.company][p.product].append(p.at)
    buyers: Counter[str] = Counter()
    follows: Counter[tuple[str, str]] = Counter()
    for by_product in dates.values():
        buyers.update(by_product.keys())
        for a, b in combinations(sorted(by_product), 2):
            for first, then in ((a, b), (b, a)):
                if any(
                    (y - x).days > 0 and y - x <= window for x in by_product[first] for y in by_product[then]
                ):
                    follows[(first, then)] += 1
    n = len(dates)
    return [
        Rule(a, b, "sequence", c, c / n, c / buyers[a], (c / buyers[a]) / (buyers[b] / n))
        for (a, b), c in sorted(follows.items())
        if c >= min_count
    ]
