"""Every notebook opens in Colab with the repository of _config.yml, and keeps its outputs clean."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from set_repository import COLAB_CELL, MARK, configured_url  # noqa: E402

NOTEBOOKS = sorted([*ROOT.glob("chapters/*.ipynb"), *ROOT.glob("back/*.ipynb")])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_first_code_cell_sets_up_colab_for_the_configured_repository(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    first = "".join(code[0]["source"])
    assert first.startswith(MARK)
    assert first == COLAB_CELL.format(url=configured_url(), folder=path.parent.name)
    assert 'if "google.colab" in sys.modules:' in first  # does nothing anywhere else
    assert "remove-cell" in code[0]["metadata"].get("tags", [])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_one_h1_and_imports_right_after_the_colab_cell(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    h1 = [
        line
        for c in cells
        if c["cell_type"] == "markdown"
        for line in "".join(c["source"]).splitlines()
        if line.startswith("# ")
    ]
    assert len(h1) == 1
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    imports = [line for line in code[1].splitlines() if line and not line.startswith("#")]
    assert imports[0].startswith(("import ", "from ")), code[1][:80]
    later = [
        c for c in code[2:] if c.lstrip().startswith(("import pandas", "from nk_course import"))
    ]
    assert later == [], "imports belong in the first cell after the Colab cell"
