"""``algorithms.__all__`` lists exactly the public names the package exports."""

from __future__ import annotations

import algorithms


def test_all_matches_the_public_names() -> None:
    public = {n for n in vars(algorithms) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(algorithms, n)).__name__ == "module"}
    assert sorted(algorithms.__all__) == sorted(public - modules)
