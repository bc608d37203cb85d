"""Company names as hand-typed exports hold them: a slip in a legal form or a long name, a
name typed as its web address, a name run together with its legal form. Pairs written
for these tests (real-looking names, not the benchmark's)."""

from __future__ import annotations

import pytest

from ingest.normalize import company_name_core
from ingest.resolve import EntityRecord, resolve, score_pair


def _co(key: str, name: str, source: str = "crm", **kw: str) -> EntityRecord:
    return EntityRecord("Company", source, key, (name,), domain=kw.get("domain"), city=kw.get("city"))


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("Halvorsen Pumps Incorproated", "halvorsen pumps"),
        ("Brightwater Coorporation", "brightwater"),
        ("Tanabe Seiki Kabushii Kaisha", "tanabe seiki"),
        ("Ribera Sociedad Anonma", "ribera"),
        ("Cooperation Partners", "cooperation partners"),  # a name word near a form stays
        ("halvorsenpumps.com", "halvorsenpumps"),
        ("J.P.Morgan", "j p morgan"),  # dots, but no web address
    ],
)
def test_slipped_legal_forms_and_web_addresses_are_read(name: str, core: str) -> None:
    assert company_name_core(name).core == core


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Halvorsen Pumps Inc.", "halvorsenpumpscompany"),
        ("Konstantin Metallwerke", "Konstantin Metalwerke"),  # a slip in a long word
        ("Brightwater Corp", "brightwater.com"),
    ],
)
def test_such_pairs_merge_on_their_names(a: str, b: str) -> None:
    res = resolve([_co("1", a), _co("2", b, "marketing")], repeating_sources={"marketing"})
    assert len(res.clusters) == 1, score_pair(_co("1", a), _co("2", b, "marketing"))


def test_a_short_name_with_a_slip_needs_more_than_its_name() -> None:
    alone = resolve([_co("1", "Alcoa"), _co("2", "Alcon", "marketing")], repeating_sources={"marketing"})
    assert len(alone.clusters) == 2


def test_a_name_typed_as_a_web_address_is_the_company_s_domain() -> None:
    pair = score_pair(_co("1", "Orland Freight", domain="orlandfreight.com"), _co("2", "orlandfreight.com"))
    assert any("same domain orlandfreight.com" in r for r in pair.reasons)
