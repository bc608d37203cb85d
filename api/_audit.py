"""The audit log: one JSON line per mutation, refused mutation or PII read (who, what,
when; never values)."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from graphql import GraphQLError

from api._principal import Principal


class AuditLog:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()

    def record(self, principal: Principal, action: str, **what: Any) -> None:
        if self.path is None:
            return
        entry = {
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
            "who": principal.subject,
            "role": principal.role.value,
            "action": action,
            **what,
        }
        line = json.dumps(entry, ensure_ascii=False, sort_keys=True, default=str)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(line + "\n")

    def record_refusals(
        self, principal: Principal, operation: str | None, errors: Sequence[GraphQLError]
    ) -> None:
        """One line per error of a mutation: the root field and the error code, never the
        message (it may quote the input)."""
        for error in errors:
            field = str(error.path[0]) if error.path else None
            code = (error.extensions or {}).get("code", "BAD_USER_INPUT")
            self.record(principal, "mutation_refused", operation=operation, field=field, code=code)
