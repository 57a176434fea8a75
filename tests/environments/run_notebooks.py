"""Run notebooks in the interpreter that runs this script, and report how each went as JSON.

tests/test_environments.py runs it with the python of a separate environment (Colab's package
versions, or the newest releases), so it imports nothing from the test suite. For each notebook
it prints one line `{"notebook": ..., "error": ..., ...}`:

- every cell runs, the quiz cell included (`error` names the first cell that failed);
- a probe cell added at the end reports the versions the kernel really imported, and, in a
  chapter, marks every question of the live quiz that the notebook displayed, right and wrong;
- the text outputs of cells marked `# NBVAL_CHECK_OUTPUT` are compared with the committed ones.

Usage: python run_notebooks.py [--jobs N] NOTEBOOK...
"""

from __future__ import annotations

import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

CHECK = "# NBVAL_CHECK_OUTPUT"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PROBE_MARK = "NK-PROBE "
PROBE = """
import json as _json, sys as _sys
import ipywidgets as _ipywidgets, numpy as _numpy, pandas as _pandas, plotly as _plotly
_report = {"python": _sys.executable, "versions": {
    "ipywidgets": _ipywidgets.__version__, "numpy": _numpy.__version__,
    "pandas": _pandas.__version__, "plotly": _plotly.__version__}}
_shown = [v for v in Out.values() if type(v).__name__ == "QuizDisplay"]
if _shown:
    _live = _shown[-1].widget
    _report["model_id"] = _live.box.model_id
    _report["marks"] = []
    for _q in _live.questions:
        _right = set(_q.question.correct_indices)
        _wrong = min(set(range(len(_q.question.options))) - _right)
        _q.choose(_right)
        _q.button.click()
        _ok = _q.feedback.value.startswith("<p><strong>Correct</strong></p>")
        _q.choose({_wrong})
        _marked_wrong = _q.check() == "Incorrect"
        _report["marks"].append([_q.question.id, _ok, _marked_wrong])
print("NK-PROBE " + _json.dumps(_report))
"""


def text_outputs(cell: dict) -> list[str]:
    """The text a cell printed or returned, in order (what nbval compares)."""
    texts = []
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream":
            texts.append(out["text"])
        elif out["output_type"] in ("execute_result", "display_data"):
            texts.append(out.get("data", {}).get("text/plain", ""))
    return texts


def first_error(nb: nbformat.NotebookNode) -> dict | None:
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out["output_type"] == "error":
                line = cell.source.strip().splitlines()[-1] if cell.source.strip() else ""
                return {"cell": index, "line": line, "error": f"{out['ename']}: {out['evalue']}"}
    return None


def run(path_text: str) -> dict:
    path = Path(path_text)
    committed = nbformat.read(path, as_version=4)
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    result: dict = {"notebook": f"{path.parent.name}/{path.stem}", "error": None}
    started = time.monotonic()
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        result["error"] = first_error(nb) or {"cell": None, "line": "", "error": str(exc)[:500]}
    result["seconds"] = round(time.monotonic() - started, 1)
    probe = "".join(text_outputs(nb.cells[-1]))
    if PROBE_MARK in probe:
        result.update(json.loads(probe.split(PROBE_MARK, 1)[1].splitlines()[0]))
    result["quiz_views"] = [
        out["data"][WIDGET_VIEW].get("model_id")
        for cell in nb.cells
        if cell.cell_type == "code" and "show_quiz(" in cell.source
        for out in cell.get("outputs", [])
        if WIDGET_VIEW in out.get("data", {})
    ]
    result["checked"] = [
        {"cell": i, "same": text_outputs(cell) == text_outputs(committed.cells[i])}
        for i, cell in enumerate(nb.cells[:-1])
        if cell.cell_type == "code" and CHECK in cell.source
    ]
    return result


def main(argv: list[str]) -> None:
    jobs = 1
    if argv[:1] == ["--jobs"]:
        jobs, argv = int(argv[1]), argv[2:]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(run, argv):
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
