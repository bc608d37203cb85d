"""Node references the analyses store in JSON, as the caller may see them.

The explanation paths on ``RECOMMENDS`` edges hold every node's label, key and name, and
a signal's evidence lists the nodes it rests on (a warm introduction's path through
other territories' contacts); served as stored, a rep would learn the keys and names of
accounts and people in other territories (``crossSell`` hides the same hops). A node the
caller may not see keeps its label and its place, and nothing else.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from graphql import GraphQLResolveInfo

from api._context import Context
from api.intelligence import OUTSIDE


async def _visible(info: GraphQLResolveInfo, refs: list[Any]) -> list[bool]:
    """For each ``[label, key, ...]`` reference, whether the caller may see the node (one
    batched read per label, shared with the request's other lookups)."""
    context: Context = info.context
    found = await asyncio.gather(*(context.node_loader(str(r[0])).load(str(r[1])) for r in refs))
    return [props is not None for props in found]


async def visible_paths(edge: Any, info: GraphQLResolveInfo) -> str | None:
    """The edge's ``paths`` JSON with each node the caller may not see as
    ``[label, null, "someone outside your territory"]``."""
    text = edge.props.get("paths")
    if not text:
        return None
    paths = json.loads(text)
    if not isinstance(paths, list):
        return None
    nodes = [n for p in paths if isinstance(p, dict) for n in p.get("nodes", [])]
    for node, seen in zip(nodes, await _visible(info, nodes), strict=True):
        if not seen:
            node[1:] = [None, OUTSIDE]
    return json.dumps(paths, ensure_ascii=False)


async def visible_evidence(rec: Any, info: GraphQLResolveInfo) -> str | None:
    """A signal's evidence JSON with each reference the caller may not see as
    ``[label, null]``."""
    text = rec.props.get("evidence")
    if not text:
        return None
    evidence = json.loads(text)
    refs = evidence.get("refs") if isinstance(evidence, dict) else None
    if isinstance(refs, list):
        for ref, seen in zip(refs, await _visible(info, refs), strict=True):
            if not seen:
                ref[1:] = [None]
    return json.dumps(evidence, ensure_ascii=False)
