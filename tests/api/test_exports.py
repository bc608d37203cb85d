"""The package's public names are exactly its ``__all__``."""

from __future__ import annotations

from types import ModuleType

import api


def test_all_lists_the_public_names() -> None:
    # submodules are attributes of the package once anything imported them (api.schema_sdl, api.asgi)
    public = {
        n
        for n, v in vars(api).items()
        if not n.startswith("_") and n != "annotations" and not isinstance(v, ModuleType)
    }
    assert sorted(api.__all__) == sorted(public)
