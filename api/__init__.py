"""The AccountGraph API: GraphQL over HTTP with auth, policies, limits and metrics."""

from api._keys import KeyRecord, KeyStore
from api._principal import Principal, Role
from api.app import create_app
from api.config import ApiSettings
from api.intelligence import (
    CrossSellItem,
    DecisionMember,
    Intelligence,
    StoredIntelligence,
    StoreIntelligence,
)

__all__ = [
    "ApiSettings",
    "CrossSellItem",
    "DecisionMember",
    "Intelligence",
    "KeyRecord",
    "KeyStore",
    "Principal",
    "Role",
    "StoreIntelligence",
    "StoredIntelligence",
    "create_app",
]
