"""Accessibility checks with axe-core (npm), installed on first use by scripts/e2e-node-deps.sh."""

import subprocess
from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_source() -> str:
    if not AXE.exists():
        subprocess.run([str(ROOT / "scripts" / "e2e-node-deps.sh")], check=True)  # noqa: S603 - our own script
    return AXE.read_text(encoding="utf-8")


def serious_violations(page: Page) -> list[str]:
    """Serious or critical axe-core violations on the current page, as "rule: target" lines."""
    # Evaluated through the browser's debugging protocol, which the page's CSP does not govern (a script tag would be
    # refused as inline, rightly).
    page.evaluate(axe_source())
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']}: {node['target']}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]
