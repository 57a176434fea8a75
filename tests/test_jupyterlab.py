"""A real client: JupyterLab from the pinned requirements, driven by Chromium.

It starts JupyterLab on 127.0.0.1 once, opens every chapter in turn, runs every cell, and checks
that JupyterLab's own plotly renderer draws each of the chapter's charts and that the live
ipywidgets quiz shows every question and answers a click with the right feedback. Each
chapter's kernel is shut down after its test; the server is stopped, with its kernels, at the
end.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from quiz_positions import answer_positions

from chapters import CHAPTERS
from nk_course.quiz import load_quiz
from nk_course.quiz.order import shown_orders

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    """Run `jupyter lab` on a free loopback port; yield (base URL, token); stop it after.

    Autosave is off and workspaces go to a temporary folder: running the chapters must leave
    the notebooks in the repository exactly as they were (checked at the end).
    """
    port, token = free_port(), secrets.token_hex(16)
    settings = tmp_path_factory.mktemp("lab-settings")
    docmanager = settings / "@jupyterlab" / "docmanager-extension"
    docmanager.mkdir(parents=True)
    (docmanager / "plugin.jupyterlab-settings").write_text('{"autosave": false}')
    before = {p: p.read_bytes() for p in CHAPTERS}
    cmd = [
        str(Path(sys.executable).with_name("jupyter")),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={ROOT}",
        "--expose-app-in-browser",
        "--LabApp.news_url=None",
        "--LabApp.extension_manager=readonly",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={tmp_path_factory.mktemp('lab-workspaces')}",
    ]
    if os.geteuid() == 0:  # CI and these machines run as root
        cmd.append("--allow-root")
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                pytest.fail(f"JupyterLab did not start:\n{out[-3000:]}")
            time.sleep(0.5)
    plugin = f"{base}/lab/api/settings/@jupyterlab/docmanager-extension:plugin?token={token}"
    with urllib.request.urlopen(plugin) as response:
        assert json.load(response)["settings"]["autosave"] is False
    try:
        yield base, token
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        with socket.socket() as sock:  # nothing is left listening on the port
            assert sock.connect_ex(("127.0.0.1", port)) != 0
        changed = [p.name for p in CHAPTERS if p.read_bytes() != before[p]]
        assert changed == [], f"JupyterLab changed notebooks in the repository: {changed}"


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_notebook_runs_in_jupyterlab_with_live_charts_and_quiz(browser, jupyterlab, notebook):
    base, token = jupyterlab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    foreign: list[str] = []

    def block(route):
        foreign.append(route.request.url)
        route.abort()

    local = re.escape(base.removeprefix("http://"))
    context.route(re.compile(rf"^(?!(https?|wss?)://{local}|data:|blob:).*"), block)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(
        f"{base}/lab/workspaces/{notebook.stem}/tree/chapters/{notebook.name}?reset&token={token}"
    )
    page.wait_for_function(
        "window.jupyterapp && document.querySelector('.jp-Notebook')", timeout=60000
    )
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60000)
    # Wait until the notebook's kernel is idle, then run every cell with JupyterLab's command.
    page.wait_for_function(
        "window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'",
        timeout=60000,
    )
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    # JupyterLab's plotly renderer draws each chart as a .js-plotly-plot with an SVG.
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    charts = sum(
        1 for c in cells if c["cell_type"] == "code" and "show_figure(" in "".join(c["source"])
    )
    assert charts >= 3, f"{notebook.name}: only {charts} chart cells"
    page.wait_for_function(
        "n => document.querySelectorAll('.jp-OutputArea .js-plotly-plot').length >= n"
        " && [...document.querySelectorAll('.jp-OutputArea .js-plotly-plot')]"
        ".every(p => p.querySelector('.main-svg'))",
        arg=charts,
        timeout=120000,
    )
    # The live quiz: ipywidgets radio buttons, a button and an HTML feedback area.
    quiz = load_quiz(notebook.name[:4], check=False)
    # The first single-answer question (radio buttons); select-all questions are checkboxes,
    # whose marking tests/test_quiz.py checks through the same widget class.
    number = next(n for n, q in enumerate(quiz.questions) if q.type == "single")
    question = quiz.questions[number]
    order = shown_orders(quiz)[number]  # the live quiz shows options in the book's shuffled order
    (right,), wrong = answer_positions(question, order)
    box = page.locator(".jp-OutputArea .widget-vbox").filter(has_text=question.prompt[:40]).last
    box.wait_for(timeout=120000)
    buttons = page.locator(".jp-OutputArea button", has_text="Check answer")
    assert buttons.count() == len(quiz.questions), f"{notebook.name}: not every question shown"
    box.scroll_into_view_if_needed()
    shown = box.locator(".widget-radio-box label").nth(right).text_content().strip()
    assert shown == f"{'ABCDE'[right]}. {question.options[order[right]].text}", shown
    box.locator(".widget-radio-box label").nth(wrong).click()
    box.locator("button", has_text="Check answer").click()
    feedback = box.locator(".widget-html").last
    # The kernel answers the click once it has run the notebook's last cells: under load that
    # took more than 10 s (one run in two of the full suite on two busy cores).
    page.wait_for_function(
        "el => el.textContent.includes('Incorrect')", arg=feedback.element_handle(), timeout=60000
    )
    box.locator(".widget-radio-box label").nth(right).click()
    box.locator("button", has_text="Check answer").click()
    page.wait_for_function(
        "el => el.textContent.trim().startsWith('Correct')",
        arg=feedback.element_handle(),
        timeout=10000,
    )
    assert question.options[order[right]].explanation[:40] in feedback.inner_text()
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert errors == [], errors
    context.close()
    shut_down_kernels(base, token)


def shut_down_kernels(base: str, token: str) -> None:
    """Stop the chapter's kernel, so that eight chapters do not keep eight kernels running."""
    headers = {"Authorization": f"token {token}"}
    with urllib.request.urlopen(
        urllib.request.Request(f"{base}/api/sessions", headers=headers)
    ) as r:
        sessions = json.load(r)
    for session in sessions:
        request = urllib.request.Request(
            f"{base}/api/sessions/{session['id']}", headers=headers, method="DELETE"
        )
        urllib.request.urlopen(request).close()
