"""Chinese unified social credit codes (GB 32100-2015) with valid check characters."""

from __future__ import annotations

import random

DIVISIONS = {
    "Shanghai": "310000",
    "Suzhou": "320500",
    "Nanjing": "320100",
    "Wuxi": "320200",
    "Changzhou": "320400",
    "Hangzhou": "330100",
    "Ningbo": "330200",
    "Hefei": "340100",
    "Beijing": "110000",
    "Tianjin": "120000",
    "Qingdao": "370200",
    "Jinan": "370100",
    "Shenyang": "210100",
    "Dalian": "210200",
    "Guangzhou": "440100",
    "Shenzhen": "440300",
    "Dongguan": "441900",
    "Foshan": "440600",
    "Xiamen": "350200",
    "Fuzhou": "350100",
    "Wuhan": "420100",
    "Changsha": "430100",
    "Zhengzhou": "410100",
    "Chengdu": "510100",
    "Chongqing": "500000",
    "Xi'an": "610100",
}
_USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_W = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _org_check(body: str) -> str:
    total = sum(int(ch, 36) * w for ch, w in zip(body, _ORG_W, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc(rng: random.Random, city_en: str, public_institution: bool) -> str:
    """A well-formed 18-character code; public hospitals register as institutions (12...)."""
    head = "12" if public_institution else rng.choice(("91", "91", "91", "92"))
    body = "".join(rng.choice(_ORG_CHARS[:10] if i < 2 else _ORG_CHARS) for i in range(8))
    code17 = head + DIVISIONS.get(city_en, "310000") + body + _org_check(body)
    total = sum(_USCC.index(ch) * w for ch, w in zip(code17, _USCC_W, strict=True))
    return code17 + _USCC[(31 - total % 31) % 31]


def uscc_valid(code: str) -> bool:
    if len(code) != 18 or any(ch not in _USCC for ch in code):
        return False
    total = sum(_USCC.index(ch) * w for ch, w in zip(code[:17], _USCC_W, strict=True))
    return _USCC[(31 - total % 31) % 31] == code[17]
