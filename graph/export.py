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
from xml.sax.saxutils import XMLGenerator

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


def write_graphml(items: Iterable[Node | Edge], out: IO[str], registry: Registry) -> int:
    """GraphML for Gephi/yEd: node ids ``Label:key``, a ``label``/``type`` attribute, and
    every ontology property declared as a typed key."""
    xml = XMLGenerator(out, encoding="utf-8", short_empty_elements=True)
    xml.startDocument()
    xml.startElement("graphml", {"xmlns": "http://graphml.graphdrawing.org/xmlns"})
    declared = _declare_keys(xml, registry)
    xml.startElement("graph", {"id": "accountgraph", "edgedefault": "directed"})
    count = 0
    for item in items:
        if isinstance(item, Node):
            xml.startElement("node", {"id": f"{item.label}:{item.key}"})
            _data(xml, "node", declared, {"label": item.label, **item.props})
            xml.endElement("node")
        else:
            ends = {"source": f"{item.start[0]}:{item.start[1]}", "target": f"{item.end[0]}:{item.end[1]}"}
            xml.startElement("edge", ends)
            _data(xml, "edge", declared, {"type": item.type, **item.props})
            xml.endElement("edge")
        count += 1
    xml.endElement("graph")
    xml.endElement("graphml")
    xml.endDocument()
    return count


def _declare_keys(xml: XMLGenerator, registry: Registry) -> set[tuple[str, str]]:
    keys: dict[tuple[str, str], str] = {("node", "label"): "string", ("edge", "type"): "string"}
    for node in registry.nodes.values():
        for p in node.props:
            keys.setdefault(("node", p.name), _GRAPHML_TYPES[p.type])
    for rel in registry.rels.values():
        for p in rel.props:
            keys.setdefault(("edge", p.name), _GRAPHML_TYPES[p.type])
    for (domain, name), attr_type in keys.items():
        attrs = {"id": f"{domain[0]}_{name}", "for": domain, "attr.name": name, "attr.type": attr_type}
        xml.startElement("key", attrs)
        xml.endElement("key")
    return set(keys)


def _data(xml: XMLGenerator, domain: str, declared: set[tuple[str, str]], props: dict[str, Any]) -> None:
    for name in sorted(props):
        if (domain, name) not in declared:
            continue
        v = _value(props[name])
        text = json.dumps(v, ensure_ascii=False) if isinstance(v, list) else str(v).lower() if isinstance(
            v, bool
        ) else str(v)
        xml.startElement("data", {"key": f"{domain[0]}_{name}"})
        xml.characters(text)
        xml.endElement("data")
