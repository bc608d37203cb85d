"""The app as ``accountgraph serve`` runs it (uvicorn ``--factory``): composition from settings."""

from __future__ import annotations

from functools import partial

from starlette.applications import Starlette

from accountgraph.settings import Settings
from accountgraph.wiring import open_store
from api._logging import configure
from api.app import create_app
from api.config import ApiSettings


def app_factory() -> Starlette:
    configure()
    settings = Settings()
    return create_app(None, ApiSettings(), settings.data_dir, store_factory=partial(open_store, settings))
