"""A corpus of malformed notes and e-mails, generated here, ingested in one run through the
command line after a small CRM: every bad note is a located, reason-coded reject (line 0
for a whole file, the line of a JSONL note), the valid notes' facts are in the graph
whatever their wrapping (HTML, a multipart e-mail in base64 GBK or quoted-printable), the
run ends with exit status 1 (done, with rejects) and no output holds a traceback."""

from __future__ import annotations

import base64
import json
import quopri
from dataclasses import dataclass
from email.header import Header
from pathlib import Path

import pytest

from tests.ingest.test_malformed_records import accountgraph, environment

CRM = "account_id,name,employees\n1,Harbour Point Logistics,120\n2,Qingdao Haixin Machinery,50\n"
MAPPING = """source: crm
file: crm.csv
nodes:
  - label: Company
    key: "CRM-{account_id}"
    props:
      name: {column: name, required: true}
      employees: {column: employees, type: int}
"""
KAREN = "Karen Whitfield is the CFO of Harbour Point Logistics."
TOM = "Tom Fairley is the CTO of Qingdao Haixin Machinery."
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)


@dataclass(frozen=True)
class Case:
    """One note file: its bytes, the rejects it gives and the facts its valid notes state."""

    file: str
    content: bytes
    rejects: tuple[tuple[int, str | None, str], ...]  # (line, field, reason); line 0 = the file
    facts: tuple[tuple[str, str, str], ...] = ()  # (document id, person, company key) WORKS_AT


def eml(message_id: str, content_type: str, *parts: tuple[str, str, bytes], subject: str = "Visit") -> bytes:
    """An e-mail; with parts (content type, transfer encoding, body), ``content_type`` is multipart."""
    head = (
        f"From: Li Wei <li.wei@haixin.example>\r\nTo: rep@example.com\r\nSubject: {subject}\r\n"
        f"Message-ID: <{message_id}@haixin.example>\r\nDate: Tue, 03 Mar 2026 10:00:00 +0800\r\n"
        "MIME-Version: 1.0\r\n"
    ).encode()
    if not parts:
        return head + f"Content-Type: {content_type}\r\n\r\n".encode()
    body = b"".join(
        f"--B\r\nContent-Type: {kind}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n".encode() + data + b"\r\n"
        for kind, cte, data in parts
    )
    return head + f'Content-Type: {content_type}; boundary="B"\r\n\r\n'.encode() + body + b"--B--\r\n"


def b64(text: str, encoding: str = "utf-8") -> bytes:
    return base64.encodebytes(text.encode(encoding))


def jsonl(*lines: object) -> bytes:
    return "".join(
        f"{x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)}\n" for x in lines
    ).encode()


GBK_TEXT = f"王镕您好，\n\n{KAREN}\n"  # 镕 is in GBK and GB18030, not in the GB2312 the mail declares
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Mallory Quinn is the CEO of Harbour Point Logistics.</title>"
    "<style>p { color: red }</style></head><body><p>Update from the site visit.</p>"
    "<script>var note = 'Mallory Quinn is the CEO of Harbour Point Logistics.';</script>"
    "<p>Karen&nbsp;Whitfield is the <b>CFO</b> of Harbour Point Logistics.</p></body></html>"
)
CASES = [
    Case(
        "plain.txt",
        f"Met the finance team today.\n{KAREN}\n".encode(),
        (),
        (("plain", "Karen Whitfield", "CRM-1"),),
    ),
    Case("page.html", HTML_PAGE.encode(), (), (("page", "Karen Whitfield", "CRM-1"),)),
    Case(
        "gbk_base64.eml",
        eml(
            "gbk-1",
            "multipart/alternative",
            ('text/plain; charset="gb2312"', "base64", b64(GBK_TEXT, "gb18030")),
            ('text/html; charset="gb2312"', "base64", b64(f"<p>{GBK_TEXT}</p>", "gb18030")),
            subject=Header("拜访纪要", "gbk").encode(),
        ),
        (),
        (("gbk-1", "Karen Whitfield", "CRM-1"),),
    ),
    Case(
        "quoted_printable.eml",
        eml(
            "qp-1",
            "multipart/mixed",
            (
                'text/plain; charset="utf-8"',
                "quoted-printable",
                quopri.encodestring(f"{TOM} Café next week.".encode()),
            ),
            ("application/pdf", "base64", b64("%PDF-1.4 not read")),
        ),
        (),
        (("qp-1", "Tom Fairley", "CRM-2"),),
    ),
    Case(
        "html_only.eml",
        eml("html-1", "multipart/alternative", ('text/html; charset="utf-8"', "base64", b64(HTML_PAGE))),
        (),
        (("html-1", "Karen Whitfield", "CRM-1"),),
    ),
    Case(
        "attachment_only.eml",
        eml("pdf-1", "multipart/mixed", ("application/pdf", "base64", b64("%PDF-1.4"))),
        ((0, None, "no_text"),),
    ),
    Case("headers_only.eml", eml("blank-1", 'text/plain; charset="utf-8"'), ((0, "text", "empty"),)),
    Case("empty.txt", b"", ((0, None, "empty"),)),
    Case("photo.txt", PNG, ((0, None, "binary"),)),
    Case("nul_bytes.txt", b"Karen Whitfield\x00is\x00the CFO", ((0, None, "binary"),)),
    Case("undecodable.txt", bytes(range(0x80, 0x100)) * 8, ((0, None, "undecodable"),)),
    Case("script_only.html", b"<html><body><script>alert(1)</script></body></html>", ((0, "text", "empty"),)),
    Case(
        "notes.jsonl",
        jsonl(
            {"id": "N-1", "text": KAREN},
            {"id": "N-2", "lang": "en"},
            {"id": "N-3", "text": {"en": KAREN}},
            {"id": "N-4", "text": KAREN, "account_id": {"crm": 1}},
            '{"id": "N-5", "text": "Trunc',
            {"id": "N-6", "text": "   "},
            {"id": "N-7", "text": TOM, "at": "last Tuesday"},
            [KAREN],
        ),
        (
            (2, "text", "missing_field"),
            (3, "text", "not_text"),
            (4, "account_id", "not_text"),
            (5, None, "bad_json"),
            (6, "text", "empty"),
            (7, "at", "bad_date"),  # the date is dropped, the note kept
            (8, None, "bad_json"),
        ),
        (("N-1", "Karen Whitfield", "CRM-1"), ("N-7", "Tom Fairley", "CRM-2")),
    ),
]


def write_corpus(root: Path, cases: list[Case]) -> Path:
    """The CRM (``root/crm``, its mapping in ``root/mapping``) and the notes (``root/notes``)."""
    for folder in ("crm", "mapping", "notes"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "crm" / "crm.csv").write_text(CRM, encoding="utf-8")
    (root / "mapping" / "crm.yaml").write_text(MAPPING, encoding="utf-8")
    for case in cases:
        (root / "notes" / case.file).write_bytes(case.content)
    return root / "notes"


@dataclass(frozen=True)
class Run:
    code: int
    output: str
    rejects: list[dict[str, object]]
    people: dict[str, str]  # key -> name
    works_at: list[dict[str, object]]


def ingest(root: Path, *paths: str) -> tuple[dict[str, str], int, str]:
    env = environment(root)
    crm = accountgraph(env, "ingest", "records", str(root / "crm"), "--mapping", str(root / "mapping"))
    assert crm.returncode == 0, crm.stdout + crm.stderr
    done = accountgraph(env, "ingest", "text", *paths)
    return env, done.returncode, done.stdout + done.stderr


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("notes")
    env, code, output = ingest(root, str(write_corpus(root, CASES)))
    exported = accountgraph(env, "export", "--out", str(root / "graph.jsonl"))
    assert exported.returncode == 0, exported.stderr
    [rejects_file] = (root / "data" / "runs").glob("text-*/rejects.jsonl")
    rejects = [json.loads(line) for line in rejects_file.read_text(encoding="utf-8").splitlines()]
    items = [json.loads(line) for line in (root / "graph.jsonl").read_text(encoding="utf-8").splitlines()]
    people = {i["key"]: i["props"]["name"] for i in items if i["kind"] == "node" and i["label"] == "Person"}
    works_at = [i for i in items if i["kind"] == "edge" and i["type"] == "WORKS_AT"]
    return Run(code, output, rejects, people, works_at)


def test_the_run_goes_on_and_says_notes_were_rejected(run: Run) -> None:
    assert run.code == 1, run.output
    assert "Traceback" not in run.output
    assert "rejected: binary" in run.output and "rejected: missing_field" in run.output


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_each_file_gives_its_rejects_and_its_facts(run: Run, case: Case) -> None:
    mine = sorted(
        (r["line"], r["field"], r["reason"]) for r in run.rejects if Path(str(r["source"])).name == case.file
    )
    assert mine == sorted(case.rejects, key=lambda r: (r[0], r[1] or "", r[2]))
    for doc_id, person, company in case.facts:
        stated = [
            e
            for e in run.works_at
            if run.people.get(e["start"][1]) == person  # type: ignore[index]
            and e["end"] == ["Company", company]
            and doc_id in {item["doc_id"] for item in json.loads(e["props"]["evidence"])}  # type: ignore[index]
        ]
        assert stated, f"{case.file}: no WORKS_AT {person} -> {company} from {doc_id}"


def test_scripts_styles_and_titles_are_not_read(run: Run) -> None:
    assert "Karen Whitfield" in run.people.values()
    assert "Mallory Quinn" not in run.people.values()


@pytest.mark.parametrize(
    ("files", "code"),
    [(("plain.txt",), 0), (("plain.txt", "empty.txt"), 1), (("notes.jsonl",), 1)],
    ids=["clean", "a-file-refused", "a-note-rejected"],
)
def test_the_exit_status_says_whether_anything_was_rejected(
    tmp_path: Path, files: tuple[str, ...], code: int
) -> None:
    notes = write_corpus(tmp_path, [c for c in CASES if c.file in files])
    _, done, output = ingest(tmp_path, str(notes))
    assert done == code, output
    assert "Traceback" not in output


@pytest.mark.parametrize(
    ("arguments", "line"),
    [
        (("nowhere",), "error: no such file or directory: {root}/nowhere"),
        (("crm",), "error: no notes (*.txt, *.eml, *.jsonl, *.html, *.htm) in {root}/crm"),
    ],
    ids=["missing-path", "no-notes-in-folder"],
)
def test_input_that_holds_no_notes_is_refused_in_one_line(
    tmp_path: Path, arguments: tuple[str, ...], line: str
) -> None:
    write_corpus(tmp_path, [])
    done = accountgraph(environment(tmp_path), "ingest", "text", *(str(tmp_path / a) for a in arguments))
    assert done.returncode == 2
    assert done.stderr.strip() == line.format(root=tmp_path)
    assert "Traceback" not in done.stdout + done.stderr


def test_a_store_that_cannot_be_used_is_said_in_one_line(tmp_path: Path) -> None:
    notes = write_corpus(tmp_path, CASES[:1])
    env = environment(tmp_path) | {"ACCOUNTGRAPH_EMBEDDED_PATH": str(tmp_path / "crm")}  # a folder
    done = accountgraph(env, "ingest", "text", str(notes))
    assert done.returncode == 3
    assert (
        done.stderr.strip()
        == f"error: the embedded store path {tmp_path / 'crm'} is a directory, not a database"
    )
    assert "Traceback" not in done.stdout + done.stderr


def test_a_file_the_system_will_not_read_is_one_reject(tmp_path: Path) -> None:
    """/proc/self/mem exists and cannot be read as a file (EIO), even by root."""
    notes = write_corpus(tmp_path, [c for c in CASES if c.file == "plain.txt"])
    _, done, output = ingest(tmp_path, str(notes), "/proc/self/mem")
    assert done == 1, output
    assert "Traceback" not in output
    [rejects_file] = (tmp_path / "data" / "runs").glob("text-*/rejects.jsonl")
    rejects = [json.loads(line) for line in rejects_file.read_text(encoding="utf-8").splitlines()]
    assert [(r["source"], r["line"], r["reason"]) for r in rejects] == [("/proc/self/mem", 0, "unreadable")]
