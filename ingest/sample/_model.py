"""The in-memory "true world" the source files are rendered from.

Only entities that are small even at scale 100 live here (companies, people,
products); high-volume facts (order lines, activities, notes) are streamed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ._names import City


@dataclass(frozen=True, slots=True)
class Trouble:
    """How an account's decline shows: each channel's strength at the worst point
    (0 = that channel stays normal), rising from ``start`` to ``peak``.

    For a churner ``peak`` is the churn date; for a healthy account's bad spell the
    signs fade again between ``peak`` and ``end``.
    """

    start: date
    peak: date
    end: date
    shape: float  # > 1: the signs come late; < 1: early
    orders: float  # share of the order rate lost
    basket: float  # share of the basket (quantities, extra lines) lost
    mood: float  # drop in sentiment
    tickets: float  # extra tickets, as a multiple of the usual rate
    storm: float  # expected tickets in one bad month (a burst), 0 for none
    storm_at: date  # the day the burst starts
    touch: float  # share of conversations lost; the rest go without our champion and seniors
    lost_deal: bool  # a deal (often a renewal) lost to a competitor on the way
    kind: str = "churn"  # churn | rough (a bad spell on several fronts) | mild (on one)

    def level(self, d: date) -> float:
        """0 (normal) .. 1 (worst) on day ``d``."""
        if d <= self.start or d >= self.end:
            return 0.0
        if d <= self.peak:
            return float(((d - self.start) / (self.peak - self.start)) ** self.shape)
        return float((self.end - d) / (self.end - self.peak))


@dataclass(slots=True)
class Company:
    idx: int
    kind: str  # account | competitor | supplier | partner | self | erp_only | lead_only
    name_en: str
    name_zh: str  # "" for foreign firms
    short_en: str
    short_zh: str
    city: City
    domain: str
    industry: str = ""
    vertical: str = ""  # healthcare | industrial
    employees: int = 0
    revenue: float = 0.0
    tier: str = "C"
    status: str = "prospect"  # customer | churned | prospect | dormant (truth, not CRM's view)
    crm_id: str = ""
    crm_dup_id: str = ""  # a second CRM record for the same company (within-source duplicate)
    erp_codes: list[str] = field(default_factory=list)
    erp_switch: date | None = None  # re-registered in ERP: orders before use code 0, after code 1
    market_id: str = ""
    market_kind: str = ""  # competitor | supplier | partner | self (for market/companies.jsonl)
    parent: int | None = None
    created: date = date(2020, 1, 1)
    customer_since: date | None = None
    churn_date: date | None = None
    churn_style: str = ""  # gradual | silent | trickle
    precursor_days: int = 0
    rough_patch: tuple[date, date] | None = None  # healthy account with a bad spell
    troubles: list[Trouble] = field(default_factory=list)  # its churn and bad spells (churn stage)
    owner_rep: int = 0
    phone_digits: str = ""
    tax_no: str = ""
    stub: bool = False  # empty CRM shell: no contacts, deals or activities
    legal_old_zh: str = ""  # former legal name (ERP re-registration)
    affinity: list[float] = field(default_factory=list)
    group_name_zh: str = ""

    @property
    def is_cn(self) -> bool:
        return self.city.country == "CN"

    @property
    def canonical(self) -> str:
        """Canonical id in ground truth: CRM id, else market id, else ERP code, else lead key."""
        return (
            self.crm_id or self.market_id or (self.erp_codes[0] if self.erp_codes else f"LEADCO-{self.idx}")
        )

    @property
    def currency(self) -> str:
        return {"CN": "CNY", "US": "USD", "DE": "EUR"}[self.city.country]

    @property
    def buys(self) -> bool:
        return self.status in ("customer", "churned")

    def strain(self, channel: str, d: date) -> float:
        """How strongly ``channel`` (a ``Trouble`` strength) is off its normal on day ``d``."""
        return sum(float(getattr(t, channel)) * t.level(d) for t in self.troubles)


@dataclass(slots=True)
class Person:
    idx: int
    company: int
    contact_id: str
    family_zh: str
    given_zh: str
    family_en: str
    given_en: str
    is_cn: bool
    female: bool
    title_en: str
    title_zh: str
    department: str
    seniority: str
    honorific_zh: str  # 主任 / 总 / 工 / 院长 ... used as "王主任"
    doctor: bool
    email: str = ""
    phone: str = ""
    manager: int | None = None
    created: date = date(2020, 1, 1)
    left_at: date | None = None
    quiet: bool = False  # leaf contact: nothing refers to it (may host a corrupted row)
    champion: bool = False
    moved_from: int | None = None  # same human as an earlier contact who changed employer

    @property
    def name_zh(self) -> str:
        return self.family_zh + self.given_zh if self.is_cn else ""

    @property
    def name_en(self) -> str:
        return f"{self.given_en} {self.family_en}"

    def active_on(self, d: date) -> bool:
        return self.created <= d and (self.left_at is None or d < self.left_at)


@dataclass(slots=True)
class Rep:
    idx: int
    rep_id: str
    name: str
    name_local: str
    email: str
    territory: str
    manager: int | None
    phone: str


@dataclass(slots=True)
class Product:
    idx: int
    product_id: str
    name_en: str
    name_zh: str
    short: str  # model or line name used in conversation ("PM-12", "VitaView X8")
    category: str
    family: str
    kind: str  # equipment | consumable | service | software
    price: float  # list price in CNY
    vendor: int  # company idx
    equivalent_of: int | None = None  # our product idx, for competitor products


@dataclass(frozen=True, slots=True)
class Complement:
    a: int
    b: int
    kind: str  # bundle | sequence
    attach: float  # designed probability that an order of a brings b along / after


@dataclass(slots=True)
class World:
    seed: int
    scale: float
    companies: list[Company] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    reps: list[Rep] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    complements: list[Complement] = field(default_factory=list)
    staff_of: dict[int, list[int]] = field(default_factory=dict)  # company idx -> person idxs
    hard_negatives: list[tuple[int, int, str]] = field(default_factory=list)
    self_idx: int = 0

    @property
    def ours(self) -> list[Product]:
        return [p for p in self.products if p.vendor == self.self_idx]

    def accounts(self) -> list[Company]:
        return [c for c in self.companies if c.crm_id]
