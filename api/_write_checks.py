"""What every writing mutation checks first: the caller's role may write, and the nodes it
names are ones the caller may see (another's is answered as one that does not exist)."""

from __future__ import annotations

from api._context import Context
from api._errors import ApiError, Code
from api._principal import Role
from api._relay import from_global_id
from api._types import Rec

_WRITERS = frozenset({Role.ADMIN, Role.MANAGER, Role.REP})


def require_writer(context: Context) -> None:
    if context.principal.role not in _WRITERS:
        raise ApiError(Code.FORBIDDEN, f"the {context.principal.role.value} role may not change the graph")


async def visible_end(context: Context, which: str, global_id: str) -> Rec:
    label, key = from_global_id(global_id)
    props = await context.node_loader(label).load(key)
    if props is None:
        raise ApiError(Code.NOT_FOUND, f"{which}: no such {label.lower()} in your scope")
    return Rec(label, props)
