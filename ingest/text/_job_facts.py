"""A WORKS_AT fact's person and properties once a rule has matched: the title as the note states
it (with the department written before it, less a "new"), whether it is held now, and the person
linked again by it; and which matches place no one at the note's account (an official of another
body, a CRM contact of another company)."""

from __future__ import annotations

import re
from typing import Any

from ._gazetteer import Gazetteer
from ._lexicon import department_of
from ._link import PersonLinker
from ._mentions import PRONOUN, SPEAKER, Mention
from ._name_forms import is_ref, ref_parts
from ._nlp import is_zh_word
from ._note_employment import ADDRESS_ONLY
from ._title_spans import unit_without_clause


class JobReader:
    """Reads the job a WORKS_AT rule matched, against the graph's people and companies."""

    def __init__(self, gz: Gazetteer) -> None:
        self.gz = gz

    def read(
        self,
        match: re.Match[str],
        ments: list[Mention],
        linker: PersonLinker,
        context: list[str],
        p: tuple[str, str, str],
        company: str,
        gone: bool,
        promoted: bool,
    ) -> tuple[tuple[str, str, str], dict[str, Any]] | None:
        """A WORKS_AT fact's person (linked again once the title is known) and properties;
        None for an official of another body, or for a title held before ("原财务处处长王丽").

        ``promoted``: the title is new, so the person is not linked again by it (the graph
        knows them by the title they held)."""
        g = match.groupdict()
        if g.get("t") is not None and _record_owner(match, ments[int(g["t"])].text):
            return None  # "负责人：赵磊 ｜ 更新：2025-11-15", "Owner: Josh Lavoie": who keeps the record
        said = ments[int(g["p"])] if g.get("p") is not None else None
        if said is not None and said.key == PRONOUN and match.string.startswith("«T", match.end("p") + 1):
            return None  # "他助理方琪": his assistant, not his title
        wp: dict[str, Any] = {"current": not gone}
        if g.get("unit"):  # "运维部刘洋": a department, no title; "信息科王主任": 信息科主任
            wp["department"] = unit_without_clause(g["unit"])
            honorific = (
                ref_parts(p[2])[1] if is_ref(p[2]) else p[2][1:] if _SHORT_HEAD.fullmatch(p[2]) else ""
            )
            if honorific in _HEAD_OF and wp["department"].endswith(honorific):
                wp["title"] = wp["department"] + _HEAD_OF[honorific]  # "曹处（设备处）": 设备处处长
            elif honorific and honorific not in ADDRESS_ONLY:  # "科技部刘总" holds no 科技部总
                wp["title"] = wp["department"] + honorific
        elif is_ref(p[2]) and g.get("t") is None and ref_parts(p[2])[1] not in ADDRESS_ONLY:
            wp["title"] = ref_parts(p[2])[1]  # "江州烟草蒋主任(物流中心)": the reference's own title
        if g.get("t") is not None:
            # "设备处的工程师" is the 设备处工程师; "发给了信息中心刘海燕主任": 信息中心
            dept = unit_without_clause(g.get("dept") or "")
            title = _NEW_TO.sub("", dept + ments[int(g["t"])].text)
            if self._another_body(title, company):
                return None  # "市发改委能源科科长陆斌出席并致辞": an official of another body
            held = _HELD_BEFORE.match(title)
            if held and held.group().startswith("原") and is_zh_word(title[:2]):
                held = None  # "原料部经理": the raw materials department, no former title
            if held and not gone:
                return None  # the title is history; what they hold now, the note says elsewhere
            # "公司总经理程国庆": the company is no part of the title, nor the group a department's
            # ("集团人力资源部副部长"; but "集团财务总监" is the group's own)
            wp["title"] = _OF_THE_COMPANY.sub("", _DEPT_OF.sub(r"\1", title[held.end() if held else 0 :]))
            wp["department"] = department_of(wp["title"])
            if not promoted:
                p = self._with_title(g, p, wp["title"], ments, linker, [company, *context])
        return p, wp

    def known_elsewhere(self, person: str, company: tuple[str, str, str], home: tuple[str, str, str]) -> bool:
        """A CRM contact of another company, placed at the note's account only because the
        sentence names no company ("设备能源部谭部长愿意作为参考客户" in a note on another account):
        the CRM's word stands until the note says they moved."""
        info = self.gz.people.get(person)
        return (
            company == home
            and info is not None
            and info.crm
            and bool(info.companies)
            and home[1] not in info.companies
        )

    def _another_body(self, dept: str, company: str) -> bool:
        """The department opens with a government body ("市发改委", "区机关事务管理局") that is not
        the company: whoever holds the title there works for that body."""
        body = _BODY.match(dept)
        if body is None:
            return False
        own = self.gz.company_all_names.get(company, [])
        return not any(body.group().lstrip("市区省县") in name for name in own)

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
        if m is not None and m.key in (PRONOUN, SPEAKER):
            return p  # "我是放射科主任": the speaker, already linked
        if (
            m is not None
            and is_ref(m.text)
            and any(o.node_id == m.node_id and not is_ref(o.text) for o in ments)
        ):
            return p  # "能源管理员小梁（梁思琪）": linked by the full name glossing the reference
        if (
            m is not None
            and is_ref(m.text)
            and any(n.node_id == m.node_id and n.by_name for n in linker.named)
        ):
            return p  # "邓凯文是副总经理…邓总是技术评审组组长": the reference named someone already
        node_id, new = linker.link(p[2], m.key if m else "", context, title, replaces=p[1])
        if m is not None:
            m.node_id, m.new = node_id, new
        return ("Person", node_id, p[2])


def _record_owner(match: re.Match[str], title: str) -> bool:
    """A record's owner labelled alone at the start of a line: our colleague who keeps the note."""
    if not _OWNER.fullmatch(title):
        return False
    at = match.start("t") - 2  # the «T…» mark
    line = match.string[match.string.rfind("\n", 0, at) + 1 : at]
    return line.strip(" \t-*•·") == "" and _LABEL_COLON.match(match.string, match.end("t") + 1) is not None


_OWNER = re.compile(r"负责人|跟进人|记录人|(?i:owner|account owner|record owner)")
_LABEL_COLON = re.compile(r"\s?[:：]")
_OF_THE_COMPANY = re.compile(
    r"^(?:公司(?=[\u4e00-\u9fffA-Za-z]{2})|集团(?=[\u4e00-\u9fffA-Za-z]{1,8}?(?:部|处|科|中心|室)))"
)
_HEAD_OF = {"处": "处长", "局": "局长", "所": "所长", "科": "科长"}  # the short address of the unit's head
_SHORT_HEAD = re.compile(r"[\u4e00-\u9fff][处局所科]")  # "孙科": a surname and the head's address
_NEW_TO = re.compile(r"^(?:new|current|newly appointed)\s+(?=\S)", re.I)  # "New CIO at Kestrel is…"
_HELD_BEFORE = re.compile(r"原任?|前任|(?:former|previous)\s*|ex[- ]\s*", re.I)  # not "Executive"
_DEPT_OF = re.compile(r"^([^的]+?(?:科|处|部|室|中心|局|办|组))的")


# a body's name, then more of the title: "市发改委|能源科科长", not "副局长" or "纪委书记"'s own 委
_BODY = re.compile(r"^[\u4e00-\u9fff]{2,10}?(?:委员会|委|局|厅)(?=[\u4e00-\u9fff])(?!长|员|书记|主任)")
