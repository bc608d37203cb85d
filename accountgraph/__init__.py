"""The composition root: settings, CLI and wiring."""
