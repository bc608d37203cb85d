"""API settings: environment ``ACCOUNTGRAPH_API_*``, read once by the composition root."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

Mode = Literal["production", "development", "demo"]


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ACCOUNTGRAPH_API_", extra="forbid")

    #: production: auth on, introspection for admins only; development: auth on,
    #: introspection for all; demo: no auth at all (every caller is an admin), said loudly
    mode: Mode = "production"
    keys_file: Path | None = Field(default=None, description="default: <data_dir>/api_keys.json")
    audit_log: Path | None = Field(default=None, description="default: <data_dir>/audit.jsonl")
    jwt_secret: SecretStr | None = Field(default=None, description="HS256 shared secret")
    jwks_file: Path | None = Field(default=None, description="JWKS with the RS256 public keys")
    jwt_issuer: str | None = None
    jwt_audience: str | None = None
    rate_limit: float = Field(default=20.0, gt=0, description="requests per second per caller")
    rate_burst: int = Field(default=100, gt=0, description="requests a caller may send at once")
    workers: int = Field(
        default=1,
        ge=1,
        description="worker processes serving the API (set by `serve --workers`); above 1 they share "
        "the rate-limit buckets in <data_dir>/ratelimit.sqlite",
    )
    max_depth: int = Field(default=12, ge=1)
    max_cost: int = Field(default=20_000, ge=1, description="estimated objects a query may touch")
    max_page: int = Field(default=100, ge=1)
    document_cache: int = Field(default=512, ge=0, description="parsed and validated documents kept")
    document_cache_kb: int = Field(
        default=1024, ge=0, description="their text, in KiB (a parsed document takes ~100 times its text)"
    )
    max_tokens: int = Field(default=20_000, ge=1, description="tokens a document may have (parsing stops)")
    #: automatic persisted queries: a client sends ``extensions.persistedQuery.sha256Hash``
    #: and the server remembers the document it registered under that hash
    persisted_queries: bool = True
    persisted_cache: int = Field(default=1000, ge=0, description="registered documents kept")
    allowlist_dir: Path | None = Field(
        default=None, description="*.graphql files hashed at start-up; when set, only they run"
    )
    ingest_root: Path | None = Field(
        default=None,
        description="server paths given to ingest mutations must be under it (default: <data_dir>)",
    )
    max_ingest_bytes: int = Field(default=20 << 20, ge=1, description="inline content per ingest mutation")
    max_body_bytes: int = Field(
        default=1 << 20,
        ge=1,
        description="a request body in bytes (413 above it); an ingest may carry max_ingest_bytes more",
    )
    max_json_depth: int = Field(default=32, ge=2, description="nesting of a body or its variables (HTTP 400)")
    job_wait: float = Field(default=30.0, ge=0, description="seconds a mutation with wait: true waits")

    #: answers to read-only queries, reused while the graph is unchanged (``api._response_cache``)
    response_cache_mb: float = Field(default=64.0, ge=0, description="answer bytes kept; 0 turns it off")
    response_cache_ttl: float = Field(default=300.0, gt=0, description="seconds an answer is reused at most")
    store_check_interval: float = Field(
        default=1.0, ge=0, description="seconds between asking the store for writes made by other processes"
    )

    def keys_path(self, data_dir: Path) -> Path:
        return self.keys_file or data_dir / "api_keys.json"

    def audit_path(self, data_dir: Path) -> Path:
        return self.audit_log or data_dir / "audit.jsonl"

    def ratelimit_path(self, data_dir: Path) -> Path:
        return data_dir / "ratelimit.sqlite"

    def ingest_path(self, data_dir: Path) -> Path:
        return self.ingest_root or data_dir
