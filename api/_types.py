"""GraphQL object types derived from the ontology: one type per node label, its
properties as fields and each relationship (both directions) as a connection field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import graphene
from graphql import GraphQLResolveInfo

from api._context import Context
from api._policy import PII_FIELDS, mask
from api._relay import Slice, offset_after, page_size, slice_list, to_global_id
from api._services import Services
from api._visible_refs import visible_evidence, visible_paths, visible_reason
from graph.reads import Props
from ingest.text import parse_evidence
from schema import REGISTRY, NodeType, Prop, PropType, RelType

#: provenance and bookkeeping, served under ``provenance`` instead of as fields
_PROVENANCE = frozenset({"source", "source_key", "source_keys", "run_id", "ingested_at", "content_hash"})
_EDGE_HIDDEN = _PROVENANCE | {"evidence", "_from", "_to"}

#: (relationship, start, end, outgoing) -> field name on the node at this end
REL_FIELDS: dict[tuple[str, str, str, bool], str] = {
    ("WORKS_AT", "Person", "Company", True): "employers",
    ("WORKS_AT", "Person", "Company", False): "contacts",
    ("REPORTS_TO", "Person", "Person", True): "reportsTo",
    ("REPORTS_TO", "Person", "Person", False): "directReports",
    ("DECISION_ROLE", "Person", "Company", True): "decisionRolesAtCompanies",
    ("DECISION_ROLE", "Person", "Company", False): "decisionRoles",
    ("DECISION_ROLE", "Person", "Opportunity", True): "decisionRolesOnOpportunities",
    ("DECISION_ROLE", "Person", "Opportunity", False): "decisionRoles",
    ("KNOWS", "Person", "Person", True): "knows",
    ("KNOWS", "Person", "Person", False): "knownBy",
    ("INFLUENCES", "Person", "Person", True): "influences",
    ("INFLUENCES", "Person", "Person", False): "influencedBy",
    ("OWNS", "Person", "Company", True): "ownedAccounts",
    ("OWNS", "Person", "Company", False): "owners",
    ("REFERRED", "Company", "Company", True): "referred",
    ("REFERRED", "Company", "Company", False): "referredByCompanies",
    ("REFERRED", "Person", "Company", True): "referred",
    ("REFERRED", "Person", "Company", False): "referredByPeople",
    ("PURCHASED", "Company", "Product", True): "purchases",
    ("PURCHASED", "Company", "Product", False): "purchasedBy",
    ("USES", "Company", "Product", True): "installedProducts",
    ("USES", "Company", "Product", False): "installedAt",
    ("USES", "Company", "Company", True): "installedVendors",
    ("USES", "Company", "Company", False): "installedAtAccounts",
    ("OFFERED_BY", "Product", "Company", True): "vendors",
    ("OFFERED_BY", "Product", "Company", False): "offers",
    ("COMPLEMENTS", "Product", "Product", True): "complements",
    ("COMPLEMENTS", "Product", "Product", False): "complementedBy",
    ("SUPPLIES", "Company", "Company", True): "suppliesTo",
    ("SUPPLIES", "Company", "Company", False): "suppliers",
    ("COMPETES_WITH", "Company", "Company", True): "competitors",
    ("COMPETES_WITH", "Company", "Company", False): "competitorOf",
    ("SUBSIDIARY_OF", "Company", "Company", True): "parents",
    ("SUBSIDIARY_OF", "Company", "Company", False): "subsidiaries",
    ("PARTNER_OF", "Company", "Company", True): "partners",
    ("PARTNER_OF", "Company", "Company", False): "partnerOf",
    ("HAS_OPPORTUNITY", "Company", "Opportunity", True): "opportunities",
    ("HAS_OPPORTUNITY", "Company", "Opportunity", False): "accounts",
    ("FOR_PRODUCT", "Opportunity", "Product", True): "products",
    ("FOR_PRODUCT", "Opportunity", "Product", False): "opportunities",
    ("PARTICIPATED", "Person", "Activity", True): "activities",
    ("PARTICIPATED", "Person", "Activity", False): "participants",
    ("ABOUT", "Activity", "Company", True): "aboutCompanies",
    ("ABOUT", "Activity", "Company", False): "activities",
    ("ABOUT", "Activity", "Person", True): "aboutPeople",
    ("ABOUT", "Activity", "Person", False): "activitiesAbout",
    ("ABOUT", "Activity", "Opportunity", True): "aboutOpportunities",
    ("ABOUT", "Activity", "Opportunity", False): "activities",
    ("ABOUT", "Signal", "Company", True): "aboutCompanies",
    ("ABOUT", "Signal", "Company", False): "signals",
    ("ABOUT", "Signal", "Person", True): "aboutPeople",
    ("ABOUT", "Signal", "Person", False): "signals",
    ("ABOUT", "Signal", "Opportunity", True): "aboutOpportunities",
    ("ABOUT", "Signal", "Opportunity", False): "signals",
    ("MENTIONS", "Document", "Company", True): "mentionedCompanies",
    ("MENTIONS", "Document", "Company", False): "mentions",
    ("MENTIONS", "Document", "Person", True): "mentionedPeople",
    ("MENTIONS", "Document", "Person", False): "mentions",
    ("MENTIONS", "Document", "Product", True): "mentionedProducts",
    ("MENTIONS", "Document", "Product", False): "mentions",
    ("MENTIONS", "Document", "Topic", True): "mentionedTopics",
    ("MENTIONS", "Document", "Topic", False): "mentions",
    ("INTERESTED_IN", "Company", "Topic", True): "interests",
    ("INTERESTED_IN", "Company", "Topic", False): "interestedCompanies",
    ("INTERESTED_IN", "Person", "Topic", True): "interests",
    ("INTERESTED_IN", "Person", "Topic", False): "interestedPeople",
    # the raw RECOMMENDS edges; Company.crossSell reads them with their explanations
    ("RECOMMENDS", "Company", "Product", True): "recommendedProducts",
    ("RECOMMENDS", "Company", "Product", False): "recommendedTo",
}


def plural(label: str) -> str:
    if label == "Person":
        return "people"
    word = label[:1].lower() + label[1:]
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def rel_field_name(rel: RelType, start: str, end: str, outgoing: bool) -> str:
    """The curated name, or for a relationship added to the ontology later a derived one:
    ``fooBar`` / ``fooBarFrom`` + the other end's plural when the type has several ends."""
    named = REL_FIELDS.get((rel.type, start, end, outgoing))
    if named is not None:
        return named
    camel = "".join(w.capitalize() for w in rel.type.lower().split("_"))
    other = end if outgoing else start
    here = start if outgoing else end
    ends = {e if outgoing else s for s, e in rel.endpoints if (s if outgoing else e) == here}
    suffix = plural(other)[:1].upper() + plural(other)[1:] if len(ends) > 1 else ""
    return camel[:1].lower() + camel[1:] + ("" if outgoing else "From") + suffix


@dataclass(frozen=True)
class Rec:
    """A node as resolvers see it."""

    label: str
    props: Props

    @property
    def key(self) -> str:
        return str(self.props["id"])


def ctx_of(info: GraphQLResolveInfo) -> Context:
    context: Context = info.context
    return context


def services_of(context: Context) -> Services:
    """The app's jobs, warm-introduction graphs and ingest locations."""
    assert context.services is not None, "the app wires its services into every context"
    return context.services


#: the GraphQL scalar of each single-valued property kind
SCALARS: dict[PropType, Any] = {
    PropType.STRING: graphene.String,
    PropType.INT: graphene.Int,
    PropType.FLOAT: graphene.Float,
    PropType.BOOL: graphene.Boolean,
    PropType.DATE: graphene.Date,
    PropType.DATETIME: graphene.DateTime,
}


def scalar(prop: Prop, required: bool = False, **kwargs: Any) -> Any:
    """The GraphQL scalar (unmounted) for a property; ``kwargs`` go to the field."""
    if prop.type is PropType.STRING_LIST:
        return graphene.List(graphene.NonNull(graphene.String), required=required, **kwargs)
    return SCALARS[prop.type](required=required, description=prop.doc or None, **kwargs)


def _prop_resolver(label: str, name: str) -> Callable[..., Any]:
    if (label, name) == ("Signal", "evidence"):
        return visible_evidence
    if (label, name) == ("Signal", "reason"):
        return visible_reason
    if name in PII_FIELDS.get(label, ()):

        def resolve_pii(rec: Rec, info: GraphQLResolveInfo) -> Any:
            value = rec.props.get(name)
            if value is None:
                return None
            context = ctx_of(info)
            if context.policy.masked(label, name):
                # a string keeps its shape; a masked date has no shape to keep
                return mask(value) if isinstance(value, str) else None
            context.read_pii(label, name)
            return value

        return resolve_pii
    return lambda rec, info: rec.props.get(name)


class PageInfo(graphene.ObjectType):  # type: ignore[misc]
    has_next_page = graphene.Boolean(required=True)
    has_previous_page = graphene.Boolean(required=True)
    start_cursor = graphene.String()
    end_cursor = graphene.String()


class Provenance(graphene.ObjectType):  # type: ignore[misc]
    source = graphene.String()
    source_key = graphene.String()
    source_keys = graphene.List(graphene.NonNull(graphene.String))
    run_id = graphene.String()
    ingested_at = graphene.DateTime()


class Node(graphene.Interface):  # type: ignore[misc]
    """An object with a global id (Relay)."""

    id = graphene.ID(required=True, description="global id; pass it to node(id)")
    key = graphene.String(required=True, description="the key in the graph store")

    @classmethod
    def resolve_type(cls, instance: Rec, info: GraphQLResolveInfo) -> Any:
        return TYPES[instance.label]


def page_info(s: Slice[Any]) -> dict[str, Any]:
    return {
        "has_next_page": s.has_next,
        "has_previous_page": s.has_previous,
        "start_cursor": s.edges[0].cursor if s.edges else None,
        "end_cursor": s.edges[-1].cursor if s.edges else None,
    }


def connection_type(
    name: str, node: Any, edge_fields: Mapping[str, tuple[Any, str | Callable[..., Any]]] | None = None
) -> Any:
    """``<name>Connection`` with ``<name>Edge``: edges, nodes, pageInfo, totalCount."""
    edge_attrs: dict[str, Any] = {
        "cursor": graphene.String(required=True),
        "node": graphene.Field(node, required=True, resolver=lambda e, info: e.node),
    }
    for field_name, (field, prop) in (edge_fields or {}).items():
        edge_attrs[field_name] = field
        edge_attrs[f"resolve_{field_name}"] = _edge_prop(prop) if isinstance(prop, str) else prop
    edge = type(f"{name}Edge", (graphene.ObjectType,), edge_attrs)
    attrs: dict[str, Any] = {
        "edges": graphene.List(graphene.NonNull(edge), required=True, resolver=lambda s, info: s.edges),
        "nodes": graphene.List(
            graphene.NonNull(node), required=True, resolver=lambda s, info: [e.node for e in s.edges]
        ),
        "page_info": graphene.Field(PageInfo, required=True, resolver=lambda s, info: page_info(s)),
        "total_count": graphene.Int(required=True, resolver=_total),
    }
    return type(f"{name}Connection", (graphene.ObjectType,), attrs)


def _edge_prop(name: str) -> Callable[..., Any]:
    return lambda e, info: e.props.get(name)


async def _total(s: Slice[Any], info: GraphQLResolveInfo) -> int:
    if s.total is None:
        assert s.count is not None, "a slice knows its total or how to count it"
        s.total = await s.count()
    return s.total


class TextEvidence(graphene.ObjectType):  # type: ignore[misc]
    """One sentence of a source text that states the fact."""

    document_id = graphene.String(required=True)
    sentence = graphene.String(required=True)
    start = graphene.Int(description="the sentence's character offset in the document body")
    end = graphene.Int()
    rule = graphene.String(description="the extraction rule that read it")
    confidence = graphene.Float()
    at = graphene.Date(description="the document's date")


#: relationships that text extraction states, whose edges serve their evidence list
TEXT_FACTS = frozenset(
    {
        "WORKS_AT",
        "REPORTS_TO",
        "DECISION_ROLE",
        "USES",
        "EVALUATING",
        "SUPPLIES",
        "COMPETES_WITH",
        "INTERESTED_IN",
    }
)


def _text_evidence(edge: Any, info: GraphQLResolveInfo) -> list[dict[str, Any]]:
    out = []
    for item in parse_evidence(edge.props.get("evidence")):
        at = item.get("at")
        out.append(
            {
                "document_id": str(item.get("doc_id") or ""),
                "sentence": str(item.get("sentence") or ""),
                "start": item.get("start"),
                "end": item.get("end"),
                "rule": item.get("rule"),
                "confidence": item.get("confidence"),
                "at": dt.date.fromisoformat(at) if isinstance(at, str) else None,
            }
        )
    return out


def _rel_field(rel: RelType, label: str, other: str, outgoing: bool, name: str) -> Any:
    edge_props: dict[str, tuple[Any, str | Callable[..., Any]]] = {
        p.name: (scalar(p), p.name) for p in rel.props if p.name not in _EDGE_HIDDEN
    }
    if "paths" in edge_props:
        edge_props["paths"] = (edge_props["paths"][0], visible_paths)
    if rel.type in TEXT_FACTS:
        edge_props["confidence"] = (
            graphene.Float(description="belief in a fact read from text"),
            "confidence",
        )
        edge_props["evidence"] = (
            graphene.List(
                graphene.NonNull(TextEvidence),
                required=True,
                description="every sentence of a source text that states the fact, oldest first",
            ),
            _text_evidence,
        )
    pascal = name[:1].upper() + name[1:]
    conn = connection_type(f"{label}{pascal}", lambda: TYPES[other], edge_props)

    async def resolve(rec: Rec, info: GraphQLResolveInfo, first: int | None = None, after: str | None = None):  # type: ignore[no-untyped-def]
        context = ctx_of(info)
        size = page_size(first, context.max_page)
        items = await context.related_loader(rel.type, label, other, outgoing).load(rec.key)
        return slice_list([(Rec(other, n), e) for n, e in items], size, offset_after(after))

    return graphene.Field(
        conn,
        required=True,
        first=graphene.Int(),
        after=graphene.String(),
        resolver=resolve,
        description=f"{rel.type} {'to' if outgoing else 'from'} {other}",
        deprecation_reason=SUPERSEDED.get((label, name)),
    )


def _node_attrs(node: NodeType) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "Meta": type("Meta", (), {"interfaces": (Node,), "description": node.doc or None}),
        "id": graphene.ID(required=True, resolver=lambda rec, info: to_global_id(rec.label, rec.key)),
        "key": graphene.String(required=True, resolver=lambda rec, info: rec.key),
        "provenance": graphene.Field(
            Provenance, required=True, resolver=lambda rec, info: {k: rec.props.get(k) for k in _PROVENANCE}
        ),
    }
    for prop in node.props:
        if prop.name in _PROVENANCE or prop.name == "id":
            continue
        attrs[prop.name] = scalar(
            prop,
            required=prop.required,
            resolver=_prop_resolver(node.label, prop.name),
            deprecation_reason=SUPERSEDED.get((node.label, prop.name)),
        )
    for rel in REGISTRY.rels.values():
        for start, end in rel.endpoints:
            for outgoing, here, there in ((True, start, end), (False, end, start)):
                if here != node.label:
                    continue
                if start == end and not outgoing and (rel.type, start, end, False) not in REL_FIELDS:
                    continue
                name = rel_field_name(rel, start, end, outgoing)
                attrs[name] = _rel_field(rel, here, there, outgoing, name)
    return attrs


TYPES: dict[str, Any] = {}
EXTRA_FIELDS: dict[str, Callable[[], dict[str, Any]]] = {}
#: (label, field) -> what serves the same data in the one shape clients should use; the
#: field stays, deprecated, until clients have moved (the committed schema checks it)
SUPERSEDED: dict[tuple[str, str], str] = {}


def build_types() -> dict[str, Any]:
    """One ObjectType per ontology label (idempotent)."""
    if not TYPES:
        for node in REGISTRY.nodes.values():
            attrs = _node_attrs(node)
            extra = EXTRA_FIELDS.get(node.label)
            if extra is not None:
                attrs.update(extra())
            TYPES[node.label] = type(node.label, (graphene.ObjectType,), attrs)
    return TYPES
