"""A small build for the review tests: two corpus reports copied to a folder, built once."""

from __future__ import annotations

import http.client
import json
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rapportextract.batch import build
from rapportextract.review.server import ReviewServer
from rapportextract.review.state import ReviewState

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
REPORTS = ("aedes-huurschulden-2022.pdf", "aedes-huurschulden-2023.pdf")


def build_corpus(root: Path, review: Path | None = None) -> tuple[Path, Path]:
    """(reports folder, output folder) of a build of the two reports under `root`."""
    reports = root / "reports"
    if not reports.exists():
        reports.mkdir(parents=True)
        for name in REPORTS:
            shutil.copy(CORPUS / name, reports / name)
    outdir = root / "out"
    build([reports], outdir, workers=1, review=review, cache_path=root / "cache.sqlite")
    return reports, outdir


@contextmanager
def serving(outdir: Path, review: Path | None = None) -> Iterator[ReviewServer]:
    """The review server on a free port of 127.0.0.1, stopped on leaving."""
    server = ReviewServer(ReviewState(outdir, review))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def request(server: ReviewServer, method: str, path: str, body: Any = None,
            headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    """(status, body) of one request to the server; a body is sent as JSON."""
    port = server.server_address[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    data = json.dumps(body).encode() if body is not None else None
    sent = {"Content-Type": "application/json"} if data is not None else {}
    conn.request(method, path, body=data, headers={**sent, **(headers or {})})
    response = conn.getresponse()
    out = (response.status, response.read())
    conn.close()
    return out
