"""The review server: loopback only, a token on every request that reads or changes state,
reports addressed by index, decisions appended to the file."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from rapportextract.errors import RapportExtractError
from rapportextract.review import load_decisions
from rapportextract.review.server import serve
from review_build import build_corpus, request, serving


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build_corpus(tmp_path_factory.mktemp("review-server"))


def test_binds_loopback_and_needs_the_token(built: tuple[Path, Path], tmp_path: Path) -> None:
    _, outdir = built
    with serving(outdir, tmp_path / "review.jsonl") as server:
        assert server.server_address[0] == "127.0.0.1"
        token = server.token
        assert urlsplit(server.url).query == f"token={token}"
        assert request(server, "GET", "/")[0] == 403
        assert request(server, "GET", "/api/state?token=wrong")[0] == 403
        status, page = request(server, "GET", f"/?token={token}")
        assert status == 200 and token.encode() in page
        assert request(server, "GET", "/static/review.js")[0] == 200  # no secret in it
        status, body = request(server, "GET", f"/api/state?token={token}")
        state = json.loads(body)
        assert status == 200 and [r["name"] for r in state["reports"]] == [
            "aedes-huurschulden-2022.pdf", "aedes-huurschulden-2023.pdf"]
        assert all(r["problem"] is None for r in state["reports"])
        # Another site's page cannot post a decision: no token, or a form post.
        decision = {"doc": 0, "fact_id": state["reports"][0]["facts"][0]["id"],
                    "action": "reject"}
        assert request(server, "POST", "/api/decide", decision)[0] == 403
        assert request(server, "POST", f"/api/decide?token={token}", decision)[0] == 403
        assert request(server, "POST", "/api/decide", decision, {
            "X-Review-Token": token, "Content-Type": "text/plain"})[0] == 415
        assert request(server, "GET", f"/?token={token}", headers={
            "Host": "evil.example"})[0] == 403  # a rebound DNS name
        assert not (tmp_path / "review.jsonl").exists()


def test_a_decision_is_appended_and_shown(built: tuple[Path, Path], tmp_path: Path) -> None:
    _, outdir = built
    review = tmp_path / "review.jsonl"
    with serving(outdir, review) as server:
        headers = {"X-Review-Token": server.token}
        state = json.loads(request(server, "GET", "/api/state", headers=headers)[1])
        fact = state["reports"][1]["facts"][0]
        status, _ = request(server, "POST", "/api/decide", {
            "doc": 1, "fact_id": fact["id"], "action": "correct",
            "fields": {"value": "7", "period": "2021"}}, headers)
        assert status == 200
        log = load_decisions(review)
        assert [(d.fact_id, d.action, d.fields) for d in log.decisions] == [
            (fact["id"], "correct", {"value": "7", "period": "2021"})]
        assert log.decisions[0].document_sha256 == state["reports"][1]["sha256"]
        assert log.decisions[0].match is not None and log.decisions[0].match.text == fact["text"]
        state = json.loads(request(server, "GET", "/api/state", headers=headers)[1])
        shown = next(f for f in state["reports"][1]["facts"] if f["id"] == fact["id"])
        assert shown["review"]["action"] == "correct"


@pytest.mark.parametrize(("body", "message"), [
    pytest.param({"doc": 9, "fact_id": "x", "action": "accept"}, "no such report",
                 id="report-out-of-range"),
    pytest.param({"doc": "../../etc/passwd", "action": "accept"}, "no such report",
                 id="path-for-report"),
    pytest.param({"doc": 0, "fact_id": "nope", "action": "accept"}, "no such fact",
                 id="unknown-fact"),
    pytest.param({"doc": 0, "fact_id": "x", "action": "delete"}, "action must be",
                 id="unknown-action"),
    pytest.param({"doc": 0, "fact_id": "review-0123456789abcdef", "action": "reject"},
                 "no such fact", id="unknown-added-figure"),
])
def test_malformed_decisions_are_refused(built: tuple[Path, Path], tmp_path: Path,
                                         body: dict[str, Any], message: str) -> None:
    _, outdir = built
    with serving(outdir, tmp_path / "review.jsonl") as server:
        status, reply = request(server, "POST", "/api/decide", body,
                                 {"X-Review-Token": server.token})
        assert status == 400 and message in json.loads(reply)["error"]
        assert not (tmp_path / "review.jsonl").exists()


def test_words_inside_a_rectangle_suggest_a_figure(built: tuple[Path, Path],
                                                   tmp_path: Path) -> None:
    _, outdir = built
    with serving(outdir, tmp_path / "review.jsonl") as server:
        headers = {"X-Review-Token": server.token}
        state = json.loads(request(server, "GET", "/api/state", headers=headers)[1])
        fact = next(f for f in state["reports"][0]["facts"] if f["bbox"] and f["unit"] == "EUR")
        x0, top, x1, bottom = fact["bbox"]
        status, reply = request(server, "POST", "/api/words", {
            "doc": 0, "page": fact["page"], "rect": [x0 - 1, top - 1, x1 + 1, bottom + 1]},
            headers)
        found = json.loads(reply)
        assert status == 200
        assert found["text"] == fact["text"]
        assert found["suggestion"]["value"] == fact["value"]
        assert found["suggestion"]["unit"] == "EUR"
        status, image = request(server, "GET", f"/api/page/0/{fact['page']}", headers=headers)
        assert status == 200 and image.startswith(b"\x89PNG")


def test_a_port_in_use_fails_in_one_line(built: tuple[Path, Path]) -> None:
    _, outdir = built
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(RapportExtractError, match=f"127.0.0.1:{port} .*another --port"):
            serve(outdir, None, port)
