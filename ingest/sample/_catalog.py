"""Our product catalogue, competitor equivalents and the planted complements."""

from __future__ import annotations

import random

from ._model import Complement, Product, World

CATEGORIES = {
    "MON": "Patient Monitoring", "INF": "Infusion", "LAB": "Laboratory Diagnostics", "STE": "Sterilization",
    "SUR": "Surgical", "RES": "Respiratory", "SVC": "Clinical Services", "CUT": "Cutting Tools",
    "PPE": "Safety & PPE", "LUB": "Lubricants & Fluids", "CM": "Condition Monitoring", "MET": "Metrology",
    "CLN": "Cleanroom & ESD",
}  # fmt: skip
KINDS = {"e": "equipment", "c": "consumable", "s": "service", "w": "software"}
# id | english | chinese | model | category code | family | kind code | list price (CNY)
_PRODUCTS = """
P-1001|Bedside Patient Monitor PM-12|床旁监护仪PM-12|PM-12|MON|Monitors|e|68000
P-1002|Transport Monitor TM-5|转运监护仪TM-5|TM-5|MON|Monitors|e|42000
P-1003|Central Monitoring Station CMS-32|中央监护系统CMS-32|CMS-32|MON|Monitoring Software|w|180000
P-1004|SpO2 Sensor (pack of 10)|血氧探头（10支装）|SpO2 sensor|MON|Monitoring Accessories|c|1800
P-1005|ECG Lead Set|心电导联线|ECG leads|MON|Monitoring Accessories|c|950
P-1011|Volumetric Infusion Pump IP-300|输液泵IP-300|IP-300|INF|Infusion Pumps|e|16000
P-1012|Syringe Pump SP-200|注射泵SP-200|SP-200|INF|Infusion Pumps|e|12500
P-1013|Infusion Set (box of 50)|输液器（50套/箱）|infusion sets|INF|Infusion Disposables|c|1200
P-1014|Infusion Management Software|输液管理系统|InfuSync|INF|Infusion Software|w|95000
P-1021|Hematology Analyzer HA-5|血液分析仪HA-5|HA-5|LAB|Analyzers|e|260000
P-1022|Hematology Reagent Kit|血液分析试剂盒|HA reagents|LAB|Reagents|c|5400
P-1023|Chemistry Analyzer CA-800|生化分析仪CA-800|CA-800|LAB|Analyzers|e|420000
P-1024|Chemistry Reagent Pack|生化试剂包|CA reagents|LAB|Reagents|c|7800
P-1025|Laboratory Centrifuge LC-16|离心机LC-16|LC-16|LAB|Lab Equipment|e|28000
P-1026|Urine Analyzer UA-200|尿液分析仪UA-200|UA-200|LAB|Analyzers|e|56000
P-1027|Urine Test Strips (box of 100)|尿液试纸（100条）|urine strips|LAB|Reagents|c|420
P-1031|Steam Sterilizer AS-250|压力蒸汽灭菌器AS-250|AS-250|STE|Sterilizers|e|310000
P-1032|Sterilization Indicator Strips|灭菌指示卡|indicator strips|STE|Sterilization Consumables|c|650
P-1033|Washer-Disinfector WD-8|清洗消毒机WD-8|WD-8|STE|Sterilizers|e|185000
P-1034|Sterile Barrier Pouches|灭菌包装袋|sterile pouches|STE|Sterilization Consumables|c|880
P-1041|LED Surgical Light SL-7|LED手术无影灯SL-7|SL-7|SUR|OR Equipment|e|135000
P-1042|Electrosurgical Unit ESU-400|高频电刀ESU-400|ESU-400|SUR|Electrosurgery|e|88000
P-1043|Electrosurgical Pencil (box of 20)|电刀笔（20支）|ES pencils|SUR|Electrosurgery|c|1600
P-1044|Surgical Table OT-60|手术床OT-60|OT-60|SUR|OR Equipment|e|160000
P-1051|ICU Ventilator V-900|ICU呼吸机V-900|V-900|RES|Ventilation|e|380000
P-1052|Breathing Circuit (box of 20)|呼吸回路（20套）|breathing circuits|RES|Respiratory Consumables|c|2400
P-1053|Oxygen Concentrator OC-10|制氧机OC-10|OC-10|RES|Ventilation|e|9800
P-1054|HEPA Bacterial Filter (box of 50)|细菌过滤器（50个）|HEPA filters|RES|Respiratory Consumables|c|900
P-1061|Biomedical Maintenance Contract|医疗设备维保服务|service contract|SVC|Service Contracts|s|60000
P-1062|Medical Asset Tracking (RTLS)|医疗资产定位系统|AssetTrack|SVC|Digital Health|w|150000
P-1063|Remote Patient Monitoring Cloud|远程监护云平台|CareCloud|SVC|Digital Health|w|120000
P-2001|Carbide Inserts (box of 10)|硬质合金刀片（10片）|carbide inserts|CUT|Inserts|c|850
P-2002|Indexable Milling Cutter|可转位铣刀|milling cutter|CUT|Milling|e|4200
P-2003|Hydraulic Tool Holder|液压刀柄|tool holder|CUT|Tool Holding|e|3600
P-2004|Solid Carbide Drill Set|整体硬质合金钻头套装|carbide drills|CUT|Drilling|c|2300
P-2005|Tool Presetter TP-400|对刀仪TP-400|TP-400|CUT|Tool Holding|e|98000
P-2006|Tool Management Software|刀具管理软件|ToolHub|CUT|Tooling Software|w|45000
P-2011|Nitrile Gloves (case of 1000)|丁腈手套（1000只）|nitrile gloves|PPE|Hand Protection|c|520
P-2012|Half-Face Respirator|半面罩呼吸器|half-face respirator|PPE|Respiratory Protection|e|380
P-2013|Respirator Filter Cartridges|滤毒盒|filter cartridges|PPE|Respiratory Protection|c|260
P-2014|Safety Glasses (box of 12)|防护眼镜（12副）|safety glasses|PPE|Eye Protection|c|300
P-2015|Fall Protection Harness|全身式安全带|harness|PPE|Fall Protection|e|1100
P-2016|Portable Gas Detector GD-4|便携式气体检测仪GD-4|GD-4|PPE|Gas Detection|e|3900
P-2021|Synthetic Gear Oil (20 L)|合成齿轮油（20升）|gear oil|LUB|Lubricants|c|1500
P-2022|Water-Soluble Coolant (200 L)|水溶性切削液（200升）|coolant|LUB|Metalworking Fluids|c|4800
P-2023|Food-Grade Lubricant (18 kg)|食品级润滑脂（18公斤）|food-grade grease|LUB|Lubricants|c|2100
P-2024|Automatic Lubricator|自动注油器|auto-lubricator|LUB|Lubrication Equipment|e|650
P-2025|Coolant Refractometer|切削液浓度计|refractometer|LUB|Metalworking Fluids|e|1400
P-2031|Wireless Vibration Sensor VS-3|无线振动传感器VS-3|VS-3|CM|Sensors|e|3200
P-2032|Predictive Maintenance Platform|预测性维护平台|PdM Suite|CM|Industrial Software|w|160000
P-2033|PLC I/O Module|PLC输入输出模块|PLC module|CM|Automation|e|5600
P-2034|Industrial IoT Gateway|工业物联网网关|IoT gateway|CM|Automation|e|7800
P-2035|Thermal Imaging Camera|红外热像仪|thermal camera|CM|Sensors|e|26000
P-2041|Digital Caliper Set|数显卡尺套装|calipers|MET|Hand Gauges|e|900
P-2042|CMM Touch Probe|三坐标测头|CMM probe|MET|CMM|e|45000
P-2043|Calibration Service (annual)|计量校准服务（年度）|calibration service|MET|Metrology Services|s|18000
P-2044|Surface Roughness Tester|表面粗糙度仪|roughness tester|MET|Hand Gauges|e|32000
P-2051|Cleanroom Coveralls (pack of 25)|无尘服（25件）|cleanroom coveralls|CLN|Cleanroom Apparel|c|2600
P-2052|Cleanroom Wipes (case)|无尘布（箱）|cleanroom wipes|CLN|Cleanroom Consumables|c|780
P-2053|ESD Workstation Mat|防静电台垫|ESD mat|CLN|ESD Protection|c|460
P-2054|Particle Counter PC-300|尘埃粒子计数器PC-300|PC-300|CLN|Cleanroom Monitoring|e|68000
P-2055|Cleanroom Monitoring Software|洁净室监控软件|CleanView|CLN|Cleanroom Monitoring|w|88000
"""
# Planted structure: a>b:kind:designed attach probability (bundle = same order, sequence = within 90 days)
_COMPLEMENTS = """
P-1001>P-1004:bundle:0.55 P-1001>P-1005:bundle:0.45 P-1011>P-1013:bundle:0.6
P-1042>P-1043:bundle:0.6 P-1051>P-1052:bundle:0.55 P-1052>P-1054:bundle:0.45
P-1032>P-1034:bundle:0.4 P-2002>P-2001:bundle:0.6 P-2012>P-2013:bundle:0.6 P-2011>P-2014:bundle:0.4
P-2022>P-2025:bundle:0.35 P-2051>P-2052:bundle:0.5 P-1021>P-1022:sequence:0.7
P-1023>P-1024:sequence:0.7 P-1026>P-1027:sequence:0.6 P-1031>P-1032:sequence:0.6
P-1001>P-1003:sequence:0.3 P-2031>P-2032:sequence:0.45 P-2042>P-2043:sequence:0.55
P-2054>P-2055:sequence:0.5 P-2005>P-2006:sequence:0.45 P-1033>P-1061:sequence:0.4
"""
OUR_PRODUCTS: tuple[tuple[str, str, str, str, str, str, str, float], ...] = tuple(
    (a, b, c, d, CATEGORIES[e], f, KINDS[g], float(h))
    for a, b, c, d, e, f, g, h in (ln.split("|") for ln in _PRODUCTS.strip().splitlines())
)
COMPLEMENTS: tuple[tuple[str, str, str, float], ...] = tuple(
    (ab.split(">")[0], ab.split(">")[1], kind, float(p))
    for ab, kind, p in (x.split(":") for x in _COMPLEMENTS.split())
)

# Segment preferences: industry = category:weight ... (similar accounts buy similar things).
_AFFINITY = """
Hospital = MON:5 INF:5 LAB:3 STE:3 SUR:3 RES:3 SVC:1.5 PPE:1
Specialty Hospital = STE:5 SUR:5 MON:2 INF:1.5 SVC:1 PPE:1
Clinical Laboratory = LAB:8 PPE:2 STE:1 CLN:1 MET:0.5
Pharmaceuticals = CLN:5 PPE:3 LAB:2 MET:2 LUB:1 CM:1.5
Industrial Machinery = CUT:6 MET:3 LUB:3 CM:3 PPE:2
Automotive Parts = CUT:6 LUB:4 MET:3 PPE:2 CM:2
Electronics & Semiconductors = CLN:7 PPE:2 MET:1.5 CM:1.5
Chemicals = PPE:6 CM:3 LUB:2 MET:1
Food & Beverage = LUB:4 PPE:4 CM:2 CLN:1.5
"""
INDUSTRY_AFFINITY: dict[str, dict[str, float]] = {
    ind.strip(): {CATEGORIES[k]: float(v) for k, v in (x.split(":") for x in weights.split())}
    for ind, weights in (ln.split("=") for ln in _AFFINITY.strip().splitlines())
}
KIND_WEIGHT = {"consumable": 3.0, "equipment": 1.0, "service": 0.35, "software": 0.25}


def build_our_products(world: World) -> None:
    for pid, en, zh, short, cat, fam, kind, price in OUR_PRODUCTS:
        world.products.append(
            Product(len(world.products), pid, en, zh, short, cat, fam, kind, price, world.self_idx)
        )
    by_id = {p.product_id: p.idx for p in world.products}
    world.complements = [Complement(by_id[a], by_id[b], k, p) for a, b, k, p in COMPLEMENTS]


def add_competitor_products(
    world: World, rng: random.Random, competitor: int, *, line: str, line_zh: str, categories: tuple[str, ...]
) -> None:
    """Each competitor offers look-alikes of our equipment/software in its categories."""
    ours = [p for p in world.products if p.vendor == world.self_idx and p.category in categories]
    picks = [p for p in ours if p.kind in ("equipment", "software")] or ours
    rng.shuffle(picks)
    for p in sorted(picks[: max(2, min(5, len(picks)))], key=lambda q: q.idx):
        model = (
            f"{line} {rng.choice('XSPMRV')}{rng.randint(2, 9)}{rng.choice(('', '0', '00', ' Pro', ' Plus'))}"
        )
        generic_en = p.name_en.rsplit(" ", 1)[0] if any(ch.isdigit() for ch in p.short) else p.name_en
        generic_zh = p.name_zh.rstrip("0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        n = sum(1 for q in world.products if q.vendor != world.self_idx) + 1
        world.products.append(
            Product(
                len(world.products),
                f"CP-{3000 + n}",
                f"{model} {generic_en}",
                f"{line_zh}{generic_zh}",
                model,
                p.category,
                p.family,
                p.kind,
                round(p.price * rng.uniform(0.8, 1.3), -2),
                competitor,
                p.idx,
            )
        )


def affinity_for(world: World, industry: str, rng: random.Random) -> list[float]:
    """Per-account purchase propensity: the segment profile times account-level taste noise."""
    cats = INDUSTRY_AFFINITY.get(industry, {})
    out = []
    for p in world.products:
        if p.vendor != world.self_idx:
            out.append(0.0)
            continue
        base = cats.get(p.category, 0.02) * KIND_WEIGHT[p.kind]
        out.append(base * (0.2 + rng.random()) * (0.5 + rng.random()))  # account taste, mean ~0.7
    return out
