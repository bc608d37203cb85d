"""What every command shares, declared without loading the settings machinery (pydantic
settings takes about a fifth of a second to import, more than the rest of ``--help``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

import typer

if TYPE_CHECKING:
    from accountgraph.settings import Settings

#: the choices of ``settings.StoreKind``, spelled again here (a test keeps the two equal)
StoreChoice = Literal["embedded", "neo4j"]
StoreOpt = Annotated[
    StoreChoice | None, typer.Option("--store", help="embedded or neo4j (default: settings)")
]


def load_settings() -> Settings:
    """The settings, read when a command needs them."""
    from accountgraph.settings import Settings  # noqa: PLC0415

    return Settings()
