"""An account's install of a company that only supplies: a service or supply, not a product in use.

"Our ground power units are maintained under contract by AeroDyne", "Tyres are with Tyrecare
Direct", "冷柜是海尔的": when the company is in the market as neither a competitor nor the vendor
of a product the graph knows, nor a partner (who may sell what it integrates), the note says it
supplies the account. An install with a contract end stays one: a licence ("CA证书用的是天衡的，
明年6月到期").
"""

from __future__ import annotations

from dataclasses import replace

from ._facts import Fact


def supplied_not_installed(facts: list[Fact], suppliers: set[str], self_id: str) -> list[Fact]:
    """``facts`` with each USES of one of ``suppliers`` said as that supplier's SUPPLIES instead,
    and none of ours: what we build for the account is our deal, not a supplier of theirs
    ("项目由我司承建")."""
    out = [_as_supply(f) if _supplied(f, suppliers) else f for f in facts]
    return [f for f in out if f.relation != "SUPPLIES" or f.subject[1] != self_id]


def _supplied(f: Fact, suppliers: set[str]) -> bool:
    return f.relation == "USES" and f.object[1] in suppliers and not f.props.get("contract_end")


def _as_supply(f: Fact) -> Fact:
    lang = f.rule.split("/")[1]  # "uses/zh/cue"
    rule = f"supplies/{lang}/installed_by_supplier"
    return replace(f, relation="SUPPLIES", subject=f.object, object=f.subject, props={}, rule=rule)
