"""Checks on the built site that both the benchmark and the tests run."""

from __future__ import annotations

import json
import re
from pathlib import Path

_INLINE = re.compile(r'id="(nk-fig-\w+)-data">(.+?)</script>', re.S)
_EXTERNAL = re.compile(r"^\(window\.nkFigureData=[^)]*\)\['(nk-fig-\w+)'\]=(.*);\s*$", re.S)


def figure_specs(site: Path) -> list[tuple[str, str, dict]]:
    """Every chart spec of the built site: (file name, figure id, spec), wherever it is kept.

    Pages carry a chart's data inline, or (after nk_course.site.speed) in
    _static/figures/<id>.js; both are read, so no chart escapes the checks.
    """
    found = []
    for page in site.rglob("*.html"):
        for fid, spec in _INLINE.findall(page.read_text(encoding="utf-8")):
            found.append((page.name, fid, json.loads(spec)))
    for path in sorted((site / "_static" / "figures").glob("nk-fig-*.js")):
        match = _EXTERNAL.match(path.read_text(encoding="utf-8"))
        if not match:
            raise ValueError(f"{path}: not a chart data file")
        found.append((path.name, match.group(1), json.loads(match.group(2))))
    return found


def figure_data_problems(site: Path) -> list[str]:
    """Figures that carry more data than they draw: unrounded floats, unused customdata."""
    problems = []
    for name, fid, spec in figure_specs(site):
        for i, trace in enumerate(spec["data"]):
            floats = [v for k in ("x", "y") for v in trace.get(k) or [] if isinstance(v, float)]
            long = [v for v in floats if len(repr(v).split(".")[-1]) > 4]
            if long:
                problems.append(
                    f"{name} {fid} trace {i}: {len(long)} values with >4 decimals"
                )
            custom = trace.get("customdata")
            if custom:
                used = set(
                    map(int, re.findall(r"customdata\[(\d+)\]", trace.get("hovertemplate", "")))
                )
                unused = set(range(len(custom[0]))) - used
                if unused:
                    problems.append(f"{name} {fid} trace {i}: unused customdata {unused}")
    return problems
