"""The words a rule cannot match without (``_literals``), which let a sentence skip the rule's
search: read right from hand-written patterns, and never missing from any text a rule matches."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable

from ingest.text._literals import required_literals
from ingest.text._rule_grammar import Rule, compile_rule
from ingest.text._rules import RULES


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        ("reports to", [{"reports to"}]),
        # a choice needs one of its branches; the more telling set is tested first
        ("(?:final|ultimate) say (?:on|over) budget", [{" budget"}, {"final", "ultimate"}, {" say "}]),
        # what may be left out is no need: the "s" of "holds", the whole optional group
        ("holds? the (?:IT )?budget", [{"budget"}, {"hold"}, {" the "}]),
        ("(?i:Signs) off", [{"signs"}, {" off"}]),
        # lookarounds match nothing; classes and \b stand for no one character
        (r"(?<![A-Za-z])EB(?![A-Za-z])", [{"eb"}]),
        (r"\bbudget[s]?\b", [{"budget"}]),
        # an escaped character is itself; a repeated one is there at least once
        (r"\(CFO\)", [{"(cfo)"}]),
        ("ab+c", [{"c"}, {"b"}, {"a"}]),
        ("x{2,3}y", [{"y"}, {"x"}]),
        # a branch with no need leaves the choice without one
        ("budget|[a-z]+", []),
        ("(?:budget)?", []),
        # what the reader does not model gives no need, never a guessed one
        (r"(?P<a>ab)(?P=a)", []),
        (r"(ab)\1", []),
        ("(?i)budget", []),
    ],
)
def test_needs_read_from_a_pattern(pattern: str, needs: list[set[str]]) -> None:
    assert [set(n) for n in required_literals(pattern)] == needs


def test_a_longer_string_holding_a_shorter_one_is_dropped() -> None:
    assert required_literals("(?:budget|budgets|the budget line)") == (frozenset({"budget"}),)


def test_every_rule_has_needs() -> None:
    assert [r.name for r in RULES if not r.gate] == []


def _check(rule: Rule) -> None:
    @settings(max_examples=3, suppress_health_check=list(HealthCheck), deadline=None, derandomize=True)
    @given(st.from_regex(rule.regex))
    def holds(text: str) -> None:
        assert rule.may_match(text.lower()), text

    holds()


@pytest.mark.parametrize(("lang", "relation"), sorted({(r.lang, r.relation) for r in RULES}))
def test_every_text_a_rule_matches_holds_its_needs(lang: str, relation: str) -> None:
    """Texts drawn from each rule's own regular expression (a few rules' lookarounds leave the
    generator nothing it can draw; those are counted, and must stay few)."""
    unsatisfiable = []
    for rule in [r for r in RULES if (r.lang, r.relation) == (lang, relation)]:
        try:
            _check(rule)
        except Unsatisfiable:
            unsatisfiable.append(rule.name)
    assert len(unsatisfiable) <= 2, unsatisfiable


def test_a_rule_reads_shorthand_but_keeps_its_lookbehinds_fixed() -> None:
    regex = compile_rule(r"(?<!with )goes through «P1»|works with", "en")
    assert regex.search("goes thru «P1»") and regex.search("works w/ «P1»")
    assert regex.search("goes through «P1»") and not regex.search("with goes thru «P1»")
    assert compile_rule("through", "zh").pattern == "through"
