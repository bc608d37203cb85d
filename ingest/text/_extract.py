"""segment → recognise → link → relate, for one parsed document.

Mentions come from the ruler (graph names, titles, "Dr. Wang"/"王主任"), a scan
for Chinese names the graph knows, and date expressions. Each is linked to a node: the
surface's ids narrowed by the document's company context. Rules over sentence skeletons
(``_rules``) and cue words then produce facts, each with its sentence, offsets and rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc as SpacyDoc

from ingest.normalize.text import fold, has_cjk

from ._dates import find_dates
from ._gazetteer import Gazetteer
from ._lexicon import SENTIMENT_CUES, ZH_AFTER_NAME, department_of
from ._link import PersonLinker
from ._modality import Modality, clause_end, clause_start, modality
from ._names import latin_names, short_forms, zh_names
from ._nlp import PERSON_REF, is_zh_word
from ._rules import EVAL_CUES, INTEREST_CUES, LATIN_REF, RULES, STANCE, USE_CUES, Rule
from ._sentences import sentence_spans
from ._stance import stance_in
from ._title_spans import title_spans

KIND = {"ORG": "O", "PERSON": "P", "TITLE": "T", "PRODUCT": "X", "TOPIC": "K", "DATE": "D"}
LABEL_OF = {"ORG": "Company", "PERSON": "Person", "PRODUCT": "Product", "TOPIC": "Topic"}
MONEY = re.compile(
    r"(?:[$€¥￥]|RMB ?|CNY ?|USD ?|EUR ?)\d[\d,]*(?:\.\d+)?\s?(?:[kKmM]|million|万|亿)?"
    r"|\d[\d,]*(?:\.\d+)?\s?(?:万元|亿元|元|万|k (?:RMB|CNY|EUR|USD)|(?:RMB|CNY|EUR|USD))"
)
CONF_KNOWN, CONF_NEW, CONF_HEDGED = 0.9, 0.6, 0.5
PRONOUN = "pronoun"  # a mention's key: "she", "他", read as the person named last
PRONOUNS = {"en": re.compile(r"\b(?:[Hh]e|[Ss]he)\b"), "zh": re.compile(r"[他她]")}


@dataclass
class Mention:
    start: int
    end: int
    label: str
    text: str
    key: str = ""
    node_id: str = ""
    value: str = ""  # a date's ISO value
    new: bool = False


@dataclass
class Fact:
    relation: str
    subject: tuple[str, str, str]  # label, id, surface
    object: tuple[str, str, str]
    props: dict[str, Any]
    sentence: str
    start: int  # the sentence's offsets in the body
    end: int
    rule: str
    confidence: float


@dataclass
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    new_people: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (name, company)
    sentences: list[tuple[int, int, float]] = field(default_factory=list)  # start, end, sentiment
    stances: dict[str, str] = field(default_factory=dict)  # person id -> stance the note states
    last_person: str = ""  # whom a sentence opening with a pronoun is about

    @property
    def sentiment(self) -> float | None:
        """The document's tone towards us: the mean of its sentences that have one."""
        scored = [s for _, _, s in self.sentences if s]
        return round(sum(scored) / len(scored), 3) if scored else None

    def sentence_sentiment(self, offset: int) -> float | None:
        return next((s for a, b, s in self.sentences if a <= offset < b), None)


class Extractor:
    """Recognises, links and relates; one per gazetteer, shared by every document."""

    def __init__(self, gz: Gazetteer) -> None:
        self.gz = gz
        zh_names = sorted(
            (s for s, by in gz.surfaces.items() if "PERSON" in by and has_cjk(s) and len(s) >= 2),
            key=len,
            reverse=True,
        )
        self._zh_names = re.compile("|".join(map(re.escape, zh_names))) if zh_names else None
        self._vendors = set(gz.vendor_of.values())
        #: companies in the market rather than accounts: vendors and our competitors
        self._market = self._vendors | {s for rel, s, _ in gz.known_edges if rel == "COMPETES_WITH"}
        self._market.discard(gz.self_id)

    # ---- recognise ---------------------------------------------------------------------
    def mentions(self, doc: SpacyDoc, lang: str, today: date, account: str = "") -> list[Mention]:
        """Every mention, overlaps resolved: the graph's names first, then names found by their
        shape, then references ("Dr. Wang", "王主任"), then short forms and pronouns."""
        text = doc.text
        found: list[tuple[int, Mention]] = []
        for e in doc.ents:
            end = e.end_char
            if e.ent_id_.endswith(".") and not e.text.endswith(".") and text[end : end + 1] == ".":
                end += 1
            rank = 2 if e.ent_id_ == PERSON_REF else 0
            found.append((rank, Mention(e.start_char, end, e.label_, text[e.start_char : end], e.ent_id_)))
        if lang == "zh" and self._zh_names is not None:
            found += [
                (0, Mention(m.start(), m.end(), "PERSON", m.group(), m.group()))
                for m in self._zh_names.finditer(text)
                if m.end() - m.start() > 2 or m.end() >= len(text) or text[m.end()] in ZH_AFTER_NAME
            ]
        if lang == "zh":  # "Mr. Neumann" in a Chinese note
            found += [
                (2, Mention(m.start(), m.end(), "PERSON", m.group(), PERSON_REF))
                for m in LATIN_REF.finditer(text)
            ]
            found += [(1, Mention(a, b, "PERSON", text[a:b])) for a, b in zh_names(text)]
        found += [
            (1, Mention(a, b, "PERSON", text[a:b]))
            for a, b in latin_names(text)
            if not {"ORG", "PRODUCT"} & self.gz.surfaces.get(fold(text[a:b]), {}).keys()
        ]
        found += [(3, Mention(a, b, "TITLE", text[a:b], "title")) for a, b in title_spans(text, lang)]
        for a, b, value in find_dates(text, lang, today):
            found.append((0, Mention(a, b, "DATE", text[a:b], value=value)))
        for d in MONEY.finditer(text):
            found.append(
                (0, Mention(d.start(), d.end(), "MONEY", d.group().strip(), value=d.group().strip()))
            )
        out = _resolve(found)
        full = [m.text for m in out if m.label == "PERSON" and m.key != PERSON_REF and " " in m.text.strip()]
        full += [self.gz.people[p].name for p in self.gz.staff.get(account, []) if p in self.gz.people]
        extra = [
            (3, Mention(a, b, "PERSON", text[a:b], fold(owner))) for a, b, owner in short_forms(text, full)
        ]
        extra += [
            (4, Mention(m.start(), m.end(), "PERSON", m.group(), PRONOUN))
            for m in PRONOUNS[lang].finditer(text)
        ]
        return _resolve([(0, m) for m in out] + extra)

    # ---- link --------------------------------------------------------------------------
    def _link_org(self, m: Mention, context: list[str]) -> None:
        ids = self.gz.surfaces.get(m.key or fold(m.text), {}).get("ORG", [])
        m.node_id = next((c for c in context if c in ids), "") or (sorted(ids)[0] if ids else "")

    # ---- relate ------------------------------------------------------------------------
    def extract(self, doc: SpacyDoc, lang: str, account_id: str, today: date) -> Extraction:
        out = Extraction(mentions=self.mentions(doc, lang, today, account_id))
        linker = PersonLinker(self.gz, out.new_people)
        text = doc.text
        doc_orgs: list[str] = [account_id] if account_id in self.gz.company_names else []
        for m in out.mentions:
            if m.label == "ORG":
                self._link_org(m, doc_orgs)
                if m.node_id and m.node_id not in doc_orgs and m.node_id not in self._vendors:
                    doc_orgs.append(m.node_id)
        for m in out.mentions:
            if m.label in ("PRODUCT", "TOPIC"):
                ids = self.gz.surfaces.get(m.key or fold(m.text), {}).get(m.label, [])
                m.node_id = ids[0] if ids else ""
        for s0, s1 in sentence_spans(doc.text, doc.sents, out.mentions):
            out.sentences.append((s0, s1, sentiment(text[s0:s1], lang)))
            ments = [m for m in out.mentions if s0 <= m.start and m.end <= s1]
            sent_orgs = [m.node_id for m in ments if m.label == "ORG" and m.node_id]
            context = list(dict.fromkeys([*sent_orgs, *doc_orgs]))
            for m in ments:
                if m.key == PRONOUN:
                    m.node_id = linker.named[-1].node_id if linker.named else ""
                elif m.label == "PERSON":
                    m.node_id, m.new = linker.link(m.text, m.key, context)
            self._relate(out, linker, text, s0, s1, ments, lang, context, doc_orgs)
        for f in out.facts:
            if f.relation == "DECISION_ROLE" and f.props.get("stance") == "neutral":
                f.props["stance"] = out.stances.get(f.subject[1], "neutral")
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
        skeleton = _skeleton(text, s0, s1, ments)
        sentence = text[s0:s1].strip()
        done: set[tuple[str, str, str]] = set()

        def emit(
            rel: str,
            subj: tuple[str, str, str],
            obj: tuple[str, str, str],
            props: dict[str, Any],
            rule: str,
            conf: float = CONF_KNOWN,
        ) -> None:
            if not subj[1] or not obj[1] or subj[1] == obj[1] or (rel, subj[1], obj[1]) in done:
                return
            done.add((rel, subj[1], obj[1]))
            out.facts.append(Fact(rel, subj, obj, props, sentence, s0, s1, rule, conf))

        buyers = [c for c in context if c not in self._vendors]
        home = ("Company", (doc_orgs or buyers or [""])[0], "")
        for rule in RULES:
            if rule.lang != lang:
                continue
            pos = 0
            while (match := rule.regex.search(skeleton, pos)) is not None:
                word = _common_word_as_name(match, lang)
                if word is not None:  # "方面，赵伟欣是预算审批人": look again past the word
                    pos = word + 1
                    continue
                mod = modality(skeleton, match.start(), match.end(), lang)
                self._apply(rule, match, ments, linker, emit, home, context, mod)
                pos = max(match.end(), match.start() + 1)
        self._cue_relations(skeleton, ments, lang, home, emit)
        _note_stances(out, skeleton, ments, lang)

    @staticmethod
    def _slot(
        match: re.Match[str], group: str, ments: list[Mention], linker: PersonLinker, context: list[str]
    ) -> tuple[str, str, str] | None:
        idx = match.groupdict().get(group)
        if idx is not None:
            m = ments[int(idx)]
            return (LABEL_OF.get(m.label, m.label), m.node_id, m.text)
        name = match.groupdict().get(group + "n")
        if name is None:
            return None
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
    ) -> None:
        g = match.groupdict()
        props = dict(rule.props)
        leaving = props.get("current") == "false"
        if (mod.negated and not leaving) or (mod.past and rule.relation not in ("WORKS_AT",)):
            return  # "NOT the decision maker", "used to report to", "no longer a blocker"
        if mod.future and rule.relation in ("SUPPLIES",):
            return

        def slot(group: str) -> tuple[str, str, str] | None:
            return self._slot(match, group, ments, linker, context)

        def conf(*ends: tuple[str, str, str] | None) -> float:
            sure = CONF_NEW if any(e and e[1].startswith("TXT-") for e in ends) else CONF_KNOWN
            return min(sure, CONF_HEDGED) if mod.hedged else sure

        if rule.relation == "WORKS_AT":
            c = slot("c") or home
            p = slot("p")
            if p is None:
                return
            wp: dict[str, Any] = {"current": not leaving and not mod.past}
            if g.get("t") is not None:
                wp["title"] = ments[int(g["t"])].text
                wp["department"] = department_of(wp["title"])
                p = self._with_title(g, p, wp["title"], ments, linker, [c[1], *context])
            emit("WORKS_AT", p, c, wp, rule.name, conf(p))
        elif rule.relation == "DECISION_ROLE":
            p = slot("p")
            if p is not None:
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
            if seller and buyer:
                emit("SUPPLIES", seller, buyer, {}, rule.name, conf())
        elif rule.relation == "COMPETES_WITH":
            v, w = slot("v"), slot("w")
            if v and props.get("self") == "true":
                w = ("Company", self.gz.self_id, "us")
            if v and w:
                emit("COMPETES_WITH", v, w, {}, rule.name)

    @staticmethod
    def _with_title(
        g: dict[str, str | None],
        p: tuple[str, str, str],
        title: str,
        ments: list[Mention],
        linker: PersonLinker,
        context: list[str],
    ) -> tuple[str, str, str]:
        """Link the person again now that the sentence states their title (the mention follows)."""
        idx = g.get("p")
        m = ments[int(idx)] if idx is not None else None
        node_id, new = linker.link(p[2], m.key if m else "", context, title, replaces=p[1])
        if m is not None:
            m.node_id, m.new = node_id, new
        return ("Person", node_id, p[2])

    def _cue_relations(
        self, skeleton: str, ments: list[Mention], lang: str, home: tuple[str, str, str], emit: Any
    ) -> None:
        """USES / EVALUATING of the products and vendors a clause names, INTERESTED_IN of its topics."""
        marks = {int(m.group(2)): (m.start(), m.end()) for m in re.finditer(r"«(\w)(\d+)»", skeleton)}
        products = [(i, m) for i, m in enumerate(ments) if m.label == "PRODUCT" and m.node_id]
        orgs = [(i, m) for i, m in enumerate(ments) if m.label == "ORG" and m.node_id]
        named_vendors = {self.gz.vendor_of.get(p.node_id, "") for _, p in products}
        buyers = [m for _, m in orgs if m.node_id not in named_vendors and m.node_id not in self._market]
        subject = ("Company", buyers[0].node_id, buyers[0].text) if buyers else home
        dates = [
            (marks[i][0], m) for i, m in enumerate(ments) if m.label == "DATE" and m.value and i in marks
        ]
        things = [(i, ("Product", m.node_id, m.text)) for i, m in products]
        things += [
            (i, ("Company", m.node_id, m.text))
            for i, m in orgs
            if m.node_id in self._market and m.node_id not in named_vendors and m.node_id != self.gz.self_id
        ]
        for i, obj in sorted(things):
            start, end = marks[i]
            mod = modality(skeleton, start, end, lang)
            if mod.negated or mod.past:
                continue
            clause = _plain(skeleton[clause_start(skeleton, start, lang) : clause_end(skeleton, end, lang)])
            sentence = _plain(skeleton)
            after = [m for at, m in dates if at > start] or [m for _, m in dates]
            conf = CONF_HEDGED if mod.hedged else CONF_KNOWN
            if EVAL_CUES[lang].search(clause) or mod.future:
                emit("EVALUATING", subject, obj, {}, f"evaluating/{lang}/cue", conf)
            elif USE_CUES[lang].search(clause) or (
                obj[0] == "Product" and (after or USE_CUES[lang].search(sentence))
            ):
                props = {"contract_end": after[0].value} if after else {}
                emit("USES", subject, obj, props, f"uses/{lang}/cue", conf)
        topics = [m for m in ments if m.label == "TOPIC" and m.node_id]
        plain = _plain(skeleton)
        for t in topics:
            rule = "interest_cue" if INTEREST_CUES[lang].search(plain) else "topic_mention"
            emit(
                "INTERESTED_IN",
                subject,
                ("Topic", t.node_id, t.text),
                {},
                f"interested_in/{lang}/{rule}",
                CONF_KNOWN if rule == "interest_cue" else 0.7,
            )


def _plain(skeleton: str) -> str:
    return re.sub(r"«\w\d+»", " ", skeleton)


_PRONOUN = {
    "en": re.compile(r"^\W*(?:he|she|they|him|her)\b", re.I),
    "zh": re.compile(r"^\W*(?:他|她|此人|对方)"),
}


def _note_stances(out: Extraction, skeleton: str, ments: list[Mention], lang: str) -> None:
    """Each person's stance as their clauses state it; a sentence opening with a pronoun
    speaks of the person named last."""
    marks = [(m.start(), m.end(), int(m.group(1))) for m in re.finditer(r"«P(\d+)»", skeleton)]
    if not marks and out.last_person and _PRONOUN["zh" if lang == "zh" else "en"].search(skeleton):
        stance = stance_in(skeleton, lang)
        if stance is not None:
            out.stances[out.last_person] = stance
        return
    for i, (_, end, idx) in enumerate(marks):
        person = ments[idx].node_id
        if not person:
            continue
        stop = marks[i + 1][0] if i + 1 < len(marks) else len(skeleton)
        stance = stance_in(skeleton[end:stop], lang)
        if stance is not None:
            out.stances[person] = stance
        out.last_person = person


def _resolve(found: list[tuple[int, Mention]]) -> list[Mention]:
    """Overlapping mentions: the better rank wins, then the longer, then the earlier."""
    taken: list[Mention] = []
    for _, found_m in sorted(found, key=lambda x: (x[0], -(x[1].end - x[1].start), x[1].start)):
        m = found_m
        if m.label == "TITLE":  # "CEO of Acme Corp": the title ends where a name begins
            cut = min((t.start for t in taken if m.start < t.start < m.end), default=m.end)
            head = _TITLE_TAIL.sub("", m.text[: cut - m.start])
            m = Mention(m.start, m.start + len(head), m.label, head, m.key) if head else m
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: m.start)


_TITLE_TAIL = re.compile(r"(?:\s+(?:of|for|at|with)(?:\s+the)?|,|\s|的)+$")


def sentiment(sentence: str, lang: str) -> float:
    """-1..1 from positive and negative cue words; a negated positive ("不满意") counts once, as negative."""
    positive, negative = SENTIMENT_CUES.get(lang, SENTIMENT_CUES["en"])
    low = sentence.lower()
    neg = sum(low.count(c) for c in negative)
    pos = sum(low.count(c) for c in positive) - (low.count("不满意") if lang == "zh" else 0)
    return round((pos - neg) / (pos + neg), 3) if pos + neg > 0 else 0.0


def _common_word_as_name(match: re.Match[str], lang: str) -> int | None:
    """The start of a rule's unknown-name slot that holds a common Chinese word, else None."""
    if lang != "zh":
        return None
    for group in ("pn", "mn"):
        name = match.groupdict().get(group)
        if name is not None and is_zh_word(name):
            return match.start(group)
    return None


def _skeleton(text: str, s0: int, s1: int, ments: list[Mention]) -> str:
    parts: list[str] = []
    pos = s0
    for i, m in enumerate(ments):
        parts.append(text[pos : m.start])
        kind = KIND.get(m.label)
        parts.append(f"«{kind}{i}»" if kind else m.text)
        pos = m.end
    parts.append(text[pos:s1])
    return "".join(parts)
