"""One document under construction: sentences plus the facts they state, with surfaces."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from . import _phrases as ph
from ._model import Company, Person, Product, World
from ._titles import ADDRESS_ONLY


def _node(node_id: str, text: str, kind: str) -> dict[str, str]:
    return {"id": node_id, "text": text, "type": kind}


class Doc:
    def __init__(self, world: World, lang: str, day: date, rng: random.Random) -> None:
        self.world, self.lang, self.day, self.rng = world, lang, day, rng
        self.sentences: list[str] = []
        self.facts: list[dict[str, Any]] = []
        self.co_text = ""  # a company surface already in the text ("they" may refer to it)
        self._keys: set[tuple[str, str, str]] = set()

    def _say(self, templates: tuple[str, ...] | str, **slots: str) -> str:
        options = (templates,) if isinstance(templates, str) else templates
        tpl = self.rng.choice(options)
        if "{C}" not in tpl and "C" in slots and not self.co_text:
            tpl = next(t for t in options if "{C}" in t)
        if "{C}" not in tpl and "C" in slots:
            slots["C"] = self.co_text
        elif "C" in slots and not self.co_text:
            self.co_text = slots["C"]
        self.add(tpl.format(**slots))
        return slots.get("C", "")

    def add(self, sentence: str) -> None:
        """Append a sentence; a surface ending in "." (e.g. "Hosp.") does not double the full stop."""
        self.sentences.append(sentence[:-1] if sentence.endswith("..") else sentence)

    def _fact(
        self, rel: str, subj: dict[str, str], obj: dict[str, str], props: dict[str, Any], in_records: bool
    ) -> None:
        self._keys.add((rel, subj["id"], obj["id"]))
        self.facts.append(
            {"relation": rel, "subject": subj, "object": obj, "properties": props, "in_records": in_records}
        )

    def has(self, rel: str, subj: str, obj: str) -> bool:
        return (rel, subj, obj) in self._keys

    def text(self) -> str:
        return (" " if self.lang == "en" else "").join(self.sentences)

    # --- fact types -------------------------------------------------------------------------
    def works_at(self, c: Company, p: Person, pid: str, in_records: bool) -> None:
        ps, ts, cs = (
            ph.person(p, self.lang, self.rng),
            ph.title(p, self.lang, self.rng),
            ph.company(c, self.lang, self.rng),
        )
        c_text = self._say(ph.T["works_at"][self.lang], P=ps, T=ts, C=cs, P2="she" if p.female else "he")
        self._fact(
            "WORKS_AT",
            _node(pid, ps, "Person"),
            _node(c.canonical, c_text, "Company"),
            {"title": ts, "title_en": p.title_en, "current": True},
            in_records,
        )

    def left(self, c: Company, p: Person) -> None:
        ps, ts, cs = (
            ph.person(p, self.lang, self.rng),
            ph.title(p, self.lang, self.rng),
            ph.company(c, self.lang, self.rng),
        )
        tpl = self.rng.choice(ph.T["left"][self.lang])
        self.add(tpl.format(P=ps, T=ts, C=cs))
        props: dict[str, Any] = {"current": False, "left_at": p.left_at.isoformat() if p.left_at else None}
        if "{T}" in tpl:
            props["title"] = ts
        self._fact(
            "WORKS_AT", _node(p.contact_id, ps, "Person"), _node(c.canonical, cs, "Company"), props, True
        )

    def titled(self, c: Company, p: Person, said: str) -> None:
        """A known contact called by surname and job title ("杨主任，您好", "张主任的角色是…") is said
        to hold that title at the account, as a reader takes it; forms of address that are not
        titles ("李总", "张工") say nothing of the job."""
        address = f"{p.family_zh}{p.honorific_zh}"
        if (
            self.lang == "zh"
            and p.is_cn
            and p.contact_id
            and said == address
            and p.honorific_zh not in ADDRESS_ONLY
            and not self.has("WORKS_AT", p.contact_id, c.canonical)
        ):
            props = {"title": p.honorific_zh, "current": True}
            self._fact(
                "WORKS_AT",
                _node(p.contact_id, said, "Person"),
                _node(c.canonical, "", "Company"),
                props,
                True,
            )

    def role(self, c: Company, p: Person, pid: str, role: str, *, stance: str, in_records: bool) -> None:
        ps, cs = ph.person(p, self.lang, self.rng), ph.company(c, self.lang, self.rng)
        if pid == p.contact_id:
            self.titled(c, p, ps)
        if self.rng.random() < 0.6:
            c_text = self._say(ph.ROLE_T[role][self.lang], P=ps, C=cs)
        else:
            words = ph.ROLE_WORDS[role][0 if self.lang == "en" else 1]
            c_text = self._say(ph.T["role_generic"][self.lang], P=ps, C=cs, R=words)
        self._fact(
            "DECISION_ROLE",
            _node(pid, ps, "Person"),
            _node(c.canonical, c_text, "Company"),
            {"role": role, "stance": stance},
            in_records,
        )

    def reports_to(self, p: Person, m: Person) -> None:
        ps, ms = ph.person(p, self.lang, self.rng), ph.person(m, self.lang, self.rng)
        if ps == ms:
            return
        for who, said in ((p, ps), (m, ms)):
            self.titled(self.world.companies[who.company], who, said)
        self._say(ph.T["reports_to"][self.lang], P=ps, M=ms)
        self._fact(
            "REPORTS_TO", _node(p.contact_id, ps, "Person"), _node(m.contact_id, ms, "Person"), {}, True
        )

    def uses(self, c: Company, prod: Product, end: date, in_records: bool) -> None:
        vendor = self.world.companies[prod.vendor]
        vs, xs, cs = (
            ph.company(vendor, self.lang, self.rng),
            ph.product(prod, self.lang, self.rng),
            ph.company(c, self.lang, self.rng),
        )
        ds = ph.when(end, self.day, self.lang, self.rng)
        c_text = self._say(ph.T["uses"][self.lang], C=cs, X=xs, V=vs, D=ds)
        self._fact(
            "USES",
            _node(c.canonical, c_text, "Company"),
            _node(prod.product_id, xs, "Product"),
            {
                "contract_end": end.isoformat(),
                "contract_end_text": ds,
                "vendor": vendor.canonical,
                "vendor_text": vs,
            },
            in_records,
        )

    def evaluating(self, c: Company, prod: Product, product_level: bool) -> None:
        vendor = self.world.companies[prod.vendor]
        vs, cs = ph.company(vendor, self.lang, self.rng), ph.company(c, self.lang, self.rng)
        if product_level:
            xs = ph.product(prod, self.lang, self.rng)
            c_text = self._say(ph.T["evaluating"][self.lang], C=cs, X=xs, V=vs)
            self._fact(
                "EVALUATING",
                _node(c.canonical, c_text, "Company"),
                _node(prod.product_id, xs, "Product"),
                {"vendor": vendor.canonical, "vendor_text": vs},
                False,
            )
        else:
            c_text = self._say(ph.T["evaluating_vendor"][self.lang], C=cs, V=vs)
            self._fact(
                "EVALUATING",
                _node(c.canonical, c_text, "Company"),
                _node(vendor.canonical, vs, "Company"),
                {},
                False,
            )

    def supplies(self, s: Company, c: Company, goods: str, in_records: bool) -> None:
        ss, cs = ph.company(s, self.lang, self.rng), ph.company(c, self.lang, self.rng)
        c_text = self._say(ph.T["supplies"][self.lang], S=ss, C=cs, G=goods)
        self._fact(
            "SUPPLIES",
            _node(s.canonical, ss, "Company"),
            _node(c.canonical, c_text, "Company"),
            {"goods": goods},
            in_records,
        )

    def interest(self, c: Company, topic: tuple[str, str, str, str]) -> None:
        ks, cs = topic[1] if self.lang == "en" else topic[2], ph.company(c, self.lang, self.rng)
        c_text = self._say(ph.T["interest"][self.lang], C=cs, K=ks)
        self._fact(
            "INTERESTED_IN", _node(c.canonical, c_text, "Company"), _node(topic[0], ks, "Topic"), {}, False
        )

    def competes(self, v: Company, w: Company | None, in_records: bool) -> None:
        me = self.world.companies[self.world.self_idx]
        vs = ph.company(v, self.lang, self.rng)
        ws = ph.company(w, self.lang, self.rng) if w else ""
        tpl = self.rng.choice([t for t in ph.T["competes"][self.lang] if ("{W}" in t) == (w is not None)])
        self.add(tpl.format(V=vs, W=ws))
        other = (
            _node(w.canonical, ws, "Company")
            if w
            else _node(me.canonical, "us" if self.lang == "en" else "我们", "Company")
        )
        self._fact("COMPETES_WITH", _node(v.canonical, vs, "Company"), other, {}, in_records)
