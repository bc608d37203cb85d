"""Store adapters: each owns its dialect, DDL and driver; callers use ``graph.GraphStore``."""
