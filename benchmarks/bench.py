"""Performance benchmark: build times, page weight and chart drawing, ours against the default.

It builds the book from clean and again with nothing changed, times the nbval run, then opens
every page in headless Chromium (served on 127.0.0.1 with a 600 s Cache-Control, as GitHub
Pages does): first with an empty cache, then a second page with the cache warm. Each response
is counted at the size of its file and of that file gzipped (what a static host sends). The
same book is then built the way Jupyter Book shows plotly by default (the `notebook` renderer:
`notebook_connected` needs a CDN this machine cannot reach) and measured the same way.

Usage: make bench   (writes benchmarks/report.md and report.json; exits 1 if a budget breaks)
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import build_book  # noqa: E402

from nk_course.charts import BASELINE_ENV  # noqa: E402
from nk_course.site.checks import figure_data_problems  # noqa: E402
from nk_course.site.localsite import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402
from nk_course.site.toc import toc_pages  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
import lighthouse  # noqa: E402

RUNS = 5
KB = 1024
BUDGETS = {
    "chapter_first_visit_gzip_kb": 600,
    "second_page_warm_gzip_kb": 150,
    "chart_drawn_ms": 1500,
    "clean_build_s": 240,
    "rebuild_s": 30,
}
CHARTS_JS = "document.querySelectorAll('.nk-plot, .plotly-graph-div')"
ALL_DRAWN = f"[...{CHARTS_JS}].every(el => el.querySelector('.main-svg'))"


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def build_or_fail(**kwargs) -> None:
    proc = build_book.build(**kwargs)
    if proc.returncode != 0:
        sys.exit("build failed:\n" + proc.stdout[-3000:] + proc.stderr[-3000:])


@lru_cache(maxsize=4096)
def file_sizes(path: Path) -> tuple[int, int]:
    """Bytes of a file as served raw and gzipped (level 6, as nginx and most hosts do)."""
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 6))


class Visit:
    """One page load, recording every request through the DevTools protocol."""

    def __init__(self, page, base: str, site: Path) -> None:
        self.page, self.base, self.site = page, base, site
        self.requests: dict[str, str] = {}
        self.cached: set[str] = set()
        self.status: dict[str, int] = {}
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.requestServedFromCache", lambda e: self.cached.add(e["requestId"]))
        cdp.on("Network.responseReceived", self._received)

    def _sent(self, event: dict) -> None:
        self.requests[event["requestId"]] = event["request"]["url"]

    def _received(self, event: dict) -> None:
        response = event["response"]
        self.status[event["requestId"]] = response["status"]
        if response.get("fromDiskCache") or response.get("fromMemoryCache"):
            self.cached.add(event["requestId"])

    def load(self, path: str) -> float:
        """Navigate, wait until every chart is drawn; return ms from navigation to that moment."""
        self.page.goto(self.base + path, wait_until="commit")
        self.page.wait_for_load_state("load")
        # The book draws a chart when it nears the screen; a reader scrolling through asks for
        # all of them, which nkDrawAllCharts does at once (the default build draws at load).
        self.page.evaluate("window.nkDrawAllCharts && window.nkDrawAllCharts()")
        self.page.wait_for_function(ALL_DRAWN, polling="raf", timeout=60000)
        return self.page.evaluate("performance.now()")

    def summary(self) -> dict:
        """Requests, and bytes actually transferred (raw and gzipped), of this visit."""
        raw = gz = fetched = 0
        plotly, foreign = [], []
        for rid, url in self.requests.items():
            parsed = urlparse(url)
            if parsed.scheme in ("data", "blob", "about"):
                continue
            if not url.startswith(self.base):
                foreign.append(url)
                continue
            if "plotly" in parsed.path and parsed.path.endswith(".js"):
                plotly.append(parsed.path)
            if rid in self.cached or self.status.get(rid) == 304:
                continue
            fetched += 1
            file = self.site / unquote(parsed.path.removeprefix("/"))
            if file.is_dir():
                file = file / "index.html"
            if file.is_file():
                r, g = file_sizes(file)
                raw, gz = raw + r, gz + g
        return {
            "requests": fetched,
            "raw_kb": raw / KB,
            "gzip_kb": gz / KB,
            "plotly_js_loads": plotly,
            "foreign_requests": foreign,
        }


def measure_site(browser: Browser, site: Path, pages: list[str]) -> dict:
    """Empty-cache loads of every page (median draw time of RUNS), and warm second pages."""
    results: dict = {"pages": {}, "warm": {}}
    with serve(site, cache_seconds=600) as base:
        for path in pages:
            times, summary = [], None
            for _ in range(RUNS):
                context = browser.new_context()
                visit = Visit(context.new_page(), base, site)
                times.append(visit.load(path))
                summary = summary or visit.summary()
                charts = visit.page.evaluate(f"{CHARTS_JS}.length")
                context.close()
            html = (site / path).read_text(encoding="utf-8")
            results["pages"][path] = {
                **summary,
                "charts": charts,
                "draw_ms": statistics.median(times),
                "inline_plotly": bool(re.search(r"plotly\.js v\d", html)),
            }
        chapters = [p for p in pages if p.startswith("chapters/")]
        for first in chapters:
            second = next(p for p in [*chapters, *pages] if p != first)
            context = browser.new_context()
            visit = Visit(context.new_page(), base, site)
            visit.load(first)
            warm = Visit(context.new_page(), base, site)
            warm.load(second)
            results["warm"][f"{first} -> {second}"] = warm.summary()
            context.close()
    return results


def nbval_seconds() -> float:
    seconds, proc = timed(
        subprocess.run,
        [sys.executable, "-m", "pytest", "--nbval-lax", "-q", "chapters", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        sys.exit("nbval failed:\n" + proc.stdout[-3000:])
    return seconds


def build_baseline(workdir: Path) -> tuple[float, Path]:
    """Copy the book and build it with plotly's default `notebook` renderer."""
    copy = workdir / "book"
    shutil.copytree(
        ROOT, copy, ignore=shutil.ignore_patterns(".venv", "_build", ".git", "node_modules")
    )
    seconds, _ = timed(build_or_fail, clean=True, root=copy, env={BASELINE_ENV: "notebook"})
    return seconds, copy / "_build" / "html"


def budget_checks(ours: dict, timings: dict, problems: list[str]) -> list[tuple[str, str, bool]]:
    checks = []
    for path, page in ours["pages"].items():
        if path.startswith("chapters/"):
            checks.append(
                (
                    f"{path}: first visit ≤ {BUDGETS['chapter_first_visit_gzip_kb']} KB gz",
                    f"{page['gzip_kb']:.0f} KB",
                    page["gzip_kb"] <= BUDGETS["chapter_first_visit_gzip_kb"],
                )
            )
        if page["charts"]:
            checks.append(
                (
                    f"{path}: charts drawn ≤ {BUDGETS['chart_drawn_ms']} ms (median)",
                    f"{page['draw_ms']:.0f} ms",
                    page["draw_ms"] <= BUDGETS["chart_drawn_ms"],
                )
            )
        loads = page["plotly_js_loads"]
        checks.append(
            (
                f"{path}: plotly.js at most once, from the site, not inlined",
                f"{len(loads)} load(s), {len(page['foreign_requests'])} foreign",
                len(loads) <= 1 and not page["foreign_requests"] and not page["inline_plotly"],
            )
        )
    for pair, warm in ours["warm"].items():
        checks.append(
            (
                f"warm {pair} ≤ {BUDGETS['second_page_warm_gzip_kb']} KB gz",
                f"{warm['gzip_kb']:.0f} KB",
                warm["gzip_kb"] <= BUDGETS["second_page_warm_gzip_kb"],
            )
        )
    for path, result in ours.get("lighthouse", {}).items():
        missed = lighthouse.misses(result)
        checks.append(
            (
                f"{path}: Lighthouse mobile ≥ {lighthouse.GOAL['performance']}, FCP ≤ 1.8 s, "
                "LCP ≤ 2.5 s, TBT ≤ 200 ms, CLS ≤ 0.1, accessibility 100",
                f"{result['performance']:.0f}; " + ("; ".join(missed) if missed else "all met"),
                not missed,
            )
        )
    checks.append(
        ("figures carry only the data they draw", f"{len(problems)} problems", not problems)
    )
    checks.append(
        (
            f"clean build ≤ {BUDGETS['clean_build_s']} s",
            f"{timings['clean_build_s']:.1f} s",
            timings["clean_build_s"] <= BUDGETS["clean_build_s"],
        )
    )
    checks.append(
        (
            f"rebuild, nothing changed ≤ {BUDGETS['rebuild_s']} s",
            f"{timings['rebuild_s']:.1f} s",
            timings["rebuild_s"] <= BUDGETS["rebuild_s"],
        )
    )
    return checks


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "–"


def md_table(header: list[str], rows: list[list[object]]) -> list[str]:
    """A Markdown table as lines: header, separator, one line per row."""
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    return lines + ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]


def markdown(report: dict) -> str:
    ours, base, t = report["ours"], report["baseline"], report["timings"]
    builds = [
        [
            "clean build",
            f"{t['clean_build_s']:.1f} s",
            f"{t['baseline_clean_build_s']:.1f} s",
            ratio(t["clean_build_s"], t["baseline_clean_build_s"]),
        ],
        ["rebuild, nothing changed", f"{t['rebuild_s']:.1f} s", "–", "–"],
        ["nbval run", f"{t['nbval_s']:.1f} s", "–", "–"],
    ]
    pages = []
    for path, p in ours["pages"].items():
        b = base["pages"].get(path, {})
        pages.append(
            [
                path,
                p["requests"],
                f"{p['raw_kb']:.0f}",
                f"{p['gzip_kb']:.0f}",
                p["charts"],
                f"{p['draw_ms']:.0f}",
                f"{b.get('gzip_kb', 0):.0f}",
                f"{b.get('draw_ms', 0):.0f}",
                ratio(p["gzip_kb"], b.get("gzip_kb", 0)),
                ratio(p["draw_ms"], b.get("draw_ms", 0)),
            ]
        )
    warm = []
    for pair, w in ours["warm"].items():
        b = base["warm"].get(pair, {})
        warm.append(
            [
                pair,
                w["requests"],
                f"{w['gzip_kb']:.0f}",
                f"{b.get('gzip_kb', 0):.0f}",
                ratio(w["gzip_kb"], b.get("gzip_kb", 0)),
            ]
        )
    phone = []
    for path, res in ours.get("lighthouse", {}).items():
        b = base.get("lighthouse", {}).get(path, {})
        phone.append(
            [
                path,
                f"{res['performance']:.0f} ({b.get('performance', 0):.0f})",
                f"{res['fcp_ms'] / 1000:.2f} ({b.get('fcp_ms', 0) / 1000:.2f})",
                f"{res['lcp_ms'] / 1000:.2f} ({b.get('lcp_ms', 0) / 1000:.2f})",
                f"{res['tbt_ms']:.0f} ({b.get('tbt_ms', 0):.0f})",
                f"{res['cls']:.3f} ({b.get('cls', 0):.3f})",
                f"{res['transfer_kb']:.0f} ({b.get('transfer_kb', 0):.0f})",
                f"{res['accessibility']:.0f} ({b.get('accessibility', 0):.0f})",
            ]
        )
    budgets = [[name, value, "yes" if ok else "**NO**"] for name, value, ok in report["budgets"]]
    lines = [
        "# Performance report",
        "",
        f"Machine: {report['machine']}. Chromium, loopback, empty cache, median of {RUNS} loads.",
        "Bytes are the served files, raw and gzipped (level 6). Baseline: the same book built "
        "with plotly's `notebook` renderer, Jupyter Book's documented default when the CDN of "
        "`notebook_connected` cannot be reached.",
        "",
        "## Builds",
        "",
        *md_table(["measure", "ours", "baseline", "ratio"], builds),
        "",
        "## Pages, first visit (empty cache)",
        "",
        *md_table(
            [
                "page",
                "requests",
                "KB raw",
                "KB gzip",
                "charts",
                "drawn (ms)",
                "baseline KB gzip",
                "baseline drawn (ms)",
                "gzip ratio",
                "time ratio",
            ],
            pages,
        ),
        "",
        "## Second page, cache warm",
        "",
        *md_table(["visit", "requests", "KB gzip", "baseline KB gzip", "ratio"], warm),
        "",
        "## On a phone: Lighthouse mobile test",
        "",
        "Lighthouse's mobile preset (simulated slow 4G, 4x slower CPU), Debian's Chromium, the "
        "site served with gzip on 127.0.0.1; median of 3 runs per page. Ours, with the "
        "baseline in brackets. Timings in seconds except blocking time (ms); transfer in KB.",
        "",
        *md_table(
            ["page", "performance", "FCP", "LCP", "TBT", "CLS", "transfer", "accessibility"],
            phone,
        ),
        "",
        "## Budgets",
        "",
        *md_table(["budget", "measured", "holds"], budgets),
    ]
    if report["figure_problems"]:
        lines += ["", "Figure data problems:", *[f"- {p}" for p in report["figure_problems"]]]
    return "\n".join(lines) + "\n"


def main() -> int:
    timings: dict[str, float] = {}
    timings["clean_build_s"], _ = timed(build_or_fail, clean=True)
    timings["rebuild_s"], _ = timed(build_or_fail)
    timings["nbval_s"] = nbval_seconds()
    pages = toc_pages(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        timings["baseline_clean_build_s"], baseline_site = build_baseline(Path(tmp))
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))
            ours = measure_site(browser, ROOT / "_build" / "html", pages)
            baseline = measure_site(browser, baseline_site, pages)
            browser.close()
        ours["lighthouse"] = lighthouse.audit_pages(ROOT / "_build" / "html", pages)
        baseline["lighthouse"] = lighthouse.audit_pages(baseline_site, pages)
    problems = figure_data_problems(ROOT / "_build" / "html")
    checks = budget_checks(ours, timings, problems)
    machine = subprocess.run(["uname", "-srm"], capture_output=True, text=True).stdout.strip()
    report = {
        "machine": f"{machine}, 2 cores",
        "timings": timings,
        "ours": ours,
        "baseline": baseline,
        "figure_problems": problems,
        "budgets": checks,
    }
    out = ROOT / "benchmarks"
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    (out / "report.md").write_text(markdown(report))
    print(markdown(report))
    broken = [name for name, _, ok in checks if not ok]
    if broken:
        print("Budgets broken:\n  " + "\n  ".join(broken), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
