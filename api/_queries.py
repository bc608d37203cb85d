"""Top-level reads: the lists (``api._lists``), search, node(id), and the intelligence
fields on Company."""

from __future__ import annotations

from typing import Any

import graphene
from graphene.utils.str_converters import to_camel_case
from graphql import GraphQLResolveInfo

from api._aggregates import aggregate_field
from api._job_fields import job_query
from api._lists import enum_value, list_field
from api._network import network_company_fields, network_query_fields
from api._paths import path_field
from api._relay import from_global_id, page_size
from api._types import EXTRA_FIELDS, SUPERSEDED, TYPES, Node, Rec, ctx_of, plural
from api.intelligence import CrossSellItem, DecisionMember
from ingest.normalize import nfkc, to_simplified
from schema import REGISTRY

#: the top-level list of each type: companies, people, ...
LIST_FIELDS = {label: plural(label) for label in REGISTRY.nodes}
SEARCHABLE = ("Company", "Person", "Product", "Topic")
NodeTypeEnum = graphene.Enum("NodeType", [(label.upper(), label) for label in REGISTRY.nodes])


def search_variants(text: str) -> list[str]:
    base = nfkc(text).strip()
    return sorted({base, to_simplified(base)} - {""})


async def resolve_search(
    root: Any, info: GraphQLResolveInfo, text: str, types: list[Any] | None = None, first: int | None = None
) -> list[Rec]:
    context = ctx_of(info)
    size = page_size(first, context.max_page)
    variants = search_variants(text)
    if not variants:
        return []
    labels = [enum_value(t) for t in types] if types else list(SEARCHABLE)
    hits: list[tuple[int, int, str, Rec]] = []
    for label in labels:
        if "name" not in {p.name for p in REGISTRY.node(label).props}:
            continue
        rows = await context.run(context.reads.search, label, variants, size)
        hits.extend((rank, len(r.get("name") or ""), r["id"], Rec(label, r)) for rank, r in rows)
    # the best matches of every type: the store ranked each type's (whole name, its start, a
    # word's start, anywhere), shorter names first
    return [rec for *_, rec in sorted(hits, key=lambda h: h[:3])][:size]


async def resolve_node(root: Any, info: GraphQLResolveInfo, id: str) -> Rec | None:
    label, key = from_global_id(id)
    props = await ctx_of(info).node_loader(label).load(key)
    return Rec(label, props) if props is not None else None


def _key_lookup(label: str) -> Any:
    async def resolve(root: Any, info: GraphQLResolveInfo, key: str) -> Rec | None:
        props = await ctx_of(info).node_loader(label).load(key)
        return Rec(label, props) if props is not None else None

    return graphene.Field(TYPES[label], key=graphene.String(required=True), resolver=resolve)


class DecisionMemberType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "DecisionMember"

    person = graphene.Field(lambda: TYPES["Person"])
    role = graphene.String(required=True)
    stance = graphene.String()
    influence = graphene.Float(required=True, description="0..1, higher decides more")
    reasons = graphene.List(graphene.NonNull(graphene.String), required=True)
    rank = graphene.Int(
        description="place in the account's decision chain (unset before an influence analysis)"
    )

    @staticmethod
    async def resolve_person(member: DecisionMember, info: GraphQLResolveInfo) -> Rec | None:
        props = await ctx_of(info).node_loader("Person").load(member.person_id)
        return Rec("Person", props) if props is not None else None


class CrossSellType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "CrossSell"

    product = graphene.Field(lambda: TYPES["Product"])
    score = graphene.Float(required=True)
    explanation = graphene.String(required=True)
    evidence = graphene.List(graphene.NonNull(graphene.String), required=True)
    paths = graphene.List(graphene.NonNull(graphene.List(graphene.NonNull(graphene.String))), required=True)
    contact = graphene.Field(lambda: TYPES["Person"], description="whom to approach")
    rank = graphene.Int(description="1 = best")
    kinds = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="the methods that contributed"
    )

    @staticmethod
    async def resolve_product(item: CrossSellItem, info: GraphQLResolveInfo) -> Rec | None:
        props = await ctx_of(info).node_loader("Product").load(item.product_id)
        return Rec("Product", props) if props is not None else None

    @staticmethod
    async def resolve_contact(item: CrossSellItem, info: GraphQLResolveInfo) -> Rec | None:
        if item.contact_id is None:
            return None
        props = await ctx_of(info).node_loader("Person").load(item.contact_id)
        return Rec("Person", props) if props is not None else None


class PurchaseTotalType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "PurchaseTotal"

    product = graphene.Field(lambda: TYPES["Product"])
    lines = graphene.Int(required=True, description="order lines")
    amount = graphene.Float(description="sum of the lines' amounts")
    last_at = graphene.Date(description="date of the latest order line")

    @staticmethod
    async def resolve_product(row: dict[str, Any], info: GraphQLResolveInfo) -> Rec | None:
        props = await ctx_of(info).node_loader("Product").load(row["product"])
        return Rec("Product", props) if props is not None else None

    @staticmethod
    def resolve_last_at(row: dict[str, Any], info: GraphQLResolveInfo) -> Any:
        return row.get("last_at")


async def _purchase_summary(rec: Rec, info: GraphQLResolveInfo, first: int = 20) -> list[dict[str, Any]]:
    context = ctx_of(info)
    size = page_size(first, context.max_page)
    return (await context.purchases_loader().load(rec.key))[:size]


async def _decision_chain(rec: Rec, info: GraphQLResolveInfo) -> list[DecisionMember]:
    return await ctx_of(info).chain_loader().load(rec.key)


async def _cross_sell(rec: Rec, info: GraphQLResolveInfo, first: int = 5) -> list[CrossSellItem]:
    context = ctx_of(info)
    return (await context.cross_sell_loader(page_size(first, context.max_page)).load(rec.key))[:first]


def _company_extra() -> dict[str, Any]:
    return {
        "decision_chain": graphene.List(
            graphene.NonNull(DecisionMemberType),
            required=True,
            resolver=_decision_chain,
            description="who decides in this account, most influential first",
        ),
        "purchase_summary": graphene.List(
            graphene.NonNull(PurchaseTotalType),
            required=True,
            first=graphene.Int(default_value=20),
            resolver=_purchase_summary,
            description="what the account buys, per product, largest amount first",
        ),
        "cross_sell": graphene.List(
            graphene.NonNull(CrossSellType),
            required=True,
            first=graphene.Int(default_value=5),
            resolver=_cross_sell,
            description="products to offer next, with their explanation",
        ),
    }


class InfluenceType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "Influence"
        description = "A person's place in their account's decision chain (influence analysis)"

    score = graphene.Float(required=True, description="higher decides more")
    rank = graphene.Int(required=True, description="1 = most influential in the account")
    reasons = graphene.List(graphene.NonNull(graphene.String), required=True)


class RfmType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "Rfm"
        description = "RFM value segment, lifetime value, community and churn risk (segments analysis)"

    tier = graphene.String(
        required=True, description="loyal high-value, growth potential, at risk or dormant"
    )
    recency = graphene.Int(description="recency score 1..5, 5 = ordered most recently")
    frequency = graphene.Int(description="frequency score 1..5")
    monetary = graphene.Int(description="monetary score 1..5")
    recency_days = graphene.Int(description="days since the last order")
    orders = graphene.Int(description="orders in the last year")
    spend = graphene.Float(description="spend in the last year")
    ltv = graphene.Float(description="estimated lifetime value")
    community = graphene.String(description="community of accounts that buy alike")
    churn_risk = graphene.Float(description="0..1")


def _influence(rec: Rec, info: GraphQLResolveInfo) -> dict[str, Any] | None:
    p = rec.props
    if p.get("influence_rank") is None:
        return None
    return {
        "score": p.get("influence_score", 0.0),
        "rank": p["influence_rank"],
        "reasons": p.get("influence_reasons") or [],
    }


#: Company's segments properties -> the ``Rfm`` field that serves each
RFM_FIELDS = {
    "rfm_tier": "tier",
    "rfm_r": "recency",
    "rfm_f": "frequency",
    "rfm_m": "monetary",
    "rfm_recency_days": "recency_days",
    "rfm_frequency": "orders",
    "rfm_monetary": "spend",
    "ltv": "ltv",
    "community": "community",
    "churn_risk": "churn_risk",
}
#: Person's influence properties -> the ``Influence`` field that serves each
INFLUENCE_FIELDS = {"influence_score": "score", "influence_rank": "rank", "influence_reasons": "reasons"}


def _rfm(rec: Rec, info: GraphQLResolveInfo) -> dict[str, Any] | None:
    p = rec.props
    if p.get("rfm_tier") is None:
        return None
    return {field: p.get(prop) for prop, field in RFM_FIELDS.items()}


def _company_fields() -> dict[str, Any]:
    return (
        _company_extra()
        | network_company_fields()
        | {"rfm": graphene.Field(RfmType, resolver=_rfm, description="unset before a segments analysis")}
    )


def _person_extra() -> dict[str, Any]:
    return {
        "influence": graphene.Field(
            InfluenceType, resolver=_influence, description="unset before an influence analysis"
        ),
    }


EXTRA_FIELDS["Company"] = _company_fields
EXTRA_FIELDS["Person"] = _person_extra
SUPERSEDED.update({("Company", p): f"use rfm {{ {to_camel_case(f)} }}" for p, f in RFM_FIELDS.items()})
SUPERSEDED.update({("Person", p): f"use influence {{ {f} }}" for p, f in INFLUENCE_FIELDS.items()})
SUPERSEDED[("Company", "recommendedProducts")] = "use crossSell: the same recommendations, explained"


class Me(graphene.ObjectType):  # type: ignore[misc]
    subject = graphene.String(required=True)
    role = graphene.String(required=True)
    territories = graphene.List(graphene.NonNull(graphene.String), required=True)
    pii = graphene.Boolean(required=True)


def _me(root: Any, info: GraphQLResolveInfo) -> dict[str, Any]:
    p = ctx_of(info).principal
    return {
        "subject": p.subject,
        "role": p.role.value,
        "territories": sorted(p.territories),
        "pii": p.sees_pii,
    }


def query_attrs() -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "node": graphene.Field(Node, id=graphene.ID(required=True), resolver=resolve_node),
        "search": graphene.List(
            graphene.NonNull(Node),
            required=True,
            text=graphene.String(required=True),
            types=graphene.List(graphene.NonNull(NodeTypeEnum)),
            first=graphene.Int(),
            resolver=resolve_search,
            description="companies, people, products and topics by name or alias (English or Chinese)",
        ),
        "company": _key_lookup("Company"),
        "person": _key_lookup("Person"),
        "me": graphene.Field(Me, required=True, resolver=_me),
        "path": path_field(),
        "job": job_query(),
        **network_query_fields(),
    }
    for label, field_name in LIST_FIELDS.items():
        attrs[field_name] = list_field(label)
        if (aggregate := aggregate_field(label, field_name)) is not None:
            attrs[f"{field_name}_aggregate"] = aggregate
    return attrs
