"""Opportunity signals: what needs a rep's attention on an account now, and why.

Each detector is a pure function of the market snapshot returning ``Signal`` values
with a reason in words, the numbers behind it, the nodes it rests on (``refs``) and a
suggested action. A signal's id is a hash of its kind, account and subject, so a rerun
finds the same signal again instead of adding a copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from algorithms._account_health import (
    churn_risk,
    competitor_threat,
    displacement_window,
    dormant_account,
    expansion,
)
from algorithms._relationship_signals import (
    champion_departed,
    interest_surge,
    single_threaded,
    warm_intro_available,
)
from algorithms._signal import Signal, signal_id
from algorithms.market import Market

__all__ = ["DETECTORS", "Signal", "detect", "signal_id"]

DETECTORS: dict[str, Callable[[Market], Iterator[Signal]]] = {
    "churn_risk": churn_risk,
    "expansion": expansion,
    "competitor_threat": competitor_threat,
    "displacement_window": displacement_window,
    "single_threaded": single_threaded,
    "champion_departed": champion_departed,
    "dormant_account": dormant_account,
    "interest_surge": interest_surge,
    "warm_intro_available": warm_intro_available,
}


def detect(market: Market, kinds: list[str] | None = None) -> list[Signal]:
    """Every signal of the given kinds (all by default), strongest first."""
    found = [s for k in kinds or list(DETECTORS) for s in DETECTORS[k](market)]
    return sorted(found, key=lambda s: (-s.score, s.kind, s.company, s.subject))
