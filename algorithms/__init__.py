"""Influence, cross-sell, signals, segments and paths (not built yet)."""
