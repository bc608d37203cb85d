"""Sentence templates and surface forms for notes and e-mails (English and Chinese).

Several phrasings per fact type and language, so an extractor cannot key on one
pattern; names appear in the forms people actually use ("Dr. Wang", "Lei Wang",
"王主任", "李总").
"""

from __future__ import annotations

import random
from datetime import date

from ._model import Company, Person, Product

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
Q_ZH = "一二三四"

T: dict[str, dict[str, tuple[str, ...]]] = {
    "works_at": {
        "en": (
            "Met {P} ({T}) at {C}.",
            "{P}, {T} of {C}, joined the call.",
            "Spoke with {P} from {C}; {P2} is the {T}.",
            "{C}'s {T}, {P}, asked for an updated quote.",
            "Introduced to {P} — {T} at {C}.",
        ),
        "zh": (
            "拜访了{C}的{P}（{T}）。",
            "{C}{T}{P}参加了今天的会议。",
            "{P}是{C}的{T}，今天第一次见面。",
            "和{C}的{T}{P}通了电话。",
            "{C}新来的{T}{P}要了一份报价。",
        ),
    },
    "left": {
        "en": (
            "Heard that {P} has left {C}.",
            "{P} is no longer with {C}; we need a new contact.",
            "Bad news: {P} ({T}) left {C} last month.",
        ),
        "zh": (
            "听说{P}已经从{C}离职了。",
            "{P}（{T}）上个月离开了{C}，需要重新找对接人。",
            "{C}的{P}已经离职。",
        ),
    },
    "role_generic": {
        "en": ("On the {C} side, {P} is the {R}.", "Roles at {C}: {P} acts as {R}."),
        "zh": ("{C}方面，{P}是{R}。", "在{C}，{P}的角色是{R}。"),
    },
    "reports_to": {
        "en": ("{P} reports to {M}.", "{P} works under {M}.", "{M} is {P}'s boss."),
        "zh": ("{P}向{M}汇报。", "{P}的直属领导是{M}。", "{M}是{P}的上级。"),
    },
    "uses": {
        "en": (
            "{C} currently runs {X} from {V}; the contract ends {D}.",
            "They use {V}'s {X} and the service contract expires {D}.",
            "{C} has {X} ({V}) installed, contract until {D}.",
        ),
        "zh": (
            "{C}目前使用{V}的{X}，合同{D}到期。",
            "他们现在用的是{X}（{V}），{D}合同到期。",
            "{C}在用{V}的{X}，维保合同到{D}。",
        ),
    },
    "evaluating": {
        "en": (
            "{C} is evaluating {X} from {V}.",
            "{V} has been invited to demo {X} at {C}.",
            "{C} asked {V} for a quote on {X}.",
        ),
        "zh": ("{C}正在评估{V}的{X}。", "{V}下周去{C}演示{X}。", "{C}找{V}要了{X}的报价。"),
    },
    "evaluating_vendor": {
        "en": ("{C} is also talking to {V}.", "{V} is in the running at {C}."),
        "zh": ("{C}也在和{V}接触。", "{V}也参与了{C}的比选。"),
    },
    "supplies": {
        "en": ("{S} supplies {C} with {G}.", "{C} sources {G} from {S}."),
        "zh": ("{S}是{C}的{G}供应商。", "{C}的{G}主要由{S}供货。"),
    },
    "interest": {
        "en": (
            "{C} is interested in {K}.",
            "Lots of questions from {C} about {K}.",
            "{C} wants to hear more about {K}.",
        ),
        "zh": ("{C}对{K}很感兴趣。", "{C}多次提到{K}。", "{C}希望进一步了解{K}方面的方案。"),
    },
    "competes": {
        "en": (
            "{V} is bidding against us on several deals.",
            "{V} and {W} are fighting on price in this region.",
            "Expect {V} to undercut us on the next tender.",
        ),
        "zh": (
            "{V}在好几个项目上和我们竞争。",
            "{V}和{W}在这个区域打价格战。",
            "下次招标{V}可能会压低价格跟我们抢单。",
        ),
    },
}
ROLE_T: dict[str, dict[str, str]] = {
    "economic_buyer": {"en": "{P} signs off on the budget at {C}.", "zh": "{C}的预算最终由{P}审批。"},
    "decision_maker": {"en": "{P} will make the final call for {C}.", "zh": "{C}这个项目最终由{P}拍板。"},
    "technical_evaluator": {
        "en": "{P} is running the technical evaluation at {C}.",
        "zh": "{C}的技术评估由{P}负责。",
    },
    "champion": {
        "en": "{P} is clearly on our side and pushes our proposal inside {C}.",
        "zh": "{P}非常支持我们的方案，在{C}内部积极推动。",
    },
    "influencer": {"en": "{P}'s opinion carries a lot of weight at {C}.", "zh": "{P}的意见在{C}很有分量。"},
    "gatekeeper": {"en": "At {C} all meetings go through {P}.", "zh": "{C}所有的会议都要先经过{P}安排。"},
    "user": {
        "en": "{P} and the team at {C} will be the day-to-day users.",
        "zh": "{C}的{P}团队是日常使用者。",
    },
    "blocker": {
        "en": "{P} keeps pushing back on our proposal at {C}.",
        "zh": "{P}对我们的方案明显有抵触，{C}内部阻力不小。",
    },
}
ROLE_WORDS = {
    "economic_buyer": ("budget holder", "预算审批人"),
    "decision_maker": ("final decision maker", "最终决策人"),
    "technical_evaluator": ("technical evaluator", "技术评估负责人"),
    "champion": ("internal champion", "内部支持者"),
    "influencer": ("key influencer", "关键影响者"),
    "gatekeeper": ("gatekeeper", "对接窗口"),
    "user": ("main user", "使用部门负责人"),
    "blocker": ("main opponent", "主要反对者"),
}
FILLER: dict[str, tuple[str, ...]] = {
    "en": (
        "Thanks for the time today.",
        "Will send the revised quote by Friday.",
        "Next step: site visit.",
        "They asked for references from similar sites.",
        "Overall a constructive discussion.",
        "Delivery of the last order went smoothly.",
    ),
    "zh": (
        "感谢今天抽出时间。",
        "周五前发送修改后的报价。",
        "下一步安排现场考察。",
        "客户希望看到同类客户的案例。",
        "整体沟通比较顺利。",
        "上一批货已经顺利交付。",
    ),
}
MOOD: dict[str, dict[str, tuple[str, ...]]] = {
    "bad": {
        "en": (
            "They sounded frustrated about our response times.",
            "Several complaints about service quality.",
            "Budget pressure; they are questioning our pricing.",
        ),
        "zh": (
            "客户对我们的售后响应速度不满意。",
            "最近投诉比较多，关系有些紧张。",
            "预算压力大，对我们的价格有意见。",
        ),
    },
    "good": {
        "en": ("Very positive feedback on the last delivery.", "Relationship is strong."),
        "zh": ("客户对上次交付很满意。", "合作关系很稳定。"),
    },
}
TOPICS: tuple[tuple[str, str, str, str], ...] = (  # id, english, chinese, vertical
    ("TOPIC-infection-control", "infection control", "感染控制", "healthcare"),
    ("TOPIC-remote-monitoring", "remote patient monitoring", "远程监护", "healthcare"),
    ("TOPIC-lab-automation", "lab automation", "实验室自动化", "healthcare"),
    ("TOPIC-drg-cost-control", "DRG cost control", "DRG成本控制", "healthcare"),
    ("TOPIC-cloud-security", "cloud security", "云安全", "healthcare"),
    ("TOPIC-equipment-lifecycle", "equipment lifecycle management", "设备全生命周期管理", "healthcare"),
    ("TOPIC-predictive-maintenance", "predictive maintenance", "预测性维护", "industrial"),
    ("TOPIC-eco-materials", "eco-friendly materials", "环保材料", "industrial"),
    ("TOPIC-energy-efficiency", "energy efficiency", "节能降耗", "industrial"),
    ("TOPIC-workplace-safety", "workplace safety", "安全生产", "industrial"),
    ("TOPIC-localization", "domestic substitution", "国产替代", "industrial"),
    ("TOPIC-cloud-security", "cloud security", "云安全", "industrial"),
)


def person(p: Person, lang: str, rng: random.Random) -> str:
    if lang == "zh" and p.is_cn:
        return rng.choice(
            (p.name_zh, p.name_zh, f"{p.family_zh}{p.honorific_zh}", f"{p.family_zh}{p.honorific_zh}")
        )
    if p.is_cn:
        forms = [f"{p.given_en} {p.family_en}", f"{p.family_en} {p.given_en}"]
    else:
        forms = [p.name_en, p.name_en]
    forms.append(f"Dr. {p.family_en}" if p.doctor else f"{'Ms.' if p.female else 'Mr.'} {p.family_en}")
    return rng.choice(forms)


def title(p: Person, lang: str, rng: random.Random) -> str:
    if lang == "zh":
        return p.title_zh
    acronym = p.title_en.split()[0].isupper()
    return p.title_en if acronym or rng.random() < 0.6 else p.title_en[0].lower() + p.title_en[1:]


def company(c: Company, lang: str, rng: random.Random) -> str:
    if lang == "zh" and c.name_zh:
        return rng.choice((c.name_zh, c.short_zh, c.short_zh))
    return rng.choice((c.name_en, c.short_en, c.short_en))


def product(p: Product, lang: str, rng: random.Random) -> str:
    if lang == "zh":
        return rng.choice((p.name_zh, p.short))
    return rng.choice((p.name_en, p.short))


def when(end: date, doc: date, lang: str, rng: random.Random) -> str:
    """A contract end as people say it; ``end`` is always a month end."""
    q = (end.month - 1) // 3 + 1
    if lang == "zh":
        opts = [f"{end.year}年{end.month}月", f"{end.year}年{end.month}月底"]
        if end.year == doc.year + 1:
            opts.append(f"明年{end.month}月")
        if end.month % 3 == 0:
            opts.append(f"{end.year}年第{Q_ZH[q - 1]}季度末")
        if end.month == 12:
            opts.append(f"{end.year}年底")
    else:
        opts = [
            f"{MONTHS[end.month - 1]} {end.year}",
            f"end of {MONTHS[end.month - 1]} {end.year}",
            end.isoformat(),
        ]
        if end.year == doc.year + 1 and end.month <= doc.month:
            opts.append(f"next {MONTHS[end.month - 1]}")
        if end.month % 3 == 0:
            opts.append(f"end of Q{q} {end.year}")
    return rng.choice(opts)
