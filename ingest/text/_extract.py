"""segment → recognise → link → relate, for one parsed document.

Mentions come from the ruler (graph names, titles, "Dr. Wang"/"王主任"), a scan
for Chinese names the graph knows, and date expressions. Each is linked to a node: the
surface's ids narrowed by the document's company context. Rules over sentence skeletons
(``_rules``) and cue words then produce facts, each with its sentence, offsets and rule.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date
from typing import Any

from spacy.tokens import Doc as SpacyDoc

from ingest.normalize.text import fold, has_cjk

from ._contract_carry import carry_contract_ends
from ._cues import cue_relations, note_stances
from ._denied_jobs import denied_jobs, without_denied_jobs
from ._emitting import CONF_HEDGED, CONF_KNOWN, CONF_NEW, plain
from ._facts import Extraction, Fact, fullest
from ._full_names import named_in_full, named_later_in_full
from ._gazetteer import Gazetteer
from ._job_facts import JobReader
from ._layout import FILLERS, Span4, alongside, coordinated, header_company, speaker_spans
from ._link import PersonLinker
from ._mail_writers import Span3, mail_writers, named_hosts, quoted_theirs, writer_company
from ._match_checks import (
    LEFT_LATER,
    QUESTION,
    STARTS_LATER,
    VENDOR_JOB,
    an_object_as_subject,
    claimed_before,
    common_word_as_name,
    cue_has_its_person,
    in_own_aside,
    line_to_come,
    org_right_after,
    org_right_before,
    our_title,
    our_vendor_job,
    ours_before,
    ours_later_on_the_line,
    stance_taken_back,
    taken_back_after,
    their_company,
    topic_for_object,
    unknown_company_before,
    without_the_departed,
    wondered,
)
from ._mentions import MONEY, Mention, Recogniser
from ._modality import Modality, denied_within, future_within, later_in_clause, modality, past_year, risk_line
from ._names import name_like
from ._note_employment import note_employment
from ._paren_titles import widen_bracket_titles
from ._person_links import link_people
from ._rule_grammar import Rule
from ._rules import RULES, STANCE
from ._sections import section_account, section_heads
from ._sentences import sentence_spans
from ._skeletons import both_named, sentiment, skeleton_of
from ._subjectless import carried_subject
from ._supplied_installs import supplied_not_installed
from ._vendor_products import products_for_vendors

__all__ = ["LABEL_OF", "MONEY", "Extraction", "Extractor", "Fact", "Mention", "sentiment"]

LABEL_OF = {"ORG": "Company", "PERSON": "Person", "PRODUCT": "Product", "TOPIC": "Topic"}


def _once(
    facts: list[Fact], done: dict[tuple[str, str, str, str], Fact], key: tuple[str, str, str, str], fact: Fact
) -> None:
    """One fact per relation and ends in a sentence: the first, unless a later rule reads the
    title the first left out ("Martin Lyle, who retired … as the bank's CIO")."""
    if key not in done:
        done[key] = fact
        facts.append(fact)
    elif fact.props.get("title") and not done[key].props.get("title"):
        facts[facts.index(done[key])] = done[key] = fact


class Extractor:
    """Recognises, links and relates; one per gazetteer, shared by every document."""

    def __init__(self, gz: Gazetteer) -> None:
        self.gz = gz
        self.mentions = Recogniser(gz)
        self.jobs = JobReader(gz)
        self._vendors = set(gz.vendor_of.values())
        #: companies in the market rather than accounts: vendors and our competitors, and the market
        #: lists' suppliers even where the CRM knows their people (a partner with people may buy too)
        rivals = {s for rel, s, e in gz.known_edges if rel == "COMPETES_WITH" and e == gz.self_id}
        self._competitors = rivals
        self._market = self._vendors | rivals | (gz.market - (set(gz.staff) & gz.partners))
        self._market.discard(gz.self_id)  # "表态支持衡远" favours us, not a rival
        ours = {p for p, v in gz.vendor_of.items() if v == gz.self_id}
        self._rivals = self._market | {p for p in gz.vendor_of if p not in ours}
        #: companies that sell nothing the graph knows as a product: listed in the market or
        #: already supplying someone, and neither a rival nor a partner
        supplying = {s for rel, s, _ in gz.known_edges if rel == "SUPPLIES"}
        self._suppliers = (self._market | supplying) - self._vendors - rivals - gz.partners - {gz.self_id}
        self._buyers = set(gz.company_names) - self._market - {gz.self_id}  # what a section may be about
        self._today = date.min  # the note being read's date
        self._employers = {pid: info.companies for pid, info in gz.people.items()}
        self._mail_domains = (
            named_hosts(gz.company_all_names)
            | gz.domains
            | ({gz.self_domain: gz.self_id} if gz.self_domain else {})
        )
        #: the note being read's layout and the sentence's start, for ``_writer``
        self._layout: tuple[str, list[Span4], list[Span3], list[Mention]] = ("", [], [], [])
        self._sentence_at = 0

    def _writer(self) -> str | None:
        """The company of the sentence's writer (``writer_company``): whom its "our" means."""
        text, speakers, senders, mentions = self._layout
        at = self._sentence_at
        return writer_company(text, at, speakers, senders, mentions, self._employers, self._mail_domains)

    def _quoted_theirs(self) -> bool:
        """Whether the quoted sentence being read is another company's words (``quoted_theirs``)."""
        text, _, senders, mentions = self._layout
        args = (self._employers, self._mail_domains, self.gz.self_id)
        return quoted_theirs(text, self._sentence_at, senders, mentions, *args)

    def _dated_later(self, match: re.Match[str], ments: list[Mention]) -> bool:
        """A date in the match after the note's: "孙丽明年3月退休" is there until then."""
        today = self._today.isoformat()
        return any(str(ments[int(i)].value or "") > today for i in re.findall(r"«D(\d+)»", match.group()))

    # ---- link --------------------------------------------------------------------------
    def _product_meant(self, ids: list[str], named: set[str]) -> str:
        """Of the products a short name may be ("Predict": AxleIQ Predict or ours), the one whose
        vendor the note names, else ours: a note names a rival's product by its brand."""
        vendors = [self.gz.vendor_of.get(p, "") for p in ids]
        theirs = [p for p, v in zip(ids, vendors, strict=True) if v and v in named]
        ours = [p for p, v in zip(ids, vendors, strict=True) if v and v == self.gz.self_id]
        return (theirs or ours or ids or [""])[0]

    def _link_org(self, m: Mention, context: list[str]) -> None:
        ids = self.gz.surfaces.get(m.key or fold(m.text), {}).get("ORG", [])
        m.node_id = next((c for c in context if c in ids), "") or (sorted(ids)[0] if ids else "")

    # ---- relate ------------------------------------------------------------------------
    def extract(self, doc: SpacyDoc, lang: str, account_id: str, today: date) -> Extraction:
        self._today = today
        out = Extraction(mentions=widen_bracket_titles(doc.text, self.mentions(doc, lang, today, account_id)))
        linker = PersonLinker(self.gz, out.new_people)
        text = doc.text
        doc_orgs: list[str] = [account_id] if account_id in self.gz.company_names else []
        for m in out.mentions:
            if m.label == "ORG":
                self._link_org(m, doc_orgs)
                if m.node_id and m.node_id not in doc_orgs and m.node_id not in self._vendors:
                    doc_orgs.append(m.node_id)
        named = {m.node_id for m in out.mentions if m.label == "ORG"}
        for m in out.mentions:
            if m.label in ("PRODUCT", "TOPIC"):
                ids = self.gz.surfaces.get(m.key or fold(m.text), {}).get(m.label, [])
                m.node_id = self._product_meant(ids, named) if m.label == "PRODUCT" else ids[0] if ids else ""
        speakers = list(speaker_spans(text))
        self._layout = (text, speakers, mail_writers(text), out.mentions)
        heads = section_heads(text, out.mentions, self._buyers)
        starts = [m.start for m in out.mentions]  # mentions are sorted and do not overlap
        for s0, s1 in sentence_spans(doc.text, doc.sents, out.mentions):
            out.sentences.append((s0, s1, sentiment(text[s0:s1], lang)))
            first = bisect.bisect_left(starts, s0)
            ments = [m for m in out.mentions[first : bisect.bisect_left(starts, s1)] if m.end <= s1]
            sent_orgs = [m.node_id for m in ments if m.label == "ORG" and m.node_id]
            # a competitor named in the sentence is not where its people work by default
            near = [o for o in sent_orgs if o not in self._market]
            context = list(dict.fromkeys([*near, *doc_orgs, *sent_orgs]))
            link_people(text, ments, linker, context, speakers, out)
            self._sentence_at = s0
            if not _QUOTED_LINE.match(text, text.rfind("\n", 0, s0) + 1) or self._quoted_theirs():
                # two headings at least: one line naming an account alone is the note's title
                section = section_account(heads, s0) if len(heads) > 1 else ""
                orgs = [section, *(o for o in doc_orgs if o != section)] if section else doc_orgs
                self._relate(out, linker, text, s0, s1, ments, lang, context, orgs)
        named_later_in_full(out)
        note_employment(out, self.gz, text, lang, doc_orgs, speakers)
        out.facts = fullest(out.facts)
        carry_contract_ends(out, text, lang, self._market)
        # an install whose contract ended before the note was written is over: "had X-am 5600s until 2023"
        out.facts = [f for f in out.facts if not _ended_before(f, today)]
        products_for_vendors(out, self.gz, text)
        for f in out.facts:
            if f.relation == "DECISION_ROLE" and f.props.get("stance") == "neutral":
                f.props["stance"] = out.stances.get(f.subject[1], "neutral")
        # a role that is a stance ends with it: "吴涛3月份还比较抵触…现在基本中立" is no blocker now
        out.facts = [f for f in out.facts if not stance_taken_back(f, out.stances)]
        out.facts = without_the_departed(supplied_not_installed(out.facts, self._suppliers, self.gz.self_id))
        out.facts = without_denied_jobs(out.facts, denied_jobs(text, out.mentions, lang))
        named_in_full(out.new_people, out.mentions)
        used = {m.node_id for m in out.mentions} | {e[1] for f in out.facts for e in (f.subject, f.object)}
        for pid in [p for p in out.new_people if p not in used]:
            del out.new_people[pid]  # named first by a reference whose stated title then said otherwise
        return out

    def _relate(
        self,
        out: Extraction,
        linker: PersonLinker,
        text: str,
        s0: int,
        s1: int,
        ments: list[Mention],
        lang: str,
        context: list[str],
        doc_orgs: list[str],
    ) -> None:
        skeleton = both_named(FILLERS.sub(r"\1", skeleton_of(text, s0, s1, ments)))
        sentence = text[s0:s1].strip()
        done: dict[tuple[str, str, str, str], Fact] = {}
        denied: set[tuple[str, str]] = set()  # (person, role) the sentence says they do not hold
        # (person slot, end, start) a topic rule has read: "预算也是他定" is the budget's say, not
        # also a 定 decision
        claimed: set[tuple[int, int, int]] = set()

        def emit(
            rel: str,
            subj: tuple[str, str, str],
            obj: tuple[str, str, str],
            props: dict[str, Any],
            rule: str,
            conf: float = CONF_KNOWN,
        ) -> None:
            # one fact per relation and ends in a sentence, but a person may hold two roles ("EB + 最终拍板")
            # and "原IT主管黄永已经离职" reads both as employment and as leaving; fullest keeps the leaving
            key = (rel, subj[1], obj[1], str(props.get("role", props.get("current", ""))))
            if subj[1] and obj[1] and subj[1] != obj[1]:
                _once(out.facts, done, key, Fact(rel, subj, obj, props, sentence, s0, s1, rule, conf))

        buyers = [c for c in context if c not in self._vendors]
        home = ("Company", (doc_orgs or buyers or [""])[0], "")
        worded, lined, ments = _role_text(skeleton, ments, text, s0, lang, out)
        # a Chinese name or title counts, though the skeleton has put a mark in its place
        langs = {lang} | ({"zh"} if has_cjk(sentence) else set())
        langs |= {"en"} if _LATIN_WORDS.search(plain(skeleton)) else set()
        read_in = {"DECISION_ROLE": worded, "REPORTS_TO": lined}  # the text each relation's rules read
        lowered = {t: t.lower() for t in (skeleton, worded, lined)}
        for rule in RULES:
            text_of = read_in.get(rule.relation, skeleton)
            # a mixed note is read by both languages' rules
            if rule.lang not in langs or not rule.may_match(lowered[text_of]):
                continue
            if rule.relation in ("DECISION_ROLE", "REPORTS_TO") and QUESTION.match(sentence):
                continue  # "did Graham push back on price?" asks; it states no role
            pos = 0
            while (match := rule.regex.search(text_of, pos)) is not None:
                word = common_word_as_name(match, rule.lang)
                if word is not None:  # "方面，赵伟欣是预算审批人": look again past the word
                    pos = word + 1
                    continue
                if wondered(text_of, match) or (
                    rule.relation == "DECISION_ROLE"
                    and (
                        claimed_before(rule, match, claimed)
                        or cue_has_its_person(rule, match)
                        or an_object_as_subject(rule, match)
                        or taken_back_after(match, ments)
                    )
                ):
                    pos = max(match.end(), match.start() + 1)
                    continue
                begin = match.start("from") if match.groupdict().get("from") else match.start()
                mod = modality(text_of, begin, match.end(), rule.lang)
                if rule.relation == "WORKS_AT" and mod.negated and not mod.conditional:
                    mod = replace(mod, negated=denied_within(text_of, begin, match.end(), rule.lang))
                topic = topic_for_object(text_of, match) if rule.relation == "DECISION_ROLE" else None
                if rule.relation == "DECISION_ROLE" and mod.negated and match.group("p") is not None:
                    denied.add((ments[int(match.group("p"))].node_id, dict(rule.props)["role"]))
                self._apply(rule, match, ments, linker, emit, home, context, mod, topic)
                if (
                    rule.relation in ("DECISION_ROLE", "REPORTS_TO")
                    and match.group("p") is not None
                    and not in_own_aside(text_of, match)  # "小谭（IT开发，钱主任组里的）" is 小谭's alone
                ):
                    marker = (match.start("p") - 2, match.end("p") + 1)  # «P12» around the group's digits
                    # "I will lead the technical assessment together with Ben Osei": Ben leads it too
                    partners = alongside(text_of, match.end()) if match.start("p") < match.end() - 2 else []
                    for other in [*coordinated(text_of, *marker), *partners]:
                        self._apply(rule, match, ments, linker, emit, home, context, mod, other)
                pos = max(match.end(), match.start() + 1)
        # "她不是技术人员，也不掌握预算，但…都要她签字": a role the sentence denies its person is
        # not read from a weaker cue of the same sentence
        out.facts = [
            f
            for f in out.facts
            if not (
                f.start == s0 and f.relation == "DECISION_ROLE" and (f.subject[1], f.props["role"]) in denied
            )
        ]
        suppliers = {f.subject[1] for f in out.facts if f.relation == "SUPPLIES" and f.start == s0}
        ordered = (lang, *sorted(langs - {lang}))
        cue_relations(self.gz, self._market, skeleton, ments, ordered, home, emit, suppliers, out.last_person)
        speech = "mixed" if len(langs) > 1 else lang
        asked = QUESTION.match(sentence) is not None  # "did Graham push back on price?" states no stance
        out.last_person = note_stances(  # read with the left-out subject back: "Holds the budget; a big fan"
            {} if asked else out.stances,
            out.last_person,
            worded,
            ments,
            speech,
            self._rivals,
            self.gz.self_id,
        )

    def _rep_of(self, ments: list[Mention]) -> tuple[str, str, str] | None:
        """The market company a sales title at the account belongs to: the one the sentence
        names, else the last one named in the lines just before it ("Rotorlog are being difficult
        about the export. Their account manager, Stuart Baird, …")."""
        at = self._sentence_at
        earlier = [m for m in self._layout[3] if at - 300 <= m.start < at]
        found = [m for m in [*ments, *reversed(earlier)] if m.label == "ORG" and m.node_id in self._market]
        return ("Company", found[0].node_id, found[0].text) if found else None

    def _a_rival_after(self, match: re.Match[str], ments: list[Mention]) -> bool:
        """The cue's object is a rival: "he championed AVEVA when it went in" is not our champion."""
        rival = _RIVAL_AFTER.match(match.string, match.end())
        return rival is not None and ments[int(rival.group(1))].node_id in self._rivals

    @staticmethod
    def _slot(
        match: re.Match[str], group: str, ments: list[Mention], linker: PersonLinker, context: list[str]
    ) -> tuple[str, str, str] | None:
        idx = match.groupdict().get(group)
        if idx is not None:
            m = ments[int(idx)]
            return (LABEL_OF.get(m.label, m.label), m.node_id, m.text)
        name = match.groupdict().get(group + "n")
        if name is None or not (has_cjk(name) or name_like(name.split())):
            return None  # "At Bradford" is no name
        return ("Person", linker.link(name, "", context)[0], name)

    def _apply(  # noqa: PLR0912 — a branch per relation
        self,
        rule: Rule,
        match: re.Match[str],
        ments: list[Mention],
        linker: PersonLinker,
        emit: Any,
        home: tuple[str, str, str],
        context: list[str],
        mod: Modality,
        subject: int | None = None,
    ) -> None:
        """``subject``: another person mention the rule's fact is also about ("A and B report to C")."""
        props = dict(rule.props)
        leaving = props.get("current") == "false"
        if (
            (mod.negated and not leaving)
            or ((mod.past or mod.conditional) and rule.relation != "WORKS_AT")
            or (rule.relation == "DECISION_ROLE" and risk_line(match.string))
        ):
            return  # "NOT the decision maker", "used to report to", "no longer a blocker", "Risk: …"
        if leaving and (
            mod.future
            or future_within(match.string, match.start(), match.end(), rule.lang)
            or self._dated_later(match, ments)
        ):
            return  # "她明年3月退休", "will retire next year": still there now
        if line_to_come(rule.relation, match, mod.future, rule.lang):
            return
        if rule.relation == "DECISION_ROLE" and (
            later_in_clause(match.string, match.start(), match.end(), rule.lang)
            or past_year(match.string, match.start(), match.end(), rule.lang, self._today.year)
        ):
            return  # "之后预算也会由她审批": her role from then on

        def slot(group: str) -> tuple[str, str, str] | None:
            if group == "p" and subject is not None:
                return ("Person", ments[subject].node_id, ments[subject].text)
            return self._slot(match, group, ments, linker, context)

        def conf(*ends: tuple[str, str, str] | None) -> float:
            sure = CONF_NEW if any(e and e[1].startswith("TXT-") for e in ends) else CONF_KNOWN
            return min(sure, CONF_HEDGED) if mod.hedged else sure

        if rule.relation == "WORKS_AT":
            before = match.string[: match.start()]
            c = (
                slot("c")
                or org_right_after(match, ments)
                or org_right_before(before, ments)
                or their_company(match, ments)
                or header_company(before, ments, self.gz.self_id)
                or home
            )
            if (
                c[1] == self.gz.self_id
                or ours_later_on_the_line(match, ments, self.gz.self_id)
                or ours_before(match)
                or (our_title(match) and self._writer() in (None, self.gz.self_id))
            ):
                return  # our own colleagues are not facts about the account
            p = slot("p")
            if p is None or STARTS_LATER.match(match.string, match.end()):
                return  # "our new lead, Bernd Kaiser, who starts on 1 July": not there yet
            promoted = "promoted" in props
            left_later = LEFT_LATER.match(match.string, match.end()) is not None
            gone = leaving or (mod.past and not promoted) or left_later
            job = self.jobs.read(match, ments, linker, context, p, c[1], gone, promoted)
            if job is not None and c == home and VENDOR_JOB.match(str(job[1].get("title") or "")):
                c = self._rep_of(ments) or c  # "Their account manager, Stuart Baird": the vendor's rep
            elsewhere = c == home and unknown_company_before(before)
            if (
                job is not None
                and not elsewhere
                and not self.jobs.known_elsewhere(job[0][1], c, home)
                and not our_vendor_job(match, str(job[1].get("title") or ""))  # "Luis, our SE": ours
            ):
                emit("WORKS_AT", job[0], c, job[1], rule.name, conf(job[0]))
        elif rule.relation == "DECISION_ROLE":
            p = slot("p")
            if p is not None and not (props["role"] == "champion" and self._a_rival_after(match, ments)):
                role = props["role"]
                emit(
                    "DECISION_ROLE",
                    p,
                    home,
                    {"role": role, "stance": STANCE.get(role, "neutral")},
                    rule.name,
                    conf(p),
                )
        elif rule.relation == "REPORTS_TO":
            p, boss = slot("p"), slot("m")
            if p and boss:
                emit("REPORTS_TO", p, boss, {}, rule.name, conf(p, boss))
        elif rule.relation == "SUPPLIES":
            seller, buyer = slot("s"), slot("c")
            if buyer is None or buyer[1] in self._market:  # "服务器是联想的，由神州数码供货"
                buyer = home
            if seller and props.get("service") == "true" and seller[1] in self._competitors:
                seller = None  # a competitor running the account's system is a product in use
            if seller and buyer:
                emit("SUPPLIES", seller, buyer, {}, rule.name, conf())
        elif rule.relation == "COMPETES_WITH":
            v, w = slot("v"), slot("w")
            if v and props.get("self") == "true":
                w = ("Company", self.gz.self_id, "us")
            if v and w:
                emit("COMPETES_WITH", v, w, {}, rule.name)


def _role_text(
    skeleton: str, ments: list[Mention], text: str, s0: int, lang: str, out: Extraction
) -> tuple[str, str, list[Mention]]:
    """What role rules read: titles as words, for role cues may sit inside a title ("使用部门负责人"),
    and the subject a note left out put back ("Tomasz Nowak, IT Director. … Owns the technical sign-off.");
    and what reporting-line rules read: the skeleton, with the subject a reporting line left out put
    back ("… Answers to the MD, Richard Thorne")."""
    # a title in apposition before its person is read as one phrase: "Budget sits with our CFO, Graham"
    worded = _TITLE_MARK.sub(lambda t: ments[int(t.group(1))].text, _TITLE_APPOSED.sub(r"\1 ", skeleton))
    worded = _APPOSITION.sub(",", worded)  # "Priya, Raj's deputy, will run the pilot": Priya will
    worded = _NAME_GLOSS.sub(r"\1", worded)  # "最后要方总（方国栋，我们总经理）点头": 方总 nods
    # the person again after an aside between them and their verb: "由孙书记（党委副书记）定"
    worded = _ASIDE_BEFORE_VERB.sub(r"\1\2\1", worded)
    if lang != "en":
        return worded, skeleton, ments
    carried = carried_subject(text, s0, worded, ments, out.mentions, out.last_person)
    if carried is not None:
        return carried[0], skeleton, carried[1]
    line = carried_subject(text, s0, skeleton, ments, out.mentions, out.last_person, line=True)
    return (worded, *line) if line else (worded, skeleton, ments)


_TITLE_MARK = re.compile(r"«T(\d+)»")
_TITLE_APPOSED = re.compile(r"(«T\d+»),\s*(?=«P\d+»)")
# "he championed AVEVA", "一直在推书契"
_RIVAL_AFTER = re.compile(r"(?:\w*\s+(?:of |for )?(?:the |their )?|(?:用|使用|上)?)«[OX](\d+)»")


_QUOTED_LINE = re.compile(r"[ \t]*>")  # "> On Monday you wrote…": the thread being answered
_LATIN_WORDS = re.compile(r"[A-Za-z]{3,}(?:\s+[A-Za-z]{2,}){2}")  # an English phrase, not a stray "PACS"


#: a reference glossed by the full name, and the title, in brackets
_NAME_GLOSS = re.compile(r"(«P\d+»)\s?[（(]\s?«P\d+»(?:[，,、\s][^（）()\n«»]{0,20})?[）)]")
_ASIDE_BEFORE_VERB = re.compile(r"(«P\d+»)(\s?[（(][^（）()\n«»]{1,30}[）)])(?=[\u4e00-\u9fff])")
_APPOSITION = re.compile(r",\s*(?:the |his |her |their )?«P\d+»'s? [\w -]{1,30}?,")


def _ended_before(fact: Fact, today: date) -> bool:
    end = str(fact.props.get("contract_end") or "") if fact.relation == "USES" else ""
    return bool(end) and end < today.isoformat()
