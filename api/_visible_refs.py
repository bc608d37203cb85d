"""Node references the analyses store in JSON, as the caller may see them.

The explanation paths on ``RECOMMENDS`` edges hold every node's label, key and name, and
a signal's evidence lists the nodes it rests on (a warm introduction's path through
other territories' contacts); served as stored, a rep would learn the keys and names of
accounts and people in other territories (``crossSell`` hides the same hops). A node the
caller may not see keeps its label and its place, and nothing else. A signal's reason, written
in words from those nodes' names ("champion 王强 has left the account"), names such a node
``someone outside your territory``.
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


async def visible_reason(rec: Any, info: GraphQLResolveInfo) -> str | None:
    """A signal's reason with the name (or key) of every node of its evidence the caller may not
    see written as "someone outside your territory"."""
    text = rec.props.get("reason")
    evidence = _json(rec.props.get("evidence"))
    refs = evidence.get("refs") if isinstance(evidence, dict) else None
    if not text or not isinstance(refs, list):
        return text  # type: ignore[no-any-return]
    hidden = [r for r, seen in zip(refs, await _visible(info, refs), strict=True) if not seen]
    if not hidden:
        return text  # type: ignore[no-any-return]
    context: Context = info.context
    names = await context.run(_stored_names, context, hidden)
    words = {str(ref[1]) for ref in hidden} | names
    for word in sorted(words, key=len, reverse=True):  # "王强" after "王强华", not inside it
        text = text.replace(word, OUTSIDE)
    return text  # type: ignore[no-any-return]


def _stored_names(context: Context, refs: list[Any]) -> set[str]:
    """The names of the nodes behind ``refs`` as stored, one read per type: read to hide
    them, never served."""
    keys: dict[str, list[str]] = {}
    for ref in refs:
        keys.setdefault(str(ref[0]), []).append(str(ref[1]))
    unscoped = context.reads.unscoped()
    found = (p for label, ks in sorted(keys.items()) for p in unscoped.nodes(label, ks).values())
    return {str(p["name"]) for p in found if p.get("name")}


def _json(text: str | None) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None
