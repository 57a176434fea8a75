"""Lighthouse's mobile test on every page: the scores and timings a phone on slow 4G would see.

Lighthouse (npm, pinned in benchmarks/package.json) runs with Debian's Chromium against the
site served on 127.0.0.1 with gzip, as a static host serves it. Its timings are simulated
(slow 4G, a 4x slower CPU), so they are steadier than wall-clock times; each page is still run
`runs` times and the median is kept.

Usage: python benchmarks/lighthouse.py [PAGE ...]   (prints a table for the built book)
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from nk_course.site.localsite import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402

#: The goal of every page (issue 19): Lighthouse mobile performance and its four timings.
GOAL = {"performance": 95, "fcp_ms": 1800, "lcp_ms": 2500, "tbt_ms": 200, "cls": 0.1}
AUDITS = {
    "fcp_ms": "first-contentful-paint",
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "transfer_kb": "total-byte-weight",
}


def lighthouse_bin() -> Path:
    """The pinned Lighthouse, installed into benchmarks/node_modules on first use."""
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    return binary


def audit(url: str) -> dict[str, float]:
    """One Lighthouse mobile run of `url`: the two scores (0-100) and the timings."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [str(lighthouse_bin()), url, "--quiet", "--output=json", f"--output-path={out}",
             "--only-categories=performance,accessibility", f"--chrome-flags={flags}"],
            check=True, env={"CHROME_PATH": chromium_path(), "PATH": "/usr/bin:/bin"},
            timeout=300,
        )
        report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"{url}: Lighthouse failed: {report['runtimeError']}")
    result = {
        name: round(100 * report["categories"][name]["score"])
        for name in ("performance", "accessibility")
    }
    for key, audit_id in AUDITS.items():
        value = report["audits"][audit_id]["numericValue"]
        result[key] = round(value / 1024, 1) if key == "transfer_kb" else round(value, 3)
    return result


def audit_pages(site: Path, pages: list[str], runs: int = 3) -> dict[str, dict[str, float]]:
    """The median of `runs` Lighthouse runs for each page of the built `site`."""
    results = {}
    with serve(site, cache_seconds=600, compress=True) as base:
        for page in pages:
            samples = [audit(base + page) for _ in range(runs)]
            results[page] = {
                key: statistics.median(sample[key] for sample in samples) for key in samples[0]
            }
    return results


def misses(result: dict[str, float]) -> list[str]:
    """The parts of the goal a page's (median) result misses."""
    found = []
    if result["performance"] < GOAL["performance"]:
        found.append(f"performance {result['performance']:.0f} < {GOAL['performance']}")
    for key in ("fcp_ms", "lcp_ms", "tbt_ms", "cls"):
        if result[key] > GOAL[key]:
            found.append(f"{key} {result[key]:g} > {GOAL[key]:g}")
    if result["accessibility"] < 100:
        found.append(f"accessibility {result['accessibility']:.0f} < 100")
    return found


if __name__ == "__main__":
    pages = sys.argv[1:] or ["chapters/ch01-land-peoples-empires.html", "back/glossary.html"]
    for page, res in audit_pages(ROOT / "_build" / "html", pages, runs=1).items():
        print(page, res, misses(res))
