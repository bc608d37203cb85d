"""Generated queries (hypothesis-graphql) against the live server: never a 500, an
internal error or a stack trace, whatever the query asks."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import nodes, queries

from api._schema import graphql_schema
from tests.api.conftest import Api

SCALARS = {
    "Date": st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)).map(lambda d: nodes.String(d.isoformat())),
    "DateTime": st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2030, 1, 1), timezones=st.just(dt.UTC)).map(
        lambda d: nodes.String(d.isoformat())
    ),
}


@settings(
    max_examples=500,
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure prints its query as it is
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(query=queries(graphql_schema(), custom_scalars=SCALARS))
def test_generated_queries_never_fail_the_server(api: Api, query: str) -> None:
    response = api.post(query, "rep_east")
    assert response.status_code in (200, 400), (response.status_code, response.text)
    body = response.json()
    assert "Traceback" not in response.text
    codes = {e.get("extensions", {}).get("code") for e in body.get("errors", [])}
    assert "INTERNAL" not in codes, (query, body)
