"""Build the book with warnings as errors, clearing the execution cache when it would be stale.

jupyter-cache keys a notebook on its code cells only, so a change to data/, quizzes/, course/,
references.bib or the nk_course package would otherwise leave old figures in the book; and a
renamed notebook leaves a stale record that -W turns into an error (DESIGN.md, pitfalls).
Sphinx also keeps an existing copy of a changed static file (assets/) in the output. We hash
those inputs and the list of notebooks, and clear the cache and the HTML when the hash changes.

Usage: python scripts/build_book.py [--clean]   (exit status is jupyter-book's)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
INPUTS = (
    "data", "quizzes", "course", "nk_course", "references.bib", "assets", "_config.yml", "_toc.yml"
)


def inputs_hash(root: Path = ROOT) -> str:
    """A digest of everything that changes a notebook's outputs without changing its code."""
    digest = hashlib.sha256()
    files: list[Path] = []
    for name in INPUTS:
        path = root / name
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    files = [p for p in files if "__pycache__" not in p.parts]
    for path in files:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    for notebook in sorted(root.glob("chapters/*.ipynb")):
        digest.update(notebook.name.encode())
    return digest.hexdigest()


def build(
    clean: bool = False, root: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `jupyter-book build -W -n --keep-going` on `root`, returning its completed process.

    `env` adds environment variables (the benchmark's baseline build uses it).
    """
    build_dir = root / "_build"
    cache, stamp = build_dir / ".jupyter_cache", build_dir / ".nk-inputs"
    current = inputs_hash(root)
    if clean and build_dir.exists():
        shutil.rmtree(build_dir)
    elif stamp.exists() and stamp.read_text() != current and cache.exists():
        print("inputs changed since the last build: clearing the execution cache", flush=True)
        shutil.rmtree(cache)
        shutil.rmtree(build_dir / "html", ignore_errors=True)
        shutil.rmtree(build_dir / ".doctrees", ignore_errors=True)
    jb = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(jb), "build", str(root), "-W", "-n", "--keep-going"]
    result = subprocess.run(
        cmd, cwd=root, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )
    if result.returncode == 0:
        stamp.write_text(current)
    return result


if __name__ == "__main__":
    proc = build(clean="--clean" in sys.argv)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    if proc.returncode == 0:
        print(f"\nThe book is in {BUILD / 'html'}; open index.html or run `make serve`.")
    sys.exit(proc.returncode)
