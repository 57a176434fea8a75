"""Run chapter notebooks and keep only the outputs of `# NBVAL_CHECK_OUTPUT` cells.

Chapters are committed without outputs, except the checked cells whose stored output is the
expected value that nbval compares against (DESIGN.md, decision 3). Run this after changing a
chapter or the data it quotes:

    .venv/bin/python scripts/refresh_outputs.py chapters/ch01-land-peoples-empires.ipynb
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

MARK = "NBVAL_CHECK_OUTPUT"


def refresh(path: Path) -> int:
    """Execute `path` in its own folder, strip unchecked outputs, save; return checked cells."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    checked = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if MARK in cell.source:
            checked += 1  # nbval needs the execution count of a cell whose output it compares
        else:
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)
    return checked


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {refresh(Path(name))} checked cells kept")
