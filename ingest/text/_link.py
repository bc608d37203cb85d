"""Who a person mention names: someone the document named before, a colleague the graph knows, or someone new.

A reference by surname ("Dr. Wang", "王主任") is first read as someone the same document
named before with that surname (notes introduce a person, then shorten the name), then
as a colleague at the document's companies whose title fits: the honorific ("王经理" is
not the CEO 王) and, when the sentence states one, the title ("王经理（采购经理）" is the
purchasing manager, in whichever language the graph holds the title). A reference whose
stated title fits none of the colleagues with that surname is someone new. A full name is
the person of that name at the document's companies, the one whose title fits first.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from ingest.normalize.person import person_name_key
from ingest.normalize.pinyin import split_chinese_name
from ingest.normalize.text import fold, has_cjk

from ._gazetteer import Gazetteer
from ._given_names import gender_of
from ._name_forms import families_of, given_name_variants, is_ref, ref_parts
from ._nlp import PERSON_REF
from ._titles import fits_honorific, same_department, same_title

_SHORT_HONORIFICS = {"科": "科长", "部": "部长"}  # "周科", "王部": left out of ZH_HONORIFICS


_INITIALS = re.compile(r"[A-Z]{2,3}")


@dataclass
class Named:
    """A person this document has named: the node, the surname forms, the title stated or known."""

    node_id: str
    families: set[str]
    title: str
    by_name: bool  # named in full at least once (not only "Dr. Wang")
    mentions: int = 1
    gender: str = ""  # "m"/"f" when a name or form of address implies it ("Karen", "王女士")
    ours: bool = False  # named as one of our own staff ("启衡：王磊、陈晨（售前）")


@dataclass
class PersonLinker:
    """Links the person mentions of one document, in reading order."""

    gz: Gazetteer
    new_people: dict[str, tuple[str, str]]  # id -> (name, company), the document's new people
    named: list[Named] = field(default_factory=list)

    def link(
        self, text: str, key: str, context: list[str], title: str = "", replaces: str = ""
    ) -> tuple[str, bool]:
        """(node id, new) for a mention ``text`` (``key``: the ruler's id) in a sentence about ``context``.

        ``replaces``: the node this mention was linked to before its title was known.
        """
        if replaces:
            self._forget(replaces)
        if key and _INITIALS.fullmatch(text):  # "WJ" for the "Wen Jie" named before: that name's person
            return self.link(key.title(), key, context, title)
        staff = self._staff(context)
        if key == PERSON_REF or is_ref(text):
            fam, honorific = ref_parts(text)
            if title and fits_honorific(honorific, title) is False:
                title = ""  # "马总（组长）": the honorific says the job; the bracket a role (of a panel)
            node_id = self._recall(fam, honorific, title, ours=context[:1] == [self.gz.self_id])
            if node_id is None:
                cands = [p for p in staff if fam in self.gz.people[p].families]
                node_id = self._choose(cands, honorific, title, strict=bool(title))
            if node_id is not None:
                return self._remember(node_id, text, title, by_name=False, context=context)
        else:
            ids = list(self.gz.surfaces.get(key or fold(text), {}).get("PERSON", []))
            ids += [i for i in self.gz.person_keys.get(person_name_key(text), []) if i not in ids]
            if not ids:  # "Pat Dunleavy" for the account's Patrick Dunleavy, never someone elsewhere
                keys = [person_name_key(v) for v in given_name_variants(text)]
                ids = sorted({i for k in keys for i in self.gz.person_keys.get(k, []) if i in staff})
            inside = [i for i in ids if i in staff]
            node_id = self._choose(inside, "", title, strict=False)
            if node_id is None and ids and not context:
                node_id = sorted(ids, key=self._crm_first)[0]
            if node_id is None and not ids:  # one name is one person throughout a note
                # a title found later keeps the link the name made ("邹总 … 邹海燕（集团财务总监）")
                kept = replaces if replaces in self.new_people else None
                node_id = self._short_title_ref(text, staff) or kept or self._recall_same_name(text, key)
                node_id = node_id or self._recall_short_form(text)
                # "Tom Whitaker" after "Thomas Whitaker": the same person by a nickname
                node_id = node_id or next(
                    filter(None, map(self._recall_same_name, given_name_variants(text))), None
                )
                node_id = node_id or self._colleague_by_short_name(text, staff)
            if node_id is not None:
                return self._remember(node_id, text, title, by_name=True, context=context)
        # an English name in brackets beside a Chinese one names that person ("Kevin Zhao（赵凯）")
        name = key if key and has_cjk(key) and not has_cjk(text) else text
        node_id = self._new_id(name, context, title)
        return self._remember(node_id, text, title, by_name=not is_ref(text), context=context)

    def _staff(self, companies: list[str]) -> list[str]:
        return list(dict.fromkeys(p for c in companies for p in self.gz.staff.get(c, [])))

    def _title_of(self, node_id: str) -> str:
        info = self.gz.people.get(node_id)
        return info.title if info else ""

    def _crm_first(self, node_id: str) -> bool:
        """Sort key: a CRM contact (also one resolution folded into a lead's node) before a lead."""
        info = self.gz.people.get(node_id)
        return not (info.crm if info else node_id.startswith("CON-"))

    def _choose(self, cands: list[str], honorific: str, title: str, *, strict: bool) -> str | None:
        """The candidate whose title fits best; None if ``strict`` and a stated title fits none."""
        if not cands:
            return None
        cands = sorted(cands, key=self._crm_first)
        if title:
            same = [c for c in cands if same_title(title, self._title_of(c))]
            # "吴总（VP Quality）" for the CRM's 质量总监: the same department, the level written loosely
            same = same or [c for c in cands if same_department(title, self._title_of(c))]
            if same:
                return same[0]
            if strict and any(self._title_of(c) for c in cands):
                return None
        fits = [(fits_honorific(honorific, self._title_of(c)), c) for c in cands]
        if any(f is not None for f, _ in fits):
            best = [c for f, c in fits if f] or [c for f, c in fits if f is None]
            return best[0] if best else None
        return cands[0]

    def _recall(self, fam: str, honorific: str, title: str, *, ours: bool) -> str | None:
        """The latest person this document named with surname ``fam`` whose title fits: one
        whose title the honorific names ("赵科长" is the 赵磊 introduced as 科长) before one whose
        title says nothing (赵晨, named after him); on the same side (``ours``: our own staff)
        as the reference ("陈总" at the account is not our presales 陈晨)."""
        maybe: str | None = None
        for n in reversed(self.named):
            if fam not in n.families or n.ours != ours:
                continue
            if title and n.title and not same_title(title, n.title):
                continue
            fits = fits_honorific(honorific, n.title)
            if fits:
                return n.node_id
            if fits is None and maybe is None:
                maybe = n.node_id
        return maybe

    def _short_title_ref(self, text: str, staff: list[str]) -> str | None:
        """ "周科" for the 科长 named 周 (the note's, else the account's): a surname and a title's
        first character, which is a whole name ("孙科") when no such 科长 is at hand."""
        honorific = _SHORT_HONORIFICS.get(text[1:]) if len(text) == 2 and has_cjk(text) else None
        if honorific is None:
            return None
        fam = text[0]
        for n in reversed(self.named):
            if fam in n.families and fits_honorific(honorific, n.title):
                return n.node_id
        cands = [
            p
            for p in staff
            if fam in self.gz.people[p].families and fits_honorific(honorific, self._title_of(p))
        ]
        return sorted(cands, key=self._crm_first)[0] if cands else None

    def _recall_same_name(self, text: str, key: str = "") -> str | None:
        """The new person named ``text`` so far, or named in full as ``key`` says ("RS" for the
        Rebecca Saunders of the attendee list)."""
        return next(
            (
                n.node_id
                for n in reversed(self.named)
                if (name := self.new_people.get(n.node_id, ("",))[0]) == text or (key and fold(name) == key)
            ),
            None,
        )

    def _recall_short_form(self, text: str) -> str | None:
        """Whom a full name continues: a Chinese name only someone named so far by the same surname
        character ("王主任", then "王海涛"), never by its sound (贺 is not 何)."""
        if has_cjk(text):
            return self._recall_surname_only({split_chinese_name(text)[0]})
        return self._recall_surname_only(families_of(text), single=len(text.split()) == 1)

    def _recall_surname_only(self, fams: set[str], *, single: bool = False) -> str | None:
        """A new person named so far only as "Dr. Müller" is the "Julia Müller" named next;
        a ``single`` word ("Karen") is whoever the note named with it, in full or not."""
        return next(
            (
                n.node_id
                for n in reversed(self.named)
                if (single or (not n.by_name and n.node_id in self.new_people)) and n.families & fams
            ),
            None,
        )

    def _colleague_by_short_name(self, text: str, staff: list[str]) -> str | None:
        """The one colleague whose name is ``text`` and a surname: "Karen" is the account's
        Karen Whitfield, "Wen Jie" its Lim Wen Jie (surname first), when no one else fits."""
        if has_cjk(text):
            return None
        words = fold(text).split()
        fits = set()
        for p in staff:
            full = fold(self.gz.people[p].name).split() if p in self.gz.people else []
            if len(full) == len(words) + 1 and words in (full[1:], full[:-1]):
                fits.add(p)
        return fits.pop() if len(fits) == 1 else None

    def _forget(self, node_id: str) -> None:
        known = next((n for n in self.named if n.node_id == node_id), None)
        if known is not None:
            known.mentions -= 1
            if known.mentions <= 0:
                self.named.remove(known)

    def _remember(
        self, node_id: str, text: str, title: str, *, by_name: bool, context: list[str]
    ) -> tuple[str, bool]:
        new = node_id in self.new_people
        said, company = self.new_people.get(node_id, ("", ""))
        if by_name and title and is_ref(said) and fits_honorific(ref_parts(said)[1], title) is not False:
            self.new_people[node_id] = (text, company)  # "邹总", then "邹海燕（集团财务总监）": named in full
        known = next((n for n in self.named if n.node_id == node_id), None)
        if known is None:
            fams = families_of(text) | (
                self.gz.people[node_id].families if node_id in self.gz.people else set()
            )
            crm = self.gz.people.get(node_id)
            gender = gender_of(text) or (gender_of(crm.name) if crm is not None else "")
            ours = bool(self.gz.self_id) and context[:1] == [self.gz.self_id]
            title = title or self._title_of(node_id)
            self.named.append(Named(node_id, fams, title, by_name, gender=gender, ours=ours))
        else:
            self.named.remove(known)  # most recent last
            known.families |= families_of(text)
            known.title = title or known.title
            known.by_name = known.by_name or by_name
            known.mentions += 1
            known.gender = known.gender or gender_of(text)
            self.named.append(known)
        return node_id, new

    def _new_id(self, text: str, context: list[str], title: str) -> str:
        company = context[0] if context else ""
        parts = [company, person_name_key(text)] + ([fold(title)] if title and is_ref(text) else [])
        node_id = "TXT-P-" + _digest("|".join(parts).encode()).hexdigest()[:12]
        self.new_people.setdefault(node_id, (text, company))
        return node_id


def _digest(data: bytes) -> hashlib.blake2b:
    """A short stable id part for a person only known from text (not a security hash)."""
    return hashlib.blake2b(data, digest_size=6)
