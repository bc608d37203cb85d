"""The embedded LadybugDB adapter."""

from graph.adapters.ladybug.store import LadybugStore

__all__ = ["LadybugStore"]
