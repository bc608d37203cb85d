"""Assemble the true world (companies, people, products) from per-stage random streams."""

from __future__ import annotations

from ._churn import plan_churn
from ._common import sub_rng
from ._companies import build_accounts
from ._company_names import NameFactory
from ._identity import assign_keys
from ._market import build_market
from ._model import World
from ._people import build_contacts, build_reps


def build_world(seed: int, scale: float) -> World:
    world = World(seed=seed, scale=scale)
    names = NameFactory(sub_rng(seed, "names"))
    build_market(world, sub_rng(seed, "market"), names)
    build_accounts(world, sub_rng(seed, "accounts"), names)
    assign_keys(world, sub_rng(seed, "keys"))
    build_reps(world, sub_rng(seed, "reps"))
    build_contacts(world, sub_rng(seed, "contacts"))
    plan_churn(world, sub_rng(seed, "churn"))
    return world
