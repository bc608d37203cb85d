"""Ontology v1 as data: the node and relationship types of DESIGN.md.

Every node and edge carries provenance (``source``, ``source_key``, ``run_id``,
``ingested_at``); edges also carry ``evidence`` (a JSON document: document id, sentence,
offsets) and ``confidence`` for facts drawn from text.
"""

from __future__ import annotations

from dataclasses import replace

from schema._types import NodeType, Prop, RelType
from schema._types import PropType as T

ROLES = (
    "economic_buyer",
    "decision_maker",
    "technical_evaluator",
    "influencer",
    "champion",
    "user",
    "gatekeeper",
    "blocker",
)
STANCES = ("supporter", "neutral", "opponent")
LIFECYCLES = ("prospect", "customer", "churned")
SENIORITIES = ("c_level", "vp", "director", "manager", "staff")
ACTIVITY_KINDS = ("email", "call", "meeting", "ticket", "note")
OPPORTUNITY_STATUSES = ("open", "won", "lost")
SIGNAL_STATUSES = ("open", "acknowledged", "dismissed", "resolved")
SEVERITIES = ("low", "medium", "high", "critical")
RUN_KINDS = ("ingest_records", "ingest_text", "analyze")
RUN_STATUSES = ("running", "completed", "failed")
#: the kinds of signal the signals analysis detects (``algorithms.signals.DETECTORS``); not
#: a constraint on ``Signal.kind``, which a graph written by an older version may hold others of
SIGNAL_KINDS = (
    "churn_risk",
    "expansion",
    "competitor_threat",
    "displacement_window",
    "single_threaded",
    "champion_departed",
    "dormant_account",
    "interest_surge",
    "warm_intro_available",
)
#: RFM value tiers the segments analysis assigns (``algorithms.segments``)
RFM_TIERS = ("loyal high-value", "growth potential", "at risk", "dormant")

PROVENANCE = (
    Prop("source", doc="the system or file the fact came from"),
    Prop("source_key", doc="the record's key in that source"),
    Prop("run_id", doc="the ingest or analysis run that wrote it"),
    Prop("ingested_at", T.DATETIME),
    Prop("content_hash", doc="hash of the fact's content; an unchanged fact is not rewritten"),
)
NODE_PROVENANCE = (*PROVENANCE, Prop("source_keys", T.STRING_LIST, doc="every source key merged"))
EDGE_PROVENANCE = (
    *PROVENANCE,
    Prop(
        "evidence",
        doc="JSON list, one item per source text that states the fact: document id, sentence, "
        "character offsets, rule, confidence, date",
    ),
    Prop("confidence", T.FLOAT, minimum=0.0, maximum=1.0),
)


def _written_by(analysis: str, *props: Prop) -> tuple[Prop, ...]:
    """``props`` marked as owned by ``analysis``: read-only to the API and to people."""
    return tuple(replace(p, derived_by=analysis) for p in props)


#: written by the influence analysis on people and companies in the REFERRED / KNOWS /
#: INFLUENCES network (``algorithms.influence.network_influence``); unset outside it
NETWORK_PROPS = _written_by(
    "influence",
    Prop(
        "network_influence",
        T.FLOAT,
        minimum=0.0,
        maximum=1.0,
        doc="PageRank over REFERRED, KNOWS and INFLUENCES (business flows towards the referrer, "
        "the known and the influencer), normalised to sum to 1 over the network",
    ),
    Prop(
        "network_rank",
        T.INT,
        minimum=1,
        doc="1 = highest network_influence among the people and companies of the network",
    ),
    Prop(
        "brokerage",
        T.FLOAT,
        minimum=0.0,
        doc="betweenness in the undirected network, normalised as networkx does "
        "(share of the other pairs' shortest paths through this node; sampled on large networks)",
    ),
)


def _node(label: str, *props: Prop, doc: str = "", indexed: tuple[str, ...] = ()) -> NodeType:
    return NodeType(label, (Prop("id", required=True), *props, *NODE_PROVENANCE), doc=doc, indexed=indexed)


def _rel(
    rel_type: str,
    endpoints: tuple[tuple[str, str], ...],
    *props: Prop,
    key: str | None = None,
    weight: str | None = None,
    doc: str = "",
    derived_by: str = "",
) -> RelType:
    return RelType(
        rel_type,
        endpoints,
        (*props, *EDGE_PROVENANCE),
        key=key,
        weight=weight,
        doc=doc,
        derived_by=derived_by,
    )


NODES: tuple[NodeType, ...] = (
    _node(
        "Company",
        Prop("name", required=True),
        Prop("aliases", T.STRING_LIST),
        Prop("domain"),
        Prop("industry"),
        Prop("region"),
        Prop("country"),
        Prop("city"),
        Prop("employees", T.INT, minimum=0),
        Prop("annual_revenue", T.FLOAT, minimum=0),
        Prop("tier"),
        Prop("lifecycle", choices=LIFECYCLES),
        Prop("owner_id"),
        Prop("territory"),
        Prop("is_self", T.BOOL),
        Prop("tax_id", doc="registration number, e.g. the unified social credit code"),
        Prop("phone", doc="switchboard, E.164"),
        # written by the segments analysis (run_id names the run that last changed them)
        *_written_by(
            "segments",
            Prop("rfm_tier", choices=RFM_TIERS, doc="RFM value tier"),
            Prop("rfm_r", T.INT, minimum=1, maximum=5, doc="recency score, 5 = ordered most recently"),
            Prop("rfm_f", T.INT, minimum=1, maximum=5, doc="frequency score (orders in the last year)"),
            Prop("rfm_m", T.INT, minimum=1, maximum=5, doc="monetary score (spend in the last year)"),
            Prop("rfm_recency_days", T.INT, minimum=0, doc="days since the last order"),
            Prop("rfm_frequency", T.INT, minimum=0, doc="orders in the last year"),
            Prop("rfm_monetary", T.FLOAT, minimum=0, doc="spend in the last year"),
            Prop("ltv", T.FLOAT, minimum=0, doc="estimated lifetime value"),
            Prop("community", doc="Louvain community of accounts that buy alike"),
            Prop(
                "churn_risk", T.FLOAT, minimum=0.0, maximum=1.0, doc="churn model risk, 90-day rule as floor"
            ),
        ),
        *NETWORK_PROPS,
        doc="Any organisation; its role follows from its relationships.",
        indexed=("name", "domain", "territory"),
    ),
    _node(
        "Person",
        Prop("name", required=True),
        Prop("aliases", T.STRING_LIST),
        Prop("title"),
        Prop("department"),
        Prop("seniority", choices=SENIORITIES),
        Prop("email"),
        Prop("phone", doc="E.164"),
        # what contact exports hold beside the name: entity resolution compares them
        Prop("address", doc="street address"),
        Prop("city"),
        Prop("postcode"),
        Prop("region", doc="state or province"),
        Prop("birth_date", T.DATE),
        Prop("external_id", doc="an id another system gives the person (member, customer, national id)"),
        Prop("territory"),
        Prop("internal", T.BOOL, doc="one of our reps"),
        # written by the influence analysis: the person's place in their account's decision chain
        *_written_by(
            "influence",
            Prop("influence_score", T.FLOAT, minimum=0.0, doc="decision-chain influence in the account"),
            Prop("influence_rank", T.INT, minimum=1, doc="1 = most influential in the account"),
            Prop("influence_reasons", T.STRING_LIST, doc="why, in words"),
        ),
        *NETWORK_PROPS,
        indexed=("name", "email"),
    ),
    _node(
        "Product",
        Prop("name", required=True),
        Prop("aliases", T.STRING_LIST),
        Prop("category"),
        Prop("family"),
        Prop("price", T.FLOAT, minimum=0),
        Prop("currency"),
        indexed=("name", "category"),
    ),
    _node(
        "Opportunity",
        Prop("name"),
        Prop("stage"),
        Prop("amount", T.FLOAT, minimum=0),
        Prop("currency"),
        Prop("close_date", T.DATE),
        Prop("status", choices=OPPORTUNITY_STATUSES),
    ),
    _node(
        "Activity",
        Prop("kind", required=True, choices=ACTIVITY_KINDS),
        Prop("at", T.DATETIME),
        Prop("sentiment", T.FLOAT, minimum=-1.0, maximum=1.0),
        Prop("summary"),
    ),
    _node(
        "Document",
        Prop("kind", required=True),
        Prop("lang"),
        Prop("at", T.DATETIME),
        Prop("title"),
        Prop("body_hash"),
    ),
    _node("Topic", Prop("name", required=True), Prop("aliases", T.STRING_LIST), indexed=("name",)),
    _node(
        "Signal",
        *_written_by(
            "signals",
            Prop("kind", required=True),
            Prop("score", T.FLOAT),
            Prop("severity", choices=SEVERITIES),
            Prop("reason"),
            Prop("suggested_action"),
            Prop("detected_at", T.DATETIME),
        ),
        # the analysis opens and resolves a signal; people acknowledge or dismiss it
        Prop("status", choices=SIGNAL_STATUSES),
        *_written_by(
            "signals",
            Prop("evidence", doc="JSON: the numbers behind the signal and the nodes it rests on"),
            Prop("last_detected_at", T.DATETIME, doc="when the analysis last found it new or changed"),
        ),
        indexed=("kind", "status"),
    ),
    _node(
        "Run",
        Prop("kind", required=True, choices=RUN_KINDS),
        Prop("status", required=True, choices=RUN_STATUSES),
        Prop("started_at", T.DATETIME),
        Prop("finished_at", T.DATETIME),
        Prop("store"),
        Prop("inputs", T.STRING_LIST, doc="the files or analyses of the run"),
        Prop("since", T.DATETIME, doc="incremental runs: facts before this were skipped"),
        Prop("read", T.INT, minimum=0),
        Prop("nodes_written", T.INT, minimum=0),
        Prop("edges_written", T.INT, minimum=0),
        Prop("rejected", T.INT, minimum=0),
        Prop("merged", T.INT, minimum=0),
        Prop("review_pairs", T.INT, minimum=0),
        Prop("seconds", T.FLOAT, minimum=0.0),
        Prop("message", doc="why a failed run stopped"),
        doc="one ingest or analysis run; every fact it wrote carries its id as run_id",
        indexed=("kind", "status"),
    ),
)

_PERSON_OR_COMPANY = ("Person", "Company")
_ABOUT_TARGETS = ("Company", "Person", "Opportunity")

RELS: tuple[RelType, ...] = (
    _rel(
        "WORKS_AT",
        (("Person", "Company"),),
        Prop("title"),
        Prop("department"),
        Prop("seniority", choices=SENIORITIES),
        Prop("since", T.DATE),
        Prop("until", T.DATE),
        Prop("current", T.BOOL),
    ),
    _rel("REPORTS_TO", (("Person", "Person"),)),
    _rel(
        "DECISION_ROLE",
        (("Person", "Company"), ("Person", "Opportunity")),
        Prop("role", required=True, choices=ROLES),
        Prop("stance", choices=STANCES),
    ),
    _rel(
        "KNOWS",
        (("Person", "Person"),),
        Prop("strength", T.FLOAT, minimum=0.0, maximum=1.0),
        Prop("last_contact", T.DATE),
        weight="strength",
    ),
    _rel("INFLUENCES", (("Person", "Person"),), Prop("weight", T.FLOAT, minimum=0.0), weight="weight"),
    _rel("OWNS", (("Person", "Company"),)),
    _rel("REFERRED", tuple((s, "Company") for s in ("Company", "Person")), Prop("at", T.DATE)),
    _rel(
        "PURCHASED",
        (("Company", "Product"),),
        Prop("line_id", required=True, doc="order id and line number"),
        Prop("order_id"),
        Prop("at", T.DATE),
        Prop("quantity", T.FLOAT, minimum=0),
        Prop("amount", T.FLOAT, minimum=0),
        Prop("currency"),
        key="line_id",
        weight="amount",
    ),
    _rel(
        "USES",
        (("Company", "Product"), ("Company", "Company")),
        Prop("since", T.DATE),
        Prop("contract_end", T.DATE),
        doc="installed base: a product, or a vendor's system when a note names only the vendor",
    ),
    _rel("OFFERED_BY", (("Product", "Company"),)),
    _rel(
        "COMPLEMENTS",
        (("Product", "Product"),),
        Prop("method", doc="how the pair was found, e.g. association_rules"),
        Prop("lift", T.FLOAT, minimum=0),
        weight="lift",
    ),
    _rel("SUPPLIES", (("Company", "Company"),), Prop("since", T.DATE)),
    _rel("COMPETES_WITH", (("Company", "Company"),)),
    _rel(
        "EVALUATING",
        (("Company", "Product"), ("Company", "Company")),
        Prop("since", T.DATE),
        doc="an account evaluating a competitor's product or vendor (mostly from notes)",
    ),
    _rel("SUBSIDIARY_OF", (("Company", "Company"),)),
    _rel("PARTNER_OF", (("Company", "Company"),)),
    _rel("HAS_OPPORTUNITY", (("Company", "Opportunity"),)),
    _rel("FOR_PRODUCT", (("Opportunity", "Product"),)),
    _rel("PARTICIPATED", (("Person", "Activity"),)),
    _rel("ABOUT", tuple((s, t) for s in ("Activity", "Signal") for t in _ABOUT_TARGETS)),
    _rel(
        "MENTIONS",
        tuple(("Document", t) for t in ("Company", "Person", "Product", "Topic")),
        Prop("mention_id", required=True, doc="document id and character offsets"),
        Prop("offset_start", T.INT, minimum=0, doc="character offset in the body"),
        Prop("offset_end", T.INT, minimum=0),
        Prop("sentence"),
        Prop("sentiment", T.FLOAT, minimum=-1.0, maximum=1.0),
        key="mention_id",
    ),
    _rel(
        "INTERESTED_IN",
        tuple((s, "Topic") for s in _PERSON_OR_COMPANY),
        Prop("weight", T.FLOAT, minimum=0.0),
        Prop("last_seen", T.DATE),
        weight="weight",
    ),
    _rel(
        "RECOMMENDS",
        (("Company", "Product"),),
        Prop("rank", T.INT, minimum=1, doc="1 = best"),
        Prop("score", T.FLOAT, minimum=0.0, doc="blended score"),
        Prop("explanation", doc="the contributing evidence in words"),
        Prop("paths", doc="JSON: graph paths that explain it, as lists of [label, key] and hops"),
        Prop("contact_id", doc="the person in the decision chain to approach"),
        Prop("kinds", T.STRING_LIST, doc="the methods that contributed"),
        weight="score",
        doc="a cross-sell recommendation written by the analysis; deleted once withdrawn",
        derived_by="crosssell",
    ),
    _rel(
        "SIMILAR_TO",
        (("Company", "Company"),),
        Prop("score", T.FLOAT, minimum=0.0, maximum=1.0, doc="cosine similarity of what both buy"),
        Prop("rank", T.INT, minimum=1, doc="1 = the most similar account to the start account"),
        Prop("reasons", T.STRING_LIST, doc="why, in words: products both buy, same industry or region"),
        weight="score",
        doc="an account's most similar accounts, written by the segments analysis; deleted once "
        "no longer among them",
        derived_by="segments",
    ),
)
