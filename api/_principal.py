"""Who is asking: roles, territories and rights, as every layer below the HTTP edge sees it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    ANALYST = "analyst"
    MANAGER = "manager"
    REP = "rep"


@dataclass(frozen=True)
class Principal:
    """An authenticated caller.

    ``territories`` and ``person_id`` scope reps (and managers given territories): they see
    the companies in those territories or owned by ``person_id`` (their rep id).
    """

    subject: str
    role: Role
    territories: frozenset[str] = field(default_factory=frozenset)
    person_id: str | None = None
    pii: bool = False
    via: str = "key"  # key, jwt or demo
    #: who the key was issued to (``keys create --name``) or the token's ``name`` claim:
    #: recorded with what the caller decides (review decisions), never used for access
    name: str = ""

    @property
    def display(self) -> str:
        """The caller as a record of who did something: ``Ana Li (key:3f9a0c)``."""
        return f"{self.name} ({self.subject})" if self.name else self.subject

    @property
    def scoped(self) -> bool:
        return self.role is Role.REP or (self.role is Role.MANAGER and bool(self.territories))

    @property
    def sees_pii(self) -> bool:
        return self.pii or self.role is Role.ADMIN

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


DEMO = Principal(subject="demo", role=Role.ADMIN, pii=True, via="demo")
