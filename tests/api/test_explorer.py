"""The explorer page in headless Chromium (playwright-core): search, open an account,
see its decision chain and a cross-sell explanation; GraphiQL loads from vendored files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import httpx

from api import CrossSellItem, StoreIntelligence, create_app
from graph.adapters.ladybug import LadybugStore
from tests.api.conftest import LiveServer, make_keys, settings

HERE = Path(__file__).parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


class WithCrossSell(StoreIntelligence):
    """Stored decision chains, plus one cross-sell result as an analytics run would store."""

    def cross_sell(self, company_ids: Sequence[str], first: int) -> dict[str, list[CrossSellItem]]:
        item = CrossSellItem(
            product_id="PRD-2",
            score=0.82,
            explanation="Accounts that buy Infusion Pump buy Servo Drive within 90 days (lift 3.1)",
            paths=(
                ("East华002医疗器械有限公司", "PURCHASED", "Infusion Pump", "COMPLEMENTS", "Servo Drive"),
            ),
            contact_id="P-E-002-0",
        )
        return {k: [item] for k in company_ids}


def test_explorer_search_account_and_screenshot(
    market_store: LadybugStore, node_modules: Path, tmp_path: Path
) -> None:
    assert Path(CHROMIUM).exists(), f"the browser test needs Chromium at {CHROMIUM} (see scripts/test)"
    keys = make_keys(tmp_path)
    app = create_app(market_store, settings(tmp_path), tmp_path, intelligence=WithCrossSell(market_store))
    shot = tmp_path / "explorer.png"
    with LiveServer(app) as url:
        page = httpx.get(url + "/")
        assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
        node = shutil.which("node")
        assert node is not None
        out = subprocess.run(
            [node, str(HERE / "browser.mjs"), url, keys["rep_east"], "East华002", str(shot)],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout)
    assert seen["account"].startswith("East华002医疗器械有限公司")
    assert "economic_buyer" in seen["chain"][0]
    assert "Servo Drive" in seen["crossSell"][0]
    assert seen["graphiql"] and not seen["errors"], seen["errors"]
    assert shot.stat().st_size > 10_000
    keep = os.environ.get("ACCOUNTGRAPH_SCREENSHOTS")
    if keep:
        shutil.copy(shot, Path(keep) / "explorer.png")
