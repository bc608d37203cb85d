"""Our sales reps and the contacts at accounts: org charts, reporting lines, departures."""

from __future__ import annotations

import random
from datetime import timedelta

from ._common import REFERENCE_DATE, Picker, rand_date, scaled
from ._model import Company, Person, Rep, World
from ._names import (
    DE_FIRST,
    DE_LAST,
    EN_FIRST,
    EN_LAST,
    FREEMAIL_CN,
    FREEMAIL_INTL,
    GIVEN_CHARS,
    SURNAME_WEIGHTS,
    SURNAMES,
)
from ._phones import landline, mobile
from ._titles import SENIORITY_RANK, Title, pool_for

_SURNAMES = Picker(SURNAMES, SURNAME_WEIGHTS)
RepName = tuple[str, str, str, str, bool, bool]  # family_zh, given_zh, family_en, given_en, is_cn, female
REGION_OF = {
    "East": "East",
    "North": "North",
    "South": "South",
    "Central": "Central/West",
    "West": "Central/West",
    "Intl": "International",
}


def draw_name(rng: random.Random, country: str) -> RepName:
    if country == "CN" or (country == "US" and rng.random() < 0.08):
        fz, fp = _SURNAMES.pick(rng)
        chars = rng.sample(GIVEN_CHARS, 1 if rng.random() < 0.45 else 2)
        female = chars[-1][2]
        gz = "".join(ch[0] for ch in chars)
        gp = "".join(ch[1] for ch in chars).capitalize()
        return fz, gz, fp, gp, True, female
    first, last = (DE_FIRST, DE_LAST) if country == "DE" else (EN_FIRST, EN_LAST)
    given, female = rng.choice(first)
    return "", "", rng.choice(last), given, False, female


def _ascii(s: str) -> str:
    return s.lower().replace("ü", "ue").replace("ö", "oe").replace("ä", "ae").replace("ß", "ss")


def build_reps(world: World, rng: random.Random) -> None:
    territories: dict[str, int] = {}
    for c in world.companies:
        if c.kind == "account":
            territories[c.city.territory] = territories.get(c.city.territory, 0) + 1
    n_reps = scaled(25, world.scale)
    n_mgr = 5 * max(1, round(world.scale**0.5))
    regions = sorted(set(REGION_OF.values()))
    used: set[str] = set()

    def add(territory: str, manager: int | None, country: str) -> int:
        fz, gz, fp, gp, is_cn, _ = draw_name(rng, country)
        base = f"{_ascii(gp)}.{_ascii(fp)}"
        email, k = f"{base}@meridian-mis.com", 2
        while email in used:
            email, k = f"{base}{k}@meridian-mis.com", k + 1
        used.add(email)
        rep = Rep(
            len(world.reps),
            f"R-{len(world.reps) + 1:03d}",
            f"{gp} {fp}",
            fz + gz if is_cn else "",
            email,
            territory,
            manager,
            "+86 " + mobile(rng) if country == "CN" else "",
        )
        world.reps.append(rep)
        return rep.idx

    vp = add("All", None, "CN")
    managers = {
        r: [add(r, vp, "CN" if r != "International" else "US") for _ in range(n_mgr // 5)] for r in regions
    }
    names = sorted(territories)
    slots = max(len(names), n_reps - 1 - n_mgr)
    total = sum(territories.values())
    counts = {t: max(1, round(slots * territories[t] / total)) for t in names}
    by_territory: dict[str, list[int]] = {}
    for t in names:
        region = REGION_OF[t.split("-")[0]]
        country = "CN" if region != "International" else ("DE" if "Europe" in t else "US")
        for _ in range(counts[t]):
            by_territory.setdefault(t, []).append(add(t, rng.choice(managers[region]), country))
    for c in world.companies:
        if c.kind == "account":
            c.owner_rep = rng.choice(by_territory[c.city.territory])


def _email(rng: random.Random, pattern: int, p: tuple[str, str], domain: str, k: int = 1) -> str:
    given, family = _ascii(p[0]), _ascii(p[1])
    local = (f"{given}.{family}", f"{family}{given}", f"{family}.{given}", f"{given[0]}{family}")[pattern]
    return f"{local}{k if k > 1 else ''}@{domain}"


def _org(rng: random.Random, n: int) -> list[str]:
    ranks = (
        ["c_level"]
        + (["c_level"] if n >= 6 else [])
        + ["vp"] * (1 if n >= 8 else 0)
        + (["vp"] if n >= 16 else [])
    )
    rest = n - len(ranks)
    directors = max(1, round(rest * 0.25)) if rest > 0 else 0
    managers = round(rest * 0.3)
    return (
        ranks
        + ["director"] * directors
        + ["manager"] * managers
        + ["staff"] * max(0, rest - directors - managers)
    )


def _size(rng: random.Random, c: Company, scale_people: float) -> int:
    lo, hi = {"A": (14, 28), "B": (8, 15), "C": (4, 9)}[c.tier]
    n = rng.randint(lo, hi)
    if not c.buys:
        n = max(1, round(n * 0.6))
    return max(1, round(n * scale_people))


def _person(
    world: World,
    rng: random.Random,
    c: Company,
    title: Title,
    seniority: str,
    *,
    pattern: int,
    emails: set[str],
) -> Person:
    fz, gz, fp, gp, is_cn, female = draw_name(rng, c.city.country)
    p = Person(
        len(world.people),
        c.idx,
        "",
        fz,
        gz,
        fp,
        gp,
        is_cn,
        female,
        title.en,
        title.zh,
        title.department,
        seniority,
        title.honorific,
        title.doctor,
    )
    if rng.random() < 0.1:
        domain = rng.choice(FREEMAIL_CN if c.is_cn else FREEMAIL_INTL)
        p.email = f"{_ascii(gp)}{_ascii(fp)}{rng.randint(1, 999)}@{domain}"
    elif rng.random() < 0.93:
        p.email = _email(rng, pattern, (gp, fp), c.domain)
        k = 2
        while p.email in emails:
            p.email = _email(rng, pattern, (gp, fp), c.domain, k)
            k += 1
    emails.add(p.email)
    if rng.random() < 0.85:
        p.phone = mobile(rng) if c.is_cn and rng.random() < 0.8 else landline(rng, c.city)
    p.created = rand_date(rng, c.created, REFERENCE_DATE - timedelta(days=10))
    world.people.append(p)
    world.staff_of.setdefault(c.idx, []).append(p.idx)
    return p


def build_contacts(world: World, rng: random.Random) -> None:
    emails: set[str] = set()
    for c in world.companies:
        if c.kind != "account" or c.stub:
            continue
        pool = pool_for(c.industry)
        pattern = rng.randrange(4)
        members: list[Person] = []
        for seniority in _org(rng, _size(rng, c, 1.0)):
            title = rng.choice(pool[seniority])
            p = _person(world, rng, c, title, seniority, pattern=pattern, emails=emails)
            boss = [
                m
                for m in members
                if SENIORITY_RANK[m.seniority] < SENIORITY_RANK[seniority]
                and (m.department == p.department or m.seniority in ("c_level", "vp"))
            ]
            if boss:
                p.manager = max(
                    boss, key=lambda m: (SENIORITY_RANK[m.seniority], m.department == p.department)
                ).idx
                p.created = max(p.created, world.people[p.manager].created)
            members.append(p)
        _departures(rng, c, members)
    _movers(world, rng, emails)
    _assign_ids(world, rng)


def _departures(rng: random.Random, c: Company, members: list[Person]) -> None:
    """Champions leave before churn (a precursor), and sometimes at healthy accounts too (noise)."""
    if c.buys and len(members) > 1:
        mids = [m for m in members if m.seniority in ("director", "manager")] or members[1:]
        champ = rng.choice(mids)
        champ.champion = True
        loud = c.churn_date is not None and c.churn_style != "silent" and rng.random() < 0.7
        if loud and c.churn_date:
            lo = c.churn_date - timedelta(days=c.precursor_days)
            champ.left_at = rand_date(rng, max(lo, champ.created + timedelta(days=30)), c.churn_date)
        elif c.rough_patch is not None and rng.random() < 0.4:  # a healthy account that looks bad
            champ.left_at = rand_date(rng, c.rough_patch[0], min(c.rough_patch[1], REFERENCE_DATE))
        elif c.churn_date is None and rng.random() < 0.07:
            champ.left_at = rand_date(
                rng, REFERENCE_DATE - timedelta(days=300), REFERENCE_DATE - timedelta(days=5)
            )
    for m in members:
        if m.left_at is None and not m.champion and rng.random() < 0.06:
            m.left_at = rand_date(rng, m.created + timedelta(days=90), REFERENCE_DATE - timedelta(days=1))
        if m.left_at is not None and m.left_at <= m.created:
            m.left_at = m.created + timedelta(days=1)
        if m.left_at is not None and m.left_at > REFERENCE_DATE:
            m.left_at = None
    subordinates = {m.manager for m in members}
    for m in members:
        if m.seniority == "staff" and m.idx not in subordinates and not m.champion and rng.random() < 0.05:
            m.quiet = True


def _movers(world: World, rng: random.Random, emails: set[str]) -> None:
    """Some leavers turn up at another account: one human, two contact records."""
    targets: dict[str, list[Company]] = {}
    for c in world.companies:
        if c.kind == "account" and not c.stub:
            targets.setdefault(c.vertical, []).append(c)
    leavers = [p for p in world.people if p.left_at and not p.quiet]
    for old in leavers:
        start = old.left_at + timedelta(days=rng.randint(30, 150)) if old.left_at else REFERENCE_DATE
        if rng.random() >= 0.25 or start > REFERENCE_DATE:
            continue
        src = world.companies[old.company]
        dst = rng.choice(targets[src.vertical])
        if dst.idx == src.idx or dst.city.country != src.city.country:
            continue
        title = rng.choice(pool_for(dst.industry)[old.seniority])
        new = _person(world, rng, dst, title, old.seniority, pattern=rng.randrange(4), emails=emails)
        new.family_zh, new.given_zh, new.family_en, new.given_en = (
            old.family_zh,
            old.given_zh,
            old.family_en,
            old.given_en,
        )
        new.is_cn, new.female, new.moved_from = old.is_cn, old.female, old.idx
        new.email, k = _email(rng, 0, (old.given_en, old.family_en), dst.domain), 2
        while new.email in emails:
            new.email, k = _email(rng, 0, (old.given_en, old.family_en), dst.domain, k), k + 1
        emails.add(new.email)
        new.created = start
        boss = [
            world.people[i] for i in world.staff_of[dst.idx] if world.people[i].seniority in ("c_level", "vp")
        ]
        new.manager = boss[0].idx if boss and boss[0].idx != new.idx else None


def _assign_ids(world: World, rng: random.Random) -> None:
    n = 200000
    for p in sorted(world.people, key=lambda q: (q.created, q.idx)):
        n += rng.randint(1, 9)
        p.contact_id = f"CON-{n:07d}"
