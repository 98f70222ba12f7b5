"""The review page's server: the standard library's ThreadingHTTPServer on 127.0.0.1.

The standard library serves one local user well enough and adds no dependency to a tool
archivists install. Every request but the static files needs the run's random token (in the
page address, and in a header on every request that changes state), the Host header must name
the loopback address, and a request that changes state must be JSON: a page of another site
can neither read the state nor write a decision. Reports are addressed by their index in the
build's list, never by a path.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from rapportextract.errors import RapportExtractError
from rapportextract.review.state import ReviewState, suggest

HOST = "127.0.0.1"
MAX_BODY = 64 * 1024
_STATIC = {"review.js": "text/javascript", "review.css": "text/css"}


def _static(name: str) -> bytes:
    return resources.files("rapportextract.review").joinpath("static", name).read_bytes()


class ReviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: ReviewState, port: int = 0) -> None:
        self.state = state
        self.token = secrets.token_urlsafe(24)
        super().__init__((HOST, port), _Handler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/?token={self.token}"


class _Handler(BaseHTTPRequestHandler):
    server: ReviewServer
    server_version = "rapportextract-review"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows the address, not every request."""

    # ------------------------------------------------------------------ checks and replies

    def _host_ok(self) -> bool:
        port = self.server.server_address[1]
        return self.headers.get("Host", "") in (f"{HOST}:{port}", f"localhost:{port}")

    def _token_ok(self, query: dict[str, list[str]]) -> bool:
        given = self.headers.get("X-Review-Token") or (query.get("token") or [""])[0]
        return secrets.compare_digest(given.encode(), self.server.token.encode())

    def _send(self, status: int, body: bytes, kind: str, extra: dict[str, str] | None = None
              ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, payload: Any) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")

    def _fail(self, status: int, message: str) -> None:
        self._json(status, {"error": message})

    # ------------------------------------------------------------------ requests

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        parts = [p for p in url.path.split("/") if p]
        if not self._host_ok():
            return self._fail(HTTPStatus.FORBIDDEN, "wrong Host header")
        if len(parts) == 2 and parts[0] == "static" and parts[1] in _STATIC:
            return self._send(HTTPStatus.OK, _static(parts[1]), _STATIC[parts[1]])
        if not self._token_ok(query):
            return self._fail(HTTPStatus.FORBIDDEN, "open the address the review command "
                                                    "printed (it holds the token)")
        state = self.server.state
        try:
            if not parts:
                page = _static("index.html").replace(b"{{TOKEN}}", self.server.token.encode())
                return self._send(HTTPStatus.OK, page, "text/html; charset=utf-8", {
                    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                                               "frame-ancestors 'none'"})
            if parts == ["api", "state"]:
                return self._json(HTTPStatus.OK, state.state())
            if len(parts) == 4 and parts[0] == "api" and parts[1] in ("page", "text"):
                report = state.report(_int(parts[2]))
                number = _int(parts[3])
                if parts[1] == "page":
                    return self._send(HTTPStatus.OK, state.page_image(report, number),
                                      "image/png")
                return self._json(HTTPStatus.OK, {"text": state.page_text(report, number)})
        except (ValueError, IndexError) as exc:
            return self._fail(HTTPStatus.NOT_FOUND, str(exc))
        return self._fail(HTTPStatus.NOT_FOUND, "no such page")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if not self._host_ok():
            return self._fail(HTTPStatus.FORBIDDEN, "wrong Host header")
        if not self.headers.get("X-Review-Token") or not self._token_ok({}):
            return self._fail(HTTPStatus.FORBIDDEN, "missing or wrong token")
        if not self.headers.get("Content-Type", "").startswith("application/json"):
            return self._fail(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send JSON")
        length = _int(self.headers.get("Content-Length", "0"), default=-1)
        if not 0 <= length <= MAX_BODY:
            return self._fail(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request too large")
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            return self._fail(HTTPStatus.BAD_REQUEST, "not JSON")
        state = self.server.state
        try:
            if url.path == "/api/decide":
                decision = state.decide(body)
                return self._json(HTTPStatus.OK, {"fact_id": decision.fact_id,
                                                  "action": decision.action})
            if url.path == "/api/words" and isinstance(body, dict):
                report = state.report(body.get("doc"))
                if isinstance(body.get("text"), str):  # text selected on a text report
                    text = " ".join(body["text"].split())
                    return self._json(HTTPStatus.OK, {"text": text, "bbox": None,
                                                      "suggestion": suggest(text, report)})
                return self._json(HTTPStatus.OK, state.words(
                    report, _int(str(body.get("page"))), body.get("rect")))
        except ValueError as exc:
            return self._fail(HTTPStatus.BAD_REQUEST, str(exc))
        return self._fail(HTTPStatus.NOT_FOUND, "no such request")


def _int(text: str, default: int = 0) -> int:
    try:
        return int(text)
    except ValueError:
        return default


def serve(outdir: Path, review_path: Path | None = None, port: int = 0, *,
          announce: Callable[[str], None] | None = None) -> int:
    """Serve the review page until interrupted (Ctrl-C); `announce` is given the lines to
    show the user (the address with its token, the decisions file)."""
    state = ReviewState(Path(outdir), review_path)
    try:
        server = ReviewServer(state, port)
    except OSError as exc:
        raise RapportExtractError(
            f"cannot serve the review page on {HOST}:{port} ({exc.strerror or exc})",
            hint="choose another --port, or leave it out for a free one") from exc
    if announce is not None:
        announce(f"review page: {server.url}")
        announce(f"decisions are kept in {state.review_path}; stop with Ctrl-C")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
