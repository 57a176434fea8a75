"""Point the book at a repository: `python scripts/set_repository.py https://github.com/ME/FORK`.

The repository URL lives in _config.yml (repository.url), which drives the book's Binder,
Colab and repository buttons. Notebooks opened in Colab cannot read that file before they have
the repository, so their first cell carries the same URL; this script writes both, and
tests/test_notebooks.py checks that they agree. With no argument it only rewrites the
notebooks from _config.yml.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ("chapters", "back")
MARK = "# In Colab only:"
COLAB_CELL = """# In Colab only: fetch the course and install its package (elsewhere: nothing).
import sys

if "google.colab" in sys.modules:
    import os
    import subprocess

    from google.colab import output

    REPOSITORY = "{url}"
    subprocess.run(["git", "clone", "--depth=1", REPOSITORY, "/content/course"], check=True)
    pip = [sys.executable, "-m", "pip", "install", "-q", "-e", "/content/course"]
    subprocess.run(pip, check=True)
    os.chdir("/content/course/{folder}")
    output.enable_custom_widget_manager()  # for the quiz's ipywidgets"""


def configured_url() -> str:
    """repository.url from _config.yml."""
    return yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]


def set_config_url(url: str) -> None:
    path = ROOT / "_config.yml"
    text = path.read_text()
    new = re.sub(r"(?m)^(repository:\n  url: ).*$", rf"\g<1>{url}", text)
    if new == text and url not in text:
        raise SystemExit("_config.yml has no 'repository:\\n  url:' entry to update")
    path.write_text(new)


def set_notebooks(url: str) -> list[Path]:
    """Write (or refresh) the Colab cell at the top of every notebook."""
    changed = []
    for folder in NOTEBOOKS:
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            source = COLAB_CELL.format(url=url, folder=folder)
            first_code = next(c for c in nb.cells if c.cell_type == "code")
            if first_code.source.startswith(MARK):
                if first_code.source == source:
                    continue
                first_code.source = source
            else:
                cell = nbformat.v4.new_code_cell(source)
                cell.metadata["tags"] = ["remove-cell"]
                nb.cells.insert(nb.cells.index(first_code), cell)
            nbformat.write(nb, path)
            changed.append(path)
    return changed


if __name__ == "__main__":
    if len(sys.argv) > 1:
        set_config_url(sys.argv[1])
    for path in set_notebooks(configured_url()):
        print(f"updated {path.relative_to(ROOT)}")
