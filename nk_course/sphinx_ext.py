"""A small Sphinx extension that gives the book its front-end assets and data downloads.

- adds assets/static (chart loader, quiz script, styles) to the site's _static folder;
- copies plotly.min.js from the installed plotly package, so the drawn charts always match
  the plotly version that made their JSON, and no page fetches it from a CDN;
- copies data/*.csv and datapackage.json to the site's data/ folder, for download links;
- marks bibliography entries as list items: docutils gives them the deprecated DPUB role
  doc-biblioentry inside a role="list", which axe reports as an ARIA error;
- drops sphinx-thebe's scripts, which Jupyter Book always adds: they declare THEBE_JS_URL twice
  (a console error on every page) and point at unpkg, and the book runs no kernel in the page.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import plotly
from sphinx.application import Sphinx

JS_FILES = ("nk-charts.js", "nk-quiz.js")
CSS_FILES = ("nk.css",)


def plotly_js_path() -> Path:
    """The plotly.min.js that ships inside the installed plotly package."""
    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _add_static(app: Sphinx, config: Any) -> None:
    static = Path(app.srcdir) / "assets" / "static"
    config.html_static_path = [*config.html_static_path, str(static)]


def _copy_files(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    shutil.copyfile(plotly_js_path(), out / "_static" / "plotly.min.js")
    data_out = out / "data"
    data_out.mkdir(exist_ok=True)
    data_dir = Path(app.srcdir) / "data"
    for path in [*data_dir.glob("*.csv"), data_dir / "datapackage.json"]:
        shutil.copyfile(path, data_out / path.name)


def _is_thebe(asset: Any) -> bool:
    body = getattr(asset, "attributes", {}).get("body", "") or ""
    return "thebe" in str(getattr(asset, "filename", "") or "") or "THEBE_JS_URL" in body


def _fix_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not _is_thebe(asset)]
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _add_static)
    app.connect("html-page-context", _fix_page, priority=900)
    app.connect("build-finished", _copy_files)
    for name in JS_FILES:
        app.add_js_file(name, loading_method="defer")
    for name in CSS_FILES:
        app.add_css_file(name)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
