"""A text report on the review page: its page's text instead of an image, and a figure added
from words selected in that text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rapportextract.batch import build
from rapportextract.cli import main
from review_build import request, serving

REPORT = """Huurachterstanden en huisuitzettingen 2019

Eind 2018 hadden 95.000 huurders van een corporatie een huurachterstand.

In 2018 zijn 3.100 woningen ontruimd, ongeveer 400 minder dan een jaar eerder.
"""


def test_text_report_page_text_and_added_figure(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "huurachterstanden-2019.txt").write_text(REPORT, encoding="utf-8")
    outdir = tmp_path / "out"
    build([reports], outdir, workers=1, cache_path=tmp_path / "cache.sqlite")
    with serving(outdir) as server:
        headers = {"X-Review-Token": server.token}
        state = json.loads(request(server, "GET", "/api/state", headers=headers)[1])
        assert state["review_file"] == str((reports / "review.jsonl").resolve())
        text_report = state["reports"][0]
        assert text_report["source_type"] == "text" and text_report["problem"] is None
        status, body = request(server, "GET", "/api/text/0/1", headers=headers)
        assert status == 200 and "95.000 huurders" in json.loads(body)["text"]
        assert request(server, "GET", "/api/page/0/1", headers=headers)[0] == 404
        status, body = request(server, "POST", "/api/words",
                                {"doc": 0, "text": "  ongeveer 400\nminder "}, headers)
        found = json.loads(body)
        assert found["text"] == "ongeveer 400 minder" and found["bbox"] is None
        assert found["suggestion"]["period"] == "2018"
        fields = {**found["suggestion"], "value": "-400", "unit": "count", "kind": "change",
                  "page": 1, "text": found["text"], "concept": "evictions_total"}
        status, body = request(server, "POST", "/api/decide",
                                {"doc": 0, "action": "add", "fields": fields}, headers)
        assert status == 200, body
    assert main(["build", str(reports), "-o", str(outdir), "--workers", "1", "-q",
                 "--review", str(reports / "review.jsonl")]) == 0
    facts = json.loads((outdir / "facts.json").read_text(encoding="utf-8"))["facts"]
    added = [f for f in facts if f["source"]["origin"] == "review"]
    assert [(f["value"], f["kind"], f["source"]["bbox"]) for f in added] == [(-400, "change",
                                                                               None)]


def test_review_of_a_folder_without_a_build_fails_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(tmp_path)]) == 1
    message = capsys.readouterr().err
    assert message.count("\n") == 1 and "no facts.json" in message and str(tmp_path) in message
