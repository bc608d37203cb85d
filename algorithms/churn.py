"""Churn risk: a scikit-learn model over account features, and its honest evaluation.

A panel row is one account at one observation date (a month end) T: the features known
on T (``algorithms._churn_features``) and the label "churned within ``horizon`` days
after T". An account contributes rows from its first order until it churns.

The evaluation is a time-based holdout: the model learns from observation dates whose
label windows (T + horizon) end before a split date and is scored on observation dates
from the split on whose label windows end by the snapshot's date. No label the model
learns from lies beyond the split, and no feature reads past its own date. Training
labels may come from the graph itself (``crm_churn_dates``); test labels are the truth
the caller holds (the sample's ``ground_truth/churn.csv``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold, cross_val_predict

from algorithms._churn_features import FEATURES, FeatureIndex
from algorithms.market import Market

__all__ = [
    "FEATURES",
    "ChurnModel",
    "Holdout",
    "Labels",
    "Panel",
    "crm_churn_dates",
    "default_split",
    "features",
    "grouped_cv_auc",
    "monthly_cutoffs",
    "time_holdout",
]

Labels = Mapping[str, dt.date | None]
"""Churn date per account; ``None`` for an account that has not churned."""
HISTORY_DAYS = 180
"""Observation dates start this long after the first order in the graph."""


def features(market: Market, companies: Sequence[str], at: dt.date) -> npt.NDArray[np.float64]:
    """One row of ``FEATURES`` per company, from what was known on ``at``."""
    ix = FeatureIndex(market)
    return np.array([ix.row(c, at) for c in companies], dtype=np.float64).reshape(
        len(companies), len(FEATURES)
    )


def monthly_cutoffs(first: dt.date, last: dt.date) -> list[dt.date]:
    """Month ends from ``first``'s month to ``last``'s."""
    out, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        out.append(nxt - dt.timedelta(days=1))
        year, month = nxt.year, nxt.month
    return out


def default_split(market: Market) -> dt.date:
    """The first day of the month a year before the snapshot's: the last year is held out."""
    year_ago = market.as_of - dt.timedelta(days=365)
    return dt.date(year_ago.year + year_ago.month // 12, year_ago.month % 12 + 1, 1)


class Panel:
    """Feature rows of (account, observation date), computed once and shared by every
    label source and horizon evaluated on the same snapshot."""

    def __init__(self, market: Market) -> None:
        self.index = FeatureIndex(market)
        self.first_order = {c: min(p.at for p in lines) for c, lines in self.index.orders.items()}
        self._rows: dict[tuple[str, dt.date], list[float]] = {}

    def rows(
        self, labels: Labels, cutoffs: Sequence[dt.date], horizon: int
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], list[str]]:
        """Features, labels and account per row, for the accounts in ``labels`` that had
        ordered by the cutoff and had not churned yet."""
        x, y, groups = [], [], []
        for at in cutoffs:
            for company, when in sorted(labels.items()):
                first = self.first_order.get(company)
                if first is None or first > at or (when is not None and when <= at):
                    continue
                if (company, at) not in self._rows:
                    self._rows[(company, at)] = self.index.row(company, at)
                x.append(self._rows[(company, at)])
                y.append(int(when is not None and when <= at + dt.timedelta(days=horizon)))
                groups.append(company)
        return (
            np.array(x, dtype=np.float64).reshape(len(x), len(FEATURES)),
            np.array(y, dtype=np.int64),
            groups,
        )


def _classifier(seed: int) -> RandomForestClassifier:
    # A few dozen churners: large leaves and feature subsampling keep the forest from
    # memorising accounts (the best of the settings tried on several sample seeds).
    return RandomForestClassifier(
        n_estimators=300, min_samples_leaf=10, max_features=0.3, random_state=seed, n_jobs=1
    )


@dataclass(frozen=True)
class Holdout:
    """One time-based holdout: the model's ROC AUC and what it was measured on."""

    horizon: int
    split: dt.date
    train_until: dt.date  # the last training observation date
    test_from: dt.date
    test_until: dt.date
    auc: float
    train_rows: int
    train_positives: int
    test_rows: int
    test_positives: int
    test_churners: int
    best_feature: str  # the best single feature on the test rows, in either direction
    best_feature_auc: float


def time_holdout(
    market: Market,
    train_labels: Labels,
    test_labels: Labels,
    *,
    split: dt.date,
    horizon: int = 90,
    seed: int = 0,
    panel: Panel | None = None,
) -> Holdout:
    """Train on the month ends T with T + ``horizon`` < ``split``; score the month ends
    T >= ``split`` with T + ``horizon`` <= the snapshot's date."""
    panel = panel or Panel(market)
    start = min(panel.first_order.values()) + dt.timedelta(days=HISTORY_DAYS)
    window = dt.timedelta(days=horizon)
    train_cut = [t for t in monthly_cutoffs(start, split) if t + window < split]
    test_cut = [t for t in monthly_cutoffs(split, market.as_of) if t >= split and t + window <= market.as_of]
    x, y, _ = panel.rows(train_labels, train_cut, horizon)
    tx, ty, groups = panel.rows(test_labels, test_cut, horizon)
    if not train_cut or not test_cut or y.sum() == 0 or not 0 < ty.sum() < len(ty):
        raise ValueError(f"no churn to learn from before {split}, or none to score after it")
    model = _classifier(seed).fit(x, y)
    singles = [float(roc_auc_score(ty, tx[:, i])) for i in range(len(FEATURES))]
    best = int(np.argmax([max(a, 1 - a) for a in singles]))
    return Holdout(
        horizon=horizon,
        split=split,
        train_until=train_cut[-1],
        test_from=test_cut[0],
        test_until=test_cut[-1],
        auc=float(roc_auc_score(ty, model.predict_proba(tx)[:, 1])),
        train_rows=len(y),
        train_positives=int(y.sum()),
        test_rows=len(ty),
        test_positives=int(ty.sum()),
        test_churners=len({g for g, label in zip(groups, ty.tolist(), strict=True) if label}),
        best_feature=FEATURES[best],
        best_feature_auc=max(singles[best], 1 - singles[best]),
    )


def grouped_cv_auc(
    market: Market,
    labels: Labels,
    *,
    horizon: int = 90,
    folds: int = 5,
    seed: int = 0,
    panel: Panel | None = None,
) -> float:
    """A secondary number: every observation date whose label window has ended, with
    the accounts split into ``folds`` groups, so every score comes from a model that
    never saw that account (but did see later dates of others)."""
    panel = panel or Panel(market)
    start = min(panel.first_order.values()) + dt.timedelta(days=HISTORY_DAYS)
    cutoffs = [
        t for t in monthly_cutoffs(start, market.as_of) if t + dt.timedelta(days=horizon) <= market.as_of
    ]
    x, y, groups = panel.rows(labels, cutoffs, horizon)
    scores = cross_val_predict(
        _classifier(seed), x, y, groups=groups, cv=GroupKFold(folds), method="predict_proba"
    )
    return float(roc_auc_score(y, scores[:, 1]))


def crm_churn_dates(market: Market, as_of: dt.date | None = None) -> dict[str, dt.date | None]:
    """Training labels the graph itself holds: accounts the CRM marks churned, dated by
    their last order; every other customer as not churned.

    With ``as_of`` only orders up to that date count, and a marked account only counts
    as churned once it had been 90 days without an order by then: what could be known
    on ``as_of`` (except the lifecycle mark itself, which the graph holds as of now).
    """
    last: dict[str, dt.date] = {}
    for p in market.purchases():
        if as_of is None or p.at <= as_of:
            last[p.company] = p.at
    return {
        c: day
        if market.props("Company", c).get("lifecycle") == "churned"
        and (as_of is None or day <= as_of - dt.timedelta(days=90))
        else None
        for c, day in last.items()
    }


@dataclass
class ChurnModel:
    classifier: RandomForestClassifier

    @classmethod
    def train(
        cls,
        market: Market,
        churned: Labels,
        cutoffs: Sequence[dt.date],
        *,
        horizon: int = 90,
        seed: int = 0,
    ) -> ChurnModel:
        x, y, _ = Panel(market).rows(churned, cutoffs, horizon)
        return cls(_classifier(seed).fit(x, y))

    def risk(self, market: Market, companies: Sequence[str], at: dt.date) -> npt.NDArray[np.float64]:
        """Probability of churning within the horizon, per company."""
        proba = self.classifier.predict_proba(features(market, companies, at))
        classes = list(self.classifier.classes_)
        if 1 not in classes:
            return np.zeros(len(companies))
        result: npt.NDArray[np.float64] = proba[:, classes.index(1)]
        return result
