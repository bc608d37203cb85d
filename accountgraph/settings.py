"""Settings: environment (``ACCOUNTGRAPH_*``), then an optional TOML file, then defaults.

The TOML file is ``accountgraph.toml`` in the working directory, or the path in
``ACCOUNTGRAPH_CONFIG``. Read once at start-up and passed down; nothing below the
composition root reads the environment.
"""

from __future__ import annotations

import os
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
        toml_file = Path(os.environ.get("ACCOUNTGRAPH_CONFIG", "accountgraph.toml"))
        toml = TomlConfigSettingsSource(settings_cls, toml_file=toml_file)
        return (init_settings, env_settings, toml, file_secret_settings)
