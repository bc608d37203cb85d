"""The GraphQL schema: node types from the ontology, queries, mutations."""

from __future__ import annotations

from functools import cache
from typing import Any

import graphene
from graphql import GraphQLSchema

from api import _queries, _signal_basis  # noqa: F401 - register fields before the types are built
from api._mutations import mutation_attrs
from api._review import review_mutations, review_query_fields
from api._types import build_types


@cache
def build_schema() -> graphene.Schema:
    types = build_types()
    query = type("Query", (graphene.ObjectType,), _queries.query_attrs() | review_query_fields())
    mutation = type("Mutation", (graphene.ObjectType,), mutation_attrs() | review_mutations())
    schema: Any = graphene.Schema(query=query, mutation=mutation, types=list(types.values()))
    return schema


def graphql_schema() -> GraphQLSchema:
    result: GraphQLSchema = build_schema().graphql_schema
    return result
