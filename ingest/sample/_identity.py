"""Source keys: CRM account ids, ERP customer codes, market ids, and the planted duplicates."""

from __future__ import annotations

import random
from datetime import date, timedelta

from ._common import REFERENCE_DATE, WINDOW_START, rand_date, scaled
from ._model import World


def _old_legal_name(zh: str) -> str:
    if "股份有限公司" in zh:
        return zh.replace("股份有限公司", "有限公司")
    if zh.endswith("有限公司"):
        return zh[:-4] + "厂"
    return zh


def assign_keys(world: World, rng: random.Random) -> None:
    accounts = sorted((c for c in world.companies if c.kind == "account"), key=lambda c: (c.created, c.idx))
    n = 100000
    for c in accounts:
        n += rng.randint(1, 40)
        c.crm_id = f"CRM-{n:06d}"
    solid = [c for c in accounts if not c.stub]
    for c in rng.sample(solid, max(1, round(0.025 * len(solid)))):
        n += rng.randint(1, 40)
        c.crm_dup_id = f"CRM-{n:06d}"  # re-entered by another rep later on
    ex_customers = [c for c in solid if c.status == "prospect" and c.parent is None]
    for c in rng.sample(ex_customers, min(len(ex_customers), scaled(6, world.scale))):
        c.status = "dormant"  # bought before the window, still courted in the CRM as a prospect
    erp = [c for c in world.companies if c.buys or c.status == "dormant"]
    erp.sort(key=lambda c: (c.customer_since or c.created, c.idx))
    code = 10000
    for c in erp:
        code += rng.randint(1, 6)
        c.erp_codes.append(f"C{code}")
    early = [
        c
        for c in erp
        if c.buys and c.customer_since and c.customer_since < WINDOW_START + timedelta(days=200)
    ]
    for c in rng.sample(early, max(1, round(0.03 * len(early)))):
        code += rng.randint(1, 6)
        c.erp_codes.append(f"C{code}")
        hi = (c.churn_date or REFERENCE_DATE) - timedelta(days=60)
        c.erp_switch = rand_date(
            rng, WINDOW_START + timedelta(days=120), max(hi, WINDOW_START + timedelta(days=121))
        )
        c.legal_old_zh = _old_legal_name(c.name_zh)
    market_n = sum(1 for c in world.companies if c.market_id)
    makers = [c for c in solid if c.buys and c.vertical == "industrial" and c.is_cn]
    for c in rng.sample(makers, min(len(makers), scaled(3, max(1.0, world.scale) ** 0.5))):
        market_n += 1
        c.market_id = f"MKT-{market_n:04d}"  # also one of our suppliers
        c.market_kind = "supplier"
    for c in world.companies:
        if c.kind == "erp_only":
            c.created = min(c.created, date(2019, 12, 31))
