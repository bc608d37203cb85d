"""RFC 822 e-mails (plain text, UTF-8) from our reps to contacts."""

from __future__ import annotations

import hashlib
import random
from datetime import datetime
from email.charset import QP, Charset
from email.message import Message
from email.utils import format_datetime, formataddr
from pathlib import Path

from ._facts import Doc
from ._model import Company, Rep, World

SUBJECTS = {
    "en": (
        "Follow-up from our meeting",
        "Re: quotation",
        "Meeting notes",
        "Next steps",
        "Re: service contract",
    ),
    "zh": ("会议纪要", "关于报价的跟进", "回复：方案沟通", "下一步安排", "回复：维保合同"),
}


def write_eml(
    world: World,
    path: Path,
    doc: Doc,
    *,
    doc_id: str,
    c: Company | None,
    rep: Rep,
    at: str,
    rng: random.Random,
) -> None:
    """A recap written by the rep; the recipient is never one of the people the text talks about."""
    lang = doc.lang
    rep_name = rep.name_local if lang == "zh" and rep.name_local else rep.name
    people = [world.people[i] for i in world.staff_of.get(c.idx, [])] if c else []
    named = {f["subject"]["id"] for f in doc.facts} | {f["object"]["id"] for f in doc.facts}
    mailable = [
        p for p in people if p.email and not p.quiet and p.active_on(doc.day) and p.contact_id not in named
    ]
    if mailable:
        p = mailable[int(rng.random() * len(mailable))]
        to = formataddr((p.name_zh if lang == "zh" and p.is_cn else p.name_en, p.email), charset="utf-8")
        to_name = (
            f"{p.family_zh}{p.honorific_zh}"
            if lang == "zh" and p.is_cn
            else (
                f"Dr. {p.family_en}"
                if p.doctor
                else p.given_en
                if not p.is_cn
                else f"{p.given_en} {p.family_en}"
            )
        )
        if c:
            doc.titled(c, p, to_name)
    else:
        to = f"info@{c.domain if c else 'meridian-mis.com'}"
        to_name = "各位" if lang == "zh" else "all"
    if lang == "zh":
        body = f"{to_name}，您好：\n\n{doc.text()}\n\n此致\n{rep_name}\n"
    else:
        body = f"Dear {to_name},\n\n{doc.text()}\n\nBest regards,\n{rep_name}\n"
    charset = Charset("utf-8")
    charset.body_encoding = QP  # readable in a raw viewer, like most mail clients send it
    msg = Message()
    msg.set_payload(body, charset)  # adds MIME-Version, Content-Type and the transfer encoding
    msg["From"] = formataddr((rep_name, rep.email), charset="utf-8")
    msg["To"] = to
    msg["Date"] = format_datetime(datetime.fromisoformat(at))
    msg["Subject"] = rng.choice(SUBJECTS[lang])
    digest = hashlib.sha1(f"{doc_id}{at}".encode(), usedforsecurity=False).hexdigest()[:12]
    msg["Message-ID"] = f"<{doc_id}.{digest}@meridian-mis.com>"
    path.write_bytes(msg.as_bytes().replace(b"\n", b"\r\n"))
