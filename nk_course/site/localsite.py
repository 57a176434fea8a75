"""Serve a built site on 127.0.0.1 and name the Chromium that opens it: shared by the browser
tests and the benchmark, so both look at the book the same way."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: Debian's Chromium as root with no network: without these flags it stalls on refused
#: connections to Google's hosts (DESIGN.md, pitfalls).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_path() -> str:
    """Path of Debian's Chromium (Playwright cannot download its own browser here)."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise FileNotFoundError("Chromium is not installed: `make test` installs Debian's chromium")
    return path


#: Types a static host compresses (GitHub Pages and most CDNs gzip these).
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class _Handler(http.server.SimpleHTTPRequestHandler):
    cache_seconds: int | None = None
    compress: bool = False
    requests: list[tuple[str, int]] | None = None

    def send_head(self):  # type: ignore[override]
        """With `compress`, send text files gzipped, as a static host does for a phone."""
        if not self.compress or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if not path.is_file() or not ctype.startswith(COMPRESSED_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if self.requests is not None:
            self.requests.append((self.path, int(code)))

    def end_headers(self) -> None:
        if self.cache_seconds is not None:
            self.send_header("Cache-Control", f"max-age={self.cache_seconds}")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve(
    directory: Path,
    cache_seconds: int | None = None,
    compress: bool = False,
    requests: list[tuple[str, int]] | None = None,
) -> Iterator[str]:
    """Serve `directory` on a free loopback port; yield the base URL ("http://127.0.0.1:N/").

    `cache_seconds` adds a Cache-Control max-age header, as a static host such as GitHub
    Pages does (600 s), so that warm-cache visits can be measured; `compress` gzips text files
    for clients that accept it. `requests`, if given, receives (path, status) for every
    request, including those a browser makes on its own (the favicon), which Playwright does
    not report.
    """
    handler = type(
        "Handler",
        (_Handler,),
        {"cache_seconds": cache_seconds, "compress": compress, "requests": requests},
    )
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
