"""Write each chapter's computed reading time into its notebook (nk_course.reading_time).

Run after editing a chapter or its quiz; tests/test_reading_time.py fails until the stated line
matches the computed one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from nk_course.reading_time import LINE, chapter_reading_time

ROOT = Path(__file__).resolve().parents[1]


def update(path: Path) -> bool:
    """Rewrite the reading-time line of one notebook; True if it changed."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    line = chapter_reading_time(path).line()
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and LINE.search(source):
            new = LINE.sub(lambda _: line, source, count=1)
            if new == source:
                return False
            cell["source"] = new.splitlines(keepends=True)
            text = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
            path.write_text(text, encoding="utf-8")
            return True
    sys.exit(f"{path.name}: no '**Estimated reading time:**' line to update")


if __name__ == "__main__":
    for notebook in sorted((ROOT / "chapters").glob("ch*.ipynb")):
        print(f"{notebook.name}: {'updated' if update(notebook) else 'unchanged'}")
