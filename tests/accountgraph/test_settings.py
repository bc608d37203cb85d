from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from accountgraph.settings import Settings


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("STORE", "DATA_DIR", "EMBEDDED_PATH", "NEO4J_URI", "NEO4J_PASSWORD", "CONFIG"):
        monkeypatch.delenv(f"ACCOUNTGRAPH_{name}", raising=False)
    monkeypatch.chdir(tmp_path)


def test_defaults_use_the_embedded_store_under_data() -> None:
    s = Settings()
    assert s.store == "embedded"
    assert s.embedded_db == Path("data/accountgraph.lbdb")
    assert s.sample_dir == Path("data/sample")


def test_toml_file_is_read_and_environment_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "accountgraph.toml").write_text(
        'store = "neo4j"\nneo4j_uri = "neo4j://db.internal:7687"\ndata_dir = "/srv/ag"\n', encoding="utf-8"
    )
    monkeypatch.setenv("ACCOUNTGRAPH_NEO4J_URI", "bolt://127.0.0.1:7999")
    s = Settings()
    assert s.store == "neo4j"
    assert s.neo4j_uri == "bolt://127.0.0.1:7999"
    assert s.embedded_db == Path("/srv/ag/accountgraph.lbdb")


def test_config_path_can_be_chosen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.toml"
    other.write_text("sample_scale = 10.0\n", encoding="utf-8")
    monkeypatch.setenv("ACCOUNTGRAPH_CONFIG", str(other))
    assert Settings().sample_scale == 10.0


def test_bad_values_name_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCOUNTGRAPH_STORE", "postgres")
    with pytest.raises(ValidationError, match="store"):
        Settings()


def test_password_is_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCOUNTGRAPH_NEO4J_PASSWORD", "hunter2")
    s = Settings()
    assert "hunter2" not in repr(s) and s.neo4j_password.get_secret_value() == "hunter2"
