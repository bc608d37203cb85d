"""Company naming: bilingual legal names, short forms and domains, unique per world."""

from __future__ import annotations

import random
from typing import NamedTuple

from ._names import BRAND_CHARS, DE_LAST, DE_WORDS, DISTRICTS, EN_LAST, EN_WORDS, City

ORD_EN = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth")
ORD_ZH = "一二三四五六七八九"

# industry -> (zh word, en words, domain abbreviation)
INDUSTRY_WORDS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "Industrial Machinery": (
        ("精密机械", "Precision Machinery", "pm"),
        ("机床", "Machine Tool", "mt"),
        ("重工", "Heavy Industries", "hi"),
        ("精密工具", "Precision Tools", "pt"),
        ("液压设备", "Hydraulic Equipment", "hyd"),
    ),
    "Automotive Parts": (
        ("汽车零部件", "Auto Parts", "auto"),
        ("汽车配件", "Automotive Components", "ac"),
        ("精密铸造", "Precision Casting", "pc"),
    ),
    "Electronics & Semiconductors": (
        ("电子科技", "Electronic Technology", "et"),
        ("半导体", "Semiconductor", "semi"),
        ("光电", "Optoelectronics", "oe"),
        ("电路板", "Circuit Board", "pcb"),
    ),
    "Chemicals": (
        ("化工", "Chemical", "chem"),
        ("新材料", "New Materials", "nm"),
        ("涂料", "Coatings", "coat"),
    ),
    "Food & Beverage": (("食品", "Foods", "food"), ("乳业", "Dairy", "dairy"), ("饮料", "Beverage", "bev")),
    "Pharmaceuticals": (
        ("制药", "Pharmaceutical", "pharm"),
        ("生物科技", "Biotechnology", "bio"),
        ("药业", "Pharma", "yy"),
    ),
    "Clinical Laboratory": (
        ("医学检验实验室", "Medical Laboratory", "lab"),
        ("医学检验所", "Clinical Laboratory", "jy"),
    ),
    "Electronic Components": (("电子元件", "Electronic Components", "ec"),),
    "Injection Molding": (("精密注塑", "Precision Molding", "mold"),),
    "Stainless Steel": (("不锈钢制品", "Stainless Steel Products", "ss"),),
    "Packaging Materials": (("包装材料", "Packaging Materials", "pack"),),
    "Polymer Materials": (("高分子材料", "Polymer Materials", "poly"),),
    "Medical Tubing": (("医用导管", "Medical Tubing", "tube"),),
    "Cemented Carbide": (("硬质合金", "Cemented Carbide", "carbide"),),
    "Base Oils": (("石化", "Petrochemical", "petro"),),
    "Nonwoven Fabrics": (("无纺布", "Nonwoven Fabrics", "nw"),),
    "Logistics": (("物流", "Logistics", "log"),),
    "Medical Distribution": (("医疗器械贸易", "Medical Device Trading", "med"),),
    "System Integration": (("自动化系统集成", "Automation Systems", "auto"),),
}
SPECIALTY = (
    ("口腔医院", "Stomatological Hospital"),
    ("眼科医院", "Eye Hospital"),
    ("骨科医院", "Orthopedic Hospital"),
)
FOREIGN_PATTERNS: dict[str, tuple[tuple[str, str], ...]] = {  # industry -> (US pattern, DE pattern)
    "Hospital": (("{w} Regional Medical Center", "Klinikum {w}"), ("{c} {w} Hospital", "{w}-Klinik {c}")),
    "Specialty Hospital": (("{w} Eye & Surgery Center", "Augenklinik {w}"),),
    "Clinical Laboratory": (("{w} Diagnostic Laboratories", "Labor {w} GmbH"),),
    "Pharmaceuticals": (("{w} Pharmaceuticals Inc.", "{w} Pharma GmbH"),),
    "Industrial Machinery": (("{w} Precision Machining LLC", "{w} Maschinenbau GmbH"),),
    "Automotive Parts": (("{w} Automotive Components Inc.", "{w} Automotive GmbH"),),
    "Electronics & Semiconductors": (("{w} Microsystems Inc.", "{w} Elektronik GmbH"),),
    "Chemicals": (("{w} Chemical Corp.", "{w} Chemie AG"),),
    "Food & Beverage": (("{w} Foods Inc.", "{w} Lebensmittel GmbH"),),
    "Electronic Components": (("{w} Components Inc.", "{w} Bauelemente GmbH"),),
    "Polymer Materials": (("{w} Polymers Inc.", "{w} Kunststoffe GmbH"),),
    "Medical Distribution": (("{w} Medical Distribution LLC", "{w} Medizintechnik Vertrieb GmbH"),),
    "System Integration": (("{w} Automation Partners Inc.", "{w} Automatisierung GmbH"),),
}


class CoName(NamedTuple):
    en: str
    zh: str
    short_en: str
    short_zh: str
    domain: str
    brand: str  # hanzi brand (or English word) shared by twins and group members


class NameFactory:
    """Draws names that are unique within one world; twins are deliberate, collisions are not."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.domains: set[str] = set()

    def brand(self) -> tuple[str, str]:
        a, b = self.rng.sample(BRAND_CHARS, 2)
        return a[0] + b[0], (a[1] + b[1]).capitalize()

    def _domain(self, base: str, tld: str) -> str:
        dom, n = f"{base}.{tld}", 2
        while dom in self.domains:
            dom, n = f"{base}{n}.{tld}", n + 1
        self.domains.add(dom)
        return dom

    def _take(self, name: CoName) -> CoName | None:
        key = name.zh or name.en
        if key in self.used:
            return None
        self.used.add(key)
        return name

    def make(self, industry: str, city: City, brand: tuple[str, str] | None = None) -> CoName:
        for attempt in range(400):
            b = brand if brand and attempt < 20 else self.brand()
            branded = brand is not None and attempt < 20
            if city.country == "CN":
                name = self._draw(industry, city, b, branded)
            else:
                name = self._foreign(industry, city, attempt > 100)
            taken = self._take(name)
            if taken:
                return taken._replace(domain=self._domain(*taken.domain.split(".", 1)))
        raise RuntimeError(f"name space exhausted for {industry} in {city.en}")

    def _draw(self, industry: str, city: City, brand: tuple[str, str], branded: bool) -> CoName:
        bz, bp = brand
        c_py = city.en.lower().replace("'", "")
        if industry == "Hospital":
            return self._hospital(city, bz, bp, c_py, branded)
        if industry == "Specialty Hospital":
            zh, en = self.rng.choice(SPECIALTY)
            return CoName(
                f"{city.en} {bp} {en}",
                f"{city.zh}{bz}{zh}",
                f"{bp} {en.split()[0]} Hosp.",
                f"{bz}{zh[:2]}",
                f"{bp.lower()}{c_py[:2]}.com",
                bz,
            )
        zh_word, en_word, abbr = self.rng.choice(INDUSTRY_WORDS[industry])
        legal_zh, legal_en = self.rng.choice(
            (
                ("有限公司", "Co., Ltd."),
                ("有限公司", "Co., Ltd."),
                ("股份有限公司", "Co., Ltd."),
                ("有限责任公司", "Co., Ltd."),
            )
        )
        if self.rng.random() < 0.15:
            zh = f"{bz}{zh_word}（{city.zh}）{legal_zh}"
            en = f"{bp} {en_word} ({city.en}) {legal_en}"
        else:
            zh = f"{city.zh}{bz}{zh_word}{legal_zh}"
            en = f"{city.en} {bp} {en_word} {legal_en}"
        tld = self.rng.choice(("com", "com.cn", "cn"))
        return CoName(en, zh, f"{bp} {en_word}", f"{bz}{zh_word[:2]}", f"{bp.lower()}-{abbr}.{tld}", bz)

    def _hospital(self, city: City, bz: str, bp: str, c_py: str, branded: bool) -> CoName:
        r = 1.0 if branded else self.rng.random()
        if r < 0.3:
            n = self.rng.randint(1, 9)
            return CoName(
                f"{city.en} {ORD_EN[n - 1]} People's Hospital",
                f"{city.zh}市第{ORD_ZH[n - 1]}人民医院",
                f"{city.en} No.{n} Hosp.",
                f"{city.zh}市{ORD_ZH[n - 1]}院",
                f"{c_py}{n}yy.com.cn",
                f"第{ORD_ZH[n - 1]}人民医院",
            )
        if r < 0.45:
            dz, de = self.rng.choice(DISTRICTS)
            return CoName(
                f"{city.en} {de} District People's Hospital",
                f"{city.zh}市{dz}区人民医院",
                f"{de} People's Hosp.",
                f"{dz}区人民医院",
                f"{c_py}{de.lower().replace(' ', '')}.org.cn",
                "人民医院",
            )
        if r < 0.55:
            kind = self.rng.choice(
                (
                    ("中医医院", "Hospital of Traditional Chinese Medicine", "TCM Hosp.", "zyy"),
                    ("妇幼保健院", "Maternal and Child Health Hospital", "MCH Hosp.", "fy"),
                )
            )
            return CoName(
                f"{city.en} {kind[1]}",
                f"{city.zh}市{kind[0]}",
                f"{city.en} {kind[2]}",
                f"{city.zh}{kind[0][:2]}",
                f"{c_py}{kind[3]}.org.cn",
                kind[0],
            )
        if r < 0.65:
            n = self.rng.randint(1, 3)
            return CoName(
                f"The {ORD_EN[n - 1]} Affiliated Hospital of {city.en} Medical University",
                f"{city.zh}医科大学附属第{ORD_ZH[n - 1]}医院",
                f"{city.en} Med. Univ. {n}st Affil. Hosp."
                if n == 1
                else f"{city.en} Med. Univ. Affil. Hosp. {n}",
                f"{city.zh}医附{ORD_ZH[n - 1]}院",
                f"{c_py}mu{n}h.edu.cn",
                "医科大学附属",
            )
        return CoName(
            f"{city.en} {bp} Hospital",
            f"{city.zh}{bz}医院",
            f"{bp} Hosp.",
            f"{bz}医院",
            f"{bp.lower()}hospital.com.cn",
            bz,
        )

    def _foreign(self, industry: str, city: City, crowded: bool) -> CoName:
        pats = FOREIGN_PATTERNS.get(industry, FOREIGN_PATTERNS["Industrial Machinery"])
        us, de = self.rng.choice(pats)
        words = DE_WORDS + DE_LAST if city.country == "DE" else EN_WORDS + EN_LAST
        w = self.rng.choice(words)
        if self.rng.random() < 0.6:
            w = f"{w} {self.rng.choice(words)}"
        if crowded:
            w = f"{city.en} {w}"
        pattern = de if city.country == "DE" else us
        en = pattern.format(w=w, c=city.en)
        tld = "de" if city.country == "DE" else "com"
        low = w.lower().replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")
        base = "".join(ch for ch in low if ch.isascii() and ch.isalnum())
        short = w if "{w}" in pattern else en
        return CoName(en, "", short, "", f"{base}.{tld}", w)
