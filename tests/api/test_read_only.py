"""What analyses own is read-only: no input type of the schema takes it, and a hand edit
that names it is refused before anything is written."""

from __future__ import annotations

from graphql import GraphQLInputObjectType, GraphQLSchema, get_named_type
from graphql.pyutils import snake_to_camel

from api._schema import graphql_schema
from graph.adapters.ladybug import LadybugStore
from schema import REGISTRY
from tests.api import market
from tests.api.conftest import Api


def _write_inputs(schema: GraphQLSchema) -> dict[str, GraphQLInputObjectType]:
    """Every input object type a mutation argument reaches, nested ones included."""
    assert schema.mutation_type is not None
    found: dict[str, GraphQLInputObjectType] = {}
    todo = [arg.type for field in schema.mutation_type.fields.values() for arg in field.args.values()]
    while todo:
        named = get_named_type(todo.pop())
        if isinstance(named, GraphQLInputObjectType) and named.name not in found:
            found[named.name] = named
            todo.extend(f.type for f in named.fields.values())
    return found


def _derived_everywhere() -> set[str]:
    """Names that only ever mean an analysis' output, whichever type holds them."""
    derived = {p.name for n in REGISTRY.nodes.values() for p in n.props if p.derived_by}
    written = {p.name for n in REGISTRY.nodes.values() for p in n.props if not p.derived_by}
    return derived - written


def test_the_ontology_marks_what_the_analyses_write() -> None:
    company, person = REGISTRY.node("Company").derived, REGISTRY.node("Person").derived
    assert {"churn_risk", "ltv", "network_rank", "rfm_tier", "rfm_r", "community"} <= company
    assert {"influence_score", "influence_rank", "network_influence", "brokerage"} <= person
    assert not company & {"name", "territory", "owner_id", "tier"}
    assert {r.type for r in REGISTRY.rels.values() if r.derived_by} == {"RECOMMENDS", "SIMILAR_TO"}


def test_no_input_type_takes_a_derived_property() -> None:
    schema = graphql_schema()
    inputs = _write_inputs(schema)
    assert {"CompanyInput", "PersonInput"} <= set(inputs)
    anywhere = {snake_to_camel(name, upper=False) for name in _derived_everywhere()}
    for name, input_type in inputs.items():
        fields = set(input_type.fields)
        assert not fields & anywhere, f"{name} takes analysis output: {sorted(fields & anywhere)}"
        label = name.removesuffix("Input")
        if label in REGISTRY.nodes:
            own = {snake_to_camel(p, upper=False) for p in REGISTRY.node(label).derived}
            assert not fields & own, f"{name} takes {label}'s analysis output: {sorted(fields & own)}"


def test_a_rep_cannot_overwrite_analytics(market_store: LadybugStore, api: Api) -> None:
    market.set_props(market_store, "Company", "E-001", churn_risk=0.7, ltv=1200.0, network_rank=3)
    read = '{ company(key: "E-001") { churnRisk ltv networkRank } }'
    before = api.data(read)["company"]
    assert before == {"churnRisk": 0.7, "ltv": 1200.0, "networkRank": 3}
    upsert = "mutation($c: CompanyInput!) { upsertCompany(input: $c) { key } }"
    for field, value in (("churnRisk", 0.0), ("ltv", 99999999.0), ("networkRank", 1)):
        response = api.post(upsert, "rep_east", {"c": {"id": "E-001", "name": "E1", field: value}})
        assert response.status_code == 400, field
        assert field in response.json()["errors"][0]["message"]
    person = "mutation($p: PersonInput!) { upsertPerson(input: $p) { key } }"
    refused = api.post(person, "admin", {"p": {"id": "P-E-001-0", "name": "X", "influenceRank": 1}})
    assert refused.status_code == 400
    assert api.data(read)["company"] == before
    edge = (
        'mutation { upsertRelationship(type: "SIMILAR_TO", from: "$a", to: "$b", properties: {score: 1.0}) '
        "{ type } }"
    )
    gids = api.data("{ companies(first: 2) { nodes { id } } }", "rep_east")["companies"]["nodes"]
    query = edge.replace("$a", gids[0]["id"]).replace("$b", gids[1]["id"])
    similar = api.post(query, "rep_east").json()
    assert similar["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
