"""Every notebook, quiz cells included, runs on Colab's package versions and on the newest ones.

The book itself is built and tested with the exact pins of requirements.txt, but a learner opens
the notebooks elsewhere: Colab keeps its own preinstalled pandas, plotly and ipywidgets 7 (its
set-up cell installs the course package without upgrading them), and a learner's own JupyterLab
has whatever is newest. Each environment is a venv made here from the package registry
(tests/environments/*.txt, plus the course package with its declared dependencies, so a floor
that Colab's versions do not meet fails the install), cached in .venv-<name> and remade when its
pins or pyproject.toml change; the newest one is also remade after a week.
tests/environments/run_notebooks.py runs the notebooks inside it and reports per notebook.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nk_course.quiz import load_quiz

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent / "environments"
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "back").glob("*.ipynb"))
#: Colab's published versions of the packages the notebooks import (tests/environments/colab.txt).
COLAB = {"ipywidgets": "7.7.1", "pandas": "2.2.3", "plotly": "5.24.1"}
WEEK = 7 * 24 * 3600


def base_python(name: str) -> str:
    """Colab runs Python 3.12: use it for the Colab environment when this machine has it."""
    found = shutil.which("python3.12") if name == "colab" else None
    if found and subprocess.run([found, "-c", ""], capture_output=True).returncode == 0:
        return found
    return sys.executable


def ensure_env(name: str) -> Path:
    """The python of .venv-<name>, made (or remade) from tests/environments/<name>.txt."""
    target = ROOT / f".venv-{name}"
    python = target / "bin" / "python"
    pins = HERE / f"{name}.txt"
    base = base_python(name)
    digest = hashlib.sha256(base.encode())
    for path in (pins, HERE / "runner.txt", ROOT / "pyproject.toml"):
        digest.update(path.read_bytes())
    stamp = target / f".nk-{digest.hexdigest()[:16]}"
    fresh = stamp.exists() and (name != "newest" or time.time() - stamp.stat().st_mtime < WEEK)
    if fresh and python.exists():
        return python
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run([base, "-m", "venv", str(target)], check=True)
    install = [str(python), "-m", "pip", "install", "--quiet", "--upgrade"]
    install += ["-r", str(pins), "-r", str(HERE / "runner.txt"), "-e", str(ROOT)]
    done = subprocess.run(install, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(
            f"could not make the {name} environment from {pins.name}:\n{done.stderr[-3000:]}"
        )
    stamp.touch()
    return python


_RUNS: dict[str, tuple[dict[str, dict], dict[str, str]]] = {}


def run_env(name: str) -> tuple[dict[str, dict], dict[str, str]]:
    """Per-notebook reports and the installed versions of one environment (run once)."""
    if name not in _RUNS:
        python = ensure_env(name)
        listed = subprocess.run(
            [str(python), "-m", "pip", "list", "--format", "json"],
            capture_output=True,
            text=True,
            check=True,
        )
        installed = {p["name"].lower(): p["version"] for p in json.loads(listed.stdout)}
        # The venv's own kernelspec comes first; its "python" is the venv's interpreter.
        env = {**os.environ, "JUPYTER_PATH": str(python.parents[1] / "share" / "jupyter")}
        env.pop("PYTHONPATH", None)
        started = time.monotonic()
        done = subprocess.run(
            [str(python), str(HERE / "run_notebooks.py"), "--jobs", "2", *map(str, NOTEBOOKS)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
        )
        print(f"{name}: {len(NOTEBOOKS)} notebooks in {time.monotonic() - started:.0f} s")
        if done.returncode != 0:
            pytest.fail(f"the notebook runner failed in {name}:\n{done.stderr[-3000:]}")
        reports = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
        _RUNS[name] = ({r["notebook"]: r for r in reports}, installed)
    return _RUNS[name]


@pytest.mark.parametrize("env_name", ["colab", "newest"])
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_in_environment(env_name, notebook):
    reports, installed = run_env(env_name)
    report = reports[f"{notebook.parent.name}/{notebook.stem}"]
    assert report["error"] is None, f"{notebook.name} in {env_name}: {report['error']}"
    # The kernel ran in the environment under test, with the versions it was made with.
    assert report["python"].startswith(str(ROOT / f".venv-{env_name}")), report["python"]
    for package, version in report["versions"].items():
        assert installed[package] == version, (package, version, installed[package])
    if env_name == "colab":
        assert {p: report["versions"][p] for p in COLAB} == COLAB
    else:
        assert int(report["versions"]["ipywidgets"].split(".")[0]) >= 8
    # Figures the prose quotes come out the same.
    assert all(check["same"] for check in report["checked"]), report["checked"]
    if notebook.parent.name == "chapters":
        assert report["checked"], "a chapter has at least one checked output"
        # The quiz cell showed the live widget, and that very widget marks every question.
        assert report["quiz_views"] == [report["model_id"]]
        questions = [q.id for q in load_quiz(notebook.name[:4]).questions]
        assert [m[0] for m in report["marks"]] == questions
        wrong = [m for m in report["marks"] if not (m[1] and m[2])]
        assert wrong == [], f"questions not marked right and wrong: {wrong}"
