"""The embedded LadybugDB adapter."""

from graph.adapters.ladybug._files import free_space, handles_abandoned
from graph.adapters.ladybug.store import LadybugStore

__all__ = ["LadybugStore", "free_space", "handles_abandoned"]
