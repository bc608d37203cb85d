"""Settings: environment (``ACCOUNTGRAPH_*``), then an optional TOML file, then defaults.

The TOML file is ``accountgraph.toml`` in the working directory (if there is one), or
the path in ``ACCOUNTGRAPH_CONFIG`` (which must exist). Read once at start-up and passed
down; nothing below the composition root reads the environment.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

StoreKind = Literal["embedded", "neo4j"]


class ConfigError(ValueError):
    """The settings file named by ``ACCOUNTGRAPH_CONFIG`` is missing, or a settings file is not TOML."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ACCOUNTGRAPH_", extra="forbid")

    store: StoreKind = "embedded"
    data_dir: Path = Path("data")
    embedded_path: Path | None = Field(default=None, description="default: <data_dir>/accountgraph.lbdb")
    neo4j_uri: str = "neo4j://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    sample_seed: int = 7
    sample_scale: float = Field(default=1.0, gt=0)
    retry_for: float = Field(default=60.0, ge=0, description="seconds to retry an unavailable store")

    @property
    def embedded_db(self) -> Path:
        return self.embedded_path or self.data_dir / "accountgraph.lbdb"

    @property
    def sample_dir(self) -> Path:
        return self.data_dir / "sample"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _toml_source(settings_cls), file_secret_settings)


def _toml_source(settings_cls: type[BaseSettings]) -> TomlConfigSettingsSource:
    named = os.environ.get("ACCOUNTGRAPH_CONFIG")
    toml_file = Path(named or "accountgraph.toml")
    if named and not toml_file.is_file():
        raise ConfigError(f"the settings file {toml_file} (ACCOUNTGRAPH_CONFIG) does not exist")
    try:
        return TomlConfigSettingsSource(settings_cls, toml_file=toml_file)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"the settings file {toml_file} is not valid TOML: {exc}") from None
