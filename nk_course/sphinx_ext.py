"""A small Sphinx extension that gives the book its front-end assets and data downloads.

- adds assets/static (chart loader, quiz script, styles) to the site's _static folder;
- copies the plotly.js *basic* partial bundle (scatter, bar, pie: 396 KB gzipped against the
  full bundle's 1.44 MB) from assets/vendor to _static/plotly.min.js, after checking that it
  is the same plotly.js version as the installed plotly package and that every figure of every
  page uses only the trace types it contains; no page fetches plotly.js from a CDN;
- removes the theme's fontawesome.js (1.45 MB, 530 KB gzipped): the theme's CSS already draws
  the same icons from the Font Awesome web font, so the script only repeats them as SVG;
- copies data/*.csv and datapackage.json to the site's data/ folder, for download links;
- adds the book's favicon in the forms the SVG (html_favicon) does not cover: a PNG icon and
  an apple-touch-icon in _static/, and favicon.ico at the site's root, which browsers request
  when a page names no icon they can use;
- registers the bibliography style nk-plain (nk_course.bib_style), which prints titles as the
  sources do instead of lower-casing the names in them;
- marks bibliography entries as list items: docutils gives them the deprecated DPUB role
  doc-biblioentry inside a role="list", which axe reports as an ARIA error;
- gives the welcome page its "key-dates" strip of milestones (nk_course.key_dates);
- puts "Content current to <date>" under each chapter's title, from chapters/current_to.yml
  (nk_course.currency), linked to the changes page;
- makes every page paint its text first on a phone (nk_course.site.speed: one purged stylesheet,
  deferred scripts, chart data in files loaded when a chart nears the screen);
- writes MyST-NB's "show code" toggle titles as <span>, not <p>: a <summary> may hold only
  phrasing content, and the Nu Html Checker reports every <p> there (assets/static/nk.css
  gives the spans MyST-NB's own layout);
- writes the redirect page index.html as a complete HTML document (Jupyter Book writes only a
  <meta> element, which the Nu checker rejects);
- drops sphinx-thebe's scripts, which Jupyter Book always adds: they declare THEBE_JS_URL twice
  (a console error on every page) and point at unpkg, and the book runs no kernel in the page;
- writes the who's who entries from data/people.csv (nk_course.whos_who.page) and links each
  chapter's first mention of a person or organisation to them (nk_course.whos_who.links).
"""

from __future__ import annotations

import json
import re
import shutil
from html import escape
from pathlib import Path
from typing import Any

import plotly
from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from nk_course.bib_style import register as register_bib_style
from nk_course.currency import CHANGES_PAGE, CurrencyError, current_to, long_date
from nk_course.datapackage import DataError
from nk_course.key_dates import KeyDates
from nk_course.site.speed import speed_up_site
from nk_course.whos_who.links import link_first_mentions
from nk_course.whos_who.page import WhoIsWho
from nk_course.whos_who.table import NameFinder, load_people, table_path

JS_FILES = ("nk-charts.js", "nk-quiz.js", "nk-scroll-regions.js")
FAVICON = Path("assets") / "favicon"
FAVICON_LINKS = (
    '<link rel="icon" type="image/png" sizes="32x32" href="{static}favicon-32.png">',
    '<link rel="apple-touch-icon" href="{static}apple-touch-icon.png">',
)
CSS_FILES = ("nk.css",)


#: Trace types in plotly.js-basic-dist-min, the partial bundle the book serves.
BUNDLE_TRACES = frozenset({"scatter", "bar", "pie"})
BUNDLE = Path("assets") / "vendor" / "plotly-basic.min.js"
_VERSION = re.compile(rb"plotly\.js[^\n]*? v(\d+\.\d+\.\d+)")
_FIGURE = re.compile(
    r'<script type="application/json" id="(nk-fig-[0-9a-f]+)-data">(.*?)</script>', re.S
)
_FONTAWESOME = re.compile(
    r'<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>\s*'
)


def plotly_js_path() -> Path:
    """The full plotly.min.js that ships inside the installed plotly package."""
    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def bundle_version(path: Path) -> str:
    """The plotly.js version named in a bundle's banner comment."""
    match = _VERSION.search(path.read_bytes()[:400])
    if not match:
        raise ExtensionError(f"{path}: no plotly.js version in its banner")
    return match.group(1).decode()


def check_bundle(srcdir: Path) -> Path:
    """The vendored partial bundle, if it is the plotly.js version the plotly package ships."""
    bundle = srcdir / BUNDLE
    wanted, found = bundle_version(plotly_js_path()), bundle_version(bundle)
    if wanted != found:
        raise ExtensionError(
            f"{BUNDLE} is plotly.js {found} but the installed plotly package draws with "
            f"{wanted}: replace it with plotly-basic.min.js from npm "
            f"plotly.js-basic-dist-min@{wanted}"
        )
    return bundle


def check_trace_types(pagename: str, body: str) -> None:
    """Fail the build if a figure needs a trace type the served bundle does not contain."""
    for fid, spec in _FIGURE.findall(body):
        for trace in json.loads(spec).get("data", []):
            kind = trace.get("type", "scatter")
            if kind not in BUNDLE_TRACES:
                raise ExtensionError(
                    f"{pagename}: figure {fid} uses a '{kind}' trace, which the plotly.js basic "
                    f"bundle ({', '.join(sorted(BUNDLE_TRACES))}) cannot draw"
                )


def _add_static(app: Sphinx, config: Any) -> None:
    static = Path(app.srcdir) / "assets" / "static"
    config.html_static_path = [*config.html_static_path, str(static)]


def _copy_files(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    shutil.copyfile(check_bundle(Path(app.srcdir)), out / "_static" / "plotly.min.js")
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        slimmer = _FONTAWESOME.sub("", text)
        if slimmer != text:
            page.write_text(slimmer, encoding="utf-8")
    icons = Path(app.srcdir) / FAVICON
    shutil.copyfile(icons / "favicon.ico", out / "favicon.ico")
    for name in ("favicon-32.png", "apple-touch-icon.png"):
        shutil.copyfile(icons / name, out / "_static" / name)
    speed_up_site(out)
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
    if "pathto" in context:
        static = context["pathto"]("_static/", 1)
        links = "\n".join(link.format(static=static) for link in FAVICON_LINKS)
        context["metatags"] = context.get("metatags", "") + links + "\n"
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')
        check_trace_types(pagename, context["body"])


def _current_to_line(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    if not docname.startswith("chapters/"):
        return
    try:
        dates = current_to(Path(app.srcdir))
    except CurrencyError as exc:
        raise ExtensionError(str(exc)) from None
    stem = docname.split("/", 1)[1]
    if stem not in dates:
        raise ExtensionError(f"chapters/current_to.yml: no date for {stem}")
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None or not isinstance(section[0], nodes.title):
        raise ExtensionError(f"{docname}: no title to put the current-to date under")
    link = nodes.reference("", "Changes and corrections", internal=True,
                           refuri=f"../{CHANGES_PAGE}.html")
    line = nodes.paragraph(
        "", "", nodes.strong("", f"Content current to {long_date(dates[stem])}."),
        nodes.Text(" What changed since an earlier version: "), link, nodes.Text("."),
        classes=["nk-current-to"],
    )
    section.insert(1, line)


def _load_people(app: Sphinx) -> None:
    """Read data/people.csv once per build, before the chapters are read (and forked)."""
    try:
        app.nk_people_finder = NameFinder(load_people(Path(app.srcdir)))
    except DataError as exc:
        raise ExtensionError(str(exc)) from None


def _link_people(app: Sphinx, doctree: nodes.document) -> None:
    """Link a chapter's first mention of each who's who entry; re-read it if the table changes."""
    if not app.env.docname.startswith("chapters/"):
        return
    app.env.note_dependency(str(table_path(Path(app.srcdir))))
    link_first_mentions(doctree, app.nk_people_finder)


def _reread_chapters_when_dates_change(app: Sphinx, env: Any, added, changed, removed) -> list:
    """Sphinx caches doctrees by source file; a new date in current_to.yml must still show."""
    dates = repr(sorted(current_to(Path(app.srcdir)).items()))
    if getattr(env, "nk_current_to", None) == dates:
        return []
    env.nk_current_to = dates
    return [name for name in env.found_docs if name.startswith("chapters/")]


def _visit_hidden_cell(self: Any, node: HideCodeCellNode) -> None:
    """MyST-NB's toggle (myst_nb.sphinx_.visit_HideCellInput), with its titles as <span>."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n')
    self.body.append('<summary aria-label="Toggle hidden content">\n')
    for kind, key in (("collapsed", "prompt_show"), ("expanded", "prompt_hide")):
        self.body.append(f'<span class="{kind} admonition-title">{escape(node[key])}</span>\n')
    self.body.append("</summary>\n")


def _depart_hidden_cell(self: Any, node: HideCodeCellNode) -> None:
    self.body.append("</details>\n")


REDIRECT = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta http-equiv="Refresh" content="0; url={target}">
</head>
<body><p><a href="{target}">{title}</a></p></body>
</html>
"""
_REFRESH = re.compile(r'^<meta http-equiv="Refresh" content="0; url=([^"]+)" />\s*$')


def _complete_redirect(app: Sphinx, exception: Exception | None) -> None:
    """Turn Jupyter Book's one-line redirect index.html into a valid document."""
    if exception is not None or app.builder.format != "html":
        return
    page = Path(app.outdir) / "index.html"
    match = _REFRESH.match(page.read_text(encoding="utf-8")) if page.exists() else None
    if match:
        text = REDIRECT.format(
            lang=app.config.language or "en", title=escape(app.config.html_title), target=match[1]
        )
        page.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    register_bib_style()
    app.add_node(HideCodeCellNode, override=True, html=(_visit_hidden_cell, _depart_hidden_cell))
    app.add_directive("key-dates", KeyDates)
    app.add_directive("who-is-who", WhoIsWho)
    app.connect("builder-inited", _load_people)
    app.connect("doctree-read", _current_to_line)
    app.connect("doctree-read", _link_people)
    app.connect("env-get-outdated", _reread_chapters_when_dates_change)
    app.connect("config-inited", _add_static)
    app.connect("builder-inited", lambda app: check_bundle(Path(app.srcdir)))
    app.connect("html-page-context", _fix_page, priority=900)
    # After the theme, which rewrites pygments.css in its own build-finished handler.
    app.connect("build-finished", _copy_files, priority=900)
    app.connect("build-finished", _complete_redirect, priority=910)
    for name in JS_FILES:
        app.add_js_file(name, loading_method="defer")
    for name in CSS_FILES:
        app.add_css_file(name)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
