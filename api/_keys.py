"""API keys: created once, shown once, stored only as a hash in a JSON file.

A key reads ``ag_<id>_<secret>``; the id finds the record, the secret is compared by
hash in constant time. Secrets are 256 random bits, so one SHA-256 round suffices.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from api._principal import Principal, Role

PREFIX = "ag_"


@dataclass
class KeyRecord:
    id: str
    hash: str
    role: str
    territories: list[str] = field(default_factory=list)
    pii: bool = False
    person_id: str | None = None
    name: str = ""
    created_at: str = ""
    revoked_at: str | None = None

    def principal(self) -> Principal:
        return Principal(
            subject=f"key:{self.id}",
            role=Role(self.role),
            territories=frozenset(self.territories),
            person_id=self.person_id,
            pii=self.pii,
            via="key",
            name=self.name,
        )


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class KeyStore:
    """The key file; reloaded when it changes on disk, so `keys revoke` takes effect live."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._records: dict[str, KeyRecord] = {}
        self._mtime: float | None = None

    def _load(self) -> dict[str, KeyRecord]:
        with self._lock:
            try:
                mtime = self.path.stat().st_mtime
            except FileNotFoundError:
                self._records, self._mtime = {}, None
                return self._records
            if mtime != self._mtime:
                data: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
                self._records = {r["id"]: KeyRecord(**r) for r in data.get("keys", [])}
                self._mtime = mtime
            return self._records

    def _save(self, records: dict[str, KeyRecord]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        payload = {"keys": [asdict(r) for r in records.values()]}
        tmp.write_text(json.dumps(payload, indent=2), encoding="utf-8")
        os.chmod(tmp, 0o600)
        tmp.replace(self.path)

    def create(
        self,
        role: Role,
        territories: list[str] | None = None,
        pii: bool = False,
        person_id: str | None = None,
        name: str = "",
    ) -> tuple[str, KeyRecord]:
        """A new key; the returned secret string is never stored and cannot be shown again."""
        key_id = secrets.token_hex(6)
        secret = secrets.token_urlsafe(32)
        record = KeyRecord(
            id=key_id,
            hash=_digest(secret),
            role=role.value,
            territories=sorted(territories or []),
            pii=pii,
            person_id=person_id,
            name=name,
            created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        records = dict(self._load())
        records[key_id] = record
        self._save(records)
        return f"{PREFIX}{key_id}_{secret}", record

    def list(self) -> list[KeyRecord]:
        return list(self._load().values())

    def revoke(self, key_id: str) -> bool:
        records = dict(self._load())
        record = records.get(key_id)
        if record is None or record.revoked_at:
            return False
        record.revoked_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self._save(records)
        return True

    def verify(self, key: str) -> KeyRecord | None:
        if not key.startswith(PREFIX):
            return None
        key_id, _, secret = key[len(PREFIX) :].partition("_")
        record = self._load().get(key_id)
        if record is None or record.revoked_at or not secret:
            return None
        if not hmac.compare_digest(record.hash, _digest(secret)):
            return None
        return record
