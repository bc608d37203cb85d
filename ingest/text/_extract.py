"""segment → recognise → link → relate, for one parsed document.

Mentions come from the ruler (graph names, titles, "Dr. Wang"/"王主任"), a scan
for Chinese names the graph knows, and date expressions. Each is linked to a node: the
surface's ids narrowed by the document's company context. Rules over sentence skeletons
(``_rules``) and cue words then produce facts, each with its sentence, offsets and rule.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc as SpacyDoc

from ingest.normalize.text import fold, has_cjk

from ._gazetteer import Gazetteer
from ._lexicon import EN_MONTHS, SENTIMENT_CUES, ZH_AFTER_NAME, ZH_QUARTERS, department_of
from ._link import PersonLinker
from ._nlp import PERSON_REF, is_zh_word
from ._rules import EVAL_CUES, INTEREST_CUES, LATIN_REF, RULES, STANCE, USE_CUES, Rule
from ._sentences import sentence_spans

KIND = {"ORG": "O", "PERSON": "P", "TITLE": "T", "PRODUCT": "X", "TOPIC": "K", "DATE": "D"}
LABEL_OF = {"ORG": "Company", "PERSON": "Person", "PRODUCT": "Product", "TOPIC": "Topic"}
_MONTH = "|".join(EN_MONTHS)
DATE_EN = re.compile(
    rf"\b(?:(?:end of )?(?P<m>{_MONTH}) (?P<y>\d{{4}})|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})|next (?P<nm>{_MONTH})"
    r"|end of Q(?P<q>[1-4]) (?P<qy>\d{4}))\b",
    re.I,
)
DATE_ZH = re.compile(
    r"(?P<y>\d{4})年(?P<m>\d{1,2})月底?|明年(?P<nm>\d{1,2})月底?|(?P<qy>\d{4})年第(?P<q>[一二三四])季度末"
    r"|(?P<ey>\d{4})年底"
)
MONEY = re.compile(
    r"(?:[$€¥￥]|RMB ?|CNY ?|USD ?|EUR ?)\d[\d,]*(?:\.\d+)?\s?(?:[kKmM]|million|万|亿)?"
    r"|\d[\d,]*(?:\.\d+)?\s?(?:万元|亿元|元|万|k (?:RMB|CNY|EUR|USD)|(?:RMB|CNY|EUR|USD))"
)
CONF_KNOWN, CONF_NEW = 0.9, 0.6


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

    @property
    def sentiment(self) -> float | None:
        """The document's tone towards us: the mean of its sentences that have one."""
        scored = [s for _, _, s in self.sentences if s]
        return round(sum(scored) / len(scored), 3) if scored else None

    def sentence_sentiment(self, offset: int) -> float | None:
        return next((s for a, b, s in self.sentences if a <= offset < b), None)


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _date_value(m: re.Match[str], lang: str, today: date) -> str:
    g = m.groupdict()
    try:
        if g.get("iso"):
            return date.fromisoformat(g["iso"]).isoformat()
        if g.get("q"):
            q = int(g["q"]) if lang == "en" else ZH_QUARTERS.index(g["q"]) + 1
            return _month_end(int(g["qy"]), q * 3).isoformat()
        if g.get("ey"):
            return _month_end(int(g["ey"]), 12).isoformat()
        if g.get("nm"):
            month = EN_MONTHS.index(g["nm"].lower()) + 1 if lang == "en" else int(g["nm"])
            return _month_end(today.year + 1, month).isoformat()
        month = EN_MONTHS.index(g["m"].lower()) + 1 if lang == "en" else int(g["m"])
        return _month_end(int(g["y"]), month).isoformat()
    except (ValueError, KeyError):
        return ""


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

    # ---- recognise ---------------------------------------------------------------------
    def mentions(self, doc: SpacyDoc, lang: str, today: date) -> list[Mention]:
        text = doc.text
        found = []
        for e in doc.ents:
            end = e.end_char
            if e.ent_id_.endswith(".") and not e.text.endswith(".") and text[end : end + 1] == ".":
                end += 1
            found.append(Mention(e.start_char, end, e.label_, text[e.start_char : end], e.ent_id_))
        if lang == "zh" and self._zh_names is not None:
            found += [
                Mention(m.start(), m.end(), "PERSON", m.group(), m.group())
                for m in self._zh_names.finditer(text)
                if m.end() - m.start() > 2 or m.end() >= len(text) or text[m.end()] in ZH_AFTER_NAME
            ]
        if lang == "zh":  # "Mr. Neumann" in a Chinese note
            found += [
                Mention(m.start(), m.end(), "PERSON", m.group(), PERSON_REF) for m in LATIN_REF.finditer(text)
            ]
        pattern = DATE_EN if lang == "en" else DATE_ZH
        for d in pattern.finditer(text):
            found.append(Mention(d.start(), d.end(), "DATE", d.group(), value=_date_value(d, lang, today)))
        for d in MONEY.finditer(text):
            found.append(Mention(d.start(), d.end(), "MONEY", d.group().strip(), value=d.group().strip()))
        found.sort(key=lambda x: (x.start, -(x.end - x.start)))
        out: list[Mention] = []
        for mention in found:
            if out and mention.start < out[-1].end:
                continue
            out.append(mention)
        return out

    # ---- link --------------------------------------------------------------------------
    def _link_org(self, m: Mention, context: list[str]) -> None:
        ids = self.gz.surfaces.get(m.key or fold(m.text), {}).get("ORG", [])
        m.node_id = next((c for c in context if c in ids), "") or (sorted(ids)[0] if ids else "")

    # ---- relate ------------------------------------------------------------------------
    def extract(self, doc: SpacyDoc, lang: str, account_id: str, today: date) -> Extraction:
        out = Extraction(mentions=self.mentions(doc, lang, today))
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
                if m.label == "PERSON":
                    m.node_id, m.new = linker.link(m.text, m.key, context)
            self._relate(out, linker, text, s0, s1, ments, lang, context, doc_orgs)
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
                self._apply(rule, match, ments, linker, emit, home, context)
                pos = max(match.end(), match.start() + 1)
        self._cue_relations(skeleton, ments, lang, home, emit)

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

    def _apply(
        self,
        rule: Rule,
        match: re.Match[str],
        ments: list[Mention],
        linker: PersonLinker,
        emit: Any,
        home: tuple[str, str, str],
        context: list[str],
    ) -> None:
        g = match.groupdict()
        props = dict(rule.props)

        def slot(group: str) -> tuple[str, str, str] | None:
            return self._slot(match, group, ments, linker, context)

        def conf(*ends: tuple[str, str, str] | None) -> float:
            return CONF_NEW if any(e and e[1].startswith("TXT-") for e in ends) else CONF_KNOWN

        if rule.relation == "WORKS_AT":
            c = slot("c") or home
            p = slot("p")
            if p is None:
                return
            wp: dict[str, Any] = {"current": props.get("current") != "false"}
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
            if seller and buyer:
                emit("SUPPLIES", seller, buyer, {}, rule.name)
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
        products = [m for m in ments if m.label == "PRODUCT" and m.node_id]
        orgs = [m for m in ments if m.label == "ORG" and m.node_id]
        vendors = {self.gz.vendor_of.get(p.node_id, "") for p in products}
        buyers = [m for m in orgs if m.node_id not in vendors and m.node_id not in self._vendors]
        subject = ("Company", buyers[0].node_id, buyers[0].text) if buyers else home
        dates = [m for m in ments if m.label == "DATE" and m.value]
        plain = re.sub(r"«\w\d+»", " ", skeleton)
        evaluating = EVAL_CUES[lang].search(plain) is not None
        for p in products:
            obj = ("Product", p.node_id, p.text)
            if evaluating:
                emit("EVALUATING", subject, obj, {}, f"evaluating/{lang}/product_cue")
            elif USE_CUES[lang].search(plain) or dates:
                props = {"contract_end": dates[0].value} if dates else {}
                emit("USES", subject, obj, props, f"uses/{lang}/product_cue")
        if evaluating and not products:
            for o in orgs:
                if o.node_id in self._vendors and o.node_id != subject[1]:
                    emit(
                        "EVALUATING",
                        subject,
                        ("Company", o.node_id, o.text),
                        {},
                        f"evaluating/{lang}/vendor_cue",
                    )
        topics = [m for m in ments if m.label == "TOPIC" and m.node_id]
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
