"""An RFC 822 e-mail (``.eml``) as one document: the stdlib ``email`` package (policy
``default``) reads it, multipart or not, base64 or quoted-printable; the text/plain part is
the body, else the text/html part read as its text. A part's declared charset decodes it,
GB2312 and GBK read as GB18030 (their superset, which mail clients send under the older
names); an unknown or wrong charset falls back to detection."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage, MIMEPart
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from ingest.records.rejects import Reject

from ._read_html import html_to_text
from ._read_text import (
    BINARY,
    EMPTY,
    NO_TEXT,
    UNDECODABLE,
    TextDocument,
    check_body,
    decode,
    guess_lang,
    is_binary,
)

_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "euc-cn": "gb18030"}


def read_email(data: bytes, path: Path) -> TextDocument | Reject:
    if not data.strip():
        return Reject(str(path), 0, None, None, EMPTY, "an empty file")
    if is_binary(data):
        return Reject(str(path), 0, None, None, BINARY, "NUL bytes: not an e-mail")
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)  # policy.default makes EmailMessage objects
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return Reject(str(path), 0, None, None, NO_TEXT, "no text/plain or text/html part")
    body = _part_text(part)
    if body is None:
        charset = part.get_content_charset() or "none declared"
        return Reject(str(path), 0, None, None, UNDECODABLE, f"{part.get_content_type()}, charset {charset}")
    if part.get_content_subtype() == "html":
        body = html_to_text(body)
    reject = check_body(body, str(path), 0)
    if reject:
        return reject
    try:
        at = parsedate_to_datetime(str(msg["Date"])) if msg["Date"] else None
    except (TypeError, ValueError):
        at = None
    mid = str(msg["Message-ID"] or "").strip().strip("<>").split("@")[0].split(".")[0]
    addresses = getaddresses([str(msg[h]) for h in ("To", "Cc", "From") if msg[h]])
    domains = tuple(dict.fromkeys(a.rsplit("@", 1)[-1].lower() for _, a in addresses if "@" in a))
    return TextDocument(
        mid or path.stem,
        "email",
        body,
        str(path),
        1,
        guess_lang(body),
        at,
        "",
        str(msg["Subject"] or ""),
        domains,
    )


def _part_text(part: MIMEPart) -> str | None:
    """The part's text (transfer encoding undone), or None when no text encoding fits it."""
    raw = part.get_payload(decode=True)
    if not isinstance(raw, bytes):
        return None
    declared = part.get_content_charset()
    if declared:
        try:
            return raw.decode(_SUPERSET.get(declared, declared))
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or wrong charset: detect it
    return decode(raw)
