"""``update_nodes``: derived values written onto nodes an ingestor owns, on both stores.

The point of the separate write: the ingestor's rerun of the same input must still find
its content unchanged (``content_hash``) after an analysis added its values.
"""

from __future__ import annotations

import datetime as dt

import pytest

from graph import GraphStore, MissingNodeError
from schema import ValidationError
from tests.graph.market import small_market

ANALYSIS = {"run_id": "analysis-1", "ingested_at": dt.datetime(2026, 10, 1, tzinfo=dt.UTC)}


def test_derived_values_survive_the_ingestors_rerun_which_writes_nothing(store: GraphStore) -> None:
    market = small_market()
    market.load(store)
    hash_before = store.get_node("Company", "c-berlin").props["content_hash"]  # type: ignore[union-attr]
    derived = [{"id": "c-berlin", "rfm_tier": "at risk", "ltv": 1250.5, **ANALYSIS}]
    assert store.update_nodes("Company", derived) == 1

    node = store.get_node("Company", "c-berlin")
    assert node is not None
    assert node.props["rfm_tier"] == "at risk" and node.props["ltv"] == 1250.5
    assert node.props["run_id"] == "analysis-1", "the run that last changed the node"
    assert node.props["content_hash"] == hash_before
    assert node.props["name"] == "Charité Berlin" and node.props["employees"] == 15000

    rerun = {"run_id": "ingest-2", "ingested_at": dt.datetime(2026, 11, 1, tzinfo=dt.UTC)}
    for label, rows in market.nodes.items():
        assert store.upsert_nodes(label, [r | rerun for r in rows]) == 0, label
    after = store.get_node("Company", "c-berlin")
    assert after is not None and after.props == node.props


def test_none_clears_a_derived_value_and_omitted_ones_stay(store: GraphStore) -> None:
    small_market().load(store)
    store.update_nodes("Company", [{"id": "c-ruijin", "rfm_tier": "loyal high-value", "ltv": 10.0}])
    store.update_nodes("Company", [{"id": "c-ruijin", "ltv": None}])
    node = store.get_node("Company", "c-ruijin")
    assert node is not None and "ltv" not in node.props and node.props["rfm_tier"] == "loyal high-value"


def test_an_unknown_key_refuses_the_whole_call_before_writing(store: GraphStore) -> None:
    small_market().load(store)
    rows = [{"id": "c-berlin", "ltv": 1.0}, {"id": "no-such-company", "ltv": 2.0}]
    with pytest.raises(MissingNodeError, match="Company: no stored node with key 'no-such-company'") as err:
        store.update_nodes("Company", rows)
    assert err.value.missing == ["no-such-company"]
    node = store.get_node("Company", "c-berlin")
    assert node is not None and "ltv" not in node.props
    assert not store.node_exists("Company", "no-such-company"), "an update never creates a node"


def test_a_required_property_cannot_be_cleared_and_types_are_checked(store: GraphStore) -> None:
    small_market().load(store)
    with pytest.raises(ValidationError, match=r"Company\[0\] \(key='c-berlin'\) field 'name'"):
        store.update_nodes("Company", [{"id": "c-berlin", "name": None}])
    with pytest.raises(ValidationError, match=r"Company\[1\] \(key='c-ruijin'\) field 'ltv'"):
        store.update_nodes("Company", [{"id": "c-berlin", "ltv": 1.0}, {"id": "c-ruijin", "ltv": "high"}])
    node = store.get_node("Company", "c-berlin")
    assert node is not None and node.props["name"] == "Charité Berlin" and "ltv" not in node.props
