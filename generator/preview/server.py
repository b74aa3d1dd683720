"""The preview's web server: its page, the event stream that refreshes it, the page pictures.

It serves nothing else. No workspace file is ever served: a URL names one of the fixed
routes or a picture of the current render by its digest, and that picture must be a regular
file inside the preview's own folder (a link planted there is refused). A request whose Host
is not the loopback address the server listens on is refused too, so a web page that rebinds
its name to 127.0.0.1 cannot read the client's documents.
"""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import stat
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

from generator.preview.board import Board

logger = logging.getLogger(__name__)

STATIC = {  # route → (file in static/, content type)
    "/": ("index.html", "text/html; charset=utf-8"),
    "/preview.js": ("preview.js", "text/javascript; charset=utf-8"),
    "/preview.css": ("preview.css", "text/css; charset=utf-8"),
}
PAGE_ROUTE = re.compile(r"/pages/(page-[0-9a-f]{20}\.png)")
KEEP_ALIVE_SECONDS = 15
LOOPBACK = ("127.0.0.1", "localhost", "::1")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream never holds the preview up when it stops
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], board: Board, pages_dir: Path):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, PreviewHandler)
        self.board = board
        self.pages_dir = pages_dir.resolve()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}/"

    def allowed_host(self, header: str | None) -> bool:
        host = str(self.server_address[0])
        if host not in LOOPBACK:
            return True  # listening beyond loopback was asked for on purpose
        if not header:
            return False
        name, _, port = header.rpartition(":") if not header.endswith("]") else (header, "", "")
        name = name.strip("[]")
        return name in LOOPBACK and port == str(self.server_address[1])


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "rapport-preview"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if not self.server.allowed_host(self.headers.get("Host")):
            self._refuse(HTTPStatus.FORBIDDEN, "this preview answers only on its own address")
            return
        route = urlsplit(self.path).path
        if route in STATIC:
            name, content_type = STATIC[route]
            body = (files(__package__) / "static" / name).read_bytes()
            self._send(HTTPStatus.OK, body, content_type)
        elif route == "/state":
            body = json.dumps(self.server.board.snapshot.to_dict(), ensure_ascii=False)
            self._send(HTTPStatus.OK, body.encode(), "application/json; charset=utf-8")
        elif route == "/events":
            self._events()
        elif match := PAGE_ROUTE.fullmatch(route):
            self._page(match.group(1))
        else:
            self._refuse(HTTPStatus.NOT_FOUND, "not found")

    def _page(self, name: str) -> None:
        if name not in self.server.board.snapshot.files:
            self._refuse(HTTPStatus.NOT_FOUND, "not a page of this preview")
            return
        folder = self.server.pages_dir
        try:
            # O_NOFOLLOW: a link in place of the picture is refused, wherever it points.
            fd = os.open(folder / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            self._refuse(HTTPStatus.NOT_FOUND, "not found")
            return
        except OSError:
            self._refuse(HTTPStatus.FORBIDDEN, "refused")
            return
        with os.fdopen(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                self._refuse(HTTPStatus.FORBIDDEN, "refused")
                return
            data = file.read()
        # A picture's name is the digest of its pixels: it never changes under its name.
        self._send(HTTPStatus.OK, data, "image/png", cache="max-age=31536000, immutable")

    def _events(self) -> None:
        """Server-sent events: the snapshot now, then each newer one as it comes."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self._security_headers()
        self.end_headers()
        self.close_connection = True
        board = self.server.board
        version = -1
        try:
            while not board.closed:
                snapshot = board.wait_newer(version, KEEP_ALIVE_SECONDS)
                if snapshot is None:
                    self.wfile.write(b": still here\n\n")
                else:
                    version = snapshot.version
                    data = json.dumps(snapshot.to_dict(), ensure_ascii=False)
                    self.wfile.write(f"id: {version}\ndata: {data}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the tab was closed or reloaded

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, cache="no-store") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache)
        self._security_headers()
        self.end_headers()
        self.wfile.write(body)

    def _refuse(self, status: HTTPStatus, message: str) -> None:
        self._send(status, f"{message}\n".encode(), "text/plain; charset=utf-8")

    def _security_headers(self) -> None:
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        logger.debug("%s %s", self.address_string(), format % args)
