"""Network fields: ``Query.warmIntroPaths``, ``Query.influencers`` and ``Company.similar``.

Each stays inside the caller's view: warm-introduction paths are searched on the people
graph cut to the people the caller may see (``api._warm``), influencers are read in the
caller's scope, and similar accounts across the policy-checked relationship reads.
"""

from __future__ import annotations

from typing import Any

import graphene
from graphql import GraphQLResolveInfo

from api._context import Context
from api._errors import ApiError, Code
from api._relay import from_global_id, page_size
from api._types import TYPES, Node, Rec, ctx_of, services_of
from graph.reads import Cond, Op, Props

MAX_WARM_PATHS = 10


def _person() -> Any:
    return TYPES["Person"]


class WarmHopType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "WarmIntroHop"
        description = "One step of a warm introduction: the person reached and the tie used"

    person = graphene.Field(_person, required=True)
    relationship = graphene.String(required=True, description="KNOWS or REPORTS_TO")
    forward = graphene.Boolean(required=True, description="walked from the edge's start to its end")
    strength = graphene.Float(description="the KNOWS tie's strength, 0..1")
    last_contact = graphene.Date(description="the KNOWS tie's last contact")


class WarmPathType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "WarmIntroPath"
        description = "A chain of acquaintances from one of our reps to the person to meet"

    rep = graphene.Field(_person, required=True, description="our rep to start from")
    target = graphene.Field(_person, required=True)
    cost = graphene.Float(required=True, description="lower is warmer: weak or stale ties cost more")
    length = graphene.Int(required=True, description="hops")
    hops = graphene.List(graphene.NonNull(WarmHopType), required=True)


async def resolve_warm_intro_paths(
    root: Any, info: GraphQLResolveInfo, to: str, first: int | None = 3
) -> list[dict[str, Any]]:
    first = 3 if first is None else first  # an explicit null means the default
    if not 1 <= first <= MAX_WARM_PATHS:
        raise ApiError(Code.BAD_USER_INPUT, f"first must be between 1 and {MAX_WARM_PATHS}")
    label, key = from_global_id(to)
    if label != "Person":
        raise ApiError(Code.BAD_USER_INPUT, "to: warm introductions lead to a person")
    context = ctx_of(info)
    people = context.node_loader("Person")
    if await people.load(key) is None:
        return []
    found = await context.run(services_of(context).warm.paths, context.reads, key, first)
    out = []
    for warm in found:
        nodes = await people.load_many([k for _, k in warm.path.nodes])
        if any(n is None for n in nodes):  # became invisible since the graph was cut
            continue
        recs = [Rec("Person", n) for n in nodes if n is not None]
        hops = [
            {
                "person": rec,
                "relationship": hop.rel,
                "forward": hop.forward,
                "strength": edge.get("strength"),
                "last_contact": edge.get("last_contact"),
            }
            for rec, hop, edge in zip(recs[1:], warm.path.hops, warm.edges, strict=True)
        ]
        cost, length = warm.path.cost, len(hops)
        out.append({"rep": recs[0], "target": recs[-1], "cost": cost, "length": length, "hops": hops})
    return out


class InfluencerScopeInput(graphene.InputObjectType):  # type: ignore[misc]
    class Meta:
        name = "InfluencerScope"
        description = "One account (its decision chain), one territory, or (empty) all you may see"

    account = graphene.ID(description="a company's global id")
    territory = graphene.String()


class InfluencerType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "Influencer"

    node = graphene.Field(Node, required=True, description="a Person, or a Company (referrals)")
    rank = graphene.Int(required=True, description="place in this list, 1 = most influential")
    score = graphene.Float(
        required=True,
        description="what the list is ranked by: decision-chain influence in an account, "
        "network influence otherwise",
    )
    network_influence = graphene.Float(description="PageRank over REFERRED, KNOWS and INFLUENCES")
    network_rank = graphene.Int(description="1 = highest network influence")
    brokerage = graphene.Float(description="betweenness: how much of the network's paths pass here")
    reasons = graphene.List(graphene.NonNull(graphene.String), required=True, description="in an account")


def _item(rec: Rec, score: float, reasons: tuple[str, ...] | list[str] = ()) -> dict[str, Any]:
    p = rec.props
    return {
        "node": rec,
        "score": score,
        "network_influence": p.get("network_influence"),
        "network_rank": p.get("network_rank"),
        "brokerage": p.get("brokerage"),
        "reasons": list(reasons),
    }


async def _account_influencers(context: Context, account: str, size: int) -> list[dict[str, Any]]:
    label, key = from_global_id(account)
    if label != "Company":
        raise ApiError(Code.BAD_USER_INPUT, "scope.account: not a company's id")
    members = (await context.chain_loader().load(key))[:size]
    people = await context.node_loader("Person").load_many([m.person_id for m in members])
    return [
        _item(Rec("Person", p), m.influence, m.reasons)
        for m, p in zip(members, people, strict=True)
        if p is not None
    ]


async def _network_influencers(context: Context, territory: str | None, size: int) -> list[dict[str, Any]]:
    found: list[Rec] = []
    for label in ("Person", "Company"):
        # a person is in a territory when they work there now (or are a rep of it)
        conds = [Cond("network_influence", Op.IS_SET)]
        if territory is not None:
            conds.append(Cond.in_territory(territory))
        rows: list[Props] = await context.run(
            context.reads.page, label, conds, [("network_influence", True)], 0, size
        )
        found.extend(Rec(label, r) for r in rows)
    found.sort(key=lambda r: (-float(r.props["network_influence"]), r.label, r.key))
    return [_item(r, float(r.props["network_influence"])) for r in found[:size]]


async def resolve_influencers(
    root: Any, info: GraphQLResolveInfo, scope: dict[str, Any] | None = None, first: int | None = 10
) -> list[dict[str, Any]]:
    context = ctx_of(info)
    size = page_size(10 if first is None else first, context.max_page)
    account, territory = (scope or {}).get("account"), (scope or {}).get("territory")
    if account is not None and territory is not None:
        raise ApiError(Code.BAD_USER_INPUT, "scope: give an account or a territory, not both")
    if account is not None:
        items = await _account_influencers(context, account, size)
    else:
        items = await _network_influencers(context, territory, size)
    return [item | {"rank": i} for i, item in enumerate(items, 1)]


class SimilarCompanyType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "SimilarCompany"

    company = graphene.Field(lambda: TYPES["Company"], required=True)
    score = graphene.Float(required=True, description="cosine similarity of what both buy, 0..1")
    rank = graphene.Int(description="1 = the most similar")
    reasons = graphene.List(graphene.NonNull(graphene.String), required=True)


async def _similar(rec: Rec, info: GraphQLResolveInfo, first: int | None = 5) -> list[dict[str, Any]]:
    context = ctx_of(info)
    size = page_size(5 if first is None else first, context.max_page)
    items = await context.related_loader("SIMILAR_TO", "Company", "Company", True).load(rec.key)
    ranked = sorted(items, key=lambda item: (item[1].get("rank") or 1 << 30, item[0]["id"]))
    return [
        {
            "company": Rec("Company", node),
            "score": float(edge.get("score") or 0.0),
            "rank": edge.get("rank"),
            "reasons": edge.get("reasons") or [],
        }
        for node, edge in ranked[:size]
    ]


def network_query_fields() -> dict[str, Any]:
    return {
        "warm_intro_paths": graphene.List(
            graphene.NonNull(WarmPathType),
            required=True,
            to=graphene.ID(required=True, description="the person to meet (a global id)"),
            first=graphene.Int(default_value=3),
            resolver=resolve_warm_intro_paths,
            description="the warmest chains of acquaintances from our reps to a person, "
            "through people you may see",
        ),
        "influencers": graphene.List(
            graphene.NonNull(InfluencerType),
            required=True,
            scope=graphene.Argument(InfluencerScopeInput),
            first=graphene.Int(default_value=10),
            resolver=resolve_influencers,
            description="the most influential people (and referring companies) you may see",
        ),
    }


def network_company_fields() -> dict[str, Any]:
    return {
        "similar": graphene.List(
            graphene.NonNull(SimilarCompanyType),
            required=True,
            first=graphene.Int(default_value=5),
            resolver=_similar,
            description="the accounts that buy most alike (segments analysis), most similar first",
        ),
    }
