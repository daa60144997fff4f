"""The HTTP side of ``make redaksi``: loopback only, same-origin only.

Every request must name this server in ``Host`` (a page on another site that
rebinds its DNS name to 127.0.0.1 cannot talk to it); every API call must
come from the admin page itself (``Origin``) as JSON. Static files are served
from the admin folder only, with the admin's own Content-Security-Policy.
"""

import json
import logging
import os
import posixpath
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from .api import ProxyApi
from .paths import Refused

logger = logging.getLogger(__name__)

ADMIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "admin")
MAX_REQUEST_BYTES = 25 * 1024 * 1024  # an image of 10 MB, base64, in JSON
# The same policy as deploy/nginx-redaksi.conf: Decap compiles its schema
# validator (unsafe-eval) and injects style tags (unsafe-inline).
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self' blob:; font-src 'self' data:; frame-src 'self' blob:; "
    "worker-src 'self' blob:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "X-Robots-Tag": "noindex, nofollow",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cache-Control": "no-store",
}
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}


class RedaksiServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, api: ProxyApi, page_data: dict, site_css: str):
        super().__init__(address, RedaksiHandler)
        self.api = api
        self.page_data = page_data
        self.site_css = site_css
        port = self.server_address[1]
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{host}" for host in self.hosts}


class RedaksiHandler(BaseHTTPRequestHandler):
    server: RedaksiServer
    server_version = "redaksi"
    sys_version = ""

    def log_message(self, format, *args):
        logger.debug("%s %s", self.address_string(), format % args)

    # Responses -----------------------------------------------------------

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        for name, value in HEADERS.items():
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, value) -> None:
        body = json.dumps(value, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")

    def _refuse(self, refused: Refused) -> None:
        if refused.status != 404:  # Decap asks for a new entry's file first
            logger.warning("Ditolak: %s", refused.message)
        self._json(refused.status, {"error": refused.message})

    def _check_host(self) -> bool:
        if self.headers.get("Host") in self.server.hosts:
            return True
        self._refuse(
            Refused(
                f"nama host “{self.headers.get('Host')}” ditolak: buka redaksi "
                f"di http://127.0.0.1:{self.server.server_address[1]}/admin/.",
                421,
            )
        )
        return False

    # GET: the admin page and its files ------------------------------------

    def do_GET(self):
        if not self._check_host():
            return
        path = urlsplit(self.path).path
        if path in ("/", "/admin"):
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", "/admin/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path == "/admin/redaksi.json":
            self._json(200, self.server.page_data)
            return
        if path == "/admin/site.css":  # the theme's, for the preview pane
            with open(self.server.site_css, "rb") as source:
                self._send(200, source.read(), TYPES[".css"])
            return
        if not path.startswith("/admin/"):
            self._send(404, b"Tidak ditemukan.\n", TYPES[".txt"])
            return
        relative = posixpath.normpath(path[len("/admin/") :] or "index.html")
        if path.endswith("/"):
            relative = "index.html"
        parts = relative.split("/")
        file = os.path.join(ADMIN, *parts)
        if (
            relative.startswith("../")
            or any(part.startswith(".") for part in parts)
            or not os.path.isfile(file)
            or os.path.commonpath([ADMIN, os.path.realpath(file)]) != ADMIN
        ):
            self._send(404, b"Tidak ditemukan.\n", TYPES[".txt"])
            return
        with open(file, "rb") as source:
            body = source.read()
        extension = os.path.splitext(file)[1]
        self._send(200, body, TYPES.get(extension, "application/octet-stream"))

    do_HEAD = do_GET

    # POST /api/v1: Decap's proxy API -------------------------------------

    def do_POST(self):
        if not self._check_host():
            return
        if urlsplit(self.path).path != "/api/v1":
            self._send(404, b"Tidak ditemukan.\n", TYPES[".txt"])
            return
        try:
            request = self._request()
            result = self.server.api.handle(
                request.get("action"), request.get("params", {})
            )
        except Refused as refused:
            self._refuse(refused)
            return
        except (TypeError, ValueError, AttributeError, KeyError) as error:
            logger.warning("Permintaan tidak sah: %r", error)
            self._refuse(Refused("permintaan tidak sah (isian tidak lengkap).", 400))
            return
        except OSError as error:
            logger.warning("Berkas: %s", error)
            reason = error.strerror or str(error)
            self._refuse(
                Refused(f"berkas tidak dapat dibaca atau ditulis: {reason}.", 500)
            )
            return
        except Exception:  # the editor gets a message; the operator the traceback
            logger.exception("Galat di server redaksi")
            self._refuse(
                Refused(
                    "galat di server redaksi; minta operator melihat terminalnya.", 500
                )
            )
            return
        self._json(200, result)

    def _request(self) -> dict:
        origin = self.headers.get("Origin")
        if origin not in self.server.origins:
            raise Refused(
                f"permintaan dari asal “{origin or 'tanpa Origin'}” ditolak: hanya "
                "halaman redaksi sendiri yang boleh menyimpan."
            )
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        if kind != "application/json":
            raise Refused("permintaan harus berupa JSON.", 415)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 < length <= MAX_REQUEST_BYTES:
            raise Refused(
                "permintaan kosong atau terlalu besar (gambar paling besar 10 MB).",
                413,
            )
        try:
            request = json.loads(self.rfile.read(length))
        except (ValueError, UnicodeDecodeError) as error:
            raise Refused("permintaan bukan JSON yang sah.", 400) from error
        if not isinstance(request, dict):
            raise Refused("permintaan bukan JSON yang sah.", 400)
        return request
