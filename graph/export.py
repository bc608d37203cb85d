"""Export the graph, or a node's neighbourhood, as JSON Lines or GraphML.

Output is ordered (types in ontology order, nodes by key, edges by endpoints and key)
and values are written in one canonical form, so both stores export byte-identical
files for the same graph. Whole-graph exports stream page by page.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from graph.model import Edge, Node, Subgraph
from graph.port import GraphStore
from schema import PropType, Registry


def _value(v: Any) -> Any:
    if isinstance(v, dt.datetime):
        return v.astimezone(dt.UTC).isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def _props(props: dict[str, Any]) -> dict[str, Any]:
    return {k: _value(props[k]) for k in sorted(props)}


def iter_graph(store: GraphStore) -> Iterator[Node | Edge]:
    for label in store.registry.nodes:
        yield from store.iter_nodes(label)
    for rel_type in store.registry.rels:
        yield from store.iter_edges(rel_type)


def iter_subgraph(sub: Subgraph) -> Iterator[Node | Edge]:
    yield from (sub.nodes[ref] for ref in sorted(sub.nodes))
    yield from sorted(sub.edges, key=lambda e: (e.type, e.start, e.end, json.dumps(_props(e.props))))


def write_jsonl(items: Iterable[Node | Edge], out: IO[str]) -> int:
    """One JSON object per line: ``{"kind": "node"|"edge", ...}``; returns lines written."""
    count = 0
    for item in items:
        if isinstance(item, Node):
            record: dict[str, Any] = {"kind": "node", "label": item.label, "key": item.key}
        else:
            record = {"kind": "edge", "type": item.type, "start": list(item.start), "end": list(item.end)}
        record["props"] = _props(item.props)
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
        count += 1
    return count


_GRAPHML_TYPES = {
    PropType.STRING: "string",
    PropType.INT: "long",
    PropType.FLOAT: "double",
    PropType.BOOL: "boolean",
    PropType.DATE: "string",
    PropType.DATETIME: "string",
    PropType.STRING_LIST: "string",  # a JSON array
}


def _tag(name: str, attrs: dict[str, str], close: bool = False) -> str:
    text = "".join(f" {k}={quoteattr(v)}" for k, v in attrs.items())
    return f"<{name}{text}{'/' if close else ''}>"


def write_graphml(items: Iterable[Node | Edge], out: IO[str], registry: Registry) -> int:
    """GraphML for Gephi/yEd: node ids ``Label:key``, a ``label``/``type`` attribute, and
    every ontology property declared as a typed key."""
    out.write('<?xml version="1.0" encoding="utf-8"?>\n')
    out.write(_tag("graphml", {"xmlns": "http://graphml.graphdrawing.org/xmlns"}) + "\n")
    declared = _declare_keys(out, registry)
    out.write(_tag("graph", {"id": "accountgraph", "edgedefault": "directed"}) + "\n")
    count = 0
    for item in items:
        if isinstance(item, Node):
            out.write(_tag("node", {"id": f"{item.label}:{item.key}"}))
            _data(out, "node", declared, {"label": item.label, **item.props})
            out.write("</node>\n")
        else:
            ends = {"source": f"{item.start[0]}:{item.start[1]}", "target": f"{item.end[0]}:{item.end[1]}"}
            out.write(_tag("edge", ends))
            _data(out, "edge", declared, {"type": item.type, **item.props})
            out.write("</edge>\n")
        count += 1
    out.write("</graph>\n</graphml>\n")
    return count


def _declare_keys(out: IO[str], registry: Registry) -> set[tuple[str, str]]:
    keys: dict[tuple[str, str], str] = {("node", "label"): "string", ("edge", "type"): "string"}
    for node in registry.nodes.values():
        for p in node.props:
            keys.setdefault(("node", p.name), _GRAPHML_TYPES[p.type])
    for rel in registry.rels.values():
        for p in rel.props:
            keys.setdefault(("edge", p.name), _GRAPHML_TYPES[p.type])
    for (domain, name), attr_type in keys.items():
        attrs = {"id": f"{domain[0]}_{name}", "for": domain, "attr.name": name, "attr.type": attr_type}
        out.write(_tag("key", attrs, close=True) + "\n")
    return set(keys)


def _text(v: Any) -> str:
    if isinstance(v, list):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _data(out: IO[str], domain: str, declared: set[tuple[str, str]], props: dict[str, Any]) -> None:
    for name in sorted(props):
        if (domain, name) in declared:
            out.write(
                _tag("data", {"key": f"{domain[0]}_{name}"}) + escape(_text(_value(props[name]))) + "</data>"
            )
