"""Make the built pages paint text first on a phone: one stylesheet, no script that blocks.

Measured with Lighthouse's mobile test (benchmarks/lighthouse.py): the theme's eleven
stylesheets and the ten scripts Sphinx puts in <head> delayed the first paint of every page by
about 3 s on slow 4G. After the build this module
- joins the stylesheets every page links into one file, _static/styles/nk-site.css (same rules,
  same order), so the browser makes one request before it can paint;
- gives every external script `defer` (they keep their order and run after the page is parsed);
  the inline scripts, which only set options such as the colour mode, stay inline, and the one
  file they read, documentation_options.js (400 bytes), is put into the page beside them;
- removes the ipywidgets state that myst-nb embeds (about 150 KB a chapter): the book draws its
  quizzes with its own script, and no widget manager ever reads that state;
- moves each chart's data out of the page into _static/figures/<id>.js, which nk-charts.js loads
  when the chart nears the screen: a chapter's HTML, which must arrive before anything paints,
  shrinks by the weight of its charts. A script file, not JSON, so that it also loads from disk
  (file://), where fetch() is refused;
- puts a static SVG picture of each chart into its box (nk_course.site.pictures), drawn at build
  time, so a chart on the first screen is seen before (and without) plotly.js;
- cuts the Font Awesome fonts to the icons the pages show (nk_course.site.icon_subset: 157 KB to a
  few KB);
- makes the theme measure scrollable regions in short slices, not in one long task
  (nk_course.site.scroll_regions);
- names the navigation's fold-out buttons (nk_course.site.nav_labels);
- removes Sphinx's search scripts and index (about 55 KB) from every page but the search page:
  the theme's search box only submits to search.html (search-as-you-type is off).
"""

from __future__ import annotations

import re
from pathlib import Path

from nk_course.site.css_purge import corpus_words, purge
from nk_course.site.icon_subset import subset_icon_fonts
from nk_course.site.nav_labels import label_nav_toggles
from nk_course.site.pictures import make_pictures, picture_tag
from nk_course.site.scroll_regions import hand_over_scroll_regions

BUNDLE_NAME = "styles/nk-site.css"
#: Scripts in _static that no page loads (nk_course.sphinx_ext removes fontawesome.js's tag):
#: their words must not keep CSS rules or icons alive.
UNSERVED_SCRIPTS = ("fontawesome.js",)
#: The stylesheets purged of rules no page can use (nk_course.site.css_purge): the theme's, which
#: carries all of Bootstrap and Font Awesome, sphinx-design's and myst-nb's (256 ANSI colours).
#: The book's own and the small ones stay whole.
PURGED = ("_static/styles/pydata-sphinx-theme.css", "_static/sphinx-design", "_static/mystnb.")
FIGURES_DIR = "figures"
_INLINE_FIGURE = re.compile(
    r'<script type="application/json" id="(?P<fid>nk-fig-[0-9a-f]+)-data">(?P<spec>.*?)</script>',
    re.S,
)
_EMPTY_BOX = re.compile(
    r'(?P<open><div class="nk-plot" id="(?P<fid>nk-fig-[0-9a-f]+)"[^>]*?'
    r'style="min-height:(?P<height>\d+)px">)</div>'
)
_SEARCH_SCRIPTS = re.compile(
    r'[ \t]*<script[^>]*src="[^"]*(?:searchtools\.js|language_data\.js|searchindex\.js)[^"]*">'
    r"</script>\n?"
)
_OPTIONS = re.compile(r'<script src="[^"]*documentation_options\.js[^"]*"></script>')
_LINK = re.compile(r'[ \t]*<link[^>]*rel="stylesheet"[^>]*>\n?')
_HREF = re.compile(r'href="([^"?]+)(?:\?[^"]*)?"')
_IMPORT = re.compile(r'@import\s+"([^"]+)";')
_URL = re.compile(r"url\((?!data:)([\"']?)([^)\"']+)\1\)")
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_WIDGET_STATE = re.compile(
    r'[ \t]*<script type="application/vnd\.jupyter\.widget-state\+json">.*?</script>\n?', re.S
)


def _static_path(href: str, page: Path, out: Path) -> Path:
    return (page.parent / href).resolve().relative_to(out.resolve())


def _css_text(path: Path, out: Path, bundle_dir: Path) -> str:
    """A stylesheet's rules, with @import inlined and url() rewritten for the bundle's folder."""
    text = path.read_text(encoding="utf-8")

    def inline(match: re.Match[str]) -> str:
        return _css_text((path.parent / match.group(1)).resolve(), out, bundle_dir)

    def rebase(match: re.Match[str]) -> str:
        target = (path.parent / match.group(2)).resolve()
        rel = Path(*[".."] * len(bundle_dir.relative_to(out).parts)) / target.relative_to(out)
        return f'url("{rel.as_posix()}")'

    text = _IMPORT.sub(inline, text)
    text = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", text)
    return _URL.sub(rebase, text)


def bundle_stylesheets(out: Path, pages: list[Path]) -> Path:
    """Write one stylesheet from the links of the pages (checked to be the same on every page)."""
    out = out.resolve()
    order: list[Path] | None = None
    for page in pages:
        links = [
            _static_path(_HREF.search(link).group(1), page, out)
            for link in _LINK.findall(page.read_text(encoding="utf-8"))
        ]
        if not links or links == [Path("_static") / BUNDLE_NAME]:
            continue  # a redirect page such as index.html, or a page done by an earlier build
        if order is None:
            order = links
        elif links != order:
            raise ValueError(f"{page}: links stylesheets {links}, other pages {order}")
    bundle = out / "_static" / BUNDLE_NAME
    if not order:
        if bundle.is_file():
            return bundle  # an incremental build that rewrote no page
        raise ValueError(f"{out}: no page links a stylesheet")
    words = _site_words(out, pages)
    parts = []
    for rel in order:
        text = _css_text(out / rel, out, bundle.parent)
        if rel.as_posix().startswith(PURGED):
            text = purge(text, words)
        parts.append(f"/* {rel.as_posix()} */\n{text}")
    bundle.write_text("\n".join(parts), encoding="utf-8")
    return bundle


def _defer(match: re.Match[str]) -> str:
    attrs, body = match.group("attrs"), match.group("body")
    kind = re.search(r'type="([^"]+)"', attrs)
    if not re.search(r"(?<![-\w])src=", attrs) or re.search(r"\b(defer|async)\b", attrs):
        return match.group(0)  # inline, or already deferred
    if kind and kind.group(1) not in ("text/javascript", "module"):
        return match.group(0)
    return f"<script defer{attrs}>{body}</script>"


def _inline_options(text: str, out: Path) -> str:
    """Put documentation_options.js into the page: the inline scripts that follow it use it."""
    match = _OPTIONS.search(text)
    if not match:
        return text
    code = (out / "_static" / "documentation_options.js").read_text(encoding="utf-8").strip()
    return text.replace(match.group(0), f"<script>{code}</script>", 1)


def _up(page: Path, out: Path) -> Path:
    """The relative path from a page's folder back to the site's root."""
    return Path(*[".."] * len(page.resolve().parent.relative_to(out.resolve()).parts))


def figure_script(fid: str, spec: str) -> str:
    """The file that carries one chart's data, registered under its id when it runs."""
    return f"(window.nkFigureData=window.nkFigureData||{{}})[{fid!r}]={spec};\n"


def move_figure_data(text: str, page: Path, out: Path) -> str:
    """Write each inline chart spec to _static/figures/<id>.js; the page keeps only its address."""
    folder = out / "_static" / FIGURES_DIR
    folder.mkdir(parents=True, exist_ok=True)

    def move(match: re.Match[str]) -> str:
        fid = match.group("fid")
        (folder / f"{fid}.js").write_text(figure_script(fid, match.group("spec")), "utf-8")
        src = (_up(page, out) / "_static" / FIGURES_DIR / f"{fid}.js").as_posix()
        return f'<script type="application/json" id="{fid}-data" data-nk-src="{src}"></script>'

    return _INLINE_FIGURE.sub(move, text)


def add_pictures(text: str, page: Path, out: Path) -> str:
    """Put each chart's static picture (nk_course.site.pictures) into its empty box."""

    folder = (_up(page, out) / "_static" / FIGURES_DIR).as_posix()

    def fill(match: re.Match[str]) -> str:
        picture = picture_tag(folder, match.group("fid"), int(match.group("height")))
        return match.group("open") + picture + "</div>"

    return _EMPTY_BOX.sub(fill, text)


def speed_up_page(text: str, page: Path, out: Path) -> str:
    """One page: stylesheet links replaced by the bundle, scripts deferred, widget state gone."""
    text = label_nav_toggles(_WIDGET_STATE.sub("", text))
    text = add_pictures(move_figure_data(text, page, out), page, out)
    if page.name != "search.html":
        text = _SEARCH_SCRIPTS.sub("", text)
    links = _LINK.findall(text)
    if links:
        rel = _up(page, out) / "_static" / BUNDLE_NAME
        first = text.index(links[0])
        for link in links:
            text = text.replace(link, "", 1)
        text = text[:first] + f'<link rel="stylesheet" href="{rel.as_posix()}" />\n' + text[first:]
    return _SCRIPT.sub(_defer, _inline_options(text, out))


def _site_words(out: Path, pages: list[Path]) -> frozenset[str]:
    """The words of every page and of every script that can add classes at run time."""
    scripts = [
        p for p in (out / "_static").rglob("*.js")
        if FIGURES_DIR not in p.parts and p.name not in UNSERVED_SCRIPTS
    ]
    return corpus_words(p.read_text(encoding="utf-8", errors="replace") for p in pages + scripts)


def speed_up_site(out: Path) -> None:
    """Apply the above to every page of the built site."""
    pages = sorted(p for p in out.rglob("*.html") if "_static" not in p.parts)
    bundle_stylesheets(out, pages)
    hand_over_scroll_regions(out)
    theme_css = (out / "_static" / "styles" / "pydata-sphinx-theme.css").read_text("utf-8")
    subset_icon_fonts(out / "_static", theme_css, _site_words(out, pages))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        faster = speed_up_page(text, page, out)
        if faster != text:
            page.write_text(faster, encoding="utf-8")
    static = out / "_static"
    make_pictures(static / FIGURES_DIR, static / "plotly.min.js", out.parent / ".nk-pictures")
