"""A corpus of malformed exports, generated here, ingested in one run through the command
line: every bad record is a located, reason-coded reject, every unreadable file one reject
for the file, a key another source states for another company is kept apart and reported,
the valid records of every file are in the graph as written, the run ends
with exit status 1 (done, with rejects) and no output holds a traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import Workbook

MAPPING = """source: {source}
file: {file}
nodes:
  - label: Company
    key: "{prefix}-{{account_id}}"
    props:
      name: {{column: name, required: true}}
      employees: {{column: employees, type: int}}
      territory: territory
"""
HEADER = "account_id,name,employees,territory\n"


@dataclass(frozen=True)
class Case:
    """One malformed file: its bytes, the rejects it must give and the companies it keeps."""

    file: str
    content: bytes
    rejects: tuple[tuple[int, str | None, str], ...]  # (line, field, reason); line 0 = the file
    kept: dict[str, str]  # account_id -> name, exactly as stored
    keys: str = ""  # the key template's prefix, when not the file's stem (another case's keys)

    @property
    def prefix(self) -> str:
        return self.keys or Path(self.file).stem


def csv(*rows: str) -> bytes:
    return (HEADER + "".join(f"{row}\n" for row in rows)).encode()


def jsonl(*records: object) -> bytes:
    return "".join(
        f"{r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)}\n" for r in records
    ).encode()


def xlsx(*rows: list[object]) -> bytes:
    """A workbook as openpyxl writes it: formulas without a computed value."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [[*HEADER.strip().split(","), "notes"], *rows]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


CASES = [
    Case("clean.csv", csv("1,Acme,10,North", "2,Beta,20,South"), (), {"1": "Acme", "2": "Beta"}),
    Case(
        "staff_past_int64.csv",
        csv("1,Acme,10,North", "2,Huge,1e20,North", "3,Gamma,99999999999999999999,North", "4,Delta,5,South"),
        ((3, "employees", "bad_number"), (4, "employees", "bad_number")),
        {"1": "Acme", "4": "Delta"},
    ),
    Case(
        "quoted_newline.csv",
        csv('1,"Multi\nLine Co",3,North', "2,Huge,1e20,North", "3,After,4,North"),
        ((4, "employees", "bad_number"),),  # the bad record starts on physical line 4
        {"1": "Multi\nLine Co", "3": "After"},
    ),
    Case(
        "stray_quote.csv",
        csv("1,Acme,10,North", '2,"Broken,20,North', "3,Gamma,30,North", "4,Delta,40,South"),
        ((3, None, "truncated_line"),),  # its first line alone: the quote swallows no record
        {"1": "Acme", "3": "Gamma", "4": "Delta"},
    ),
    Case(
        "restated_key.csv",
        csv("1,Acme,10,North", "2,Beta,20,North", "1,Acme Corp,11,South", "2,Beta,20,North"),
        ((4, None, "conflicting_duplicate"),),  # the same values twice are no conflict
        {"1": "Acme", "2": "Beta"},
    ),
    Case(
        "mixed_encodings.csv",
        HEADER.encode()
        + "1,北京精密机械有限公司,10,North\n2,上海华星科技,20,North\n".encode("gb18030")
        + "3,Zürich Präzision AG,5,North\n".encode()  # a UTF-8 line among GB18030 ones
        + "4,深圳达通,7,South\n".encode("gb18030"),
        (),
        {"1": "北京精密机械有限公司", "2": "上海华星科技", "3": "Zürich Präzision AG", "4": "深圳达通"},
    ),
    Case(
        "hostile_text.csv",
        csv(
            '1,"\'); MATCH (n) DETACH DELETE n //",1,North',
            '2,=HYPERLINK("http://x"),2,North',
            "3,\u202egnp.exe 🚀 مرحبا,3,North",
            f"4,{'名' * 20_000},4,North",
        ),
        (),
        {
            "1": "'); MATCH (n) DETACH DELETE n //",
            "2": '=HYPERLINK("http://x")',
            "3": "\u202egnp.exe 🚀 مرحبا",
            "4": "名" * 20_000,
        },
    ),
    Case(
        "renamed_column.csv",
        b"account_id,company_name,employees,territory\n1,Acme,10,North\n",
        ((0, None, "missing_columns"),),
        {},
    ),
    Case("empty.csv", b"", ((0, None, "unreadable_file"),), {}),
    Case(
        "binary.csv", b"PK\x03\x04\x00\x00\x08\x00" + bytes(range(256)), ((0, None, "unreadable_file"),), {}
    ),
    Case(
        "nested.jsonl",
        jsonl(
            {"account_id": "1", "name": "Acme", "employees": 3, "territory": "North"},
            {"account_id": "2", "name": {"en": "Beta"}, "territory": "North"},
            {"account_id": "3", "name": "Gamma", "employees": [1, 2], "territory": "North"},
            '{"account_id": "4", "name": "Trunc',
            {"account_id": "5", "name": "Epsilon", "employees": 2**70, "territory": "North"},
            {"account_id": "6", "name": "Zeta", "territory": "South"},
        ),
        (
            (2, "name", "not_a_scalar"),
            (3, "employees", "not_a_scalar"),
            (4, None, "bad_json"),
            (5, "employees", "bad_number"),
        ),
        {"1": "Acme", "6": "Zeta"},
    ),
    Case(
        "formulas.xlsx",
        xlsx(
            ["1", "Acme", 10, "North", "=A2&B2"],  # a formula in a column no mapping reads
            ["2", "Beta", "=C2*2", "North"],
            ["3", "=UPPER(B2)", 30, "South"],
            ["4", "Delta", 40, "South"],
        ),
        ((3, "employees", "formula_without_value"), (4, "name", "formula_without_value")),
        {"1": "Acme", "4": "Delta"},
    ),
    Case(
        "lone_surrogate.jsonl",  # valid JSON, a str to Python, text no store can hold
        jsonl(
            {"account_id": "1", "name": "Acme", "territory": "North"},
            '{"account_id": "2", "name": "Bad \\udc80 Name", "territory": "North"}',
            {"account_id": "3", "name": "Gamma", "territory": "South"},
        ),
        ((2, "name", "refused_by_store"),),
        {"1": "Acme", "3": "Gamma"},
    ),
    Case(
        "other_source_same_keys.jsonl",  # another source keyed like clean.csv: 1 is another company
        jsonl(
            {"account_id": "1", "name": "Zenith Mining", "territory": "East"},
            {"account_id": "2", "name": "Beta", "employees": 20, "territory": "South"},
        ),
        ((1, "name", "conflicting_source"),),
        {"1": "Zenith Mining", "2": "Beta"},  # its 1 kept apart as s<N>:clean-1; its 2 is clean.csv's
        keys="clean",
    ),
    Case(
        "truncated.json",
        b'[{"account_id": "1", "name": "Acme", "territory": "North"}, {"account_id": "2", "na',
        ((0, None, "unreadable_file"),),
        {"1": "Acme"},
    ),
]


def write_corpus(files: Path, mappings: Path, cases: Sequence[Case] = CASES) -> None:
    """Each case's file in ``files`` and a mapping of its own (``malformed_NN.yaml``) in ``mappings``."""
    files.mkdir(parents=True, exist_ok=True)
    mappings.mkdir(parents=True, exist_ok=True)
    for number, case in enumerate(cases):
        (files / case.file).write_bytes(case.content)
        mapping = MAPPING.format(source=f"s{number}", file=case.file, prefix=case.prefix)
        (mappings / f"malformed_{number:02}.yaml").write_text(mapping, encoding="utf-8")


@dataclass(frozen=True)
class Run:
    code: int
    output: str
    rejects: list[dict[str, object]]
    companies: dict[str, str]


def accountgraph(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from accountgraph.cli import main; main()", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=600)


def ingest_folder(root: Path) -> subprocess.CompletedProcess[str]:
    """``ingest records`` of ``root``/files with the mappings in ``root``/mappings."""
    return accountgraph(
        environment(root), "ingest", "records", str(root / "files"), "--mapping", str(root / "mappings")
    )


def environment(root: Path) -> dict[str, str]:
    env = os.environ | {"ACCOUNTGRAPH_DATA_DIR": str(root / "data"), "COLUMNS": "200"}
    env.pop("ACCOUNTGRAPH_CONFIG", None)
    env.pop("ACCOUNTGRAPH_STORE", None)
    return env


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("malformed")
    write_corpus(root / "files", root / "mappings")
    env = environment(root)
    done = accountgraph(env, "ingest", "records", str(root / "files"), "--mapping", str(root / "mappings"))
    exported = accountgraph(env, "export", "--out", str(root / "graph.jsonl"))
    assert exported.returncode == 0, exported.stderr
    [rejects_file] = (root / "data" / "runs").glob("*/rejects.jsonl")
    rejects = [json.loads(line) for line in rejects_file.read_text(encoding="utf-8").splitlines()]
    items = [json.loads(line) for line in (root / "graph.jsonl").read_text(encoding="utf-8").splitlines()]
    companies = {
        i["key"]: i["props"]["name"] for i in items if i["kind"] == "node" and i["label"] == "Company"
    }
    return Run(done.returncode, done.stdout + done.stderr, rejects, companies)


def test_the_run_goes_on_and_says_a_file_was_refused(run: Run) -> None:
    assert run.code == 1, run.output
    assert "Traceback" not in run.output
    assert "rejected: unreadable_file" in run.output and "rejected: missing_columns" in run.output
    assert "conflicting_source" in run.output


@pytest.mark.parametrize(
    ("files", "code"),
    [(("clean.csv",), 0), (("clean.csv", "staff_past_int64.csv"), 1), (("clean.csv", "empty.csv"), 1)],
    ids=["clean", "a-record-rejected", "a-file-refused"],
)
def test_the_exit_status_says_whether_anything_was_rejected(
    tmp_path: Path, files: tuple[str, ...], code: int
) -> None:
    write_corpus(tmp_path / "files", tmp_path / "mappings", [c for c in CASES if c.file in files])
    done = ingest_folder(tmp_path)
    assert done.returncode == code, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_each_file_gives_its_rejects_and_keeps_its_valid_records(run: Run, case: Case) -> None:
    mine = sorted(
        (r["line"], r["field"], r["reason"]) for r in run.rejects if Path(str(r["source"])).name == case.file
    )
    assert mine == sorted(case.rejects, key=lambda r: (r[0], r[1] or "", r[2]))
    shared, own = f"{case.prefix}-", f"s{CASES.index(case)}:{case.prefix}-"  # own: a key kept apart
    kept = {key.removeprefix(shared): name for key, name in run.companies.items() if key.startswith(shared)}
    kept |= {key.removeprefix(own): name for key, name in run.companies.items() if key.startswith(own)}
    assert kept == case.kept


def test_a_file_reject_names_what_is_missing(run: Run) -> None:
    [refused] = [r for r in run.rejects if r["reason"] == "missing_columns"]
    assert refused["detail"] == "the header has no column name"


def test_a_mapping_folder_without_mappings_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mappings").mkdir()
    (tmp_path / "mappings" / "accounts.yml.bak").write_text("source: crm\n", encoding="utf-8")
    (tmp_path / "files").mkdir()
    done = ingest_folder(tmp_path)
    assert done.returncode == 2
    assert f"{tmp_path / 'mappings'}: no mapping files (*.yaml) in this folder" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
