"""Composition: build the configured store from settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from accountgraph.settings import Settings, StoreKind
    from graph import GraphStore


def open_store(
    settings: Settings, kind: StoreKind | None = None, create_schema: bool = True, read_only: bool = False
) -> GraphStore:
    """Open the store ``kind`` (default: the configured one) and make sure its schema exists.
    Each adapter (and its driver) is imported only when it is the one opened. ``read_only``
    (for commands that only read) opens an existing embedded store read-only, so they work
    while another process (``serve``) holds it; Neo4j serves many clients anyway."""
    store: GraphStore
    if (kind or settings.store) == "neo4j":
        from graph import StoreUnavailable  # noqa: PLC0415
        from graph.adapters.neo4j import Neo4jStore  # noqa: PLC0415

        neo4j = Neo4jStore(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password.get_secret_value(),
            settings.neo4j_database,
        )
        try:
            store = neo4j.open()
        except StoreUnavailable as exc:  # said with where it was looked for; the driver closed
            neo4j.close()
            raise StoreUnavailable(f"{exc} (at {settings.neo4j_uri}, ACCOUNTGRAPH_NEO4J_URI)") from exc
    else:
        from graph.adapters.ladybug import LadybugStore  # noqa: PLC0415

        path = settings.embedded_db
        store = LadybugStore(path, read_only=read_only and path.is_file()).open()
    store.retry_for = settings.retry_for
    if create_schema:
        store.create_schema()
    return store
