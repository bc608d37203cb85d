"""Job titles in both languages, with departments and the Chinese form of address.

The honorific is what colleagues call a person in Chinese ("王主任", "李总", "张工"),
which is how people are usually named in notes.
"""

from __future__ import annotations

from typing import NamedTuple


class Title(NamedTuple):
    en: str
    zh: str
    department: str
    honorific: str  # appended to the surname: 主任 -> 王主任
    doctor: bool  # addressed as "Dr." in English notes


#: honorifics that are only a form of address, not the person's job ("李总", "张工", "魏老师")
ADDRESS_ONLY = frozenset({"总", "工", "老师", "医生"})


HOSPITAL: dict[str, tuple[Title, ...]] = {
    "c_level": (
        Title("President", "院长", "Administration", "院长", True),
        Title("Chief Accountant", "总会计师", "Finance", "总", False),
    ),
    "vp": (Title("Vice President", "副院长", "Administration", "院长", True),),
    "director": (
        Title("Head of the Equipment Department", "设备科主任", "Equipment", "主任", False),
        Title("Director of Procurement", "采购中心主任", "Procurement", "主任", False),
        Title("Head of Laboratory", "检验科主任", "Laboratory", "主任", True),
        Title("Director of Nursing", "护理部主任", "Nursing", "主任", False),
        Title("Head of IT", "信息科主任", "IT", "主任", False),
        Title("Head of ICU", "ICU主任", "ICU", "主任", True),
        Title("Head of Surgery", "外科主任", "Surgery", "主任", True),
        Title("Head of Finance", "财务处处长", "Finance", "处长", False),
    ),
    "manager": (
        Title("Deputy Head of the Equipment Department", "设备科副主任", "Equipment", "主任", False),
        Title("Procurement Manager", "采购科科长", "Procurement", "科长", False),
        Title("Head Nurse", "护士长", "Nursing", "护士长", False),
        Title("Lab Supervisor", "检验科组长", "Laboratory", "老师", False),
        Title("IT Manager", "信息科副主任", "IT", "主任", False),
        Title("Attending Physician", "主治医师", "ICU", "医生", True),
    ),
    "staff": (
        Title("Biomedical Engineer", "设备工程师", "Equipment", "工", False),
        Title("Procurement Officer", "采购专员", "Procurement", "老师", False),
        Title("Lab Technician", "检验技师", "Laboratory", "老师", False),
        Title("Nurse", "护士", "Nursing", "老师", False),
        Title("IT Engineer", "信息工程师", "IT", "工", False),
        Title("Accountant", "会计", "Finance", "会计", False),
    ),
}
COMPANY: dict[str, tuple[Title, ...]] = {
    "c_level": (
        Title("General Manager", "总经理", "Management", "总", False),
        Title("CFO", "财务总监", "Finance", "总", False),
        Title("CEO", "首席执行官", "Management", "总", False),
    ),
    "vp": (
        Title("Deputy General Manager", "副总经理", "Management", "总", False),
        Title("VP Operations", "运营副总裁", "Operations", "总", False),
    ),
    "director": (
        Title("Procurement Director", "采购总监", "Procurement", "总", False),
        Title("Plant Director", "厂长", "Production", "厂长", False),
        Title("Engineering Director", "工程总监", "Engineering", "总", False),
        Title("Quality Director", "质量总监", "Quality", "总", False),
        Title("IT Director", "IT总监", "IT", "总", False),
        Title("EHS Director", "EHS总监", "EHS", "总", False),
    ),
    "manager": (
        Title("Purchasing Manager", "采购经理", "Procurement", "经理", False),
        Title("Production Manager", "生产经理", "Production", "经理", False),
        Title("Maintenance Manager", "设备经理", "Engineering", "经理", False),
        Title("Quality Manager", "质量经理", "Quality", "经理", False),
        Title("EHS Manager", "安环经理", "EHS", "经理", False),
        Title("Finance Manager", "财务经理", "Finance", "经理", False),
    ),
    "staff": (
        Title("Buyer", "采购员", "Procurement", "工", False),
        Title("Maintenance Engineer", "设备工程师", "Engineering", "工", False),
        Title("Process Engineer", "工艺工程师", "Production", "工", False),
        Title("QA Engineer", "质量工程师", "Quality", "工", False),
        Title("Safety Officer", "安全员", "EHS", "工", False),
        Title("Accountant", "会计", "Finance", "会计", False),
    ),
}
SENIORITY_RANK = {"c_level": 0, "vp": 1, "director": 2, "manager": 3, "staff": 4}


def pool_for(industry: str) -> dict[str, tuple[Title, ...]]:
    return HOSPITAL if industry in ("Hospital", "Specialty Hospital", "Clinical Laboratory") else COMPANY
