"""Real GraphQL clients against the live server: ``gql`` in Python, ``graphql-request`` in Node.

Both run every query in ``tests/api/queries/`` (the README's examples) in file order,
as a rep of the East territory would: search, open the account found, fetch it again by
its global id, acknowledge one of its signals. Each query's variables come from the
answers before it (``$text`` is the search text, ``$key`` and ``$id`` the first company
found, ``$signal`` that company's first signal).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gql import Client, GraphQLRequest
from gql.transport.httpx import HTTPXTransport
from graphql import OperationDefinitionNode, parse

from tests.api.conftest import Api

HERE = Path(__file__).parent
QUERIES = sorted((HERE / "queries").glob("*.graphql"))
README = HERE.parents[1] / "README.md"
SEARCH_TEXT = "East华002"


def declared_variables(query: str) -> list[str]:
    """The variables the operation declares, e.g. ``["text"]`` for ``query Search($text: String!)``."""
    (operation,) = parse(query).definitions
    assert isinstance(operation, OperationDefinitionNode)
    return [v.variable.name.value for v in operation.variable_definitions]


def run_queries(execute: Callable[[str, dict[str, Any]], dict[str, Any]], text: str) -> dict[str, Any]:
    """Run every query file in order, chaining variables; the data by file stem."""
    known: dict[str, Any] = {"text": text}
    results: dict[str, Any] = {}
    for path in QUERIES:
        query = path.read_text(encoding="utf-8")
        variables = {name: known[name] for name in declared_variables(query)}
        data = execute(query, variables)
        results[path.stem] = data
        companies = [hit for hit in data.get("search") or [] if hit["__typename"] == "Company"]
        if companies:
            known.update(key=companies[0]["key"], id=companies[0]["id"])
        signals = ((data.get("company") or {}).get("signals") or {}).get("nodes") or []
        if signals:
            known["signal"] = signals[0]["id"]
    return results


def check_results(results: dict[str, Any]) -> None:
    assert sorted(results) == [p.stem for p in QUERIES]
    assert results["01_search"]["search"][0]["key"] == "E-002"
    company = results["02_account_360"]["company"]
    assert company["territory"] == "East"
    assert company["decisionChain"][0]["role"] == "economic_buyer"
    assert company["signals"]["nodes"][0]["kind"] == "churn_risk"
    assert company["purchaseSummary"][0]["product"]["name"] == "Infusion Pump"
    node = results["03_node"]["node"]
    assert node["key"] == "E-002" and node["contacts"]["totalCount"] == 2
    assert all(c["email"].startswith("c***@") for c in node["contacts"]["nodes"])  # a rep without pii
    assert results["04_acknowledge_signal"]["acknowledgeSignal"]["status"] == "acknowledged"


def test_readme_shows_every_example_query_verbatim() -> None:
    readme = README.read_text(encoding="utf-8")
    assert QUERIES, "no example queries in tests/api/queries"
    for path in QUERIES:
        assert f"```graphql\n{path.read_text(encoding='utf-8')}```" in readme, path.name


def test_gql_client_runs_the_readme_queries(api: Api) -> None:
    transport = HTTPXTransport(
        url=str(api.client.base_url).rstrip("/") + "/graphql",
        headers={"authorization": f"Bearer {api.keys['rep_east']}"},
    )
    with Client(transport=transport, fetch_schema_from_transport=False) as session:

        def execute(query: str, variables: dict[str, Any]) -> dict[str, Any]:
            data: dict[str, Any] = session.execute(GraphQLRequest(query, variable_values=variables))
            return data

        check_results(run_queries(execute, SEARCH_TEXT))


def test_gql_client_reads_an_account_as_an_analyst(api: Api) -> None:
    transport = HTTPXTransport(
        url=str(api.client.base_url).rstrip("/") + "/graphql",
        headers={"x-api-key": api.keys["analyst"]},
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


def test_graphql_request_in_node_runs_the_readme_queries(api: Api, node_modules: Path) -> None:
    if not (node_modules / "graphql-request").exists():  # a node_modules from before it was added
        npm = shutil.which("npm")
        assert npm is not None
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True, timeout=600)
    url = str(api.client.base_url).rstrip("/") + "/graphql"
    out = subprocess.run(
        ["node", str(HERE / "node_client.mjs"), url, api.keys["rep_east"], SEARCH_TEXT],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    failed = [line for line in lines if not line["ok"]]
    assert out.returncode == 0 and not failed, (failed, out.stderr[-2000:])
    check_results({line["query"]: line["data"] for line in lines})
