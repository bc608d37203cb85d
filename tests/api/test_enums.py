"""Fixed choices are enums generated from the ontology: a misspelt value is refused, not
answered with an empty list; the string filters they replace stay, deprecated, checked."""

from __future__ import annotations

from algorithms.signals import DETECTORS
from api._enums import member
from schema import REGISTRY, SIGNAL_KINDS
from tests.api.conftest import Api

SIGNALS = "query($f: SignalFilter) { signals(first: 100, filter: $f) { totalCount } }"


def _values(api: Api, enum: str) -> list[str]:
    found = api.data(f'{{ __type(name: "{enum}") {{ enumValues {{ name }} }} }}')["__type"]
    return [v["name"] for v in found["enumValues"]]


def test_the_enums_are_the_ontology_choices(api: Api) -> None:
    assert _values(api, "SignalSeverity") == ["LOW", "MEDIUM", "HIGH", "CRITICAL"]
    lifecycles = REGISTRY.node("Company").prop("lifecycle").choices
    assert _values(api, "CompanyLifecycle") == [member(v) for v in lifecycles]
    assert _values(api, "SignalKind") == [member(k) for k in SIGNAL_KINDS]
    assert set(SIGNAL_KINDS) == set(DETECTORS), "schema.SIGNAL_KINDS lists what the analysis detects"
    assert member("loyal high-value") == "LOYAL_HIGH_VALUE"


def test_an_enum_filter_selects_and_a_misspelt_value_is_refused(api: Api) -> None:
    every = api.data(SIGNALS, "admin", {"f": {}})["signals"]["totalCount"]
    churn = api.data(SIGNALS, "admin", {"f": {"kindIn": ["CHURN_RISK"]}})["signals"]["totalCount"]
    legacy = api.data(SIGNALS, "admin", {"f": {"kind": ["churn_risk"]}})["signals"]["totalCount"]
    assert 0 < churn == legacy <= every
    open_ = api.data(SIGNALS, "admin", {"f": {"statusIn": ["OPEN", "ACKNOWLEDGED"]}})["signals"]
    assert open_["totalCount"] > 0
    for bad, enum in (
        ({"severityIn": ["HIGHEST"]}, "SignalSeverity"),
        ({"kindIn": ["churn_riskk"]}, "SignalKind"),
    ):
        response = api.post(SIGNALS, "admin", {"f": bad})
        assert response.status_code == 400 and enum in response.json()["errors"][0]["message"], bad
    for bad, field in (({"severity": ["HIGH"]}, "severity"), ({"kind": ["churn_riskk"]}, "kind")):
        error = api.post(SIGNALS, "admin", {"f": bad}).json()["errors"][0]
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert error["message"].startswith(f"filter.{field}: ") and "is not one of" in error["message"]
    companies = "{ companies(filter: {lifecycleIn: [CUSTOMER]}) { totalCount nodes { lifecycle } } }"
    page = api.data(companies, "rep_east")["companies"]
    assert page["totalCount"] > 0 and {n["lifecycle"] for n in page["nodes"]} == {"customer"}


def test_the_string_filters_are_deprecated_not_removed(api: Api) -> None:
    fields = api.data(
        '{ __type(name: "SignalFilter") { inputFields(includeDeprecated: true) '
        "{ name isDeprecated deprecationReason } } }"
    )["__type"]["inputFields"]
    by_name = {f["name"]: f for f in fields}
    assert by_name["severity"]["isDeprecated"] and "severityIn" in by_name["severity"]["deprecationReason"]
    assert not by_name["severityIn"]["isDeprecated"] and not by_name["scoreMin"]["isDeprecated"]
