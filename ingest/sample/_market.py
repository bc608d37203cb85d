"""Our own company, competitors (with their look-alike products), suppliers and partners."""

from __future__ import annotations

import random

from ._catalog import add_competitor_products, build_our_products
from ._common import rand_date, scaled
from ._company_names import CoName, NameFactory
from ._model import Company, World
from ._names import CITY_BY_EN, CN_CITIES, CN_CITY_WEIGHTS, DE_CITIES, US_CITIES, City

# name_en, name_zh, short_en, short_zh, city, domain, product line, line zh, categories
COMPETITORS: tuple[tuple[str, str, str, str, str, str, str, str, tuple[str, ...]], ...] = (
    (
        "Vantor Medical GmbH",
        "",
        "Vantor",
        "万托",
        "München",
        "vantor-medical.de",
        "VitaView",
        "万托",
        ("Patient Monitoring", "Respiratory"),
    ),
    (
        "Helix Diagnostics Inc.",
        "",
        "Helix",
        "赫利克斯",
        "Boston",
        "helixdx.com",
        "HeliLab",
        "赫利克斯",
        ("Laboratory Diagnostics",),
    ),
    (
        "Steriline Systems AG",
        "",
        "Steriline",
        "施特林",
        "Hamburg",
        "steriline.de",
        "SteriPro",
        "施特林",
        ("Sterilization",),
    ),
    (
        "NorthBridge Surgical Inc.",
        "",
        "NorthBridge",
        "诺桥",
        "Minneapolis",
        "northbridgesurgical.com",
        "NB",
        "诺桥",
        ("Surgical", "Infusion"),
    ),
    (
        "Kessler Werkzeuge GmbH",
        "",
        "Kessler",
        "凯斯勒",
        "Stuttgart",
        "kessler-werkzeuge.de",
        "KX",
        "凯斯勒",
        ("Cutting Tools", "Metrology"),
    ),
    (
        "Apex Industrial Safety Corp.",
        "",
        "Apex",
        "艾派克斯",
        "Cleveland",
        "apexsafety.com",
        "ApexGuard",
        "艾派克斯",
        ("Safety & PPE",),
    ),
    (
        "Shenzhen Kangtaimai Medical Technology Co., Ltd.",
        "深圳康泰迈医疗科技股份有限公司",
        "Kangtaimai",
        "康泰迈",
        "Shenzhen",
        "ktmmed.com",
        "KTM",
        "康泰迈",
        ("Patient Monitoring", "Infusion", "Respiratory"),
    ),
    (
        "Nanjing Puhua Medical Equipment Co., Ltd.",
        "南京普华医疗设备有限公司",
        "Puhua",
        "普华",
        "Nanjing",
        "puhuamed.com.cn",
        "PH",
        "普华",
        ("Infusion", "Sterilization", "Surgical"),
    ),
    (
        "Shanghai Jingce Instruments Co., Ltd.",
        "上海精测仪器有限公司",
        "Jingce",
        "精测",
        "Shanghai",
        "jingce-inst.com",
        "JC",
        "精测",
        ("Metrology", "Laboratory Diagnostics"),
    ),
    (
        "Ningbo Hengrun Industrial Lubricants Co., Ltd.",
        "宁波恒润工业油品有限公司",
        "Hengrun",
        "恒润",
        "Ningbo",
        "hengrun-oil.com",
        "HR",
        "恒润",
        ("Lubricants & Fluids",),
    ),
    (
        "Hangzhou Zhiwei IoT Technology Co., Ltd.",
        "杭州智维物联科技有限公司",
        "Zhiwei",
        "智维",
        "Hangzhou",
        "zhiwei-iot.com",
        "ZW",
        "智维",
        ("Condition Monitoring",),
    ),
    (
        "Suzhou Jiexin Cleanroom Technology Co., Ltd.",
        "苏州洁芯净化科技有限公司",
        "Jiexin",
        "洁芯",
        "Suzhou",
        "jiexin-clean.com",
        "JX",
        "洁芯",
        ("Cleanroom & ESD", "Safety & PPE"),
    ),
)
SELF = CoName(
    "Meridian MedTech & Industrial Supply Co., Ltd.",
    "明德医工科技（上海）有限公司",
    "Meridian",
    "明德医工",
    "meridian-mis.com",
    "明德",
)
SUPPLY_KINDS = (
    "Electronic Components",
    "Injection Molding",
    "Stainless Steel",
    "Packaging Materials",
    "Polymer Materials",
    "Medical Tubing",
    "Cemented Carbide",
    "Base Oils",
    "Nonwoven Fabrics",
    "Logistics",
)
SUPPLIES_FOR = {  # which supplier kinds plausibly serve which customers
    "healthcare": ("Medical Tubing", "Nonwoven Fabrics", "Packaging Materials", "Stainless Steel",
                   "Logistics", "Polymer Materials"),
    "industrial": ("Electronic Components", "Injection Molding", "Stainless Steel", "Packaging Materials",
                   "Polymer Materials", "Cemented Carbide", "Base Oils", "Logistics"),
}  # fmt: skip
SUPPLY_ZH = {
    "Electronic Components": "电子元件",
    "Injection Molding": "注塑件",
    "Stainless Steel": "不锈钢件",
    "Packaging Materials": "包装材料",
    "Polymer Materials": "高分子材料",
    "Medical Tubing": "医用导管",
    "Cemented Carbide": "硬质合金棒材",
    "Base Oils": "基础油",
    "Nonwoven Fabrics": "无纺布",
    "Logistics": "物流服务",
}


def pick_city(rng: random.Random, foreign_share: float) -> City:
    if rng.random() < foreign_share:
        return rng.choice(US_CITIES if rng.random() < 0.5 else DE_CITIES)
    return rng.choices(CN_CITIES, weights=CN_CITY_WEIGHTS)[0]


def _market_company(world: World, kind: str, n: CoName, city: City, industry: str = "") -> Company:
    c = Company(
        len(world.companies), "market", n.en, n.zh, n.short_en, n.short_zh, city, n.domain, industry=industry
    )
    c.market_kind = kind
    c.market_id = f"MKT-{len(world.companies) + 1:04d}"
    world.companies.append(c)
    return c


def build_market(world: World, rng: random.Random, names: NameFactory) -> None:
    me = _market_company(world, "self", SELF, CITY_BY_EN["Shanghai"])
    me.kind = "self"
    names.used.add(me.name_zh)
    names.domains.add(me.domain)
    world.self_idx = me.idx
    build_our_products(world)
    for en, zh, s_en, s_zh, city_en, dom, line, line_zh, cats in COMPETITORS:
        c = _market_company(world, "competitor", CoName(en, zh, s_en, s_zh, dom, ""), CITY_BY_EN[city_en])
        c.kind = "competitor"
        c.created = rand_date(rng, c.created.replace(year=2016), c.created.replace(year=2022))
        names.used.add(zh or en)
        names.domains.add(dom)
        add_competitor_products(world, rng, c.idx, line=line, line_zh=line_zh, categories=cats)
    root = max(1.0, world.scale) ** 0.5
    for i in range(scaled(30, root)):
        kind = SUPPLY_KINDS[i % len(SUPPLY_KINDS)]
        city = pick_city(rng, 0.2)
        n = names.make(kind, city)
        c = _market_company(world, "supplier", n, city, kind)
        c.kind = "supplier"
    for i in range(scaled(5, root)):
        kind = ("Medical Distribution", "System Integration")[i % 2]
        city = pick_city(rng, 0.2)
        n = names.make(kind, city)
        c = _market_company(world, "partner", n, city, kind)
        c.kind = "partner"
