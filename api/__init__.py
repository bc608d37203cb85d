"""The GraphQL API, auth and the explorer page (not built yet)."""
