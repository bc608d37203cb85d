"""A mail thread's quoted parts: read when the other side wrote them, not when our seller did.
Threads written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import TextDocument, TextPipeline
from ingest.text._mail_writers import company_of_host, mail_writers, named_hosts
from tests.ingest.text.conftest import crm_pipeline

CRM = {
    "self": {"id": "SELF", "name": "Halvard Systems", "aliases": ["Halvard"]},
    "companies": [
        {"id": "A-CR", "name": "Cedar Ridge Health System", "role": "customer"},
        {"id": "A-KP", "name": "Kestrel Precision", "role": "prospect", "domain": "kestrelpc.com"},
    ],
    "contacts": [
        {"id": "C-MH", "name": "Marcy Halverson", "company": "A-CR", "title": "Chief Nursing Officer"},
        {"id": "C-TB", "name": "Tom Brennan", "company": "A-CR"},
        {"id": "C-PN", "name": "Priya Natarajan", "company": "A-KP"},
    ],
}

CUSTOMER_QUOTED = """From: Dana Whitlock <dana@halvard.io>
To: Marcy Halverson <marcy@cedarridgehealth.org>
Subject: RE: pilot scope

Marcy, thanks - we'll keep the pilot to 4 West.

Dana

> From: Marcy Halverson
> Sent: Monday, February 2, 2026 4:47 PM
>
> Dana - Jerome Tillman (Director, Clinical Engineering) will own the technical evaluation.
> FY27 budget sits with Gary Pruitt, our CFO.
"""

SELLER_QUOTED = """From: Priya Natarajan <pn@kestrelpc.com>
To: Mark Jessup <mark.jessup@halvard.io>
Subject: RE: Line 4 pilot

Hi Mark, thanks for the numbers. Anything above $50k goes to Tom Haskett in finance.

Priya

> On Mon, Sep 22, 2025 at 5:40 PM Mark Jessup wrote:
> As agreed on our call, Owen Pike will lead the technical evaluation on your side.
> Happy to walk Gary Lindqvist and whoever owns the budget through them.
"""

FORWARDED_PRESS = """Fwd: Kestrel Precision news

---------- Forwarded message ---------
From: Nikhil Rao <nikhil@halvard.io>
To: Dana Whitlock

FYI, this is the news Priya hinted at.

> DAYTON - Kestrel Precision named Owen Pike its IT Director on Tuesday.
"""

NO_HEADER_QUOTED = """From: Priya Natarajan <pn@kestrelpc.com>

Thanks, see below.

> Understood. Owen Pike will lead the technical evaluation on your side.
> Mark | Halvard | Account Executive
"""


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "quoted-mails") as built:
        yield built


def _facts(pipeline: TextPipeline, text: str, account: str) -> set[tuple[str, str, str]]:
    ((_, ex),) = list(pipeline.run([TextDocument("Q", "email", text, "quoted", 1, "en", None, account)]))
    name = {pid: person[0] for pid, person in ex.new_people.items()}
    return {(f.relation, name.get(f.subject[1], f.subject[1]), f.object[1]) for f in ex.facts}


def test_a_customer_mail_quoted_under_our_reply_is_read(pipeline: TextPipeline) -> None:
    facts = _facts(pipeline, CUSTOMER_QUOTED, "A-CR")
    assert ("WORKS_AT", "Jerome Tillman", "A-CR") in facts
    assert ("DECISION_ROLE", "Jerome Tillman", "A-CR") in facts
    assert ("WORKS_AT", "Gary Pruitt", "A-CR") in facts


@pytest.mark.parametrize("text", [SELLER_QUOTED, NO_HEADER_QUOTED])
def test_our_sellers_mail_quoted_under_a_customer_reply_is_not(pipeline: TextPipeline, text: str) -> None:
    facts = _facts(pipeline, text, "A-KP")
    assert not {f for f in facts if f[1] in ("Owen Pike", "Gary Lindqvist")}
    if text is SELLER_QUOTED:  # the reply itself is read
        assert ("DECISION_ROLE", "Tom Haskett", "A-KP") in facts


def test_a_forward_reads_what_its_sender_quotes(pipeline: TextPipeline) -> None:
    """The quote under a forward's own words is another's (a press item), not the forwarder's."""
    assert ("WORKS_AT", "Owen Pike", "A-KP") in _facts(pipeline, FORWARDED_PRESS, "A-KP")


def test_a_reps_own_note_reads_the_mail_it_pastes(pipeline: TextPipeline) -> None:
    note = "Priya forwarded this:\n> Owen Pike will lead the technical evaluation on our side.\n"
    assert ("DECISION_ROLE", "Owen Pike", "A-KP") in _facts(pipeline, note, "A-KP")


def test_the_writer_of_an_attribution_line_without_an_address() -> None:
    text = (
        "> On Mon, Sep 22, 2025 at 5:40 PM Mark Jessup wrote:\n> hi\nOn 1 Jul 2026, Ben Ho <b@x.com> wrote:"
    )
    assert [text[a:b] for _, a, b in mail_writers(text)] == ["PM Mark Jessup", "Ben Ho"]


def test_a_mail_host_named_after_a_company() -> None:
    hosts = named_hosts({"SELF": ["Halvard Systems", "Halvard"], "A-CR": ["Cedar Ridge Health System"],
                         "A-CH": ["Cedar Hollow"], "A-ZH": ["东岳理工大学"]})  # fmt: skip
    assert company_of_host("mail.halvard.io", hosts) == "SELF"
    assert company_of_host("cedarridgehealth.org", hosts) == "A-CR"
    assert company_of_host("cedar.org", hosts) == ""  # the first word of two companies names neither
    assert company_of_host("kestrelpc.com", hosts | {"kestrelpc.com": "A-KP"}) == "A-KP"
    assert not [key for key in hosts if "." in key]
