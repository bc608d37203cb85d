"""Job titles read the same way in both languages: department and level, and how a title is addressed.

The graph's titles are mostly English (CRM) and sometimes Chinese (leads, Chinese CRMs);
notes state them in the note's language. ``same_title("设备科主任", "Head of the Equipment
Department")`` compares the two as (department, level) pairs rather than as strings.
``addressed_as("Purchasing Manager")`` is the set of Chinese forms of address colleagues
use for that title ("经理": 王经理), which tells which of two 王 at one company "王经理" is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.normalize.text import fold, has_cjk

from ._lexicon import department_of

# Levels, most senior first; each a list of (pattern) tried in order on the folded title.
# Chinese companies title their CFO 财务总监, hence its place among the chiefs.
_LEVELS_ZH: tuple[tuple[str, str], ...] = (
    ("vice", r"副(?:总经理|院长|总裁|董事长)|副总$"),
    ("chief", r"总经理|院长|董事长|总裁|首席|总会计师|财务总监"),
    ("physician", r"医师|医生"),
    ("manager", r"经理|副主任|副处长|副厂长|科长|组长|主管|护士长"),
    ("director", r"总监|主任|处长|厂长|部长"),
    ("staff", r"工程师|技师|技术员|专员|会计|护士|员$|助理|秘书"),
)
_LEVELS_EN: tuple[tuple[str, str], ...] = (
    ("vice", r"\bvice president\b|\bdeputy general manager\b|\bvp\b|\bdeputy ceo\b"),
    ("physician", r"\bphysician\b|\bsurgeon\b|\bdoctor\b"),
    (
        "chief",
        r"\b(?:ceo|cfo|cto|cio|coo|gm|president|general manager|chairman|managing director)\b|\bchief\b",
    ),
    ("manager", r"\bmanager\b|\bsupervisor\b|\bdeputy head\b|\bhead nurse\b|\bsection chief\b|\bteam lead"),
    ("director", r"\bdirector\b|\bhead of\b|\bhead\b"),
    ("staff", r"engineer|officer|technician|buyer|accountant|nurse|specialist|assistant|clerk|analyst"),
)
# Plant managers are addressed and ranked as plant directors (厂长).
_EN_EXCEPTIONS = {"plant manager": "director"}


@lru_cache(maxsize=4096)
def title_level(title: str) -> str | None:
    """chief, vice, director, manager, physician or staff; None for a title of neither kind."""
    t = fold(title)
    if t in _EN_EXCEPTIONS:
        return _EN_EXCEPTIONS[t]
    for level, pattern in _LEVELS_ZH if has_cjk(t) else _LEVELS_EN:
        if re.search(pattern, t):
            return level
    return None


def same_title(a: str, b: str) -> bool:
    """The same title, in either language: equal text, or the same department at the same level."""
    if fold(a) == fold(b):
        return True
    la, lb = title_level(a), title_level(b)
    return la is not None and la == lb and department_of(a) == department_of(b)


def same_department(a: str, b: str) -> bool:
    """Two titles of one department (at any level): "VP Quality" and "质量总监"."""
    dept = department_of(a)
    return dept is not None and dept == department_of(b)


# Chinese forms of address by what a title says (first match wins), then by level alone.
# An English "manager" in a hospital is often a 主任 or 科长 in Chinese, so it fits all three.
_ADDRESS_ZH: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"护士长|head nurse", ("护士长",)),
    (r"总工程师|总工|chief engineer", ("总工", "总", "工")),
    (r"院长|president", ("院长", "院", "总")),
    (r"厂长|plant (?:director|manager)", ("厂长", "总")),
    (r"董事长|chair(?:man|woman)? of the board", ("董事长", "董", "总")),  # "沈董" for the 董事长 沈国华
    (r"行长", ("行长", "行", "总")),
    (r"校长|principal", ("校长", "校")),
    (
        r"总经理|总监|总裁|总会计师|首席|董事长|副总|general manager|chief accountant"
        r"|\b(?:ceo|cfo|cto|cio|coo|vp)\b|\bdirector\b(?! of)|\bchief\b",
        ("总",),
    ),
    (r"处长", ("处长", "处")),
    (r"局长", ("局长", "局")),
    (r"科长|section chief", ("科长",)),
    (r"所长", ("所长", "所")),  # "黄所"
    (r"主任|head of|director of|deputy head", ("主任", "处长", "局")),  # a 卫健委主任 is "韩局"
    (r"会计|accountant", ("会计",)),
    (r"经理", ("经理",)),
    (r"manager", ("经理", "主任", "科长")),
    (r"医师|医生|physician|doctor", ("医生", "主任")),
    (r"工程师|技术员|采购员|安全员|engineer|buyer|officer", ("工",)),
)
_ADDRESS_BY_LEVEL = {"chief": ("总",), "vice": ("总",), "director": ("总", "主任"), "manager": ("经理",)}
# Said of anyone: no title is implied.
COURTESY_ZH = frozenset({"先生", "女士", "小姐", "老师", "博士", "教授"})


@lru_cache(maxsize=4096)
def addressed_as(title: str) -> frozenset[str]:
    """The Chinese honorifics a holder of ``title`` is called by ("经理", "总", "工", ...)."""
    t = fold(title)
    for pattern, forms in _ADDRESS_ZH:
        if re.search(pattern, t):
            return frozenset(forms)
    return frozenset(_ADDRESS_BY_LEVEL.get(title_level(title) or "", ()))


def fits_honorific(honorific: str, title: str) -> bool | None:
    """Whether "王<honorific>" may name a holder of ``title``; None when either says nothing."""
    if not honorific or honorific in COURTESY_ZH or not title:
        return None
    forms = addressed_as(title)
    if not forms:
        return None
    if honorific.startswith("副") and len(honorific) > 1:  # "方副院长" is a deputy's own title
        deputy = "副" in title or re.search(r"\b(?:deputy|vice|associate)\b", fold(title)) is not None
        return deputy and honorific[1:] in forms
    # "吴总监" for the 质量部总监: the title's own head (a 总经理 is 王总, not 王经理)
    return honorific in forms or (title.endswith(honorific) and not title.endswith("总" + honorific))
