"""LadybugDB DDL derived from the ontology: typed node tables, multi-pair rel tables."""

from __future__ import annotations

from schema import NodeType, PropType, Registry, RelType, check_identifier

COLUMN_TYPES: dict[PropType, str] = {
    PropType.STRING: "STRING",
    PropType.INT: "INT64",
    PropType.FLOAT: "DOUBLE",
    PropType.BOOL: "BOOLEAN",
    PropType.DATE: "DATE",
    PropType.DATETIME: "TIMESTAMP",  # stored as UTC; the adapter converts on the way in and out
    PropType.STRING_LIST: "STRING[]",
}


def node_table(node: NodeType) -> str:
    columns = ", ".join(f"{check_identifier(p.name)} {COLUMN_TYPES[p.type]}" for p in node.props)
    return (
        f"CREATE NODE TABLE IF NOT EXISTS {check_identifier(node.label)}({columns}, PRIMARY KEY({node.key}))"
    )


def rel_table(rel: RelType) -> str:
    pairs = ", ".join(f"FROM {check_identifier(a)} TO {check_identifier(b)}" for a, b in rel.endpoints)
    columns = "".join(f", {check_identifier(p.name)} {COLUMN_TYPES[p.type]}" for p in rel.props)
    return f"CREATE REL TABLE IF NOT EXISTS {check_identifier(rel.type)}({pairs}{columns})"


def add_column(table: str, name: str, prop_type: PropType) -> str:
    """Migration: a property added to the ontology after the table was created."""
    return (
        f"ALTER TABLE {check_identifier(table)} ADD IF NOT EXISTS "
        f"{check_identifier(name)} {COLUMN_TYPES[prop_type]}"
    )


def statements(registry: Registry) -> list[str]:
    return [node_table(n) for n in registry.nodes.values()] + [rel_table(r) for r in registry.rels.values()]
