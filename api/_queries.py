"""Top-level reads: lists with filters and sorting, search, node(id), and the
intelligence fields on Company."""

from __future__ import annotations

from typing import Any

import graphene
from graphene.utils.str_converters import to_camel_case
from graphql import GraphQLResolveInfo

from api._enums import choice_enum, choices
from api._errors import ApiError, Code
from api._job_fields import job_query
from api._network import network_company_fields, network_query_fields
from api._paths import path_field
from api._relay import Edge as SliceEdge
from api._relay import Slice, cursor, from_global_id, offset_after, page_size
from api._types import EXTRA_FIELDS, SUPERSEDED, TYPES, Node, Rec, connection_type, ctx_of, plural, scalar
from api.intelligence import CrossSellItem, DecisionMember
from graph.reads import Cond, Op
from ingest.normalize import nfkc, to_simplified
from schema import REGISTRY, PropType

#: equality filters (any of the given values) per type
EQUALS: dict[str, tuple[str, ...]] = {
    "Company": ("industry", "region", "country", "city", "tier", "lifecycle", "territory", "owner_id"),
    "Person": ("seniority", "department", "territory", "internal"),
    "Product": ("category", "family", "currency"),
    "Opportunity": ("stage", "status"),
    "Activity": ("kind",),
    "Document": ("kind", "lang"),
    "Topic": (),
    "Signal": ("kind", "severity", "status"),
    "Run": ("kind", "status"),
}
#: inclusive ranges (``<prop>Min``/``<prop>Max``) per type
RANGES: dict[str, tuple[str, ...]] = {
    "Company": ("employees", "annual_revenue"),
    "Product": ("price",),
    "Opportunity": ("amount", "close_date"),
    "Activity": ("at", "sentiment"),
    "Signal": ("score", "detected_at"),
}
#: the top-level list of each type: companies, people, ...
LIST_FIELDS = {label: plural(label) for label in REGISTRY.nodes}
SEARCHABLE = ("Company", "Person", "Product", "Topic")
_SORTABLE = {PropType.STRING, PropType.INT, PropType.FLOAT, PropType.DATE, PropType.DATETIME, PropType.BOOL}
_HIDDEN = {"source", "source_key", "run_id", "ingested_at", "content_hash"}
#: personal data no list sorts by: an order reveals what masking hides
_UNSORTED = {"Person": frozenset({"address", "postcode", "birth_date", "external_id"})}

Direction = graphene.Enum("SortDirection", [("ASC", "asc"), ("DESC", "desc")])
NodeTypeEnum = graphene.Enum("NodeType", [(label.upper(), label) for label in REGISTRY.nodes])


def _value(v: Any) -> Any:
    return getattr(v, "value", v)


def _filter_input(label: str) -> Any:
    node = REGISTRY.node(label)
    props = {p.name: p for p in node.props}
    attrs: dict[str, Any] = {}
    if "name" in props:
        attrs["name_contains"] = graphene.String(description="in the name or an alias, any case")
    for name in EQUALS.get(label, ()):
        prop = props[name]
        if prop.type is PropType.BOOL:
            attrs[name] = graphene.Boolean()
        elif choices(label, name):
            # the enum field replaces the string one, which stays until clients have moved
            enum = choice_enum(label, name)
            attrs[f"{name}_in"] = graphene.List(graphene.NonNull(enum), description="any of")
            attrs[name] = graphene.List(
                graphene.NonNull(graphene.String),
                description="any of (checked against the same values)",
                deprecation_reason=f"use {to_camel_case(name)}In, the values as an enum",
            )
        else:
            attrs[name] = graphene.List(graphene.NonNull(graphene.String), description="any of")
    for name in RANGES.get(label, ()):
        attrs[f"{name}_min"] = scalar(props[name])
        attrs[f"{name}_max"] = scalar(props[name])
    return type(f"{label}Filter", (graphene.InputObjectType,), attrs)


def _order_input(label: str) -> Any:
    node = REGISTRY.node(label)
    fields = [
        (p.name.upper(), p.name)
        for p in node.props
        if p.type in _SORTABLE and p.name not in _HIDDEN and p.name not in _UNSORTED.get(label, ())
    ]
    enum = graphene.Enum(f"{label}SortField", fields)
    attrs = {"field": enum(required=True), "direction": Direction(default_value="asc")}
    return type(f"{label}Order", (graphene.InputObjectType,), attrs)


def conditions(label: str, flt: dict[str, Any] | None) -> list[Cond]:
    """A list's ``filter`` argument as conditions (its fields come from the ontology)."""
    out: list[Cond] = []
    for key, value in (flt or {}).items():
        if value is None:
            continue
        if key == "name_contains":
            out.append(Cond.name_contains(str(value)))
        elif key.endswith("_min") or key.endswith("_max"):
            out.append(Cond(key[:-4], Op.AT_LEAST if key.endswith("_min") else Op.AT_MOST, value))
        elif isinstance(value, bool):
            out.append(Cond(key, Op.EQUALS, value))
        elif key.endswith("_in"):
            out.append(Cond(key[:-3], Op.IN, [_value(v) for v in value]))
        else:
            _check_choices(label, key, value)
            out.append(Cond(key, Op.IN, value))
    return out


def _check_choices(label: str, prop: str, given: list[str]) -> None:
    """A string filter on a property with fixed values takes only those values: a typo is
    an error, not an empty list."""
    allowed = choices(label, prop)
    unknown = [v for v in given if v not in allowed]
    if allowed and unknown:
        raise ApiError(
            Code.BAD_USER_INPUT,
            f"filter.{to_camel_case(prop)}: {unknown[0]!r:.40} is not one of {', '.join(allowed)}",
        )


def _list_field(label: str) -> Any:
    node_type = TYPES[label]
    conn = connection_type(label, node_type)
    has_name = "name" in {p.name for p in REGISTRY.node(label).props}

    async def resolve(  # type: ignore[no-untyped-def]
        root: Any,
        info: GraphQLResolveInfo,
        first: int | None = None,
        after: str | None = None,
        filter: dict[str, Any] | None = None,  # the GraphQL argument's name
        order_by: list[dict[str, Any]] | None = None,
    ):
        context = ctx_of(info)
        size = page_size(first, context.max_page)
        skip = offset_after(after)
        conds = conditions(label, filter)
        order = [(str(_value(o["field"])), _value(o.get("direction")) == "desc") for o in order_by or []]
        if not order and has_name:
            order = [("name", False)]
        # a masked value sorts as if absent: an order by it would reveal what masking hides
        order = [(p, desc) for p, desc in order if not context.policy.masked(label, p)]
        rows = await context.run(context.reads.page, label, conds, order, skip, size + 1)
        edges = [SliceEdge(cursor(skip + i), Rec(label, r), {}) for i, r in enumerate(rows[:size])]

        async def count() -> int:
            total: int = await context.run(context.reads.count, label, conds)
            return total

        return Slice(edges, len(rows) > size, skip > 0, None, count)

    return graphene.Field(
        conn,
        required=True,
        first=graphene.Int(),
        after=graphene.String(),
        filter=graphene.Argument(_filter_input(label)),
        order_by=graphene.List(graphene.NonNull(_order_input(label))),
        resolver=resolve,
    )


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
    labels = [_value(t) for t in types] if types else list(SEARCHABLE)
    hits: list[Rec] = []
    for label in labels:
        if "name" not in {p.name for p in REGISTRY.node(label).props}:
            continue
        rows = await context.run(context.reads.search, label, variants, size)
        hits.extend(Rec(label, r) for r in rows)
    folded = {v.lower() for v in variants}

    def rank(rec: Rec) -> tuple[int, int, str]:
        names = [rec.props.get("name") or "", *(rec.props.get("aliases") or [])]
        exact = any(n.lower() in folded for n in names)
        return (0 if exact else 1, len(rec.props.get("name") or ""), rec.key)

    return sorted(hits, key=rank)[:size]


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
        attrs[field_name] = _list_field(label)
    return attrs
