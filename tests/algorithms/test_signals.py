"""Signals: reasons and evidence that resolve, stable ids, acknowledgement kept on rerun."""

from __future__ import annotations

import datetime as dt

from algorithms.market import Market, load_market
from algorithms.run import write_signals
from algorithms.signals import DETECTORS, Signal, detect, signal_id
from graph import Edge
from graph.adapters.ladybug import LadybugStore
from tests.algorithms.tiny import AS_OF, tiny_market


def test_every_kind_fires_on_the_sample_with_reasons_and_resolvable_refs(market: Market) -> None:
    found = detect(market)
    kinds = {s.kind for s in found}
    # the record ingest loads no dated topic mentions (documents come with text ingestion)
    assert kinds == set(DETECTORS) - {"interest_surge"}, set(DETECTORS) - kinds
    for s in found:
        assert s.reason and s.suggested_action and 0 <= s.score <= 1
        assert s.company in market.nodes["Company"]
        for label, key in s.refs:
            assert key in market.nodes[label], (s.kind, label, key)
    assert len({s.id for s in found}) == len(found)


def test_ids_are_stable_per_kind_and_subject() -> None:
    assert signal_id("dormant_account", "C1") == signal_id("dormant_account", "C1")
    assert signal_id("dormant_account", "C1") != signal_id("dormant_account", "C2")
    assert signal_id("champion_departed", "C1", "p1") != signal_id("champion_departed", "C1", "p2")


def test_tiny_account_with_two_engaged_contacts_and_a_known_buyer_raises_nothing() -> None:
    assert detect(tiny_market(), ["single_threaded", "warm_intro_available"]) == []


def test_tiny_account_talking_only_to_the_champion_is_single_threaded_with_an_intro() -> None:
    market = tiny_market()
    market.edges["PARTICIPATED"] = [e for e in market.edges["PARTICIPATED"] if e.start[1] != "ann"]
    found = {s.kind: s for s in detect(market, ["single_threaded", "warm_intro_available"])}
    assert found["single_threaded"].reason == "1 engaged contact(s) in 180 days"
    intro = found["warm_intro_available"]
    assert intro.reason == "Rita can reach Ann in 2 hop(s)"
    assert intro.refs == [("Company", "acme"), ("Person", "R-1"), ("Person", "eve"), ("Person", "ann")]


def test_interest_surge_compares_the_last_month_with_the_half_year_before() -> None:
    market = tiny_market()
    market.nodes["Topic"] = {"t1": {"name": "cloud security"}}
    days_ago = [1, 5, 9, 12, 100]
    market.nodes["Document"] = {
        f"d{i}": {"at": dt.datetime.combine(AS_OF - dt.timedelta(days=d), dt.time(), tzinfo=dt.UTC)}
        for i, d in enumerate(days_ago)
    }
    market.edges["MENTIONS"] = [
        Edge("MENTIONS", ("Document", d), end, {})
        for d in market.nodes["Document"]
        for end in (("Company", "acme"), ("Topic", "t1"))
    ]
    (surge,) = detect(market, ["interest_surge"])
    assert surge.reason == "cloud security mentioned 4 times in 30 days (usually 0.2 a month)"
    assert surge.refs[:2] == [("Company", "acme"), ("Topic", "t1")] and len(surge.refs) == 6
    market.edges["MENTIONS"] = market.edges["MENTIONS"][:4]  # two documents in the last month
    assert detect(market, ["interest_surge"]) == []


def test_rerun_dedupes_keeps_acknowledged_status_and_resolves_what_stopped(
    embedded_store: LadybugStore,
) -> None:
    embedded_store.upsert_nodes(
        "Company",
        [{"id": c, "name": c, "source": "t", "source_key": c, "run_id": "r"} for c in ("C1", "C2")],
    )
    quiet = Signal(
        "dormant_account", "C1", 0.5, "no activity for 40 days", "call", {"days": 40.0}, [("Company", "C1")]
    )
    lost = Signal("competitor_threat", "C2", 0.6, "1 deal(s) lost", "ask", {"lost": 1.0}, [("Company", "C2")])
    write_signals(embedded_store, load_market(embedded_store), [quiet, lost], "run-1")
    first = embedded_store.get_node("Signal", quiet.id)
    assert first is not None and first.props["status"] == "open"
    embedded_store.upsert_nodes("Signal", [{"id": quiet.id, "kind": quiet.kind, "status": "acknowledged"}])
    write_signals(embedded_store, load_market(embedded_store), [quiet], "run-2")
    again, gone = embedded_store.get_node("Signal", quiet.id), embedded_store.get_node("Signal", lost.id)
    assert again is not None and gone is not None
    assert again.props["status"] == "acknowledged"
    assert again.props["detected_at"] == first.props["detected_at"]
    assert gone.props["status"] == "resolved" and gone.props["run_id"] == "run-2"
    assert embedded_store.count_nodes()["Signal"] == 2
    assert embedded_store.count_edges()["ABOUT"] == 2
