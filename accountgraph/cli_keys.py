"""``accountgraph keys``: API keys for the GraphQL API, created, listed and revoked; only a
key's hash is stored. The API package is imported by each command, not by the command line."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from accountgraph.cli_options import load_settings
from accountgraph.wiring import open_store

keys_app = typer.Typer(no_args_is_help=True, help="API keys for the GraphQL API.")
console = Console()
errors = Console(stderr=True)


@keys_app.command("create")
def keys_create(
    role: Annotated[str, typer.Option(help="admin, analyst, manager or rep")],
    territory: Annotated[list[str] | None, typer.Option(help="a territory the key sees (repeatable)")] = None,
    pii: Annotated[bool, typer.Option("--pii", help="may read email and phone unmasked")] = False,
    person: Annotated[str | None, typer.Option(help="the rep's person id (owner of their accounts)")] = None,
    name: Annotated[str, typer.Option(help="a label for the key")] = "",
) -> None:
    """Create an API key and print it once; only its hash is stored."""
    from api import ApiSettings, KeyStore, Role  # noqa: PLC0415

    try:
        key_role = Role(role)
    except ValueError:
        raise typer.BadParameter("must be admin, analyst, manager or rep", param_hint="--role") from None
    if territory:
        _warn_of_unknown_territories(territory)
    store = KeyStore(ApiSettings().keys_path(load_settings().data_dir))
    secret, record = store.create(key_role, territory, pii=pii, person_id=person, name=name)
    console.print(f"key [bold]{record.id}[/bold] ({record.role}); shown once, keep it safe:")
    print(secret)


def _warn_of_unknown_territories(territories: list[str]) -> None:
    """A key for a misspelt territory sees nothing: say so before creating it. The key is
    still created (accounts may come later), and a store in use by ``serve`` is not waited for."""
    from graph import GraphError, QueryError  # noqa: PLC0415

    try:
        graph = open_store(load_settings().model_copy(update={"retry_for": 0.0}), None, create_schema=False)
    except GraphError as exc:
        errors.print(
            f"warning: territories not checked: {exc}", markup=False, highlight=False, soft_wrap=True
        )
        return
    try:
        unknown = [t for t in territories if not graph.query("companies_in_territory", territory=t)]
    except QueryError:  # a store without a schema yet holds no accounts
        unknown = territories
    finally:
        graph.close()
    if unknown:
        names = ", ".join(map(repr, unknown))
        errors.print(
            f"warning: no account in the {graph.kind} store has the territory {names};"
            " the key sees nothing there until one does",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


@keys_app.command("list")
def keys_list() -> None:
    """List API keys (never their secrets)."""
    from api import ApiSettings, KeyStore  # noqa: PLC0415

    table = Table(title="API keys")
    table.add_column("id", no_wrap=True, min_width=12)
    for column in ("role", "territories", "pii", "person", "name", "created", "revoked"):
        table.add_column(column)
    for r in KeyStore(ApiSettings().keys_path(load_settings().data_dir)).list():
        table.add_row(
            r.id,
            r.role,
            ",".join(r.territories),
            "yes" if r.pii else "",
            r.person_id or "",
            r.name,
            r.created_at,
            r.revoked_at or "",
        )
    console.print(table)


@keys_app.command("revoke")
def keys_revoke(key_id: Annotated[str, typer.Argument(help="the key's id (see keys list)")]) -> None:
    """Revoke an API key; running servers refuse it from their next request."""
    from api import ApiSettings, KeyStore  # noqa: PLC0415

    if not KeyStore(ApiSettings().keys_path(load_settings().data_dir)).revoke(key_id):
        console.print(f"[red]no active key {key_id}[/red]")
        raise typer.Exit(1)
    console.print(f"[green]revoked[/green] {key_id}")
