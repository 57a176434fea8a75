"""Checks on the built site that both the benchmark and the tests run."""

from __future__ import annotations

import json
import re
from pathlib import Path


def figure_data_problems(site: Path) -> list[str]:
    """Figures that carry more data than they draw: unrounded floats, unused customdata."""
    problems = []
    pattern = re.compile(r'id="(nk-fig-\w+)-data">(.*?)</script>', re.S)
    for page in site.rglob("*.html"):
        for fid, spec in pattern.findall(page.read_text(encoding="utf-8")):
            for i, trace in enumerate(json.loads(spec)["data"]):
                floats = [v for k in ("x", "y") for v in trace.get(k) or [] if isinstance(v, float)]
                long = [v for v in floats if len(repr(v).split(".")[-1]) > 4]
                if long:
                    problems.append(
                        f"{page.name} {fid} trace {i}: {len(long)} values with >4 decimals"
                    )
                custom = trace.get("customdata")
                if custom:
                    used = set(
                        map(int, re.findall(r"customdata\[(\d+)\]", trace.get("hovertemplate", "")))
                    )
                    unused = set(range(len(custom[0]))) - used
                    if unused:
                        problems.append(f"{page.name} {fid} trace {i}: unused customdata {unused}")
    return problems
