"""The package's public names are exactly its ``__all__``."""

from __future__ import annotations

import api


def test_all_lists_the_public_names() -> None:
    public = sorted(n for n in vars(api) if not n.startswith("_") and n not in {"annotations"})
    modules = {"app", "config", "intelligence"}  # submodules imported by the package
    assert sorted(api.__all__) == sorted(set(public) - modules)
