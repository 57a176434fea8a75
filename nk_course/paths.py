"""Find the course's folders, wherever a notebook is run from.

A notebook runs with its own folder as the working directory (chapters/), Binder and the book
build start elsewhere, and Colab clones the repository into /content: so the root is looked
up rather than assumed.
"""

from __future__ import annotations

import os
from pathlib import Path

MARKER = Path("data") / "datapackage.json"


def course_root(start: Path | None = None) -> Path:
    """Return the folder holding data/datapackage.json.

    Order: the NK_COURSE_ROOT environment variable; the working directory (`start`) and its
    parents; the folder above this package (an editable install).
    """
    env = os.environ.get("NK_COURSE_ROOT")
    if env:
        root = Path(env)
        if not (root / MARKER).is_file():
            raise FileNotFoundError(f"NK_COURSE_ROOT={env} has no {MARKER}")
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    package_parent = Path(__file__).resolve().parents[1]
    if (package_parent / MARKER).is_file():
        return package_parent
    raise FileNotFoundError(
        f"cannot find {MARKER} above {here}; run from inside the course repository "
        "or set NK_COURSE_ROOT"
    )
