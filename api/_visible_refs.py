"""The stored explanation paths on ``RECOMMENDS`` edges, as the caller may see them.

The analysis stores each path with every node's label, key and name; served as stored, a
rep reading ``recommendedProducts`` or ``recommendedTo`` would learn the keys and names
of peer accounts in other territories (``crossSell`` hides the same hops). A node the
caller may not see keeps its label and its place in the path, and nothing else.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from graphql import GraphQLResolveInfo

from api._context import Context
from api.intelligence import OUTSIDE


async def visible_paths(edge: Any, info: GraphQLResolveInfo) -> str | None:
    """The edge's ``paths`` JSON with each node the caller may not see as
    ``[label, null, "someone outside your territory"]``."""
    text = edge.props.get("paths")
    if not text:
        return None
    paths = json.loads(text)
    if not isinstance(paths, list):
        return None
    context: Context = info.context
    nodes = [n for p in paths if isinstance(p, dict) for n in p.get("nodes", [])]
    found = await asyncio.gather(*(context.node_loader(str(n[0])).load(str(n[1])) for n in nodes))
    for node, props in zip(nodes, found, strict=True):
        if props is None:
            node[1:] = [None, OUTSIDE]
    return json.dumps(paths, ensure_ascii=False)
