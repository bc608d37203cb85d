"""A real GraphQL client (gql) against the live server."""

from __future__ import annotations

from gql import Client, GraphQLRequest
from gql.transport.httpx import HTTPXTransport

from tests.api.conftest import Api


def test_gql_client_runs_the_readme_queries(api: Api) -> None:
    transport = HTTPXTransport(
        url=str(api.client.base_url).rstrip("/") + "/graphql",
        headers={"authorization": f"Bearer {api.keys['analyst']}"},
    )
    with Client(transport=transport, fetch_schema_from_transport=False) as session:
        find = "query Find($t: String!) { search(text: $t, first: 3) { __typename key } }"
        found = session.execute(GraphQLRequest(find, variable_values={"t": "East华002"}))
        assert found["search"][0] == {"__typename": "Company", "key": "E-002"}
        account = session.execute(
            GraphQLRequest(
                """
            query Account($key: String!) {
              company(key: $key) {
                name territory
                decisionChain { role influence reasons person { name title } }
                signals { nodes { kind severity reason } }
                crossSell(first: 3) { score explanation product { name } }
                purchases(first: 3) { totalCount nodes { name } }
                purchaseSummary { lines amount product { name } }
              }
            }""",
                variable_values={"key": "E-002"},
            )
        )
        company = account["company"]
        assert company["decisionChain"][0]["role"] == "economic_buyer"
        assert company["signals"]["nodes"][0]["kind"] == "churn_risk"
        assert company["crossSell"] == []  # no cross-sell results stored yet
        assert company["purchases"]["totalCount"] == 1
        assert company["purchaseSummary"] == [
            {"lines": 1, "amount": 10.0, "product": {"name": "Infusion Pump"}}
        ]
