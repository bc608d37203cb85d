"""Who wrote each part of a mail thread: whom a line's "our" means, and whose words a quote holds.

A reply quotes the mail it answers ("> …" under "On Mon, Ben wrote:" or "-----Original
Message-----"). A quoted mail a customer wrote is evidence as good as the reply ("> Jerome
Tillman (Director, Clinical Engineering) will own the technical evaluation"); one our own seller
wrote holds questions, pitches and plans the reply may overturn ("As agreed, Jerome will lead
the evaluation", answered with "Jerome … will no longer be part of the evaluation team"). So a
quoted line is read only when its writer is of another company than ours: named by the quoted
mail's own header, else taken to be the other side of the mail quoting it, as replies alternate.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from ._mentions import Mention

Span4 = tuple[int, int, int, int]  # line start, line end, speaker name start, name end
Span3 = tuple[int, int, int]  # a mail header's end, its sender's name start, name end

FROM = re.compile(
    r"(?im)^[ \t]*(?:from|发件人)[ \t]*[:：][ \t]*\"?(?P<name>[^<\n\"@]{2,40}?)\"?[ \t]*(?:<[^>\n]*>)?[ \t]*$"
)
ADDRESS = re.compile(r"\s*[<(\[]\s*(?:mailto:)?[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)\s*[>)\]]")
#: a mail's sender, the quoted ones' too: "From: Helen Osei", "> From: …", "On 1 Jul 2026, Ben <…> wrote:",
#: "On Mon, Sep 22, 2025 at 5:40 PM Mark Jessup wrote:"
_MAIL_WRITER = re.compile(
    r"(?im)^[ \t>]*(?:(?:from|发件人)[ \t]*[:：][ \t]*\"?(?P<name>[^<\n\"@]{2,40}?)\"?[ \t]*(?=<|$)"
    r"|on [^\n]{4,60}?[ \t,](?P<by>(?-i:[A-Z])[\w'.-]*(?:[ \t]+(?-i:[A-Z])[\w'.-]*){0,3})"
    r"[ \t]*(?=(?:<[^>\n]*>)?[ \t]*wrote:))"
)
QUOTE_MARKS = re.compile(r"[ \t]*((?:>[ \t]*)+)")  # a quoted line's marks, one per level


def mail_writers(text: str) -> list[Span3]:
    """(header end, name start, name end) of each mail's sender in ``text``, the quoted mails' too."""
    return [
        (m.end(), *(m.span("name") if m.group("name") else m.span("by"))) for m in _MAIL_WRITER.finditer(text)
    ]


def named_hosts(names: dict[str, list[str]]) -> dict[str, str]:
    """A company's name squashed, and its first words so ("cedarridgehealth"), to the company: a
    mail host's label that is one names its company when the CRM gives no domain ("halvard.io"
    is Halvard's). A form two companies share names neither; the keys hold no dot, as no domain."""
    found: dict[str, set[str]] = defaultdict(set)
    for company, forms in names.items():
        for form in forms:
            ascii_form = unicodedata.normalize("NFKD", form).encode("ascii", "ignore").decode().lower()
            words = re.findall(r"[a-z0-9]+", ascii_form)
            if len(words) < len(form.split()):
                continue  # a name in another script
            for n in range(1, len(words) + 1):
                squashed = "".join(words[:n])
                if len(squashed) >= 5:
                    found[squashed].add(company)
    return {key: ids.pop() for key, ids in found.items() if len(ids) == 1}


def company_of_host(host: str, domains: dict[str, str]) -> str:
    """The company whose e-mail domain is the host or a parent of it ("mail.samc.org"), else whose
    squashed name is one of its labels (see ``named_hosts``), or ""."""
    parts = host.lower().split(".")
    whole = (domains[d] for i in range(len(parts) - 1) if (d := ".".join(parts[i:])) in domains)
    label = (domains[p.replace("-", "")] for p in parts[:-1] if p.replace("-", "") in domains)
    return next(whole, next(label, ""))


def writer_company(
    text: str,
    at: int,
    speakers: list[Span4],
    senders: list[Span3],
    mentions: list[Mention],
    employers: dict[str, list[str]],
    domains: dict[str, str],
) -> str | None:
    """The company of whoever wrote the line at ``at``, whom "our" means there: a chat line's
    speaker, else the sender of the mail (or quoted mail, ``senders``: see ``mail_writers``) it is
    in, by the CRM (``employers``), the sender's address or one the note gives the same name
    ("To: Mark Jessup <mark@halvard.io>"); "" for a writer of no known company, None for none
    (a rep's own note)."""

    def person_in(a: int, b: int, known: bool = True) -> Mention | None:
        return next(
            (
                p
                for p in mentions
                if p.label == "PERSON" and a <= p.start and p.end <= b and (p.node_id or not known)
            ),
            None,
        )

    chat = [
        (a, b)
        for start, end, a, b in speakers
        if start <= at < end and not FROM.match(text, start) and person_in(a, b)  # not "Next step:"
    ]
    mails = [(a, b) for end, a, b in senders if end <= at]
    if not chat and not mails:
        return None
    a, b = chat[0] if chat else mails[-1]
    named = person_in(a, b)
    companies = employers.get(named.node_id, []) if named else []
    if companies:
        return companies[0]
    found = ADDRESS.match(text, b)
    if found is None and (person := person_in(a, b, known=False)) is not None:
        found = re.search(re.escape(person.text) + r"\"?" + ADDRESS.pattern, text)
    return company_of_host(found.group(1), domains) if found else ""


def quoted_theirs(
    text: str,
    at: int,
    senders: list[Span3],
    mentions: list[Mention],
    employers: dict[str, list[str]],
    domains: dict[str, str],
    self_id: str,
) -> bool:
    """Whether the quoted line at ``at`` is the words of someone outside our company (``self_id``):
    the header right above it (only header fields and quoted lines between) names its writer, or,
    that writer unknown, the mail quoting it is ours and it is quoted an odd number of levels
    deeper, or theirs and an even number ("Saw this in the press:\n> …" quotes another's words).
    A quoting mail's sender of no known company leaves the quote unread (no one can place it),
    but for a forward's, who is one of ours filing what they forward."""
    line = text.rfind("\n", 0, at) + 1
    above = [s for s in senders if s[0] <= line]
    if above and _introduces(text, above[-1][0], line):
        company = writer_company(text, at, [], above[-1:], mentions, employers, domains)
        if company:
            return company != self_id
        above = above[:-1]
    quoting = writer_company(text, line, [], above, mentions, employers, domains) if above else None
    levels = _depth(text, line) - (_depth(text, text.rfind("\n", 0, above[-1][1]) + 1) if above else 0)
    if quoting == "" and not (above and _FORWARDED.search(text, 0, above[-1][1])):
        return False
    return (quoting in (None, "", self_id)) == (levels % 2 == 1)


_FORWARDED = re.compile(
    r"(?im)^[ \t]*(?:-+ ?forwarded message ?-+|begin forwarded message:|-+ ?转发的邮件 ?-+)"
)
#: a line between a mail's header and its body: another header field, a quoted line, or none
_HEADER_OR_QUOTE = re.compile(
    r"[ \t]*(?:>.*|(?:sent|date|to|cc|bcc|subject|发送时间|日期|收件人|抄送|主题)[ \t]*[:：].*|)$", re.I
)


def _introduces(text: str, header_end: int, line: int) -> bool:
    """Whether nothing but header fields and quoted lines stand between a header and ``line``."""
    rows = text[text.find("\n", header_end, line) + 1 : line].split("\n")  # past the header's own line
    return all(_HEADER_OR_QUOTE.match(row) for row in rows)


def _depth(text: str, line: int) -> int:
    marks = QUOTE_MARKS.match(text, line)
    return marks.group(1).count(">") if marks else 0
