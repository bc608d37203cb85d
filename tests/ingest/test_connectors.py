"""The streaming record connectors, over real files written to tmp_path."""

from __future__ import annotations

import json
import pickle
import tracemalloc
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import psutil
import pytest
from openpyxl import Workbook

from ingest.connectors import (
    REJECT_REASONS,
    RawRecord,
    RawReject,
    SourceError,
    detect_encoding,
    read_records,
)
from ingest.connectors._encoding import SAMPLE_SIZE

Item = RawRecord | RawReject


def items(path: Path, **options: object) -> list[Item]:
    return list(read_records(path, **options))  # type: ignore[arg-type]


def records(path: Path, **options: object) -> list[RawRecord]:
    out = items(path, **options)
    assert all(isinstance(r, RawRecord) for r in out), [r for r in out if isinstance(r, RawReject)]
    return [r for r in out if isinstance(r, RawRecord)]


def rejects(found: list[Item]) -> list[RawReject]:
    return [r for r in found if isinstance(r, RawReject)]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# --- CSV -------------------------------------------------------------------------------------------


def test_csv_utf8_records_carry_source_line_and_string_fields(tmp_path: Path) -> None:
    path = write(tmp_path / "accounts.csv", "id,name,city\n1,Acme,Berlin\n2,Beta,\n")
    assert detect_encoding(path) == "utf-8"
    assert records(path) == [
        RawRecord(str(path), 2, {"id": "1", "name": "Acme", "city": "Berlin"}),
        RawRecord(str(path), 3, {"id": "2", "name": "Beta", "city": ""}),
    ]
    assert records(str(path))[0].source == str(path)  # type: ignore[arg-type]


def test_csv_utf8_bom_is_detected_and_kept_out_of_the_first_column(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.csv", "account_id,name\r\nA1,Müller GmbH\r\n", "utf-8-sig")
    assert detect_encoding(path) == "utf-8-sig"
    expected = [RawRecord(str(path), 2, {"account_id": "A1", "name": "Müller GmbH"})]
    assert records(path) == expected
    assert records(path, encoding="utf-8") == expected  # a BOM the codec keeps is stripped too


def test_csv_gb18030_with_chinese_names(tmp_path: Path) -> None:
    rows = [("C001", "华为技术有限公司", "深圳"), ("C002", "上海电气集团", "上海"), ("C003", "张伟", "北京")]
    text = "客户编号,客户名称,城市\n" + "".join(",".join(r) + "\n" for r in rows)
    path = write(tmp_path / "erp.csv", text, "gb18030")
    assert detect_encoding(path) == "gb18030"
    found = records(path)
    assert [r.fields for r in found] == [
        dict(zip(("客户编号", "客户名称", "城市"), r, strict=True)) for r in rows
    ]
    assert [r.line for r in found] == [2, 3, 4]


def test_latin1_text_is_not_taken_for_gb18030(tmp_path: Path) -> None:
    # every accented letter here is followed by a letter, so the bytes decode as GB18030 too
    path = write(tmp_path / "eu.csv", "name;city\nMüller;Zürich\nBjörn;Göteborg\nSøren;Århus\n", "cp1252")
    encoding = detect_encoding(path)
    assert encoding != "gb18030"
    assert records(path, delimiter=";")[0].fields == {"name": "Müller", "city": "Zürich"}


def test_csv_quoted_multiline_field_keeps_physical_line_numbers(tmp_path: Path) -> None:
    text = 'id,note\n1,"first line\nsecond, with comma\nthird"\n\n2,plain\n3,"say ""hi"""\n'
    path = write(tmp_path / "notes.csv", text)
    found = records(path)
    assert [(r.line, r.fields["id"]) for r in found] == [(2, "1"), (6, "2"), (7, "3")]
    assert found[0].fields["note"] == "first line\nsecond, with comma\nthird"
    assert found[2].fields["note"] == 'say "hi"'


def test_csv_truncated_and_extra_columns_are_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    text = "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12,\n13,14,15\n"
    path = write(tmp_path / "shape.csv", text)
    found = items(path)
    assert found[0] == RawRecord(str(path), 2, {"a": "1", "b": "2", "c": "3"})
    assert found[1] == RawReject(str(path), 3, "truncated_line", "2 of 3 columns (header has 3)", "4,5")
    assert isinstance(found[2], RawReject)
    assert (found[2].line, found[2].reason, found[2].raw) == (4, "extra_columns", "6,7,8,9")
    assert "4 columns" in found[2].detail
    # a blank trailing cell is padding, not an extra column
    assert found[3] == RawRecord(str(path), 5, {"a": "10", "b": "11", "c": "12"})
    assert found[4] == RawRecord(str(path), 6, {"a": "13", "b": "14", "c": "15"})


def test_csv_empty_record_and_blank_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.csv", "\n\na,b\n\n   \n,\n1,2\n")
    found = items(path)
    assert found == [
        RawReject(str(path), 6, "empty_record", "all 2 cells are blank", ","),
        RawRecord(str(path), 7, {"a": "1", "b": "2"}),
    ]


def test_csv_unclosed_quote_is_located(tmp_path: Path) -> None:
    path = write(tmp_path / "quote.csv", 'a,b,c\n1,"open\n2,x,y\n3,y,z\n')
    (reject,) = rejects(items(path))
    assert (reject.line, reject.reason) == (2, "truncated_line")
    assert "lines 2-4" in reject.detail and "unclosed quote" in reject.detail
    # a quoted field that never ends grows past csv's field limit: the file cannot be read on
    path = write(tmp_path / "runaway.csv", 'a,b\n1,"' + "x\n" * 70_000)
    with pytest.raises(SourceError, match=r"quote opened at line 2 never closed"):
        items(path)


def test_csv_invalid_bytes_reject_only_their_record(tmp_path: Path) -> None:
    head = "id,name\n" + "".join(f"{i},公司{i}\n" for i in range(200))
    data = head.encode() + b"bad,Caf\xe9 \xff\xfe\n" + "201,尾\n".encode()
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    assert detect_encoding(path) == "utf-8"  # one bad record does not change the file's verdict
    found = items(path)
    (reject,) = rejects(found)
    assert (reject.line, reject.reason) == (202, "undecodable")
    assert reject.raw == r"bad,Caf\xe9 \xff\xfe"
    assert "0xe9 0xff 0xfe" in reject.detail and "utf-8" in reject.detail
    assert found[-1] == RawRecord(str(path), 203, {"id": "201", "name": "尾"})
    assert len(found) == 202


def test_gb18030_invalid_bytes_reject_only_their_record(tmp_path: Path) -> None:
    head = "编号,名称\n" + "".join(f"{i},上海公司{i}\n" for i in range(50))
    path = tmp_path / "gb_bad.csv"
    path.write_bytes(head.encode("gb18030") + b"x,\x81\n" + "99,北京\n".encode("gb18030"))
    assert detect_encoding(path) == "gb18030"
    found = items(path)
    assert [r.reason for r in rejects(found)] == ["undecodable"]
    assert found[-1] == RawRecord(str(path), 53, {"编号": "99", "名称": "北京"})


def test_encoding_is_decided_from_a_bounded_sample(tmp_path: Path) -> None:
    # ASCII for more than the sample, then Latin-1: the verdict is UTF-8, the late record is rejected
    path = tmp_path / "late.csv"
    filler = "".join(f"{i},{'x' * 60}\n" for i in range(SAMPLE_SIZE // 60 + 10))
    path.write_bytes(("id,v\n" + filler).encode() + "z,Zürich\n".encode("latin-1"))
    assert path.stat().st_size > SAMPLE_SIZE
    assert detect_encoding(path) == "utf-8"
    (reject,) = rejects(items(path))
    assert reject.reason == "undecodable" and reject.raw == r"z,Z\xfcrich"


def test_tsv_by_suffix_and_explicit_delimiter(tmp_path: Path) -> None:
    path = write(tmp_path / "x.tsv", "a\tb\n1\t2,3\n")
    assert records(path)[0].fields == {"a": "1", "b": "2,3"}
    path = write(tmp_path / "semi.csv", "a;b\n1;2\n")
    assert records(path, delimiter=";")[0].fields == {"a": "1", "b": "2"}


def test_utf16_unicode_text_export(tmp_path: Path) -> None:
    # Excel's "Unicode Text": UTF-16 with a BOM, tab-separated; its NUL bytes are not binary junk
    path = write(tmp_path / "excel.tsv", "客户\tcity\r\n华为\tShenzhen\r\n", "utf-16")
    assert detect_encoding(path) == "utf-16"
    assert records(path) == [RawRecord(str(path), 2, {"客户": "华为", "city": "Shenzhen"})]


def test_options_that_do_not_apply_are_refused(tmp_path: Path, workbook: Path) -> None:
    path = write(tmp_path / "a.csv", "a\n1\n")
    with pytest.raises(ValueError, match="sheet="):
        read_records(path, sheet="Accounts")
    with pytest.raises(ValueError, match="encoding="):
        read_records(workbook, encoding="utf-8")
    with pytest.raises(ValueError, match="delimiter"):
        read_records(path, delimiter=";;")
    with pytest.raises(SourceError, match="unknown encoding 'klingon'"):
        read_records(path, encoding="klingon")


def test_csv_header_problems(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"duplicate column names in the header: email"):
        items(write(tmp_path / "dup.csv", "id,email,email\n1,a,b\n"))
    with pytest.raises(SourceError, match=r"no header row"):
        items(write(tmp_path / "blank.csv", "\n  \n\n"))
    found = records(write(tmp_path / "gap.csv", " id ,,name,,\n1,x,n,,\n"))
    assert found[0].fields == {"id": "1", "_column_2": "x", "name": "n"}


# --- JSON Lines and JSON arrays --------------------------------------------------------------------


def test_jsonl_bad_line_non_object_and_empty_object(tmp_path: Path) -> None:
    lines = [
        '{"id": 1, "name": "Acme", "tags": ["a"]}',
        "",
        '{"id": 2, "name": ',
        "[1, 2]",
        "{}",
        '{"id": 3, "name": "华为"}',
    ]
    path = write(tmp_path / "people.jsonl", "\n".join(lines) + "\n")
    found = items(path)
    assert found[0] == RawRecord(str(path), 1, {"id": 1, "name": "Acme", "tags": ["a"]})
    assert [(r.line, r.reason) for r in rejects(found)] == [
        (3, "bad_json"),
        (4, "not_an_object"),
        (5, "empty_record"),
    ]
    bad = rejects(found)[0]
    assert bad.raw == '{"id": 2, "name": ' and "column" in bad.detail
    assert rejects(found)[1].detail == "an array, not an object"
    assert found[-1] == RawRecord(str(path), 6, {"id": 3, "name": "华为"})


def test_jsonl_invalid_bytes_and_ndjson_suffix(tmp_path: Path) -> None:
    path = tmp_path / "events.ndjson"
    path.write_bytes(b'{"a": 1}\n{"a": "\xff"}\n{"a": 3}\n')
    found = items(path, encoding="utf-8")
    assert [getattr(r, "reason", "ok") for r in found] == ["ok", "undecodable", "ok"]
    assert found[1].line == 2


def test_json_array_streams_elements_numbered_from_one(tmp_path: Path) -> None:
    data = [{"id": 1, "amount": 12.5}, "oops", {"id": 2, "name": "上海", "nested": {"x": None}}, {}]
    path = write(tmp_path / "orders.json", json.dumps(data, ensure_ascii=False, indent=2))
    found = items(path)
    assert found[0] == RawRecord(str(path), 1, {"id": 1, "amount": 12.5})
    assert isinstance(found[0].fields["amount"], float)
    assert found[1] == RawReject(str(path), 2, "not_an_object", "a string, not an object", '"oops"')
    assert found[2] == RawRecord(str(path), 3, {"id": 2, "name": "上海", "nested": {"x": None}})
    assert isinstance(found[3], RawReject) and found[3].reason == "empty_record"


def test_json_array_in_gb18030_with_bom_whitespace(tmp_path: Path) -> None:
    path = write(tmp_path / "gb.json", '\n  [{"名称": "华为技术有限公司"}, {"名称": "张伟"}]', "gb18030")
    assert [r.fields["名称"] for r in records(path)] == ["华为技术有限公司", "张伟"]
    path = write(tmp_path / "bom.json", '[{"a": 1}]', "utf-8-sig")
    assert records(path) == [RawRecord(str(path), 1, {"a": 1})]


def test_json_top_level_must_be_an_array(tmp_path: Path) -> None:
    path = write(tmp_path / "obj.json", '{"records": []}')
    with pytest.raises(SourceError, match=r"top level is not a JSON array.*kind='jsonl'") as caught:
        items(path)
    assert str(path) in str(caught.value)
    assert items(write(tmp_path / "none.json", "[]")) == []


def test_json_array_broken_part_way_names_the_last_good_element(tmp_path: Path) -> None:
    path = write(tmp_path / "cut.json", '[{"a": 1}, {"a": 2}, {"a": ')
    stream = read_records(path)
    assert [r.line for r in (next(stream), next(stream))] == [1, 2]
    with pytest.raises(SourceError, match=r"invalid JSON after element 2"):
        next(stream)
    bad = tmp_path / "bytes.json"
    bad.write_bytes(b'[{"a": 1}, {"a": "\xff"}]')
    with pytest.raises(SourceError, match=r"not valid utf-8"):
        items(bad, encoding="utf-8")


# --- XLSX ------------------------------------------------------------------------------------------


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    book = Workbook()
    accounts = book.active
    assert accounts is not None
    accounts.title = "Accounts"
    accounts.append([])
    accounts.append(["id", "name", "created", "revenue"])
    accounts.append([1, "Acme", datetime(2024, 5, 1, 9, 30), 12.5])
    accounts.append([])
    accounts.append([2, "华为技术有限公司"])
    accounts.append([3, "Extra", None, None, None, "stray"])
    accounts.append([None, "   "])
    orders = book.create_sheet("Orders")
    orders.append(["order_id", "amount"])
    orders.append(["O-1", 3])
    path = tmp_path / "export.xlsx"
    book.save(path)
    return path


def test_xlsx_first_sheet_header_is_first_non_empty_row(workbook: Path) -> None:
    found = items(workbook)
    source = str(workbook)
    assert found[0] == RawRecord(
        source, 3, {"id": 1, "name": "Acme", "created": datetime(2024, 5, 1, 9, 30), "revenue": 12.5}
    )
    assert found[1] == RawRecord(
        source, 5, {"id": 2, "name": "华为技术有限公司", "created": None, "revenue": None}
    )
    assert [(r.line, r.reason) for r in rejects(found)] == [(6, "extra_columns"), (7, "empty_record")]
    assert len(found) == 4


def test_xlsx_named_sheet_and_missing_sheet(workbook: Path) -> None:
    assert records(workbook, sheet="Orders") == [
        RawRecord(str(workbook), 2, {"order_id": "O-1", "amount": 3})
    ]
    with pytest.raises(
        SourceError, match=r"no sheet named 'Missing'; the workbook has: 'Accounts', 'Orders'"
    ):
        items(workbook, sheet="Missing")


def test_xlsx_workbook_is_closed_when_done_or_abandoned(workbook: Path) -> None:
    def open_paths() -> set[str]:
        return {f.path for f in psutil.Process().open_files()}

    items(workbook)
    assert str(workbook) not in open_paths()
    stream = read_records(workbook)
    next(stream)
    assert str(workbook) in open_paths()
    stream.close()
    assert str(workbook) not in open_paths()


def test_xlsx_that_is_not_a_workbook(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"not an XLSX workbook"):
        read_records(write(tmp_path / "fake.xlsx", "a,b\n1,2\n"))


# --- whole-file errors, resume ---------------------------------------------------------------------


def test_binary_junk_is_refused_by_the_call(tmp_path: Path) -> None:
    png = tmp_path / "logo.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(SourceError, match=r"logo\.csv: looks binary.*PNG"):
        read_records(png)
    nul = tmp_path / "dump.jsonl"
    nul.write_bytes(b'{"a": 1}\n\x00\x00\x00\x01\x02junk')
    with pytest.raises(SourceError, match=r"looks binary.*NUL"):
        read_records(nul)


def test_empty_missing_and_unknown_files(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.csv", "")
    with pytest.raises(SourceError, match=r"empty\.csv: the file is empty"):
        read_records(empty)
    with pytest.raises(SourceError, match=r"no such file"):
        read_records(tmp_path / "nope.csv")
    with pytest.raises(SourceError, match=r"unknown kind"):
        read_records(write(tmp_path / "x.txt", "a\n"))
    with pytest.raises(SourceError, match=r"unknown kind 'xml'"):
        read_records(write(tmp_path / "y.csv", "a\n"), kind="xml")
    with pytest.raises(SourceError, match=r"only blank lines"):
        items(write(tmp_path / "blank.jsonl", "\n \n"))
    assert records(write(tmp_path / "plain.txt", "a\n1\n"), kind="csv")[0].fields == {"a": "1"}


def test_source_error_names_path_and_reason_and_pickles(tmp_path: Path) -> None:
    error = SourceError("/data/x.csv", "the file is empty")
    assert str(error) == "/data/x.csv: the file is empty"
    again = pickle.loads(pickle.dumps(error))
    assert (again.path, again.reason) == (error.path, error.reason)
    assert {"truncated_line", "extra_columns", "bad_json", "not_an_object", "undecodable"} < REJECT_REASONS


def test_start_line_resumes_after_the_given_line(tmp_path: Path) -> None:
    path = write(tmp_path / "r.csv", 'id,v\n1,a\n2,"b\nb"\n3\n4,d\n')
    assert [(r.line, type(r).__name__) for r in items(path, start_line=2)] == [
        (3, "RawRecord"),
        (5, "RawReject"),
        (6, "RawRecord"),
    ]
    assert [r.line for r in items(path, start_line=5)] == [6]
    jsonl = write(tmp_path / "r.jsonl", "".join(json.dumps({"i": i}) + "\n" for i in range(1, 6)))
    assert [r.line for r in items(jsonl, start_line=3)] == [4, 5]
    array = write(tmp_path / "r.json", json.dumps([{"i": i} for i in range(1, 6)]))
    assert [r.line for r in items(array, start_line=4)] == [5]


# --- constant memory -------------------------------------------------------------------------------

PEAK_LIMIT = 20 * 2**20
BIG = 60 * 2**20
"""The large files are ~60 MiB; record counts are kept moderate because tracemalloc slows each allocation."""


def _csv_rows(n: int) -> Iterator[str]:
    yield "id,name,email,phone,city,notes\n"
    pad = "y" * 480
    for i in range(n):
        name, email, phone = f"Company {i} 有限公司", f"contact{i}@example.com", f"+86 21 5555 {i:06d}"
        yield f'{i},{name},{email},{phone},上海,"notes, {i}:\n{pad}"\n'


def _json_objects(n: int) -> Iterator[str]:
    pad = "z" * 1_900
    for i in range(n):
        obj = {"id": i, "name": f"Company {i} 有限公司", "city": "上海", "tags": ["a", "b"], "notes": pad}
        yield json.dumps(obj, ensure_ascii=False)


def _write_big(path: Path) -> int:
    """Writes a ~60 MiB file of the path's kind; returns how many records it holds."""
    with path.open("w", encoding="utf-8", newline="") as f:
        if path.suffix == ".csv":
            rows = 110_000
            f.writelines(_csv_rows(rows))
        elif path.suffix == ".jsonl":
            rows = 32_000
            f.writelines(obj + "\n" for obj in _json_objects(rows))
        else:
            rows = 32_000
            f.write("[\n")
            f.writelines(("," if i else "") + obj + "\n" for i, obj in enumerate(_json_objects(rows)))
            f.write("]\n")
    return rows


@pytest.mark.parametrize("name", ["big.csv", "big.jsonl", "big.json"])
def test_memory_stays_flat_on_a_large_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    rows = _write_big(path)
    size = path.stat().st_size
    assert size > 0.9 * BIG
    count = total = 0
    tracemalloc.start()
    try:
        for item in read_records(path):
            assert isinstance(item, RawRecord)
            count += 1
            total += int(item.fields["id"])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"{name}: {size / 2**20:.0f} MiB, {rows} records, peak {peak / 2**20:.1f} MiB")
    assert (count, total) == (rows, rows * (rows - 1) // 2)
    assert peak < PEAK_LIMIT
