"""The ontology as code: node and relationship types, their properties and validation.

Every other package derives from this one: stores build their DDL from it, ingestors
validate against it, algorithms and the API read their type names from it.
"""

from schema._errors import SchemaError, ValidationError
from schema._ontology import NODES, RELS, RFM_TIERS, ROLES, SENIORITIES, SIGNAL_KINDS, STANCES
from schema._registry import REGISTRY, Registry, Row
from schema._types import NodeType, Prop, PropType, RelType, check_identifier

__all__ = [
    "NODES",
    "REGISTRY",
    "RELS",
    "RFM_TIERS",
    "ROLES",
    "SENIORITIES",
    "SIGNAL_KINDS",
    "STANCES",
    "NodeType",
    "Prop",
    "PropType",
    "Registry",
    "RelType",
    "Row",
    "SchemaError",
    "ValidationError",
    "check_identifier",
]
