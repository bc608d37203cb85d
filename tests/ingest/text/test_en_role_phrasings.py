"""Buying roles as English notes state them, and whom a pronoun after reported speech means.
Phrasings written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.text import TextDocument, TextPipeline
from tests.ingest.text.conftest import crm_pipeline, roles_said

CRM = {
    "self": {"id": "SELF", "name": "Tallmark Scheduling"},
    "companies": [
        {"id": "A-HB", "name": "Harrowgate Bakeries", "role": "customer"},
        {"id": "V-KR", "name": "Kronos", "role": "competitor"},
    ],
    "contacts": [
        {"id": "C-OB", "name": "Oscar Bellamy", "company": "A-HB", "title": "CFO"},
        {"id": "C-MF", "name": "Mina Farrow", "company": "A-HB", "title": "HR Director"},
    ],
}


@pytest.fixture(scope="module")
def pipeline() -> Iterator[TextPipeline]:
    with crm_pipeline(CRM, "en-roles") as built:
        yield built


def _roles(pipeline: TextPipeline, text: str, lang: str = "en") -> set[tuple[str, str, str]]:
    return roles_said(pipeline, TextDocument("N", "note", text, "en-roles", 1, lang, None, "A-HB"))


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Oscar Bellamy signed off on the three-year renewal.", {("C-OB", "economic_buyer", "neutral")}),
        # the cue first names the person after it, not the one who says so
        ("Tunde Bello says the budget sits with Gary Marks.", {("Gary Marks", "economic_buyer", "neutral")}),
        # a spending limit above which it goes to someone; a part of the review someone does
        (
            "Anything over £50k goes to our Finance Director, Helen Achterberg.",
            {("Helen Achterberg", "economic_buyer", "neutral")},
        ),
        (
            "Nathan Cole signs for anything over $2M, which this will be.",
            {("Nathan Cole", "economic_buyer", "neutral")},
        ),
        (
            "Wes Tanaka does the electrical side of the review.",
            {("Wes Tanaka", "technical_evaluator", "neutral")},
        ),
        (
            "Dr Hannah Lindqvist is judging the reliability side.",
            {("Hannah Lindqvist", "technical_evaluator", "neutral")},
        ),
        (
            "Mei Ling Chow is doing the vendor security questionnaires.",
            {("Mei Ling Chow", "technical_evaluator", "neutral")},
        ),
        # shorthand: "thru", "w/"; money that passes someone is theirs, a door is not
        ("Meetings w/ the CEO have to go thru Neha Desai.", {("Neha Desai", "gatekeeper", "neutral")}),
        ("All proc budget goes thru Neha Desai.", {("Neha Desai", "economic_buyer", "neutral")}),
        # what a refusal waits for makes the act theirs
        (
            "Neha Desai won't approve the PO without a 5-year TCO.",
            {("Neha Desai", "economic_buyer", "neutral")},
        ),
        (
            "The budget sits with Neha Desai, and she won't approve anything until the pilot numbers are in.",
            {("Neha Desai", "economic_buyer", "neutral")},
        ),
        (
            "Our engineering lead, Johan Botha, will be scoring the technical side and he swears by Kronos.",
            {("Johan Botha", "technical_evaluator", "opponent")},
        ),
        # where the decision lies, said in more ways
        (
            "The final decision will rest with the Chair, Professor Tobias Grell.",
            {("Tobias Grell", "decision_maker", "neutral")},
        ),
        ("Oscar Bellamy is the approving authority.", {("C-OB", "decision_maker", "neutral")}),
        ("Mina Farrow makes the system choice.", {("C-MF", "decision_maker", "neutral")}),
        ("Oscar Bellamy approved the renewal on Friday.", {("C-OB", "decision_maker", "neutral")}),
        ("The final call isn't Mina's, it's Oscar Bellamy's.", {("C-OB", "decision_maker", "neutral")}),
        # a partner in what the person does
        (
            "Mina Farrow will run the pilot together with Tobias Grell from payroll.",
            {("C-MF", "technical_evaluator", "neutral"), ("Tobias Grell", "technical_evaluator", "neutral")},
        ),
        (
            "Mina Farrow will run the pilot, and Tobias Grell will sit in on the demos.",
            {("C-MF", "technical_evaluator", "neutral")},
        ),
        ("Tobias Grell = pretty much our champ now.", {("Tobias Grell", "champion", "supporter")}),
        ("Mina Farrow has our back internally.", {("C-MF", "champion", "supporter")}),
        # who holds the money, however said
        (
            "Tobias Grell isn't the one with the cheque book, that's Oscar Bellamy.",
            {("C-OB", "economic_buyer", "neutral")},
        ),
        ("Oscar Bellamy has the ultimate say on the budget.", {("C-OB", "economic_buyer", "neutral")}),
        ("Oscar Bellamy gives the okay for the budget.", {("C-OB", "economic_buyer", "neutral")}),
        ("Oscar Bellamy is the one who signed the pilot PO.", {("C-OB", "economic_buyer", "neutral")}),
        # where the decision sits, and who breaks a tie
        ("The decision itself sits with their CFO, Oscar Bellamy.", {("C-OB", "decision_maker", "neutral")}),
        ("Tobias Grell has the casting vote in the clinic.", {("Tobias Grell", "decision_maker", "neutral")}),
        ("Since the reorg Mina Farrow owns her own HR-tech budget.", {("C-MF", "economic_buyer", "neutral")}),
        ("Mina Farrow is our biggest fan on the panel.", {("C-MF", "champion", "supporter")}),
        # a champion, a blocker, a stance as the twenty-first session's writers put them
        ("Mina Farrow still speaks up for us with the board.", {("C-MF", "champion", "supporter")}),
        ("Tobias Grell is our guy on the inside.", {("Tobias Grell", "champion", "supporter")}),
        ("Tobias Grell is the main obstacle on the safety deal.", {("Tobias Grell", "blocker", "opponent")}),
        ("Mina Farrow holds the budget and is leaning Kronos.", {("C-MF", "economic_buyer", "opponent")}),
        (
            "Tobias Grell, the Leeds site manager, has a big say but is lukewarm.",
            {("Tobias Grell", "influencer", "neutral")},
        ),
        ("Mina Farrow controls who gets near the executive team.", {("C-MF", "gatekeeper", "neutral")}),
        (
            "Mina Farrow is dead against switching and lobbying to just extend Kronos.",
            {("C-MF", "blocker", "opponent")},
        ),
        ("Tobias Grell will be the day-to-day admin.", {("Tobias Grell", "user", "neutral")}),
        # the call as its kind, the one to decide; twenty-second session's writers
        ("Oscar Bellamy makes the operational call.", {("C-OB", "decision_maker", "neutral")}),
        ("Oscar Bellamy is the one to decide on the rollout.", {("C-OB", "decision_maker", "neutral")}),
        # a Cantonese or Mandarin aside in an English note keeps its negation and its hedge
        ("Tobias Grell 其實唔係 blocker 喎, he only wants the checklist.", set()),
        # "would" is a plan unless a condition earlier in the sentence yields it
        ("Tobias Grell would be the main day-to-day user.", {("Tobias Grell", "user", "neutral")}),
        ("Oscar's view: if payroll felt watched, Tobias Grell would be the blocker.", set()),
        ("Oscar Bellamy signs the renewal this year.", {("C-OB", "economic_buyer", "neutral")}),
        (
            "Tobias Grell, QA Manager; he'll evaluate the audit-trail side.",
            {("Tobias Grell", "technical_evaluator", "neutral")},
        ),
        ("We'll evaluate whether Tobias Grell can help.", set()),
        ("Oscar Bellamy (CFO) is holding the purse strings.", {("C-OB", "economic_buyer", "neutral")}),
        ("Mina Farrow is actively pushing the idea internally.", {("C-MF", "champion", "supporter")}),
        ("Mina Farrow will chair the evaluation panel.", {("C-MF", "technical_evaluator", "neutral")}),
        ("Final say on the Leeds site = Mina Farrow.", {("C-MF", "decision_maker", "neutral")}),
        # the cue's clause has its person already
        (
            "Oscar Bellamy will make the final decision - Mina Farrow only gets involved above 1m.",
            {("C-OB", "decision_maker", "neutral")},
        ),
        ("Oscar Bellamy has approved the budget line in principle.", {("C-OB", "economic_buyer", "neutral")}),
        (
            "The contract goes to Oscar Bellamy for signature next week.",
            {("C-OB", "economic_buyer", "neutral")},
        ),
        ("Oscar Bellamy controls drawdown of the $2.1m grant.", {("C-OB", "economic_buyer", "neutral")}),
        (
            "Mina Farrow, HR Director: makes the renewal decision and is a supporter.",
            {("C-MF", "decision_maker", "supporter")},
        ),
        # a price objection is a stance against us
        (
            "Oscar Bellamy controls the budget and thinks we're pricier than UKG.",
            {("C-OB", "economic_buyer", "opponent")},
        ),
        # the holder after the thing held, a title in apposition between
        ("Budget sits with our CFO, Oscar Bellamy.", {("C-OB", "economic_buyer", "neutral")}),
        (
            "Key people:\n- Tobias Grell: Head of Payroll, new in role, holds the budget.\n- Mina: HR.",
            {("Tobias Grell", "economic_buyer", "neutral")},
        ),
        (
            "Budget holder is the Director of Finance, Oscar Bellamy (not present).",
            {("C-OB", "economic_buyer", "neutral")},
        ),
        ("The PO is sitting with Oscar Bellamy now.", {("C-OB", "economic_buyer", "neutral")}),
        ("Tech sign-off now sits with Mina Farrow.", {("C-MF", "technical_evaluator", "neutral")}),
        # the budget as a possession; a phone call is no decision
        ("Oscar Bellamy opened the meeting. The budget is his.", {("C-OB", "economic_buyer", "neutral")}),
        ("Snapshot from Mina Farrow's call + Oscar Bellamy's email", set()),
        ("It's Mina Farrow's call.", {("C-MF", "decision_maker", "neutral")}),
        # a state that held until some point is past; the later "now" is what counts
        (
            "Mina Farrow led the tech eval and came out in our favour; she's now our champion. "
            "Worth knowing she was openly sceptical of us until the workshop.",
            {("C-MF", "technical_evaluator", "supporter"), ("C-MF", "champion", "supporter")},
        ),
        # "gone from X to Y" is a change of mood, not of employer; "blocks" of a lab are no blocking
        (
            "Oscar Bellamy has gone from lukewarm to openly hostile. Treat as a blocker from here on.",
            {("C-OB", "blocker", "opponent")},
        ),
        (
            "Mina Farrow will be the main user. Labelling of blocks and slides is a big interest.",
            {("C-MF", "user", "neutral")},
        ),
        ("Mina Farrow will carry weight with Oscar.", {("C-MF", "influencer", "neutral")}),
        # the final sign-off is the decision, not the budget's; cutting the PO is the budget's
        (
            "Mina Farrow confirmed she's the final sign off on the rollout.",
            {("C-MF", "decision_maker", "neutral")},
        ),
        ("Oscar Bellamy cuts the PO once scope is agreed.", {("C-OB", "economic_buyer", "neutral")}),
        # the budget's holder in the words of hurried notes, a grant's administrator, the commercial side
        ("Mina Farrow's got the budget now.", {("C-MF", "economic_buyer", "neutral")}),
        ("Oscar Bellamy will handle the budget release.", {("C-OB", "economic_buyer", "neutral")}),
        (
            "Oscar Bellamy approved the fleet business case this morning.",
            {("C-OB", "economic_buyer", "neutral")},
        ),
        ("Oscar Bellamy (CFO) to approve.", {("C-OB", "economic_buyer", "neutral")}),
        ("The budget is ringfenced, and Mina Farrow approves now.", {("C-MF", "economic_buyer", "neutral")}),
        (
            "Tom makes the call but $$ sits w/ Oscar Bellamy, not her.",
            {("C-OB", "economic_buyer", "neutral")},
        ),
        ("Funding: a state grant, administered by Oscar Bellamy.", {("C-OB", "economic_buyer", "neutral")}),
        ("Mina Farrow handles the commercial side.", {("C-MF", "economic_buyer", "neutral")}),
        ("Oscar Bellamy will approve the design.", set()),
        # who evaluates: a questionnaire, RFP scoring, a validation package, a typed "techincal eval"
        (
            "Mina Farrow (IT Security) will assess the hosting questionnaire.",
            {("C-MF", "technical_evaluator", "neutral")},
        ),
        (
            "| Mina Farrow | Senior Buyer | Runs RFP scoring / evaluation |",
            {("C-MF", "technical_evaluator", "neutral")},
        ),
        ("Oscar Bellamy will review the validation package.", {("C-OB", "technical_evaluator", "neutral")}),
        ("Oscar Bellamy doing the techincal eval.", {("C-OB", "technical_evaluator", "neutral")}),
        # a champion's deeds: backing us, pushing it, taking it to the board
        ("Mina Farrow now fully behind us, pushing it herself.", {("C-MF", "champion", "supporter")}),
        ("Oscar Bellamy now pushing hard for the full suite w/ us.", {("C-OB", "champion", "supporter")}),
        ("Oscar Bellamy still firmly backing us.", {("C-OB", "champion", "supporter")}),
        ("Mina Farrow is taking it to the board herself.", {("C-MF", "champion", "supporter")}),
        ("Oscar Bellamy, the CFO, will make the final choice.", {("C-OB", "decision_maker", "neutral")}),
        (
            "Tobias Grell is now the single point of contact for all bidders.",
            {("Tobias Grell", "gatekeeper", "neutral")},
        ),
        (
            "Oscar confirmed the technical panel is Mina Farrow and Tobias Grell.",
            {("C-MF", "technical_evaluator", "neutral"), ("Tobias Grell", "technical_evaluator", "neutral")},
        ),
        (
            "Tobias Grell and his team are the ones who'd live in the system day to day.",
            {("Tobias Grell", "user", "neutral")},
        ),
        ("Mina Farrow is the person most likely to slow things down.", {("C-MF", "blocker", "opponent")}),
        ("Mina Farrow has been our champion since 2019.", {("C-MF", "champion", "supporter")}),
        # a table's cells are clauses of their own: the year of another cell says nothing of the role
        (
            "| Mina Farrow | HR Director | Possibly a blocker | Championed UKG back in 2022 |",
            {("C-MF", "blocker", "opponent")},
        ),
        # the stance after someone named as an object is the subject's
        (
            "Mina Farrow reports straight into Oscar Bellamy and is clearly our strongest ally.",
            {("C-MF", "champion", "supporter")},
        ),
    ],
)
def test_roles_as_notes_state_them(
    pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]
) -> None:
    assert _roles(pipeline, text) == roles


def test_a_pronoun_after_reported_speech_is_not_the_speaker(pipeline: TextPipeline) -> None:
    text = "Oscar Bellamy signs off on anything over 50k; Mina says hes deeply skeptical of more spend."
    assert _roles(pipeline, text) == {("C-OB", "economic_buyer", "opponent")}


def test_a_surname_inside_a_word_begins_no_name(pipeline: TextPipeline) -> None:
    """房 ends 配电房 ("switch room"); 房巡检 is no person."""
    assert _roles(pipeline, "鲁工带班冷站和配电房巡检，二期上线后是主要使用人。", "zh") == {
        ("鲁工", "user", "neutral")
    }


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "* Tobias Grell, IT Director. Was against cloud, fine now. Owns the technical sign-off.",
            {("Tobias Grell", "technical_evaluator", "neutral")},
        ),
        ("- Mina Farrow, HR. Still the technical evaluator.", {("C-MF", "technical_evaluator", "neutral")}),
        ("- Mina Farrow, HR. Effectively our champion now.", {("C-MF", "champion", "supporter")}),
        ("- Mina Farrow (HR) now openly backing us.", {("C-MF", "champion", "supporter")}),
        # a blank line or a new list item starts another subject
        ("- Tobias Grell, IT.\n- Holds the budget.", set()),
        ("Met Tobias Grell today.\n\nHolds the budget.", set()),
        # a predicate noun opening the sentence is its subject, not the last person's
        ("Met Tobias Grell today. The CFO holds the budget.", set()),
    ],
)
def test_a_sentence_without_a_subject_is_about_the_person_just_named(
    pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]
) -> None:
    assert _roles(pipeline, text) == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Tobias Grell will review our architecture.", {("Tobias Grell", "technical_evaluator", "neutral")}),
        ("Mina Farrow is doing the technical comparison.", {("C-MF", "technical_evaluator", "neutral")}),
        ("Tobias Grell will assess our SSO.", {("Tobias Grell", "technical_evaluator", "neutral")}),
        ("Oscar Bellamy (CFO) holds the $$.", {("C-OB", "economic_buyer", "neutral")}),
        ("Oscar Bellamy controls the appropriation.", {("C-OB", "economic_buyer", "neutral")}),
        ("Oscar Bellamy signs it off at the board meeting.", {("C-OB", "economic_buyer", "neutral")}),
        ("Oscar Bellamy controls the budget: $2.1M.", {("C-OB", "economic_buyer", "neutral")}),
        ("Mina Farrow is completely sold on us.", {("C-MF", "champion", "supporter")}),
        # we review, they do not: no role
        ("We will review the integration with Tobias Grell next week.", set()),
    ],
)
def test_english_role_phrasings_of_review_money_and_support(
    pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]
) -> None:
    assert _roles(pipeline, text) == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Tobias Grell signed off security last week.", {("Tobias Grell", "technical_evaluator", "neutral")}),
        (
            "Tobias Grell will sign off the clock integration on the technical side.",
            {("Tobias Grell", "technical_evaluator", "neutral")},
        ),
        ("Oscar Bellamy signed off on the renewal.", {("C-OB", "economic_buyer", "neutral")}),
    ],
)
def test_signing_off_how_it_is_built_is_the_technical_sign_off(
    pipeline: TextPipeline, text: str, roles: set[tuple[str, str, str]]
) -> None:
    assert _roles(pipeline, text) == roles
