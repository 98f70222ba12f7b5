"""The review page in a real browser (Debian's chromium driven by playwright): reject one fact,
correct another, add a missed one by dragging over its words, reload, rebuild, and see the
series change."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from review_build import build_corpus, serving

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.slow


@pytest.fixture
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        pytest.skip("no chromium at /usr/bin/chromium (apt-get install chromium)")
    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


def _series_facts(outdir: Path) -> dict[str, tuple[str, Any]]:
    """fact id -> (status, value) of each vintage's first fact in series.json."""
    data = json.loads((outdir / "series.json").read_text(encoding="utf-8"))
    out: dict[str, tuple[str, Any]] = {}
    for series in data["series"]:
        for observation in series["observations"]:
            for vintage in observation["vintages"]:
                for fact_id in vintage["fact_ids"]:
                    out[fact_id] = (vintage["status"], vintage["value"])
    return out


def test_reject_correct_add_reload_rebuild(browser: Any, tmp_path: Path) -> None:
    reports, outdir = build_corpus(tmp_path)
    facts = json.loads((outdir / "facts.json").read_text(encoding="utf-8"))["facts"]
    before = _series_facts(outdir)
    first = [f for f in facts if f["document"] == "aedes-huurschulden-2022.pdf"
             and f["source"]["page"] == 1 and f["id"] in before and f["source"]["bbox"]]
    rejected, corrected = first[0], first[1]
    errors: list[str] = []
    with serving(outdir) as server:  # the default decisions file: beside the reports
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server.url)
        page.wait_for_selector(".card.selected")
        assert "0 of 28 reviewed" in page.inner_text("#count")

        page.click(f'svg rect[data-id="{rejected["id"]}"]')
        page.wait_for_selector(f'.card.selected[data-id="{rejected["id"]}"]')
        page.keyboard.press("r")
        page.wait_for_selector(f'.card.rejected[data-id="{rejected["id"]}"]')

        page.click(f'svg rect[data-id="{corrected["id"]}"]')
        page.fill("#edit-value", "999")
        page.click("text=Save correction")
        page.wait_for_selector(f'.card.corrected[data-id="{corrected["id"]}"]')

        # Add the rejected figure back, as a figure of another period, by dragging over it.
        page.click("#add-mode")
        box = page.locator(f'svg rect[data-id="{rejected["id"]}"]').bounding_box()
        page.mouse.move(box["x"] - 3, box["y"] - 3)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] + 3, box["y"] + box["height"] + 3, steps=4)
        page.mouse.up()
        page.wait_for_selector("#add-form:not([hidden])")
        assert page.input_value("#add-value") == str(rejected["value"])
        assert page.input_value("#add-concept") == rejected["concept"]
        page.fill("#add-period", "2010")
        page.click("#add-form button[type=submit]")
        page.wait_for_selector(".card.added")

        page.reload()
        page.wait_for_selector(".card.selected")
        assert "3 of 29 reviewed" in page.inner_text("#count")
        assert page.locator(f'.card.rejected[data-id="{rejected["id"]}"]').count() == 1
        assert page.locator(f'.card.corrected[data-id="{corrected["id"]}"]').count() == 1
        assert errors == []

    review = reports / "review.jsonl"
    assert [json.loads(line)["action"] for line in review.read_text().splitlines()] == [
        "reject", "correct", "add"]
    build_corpus(tmp_path, review=review)
    after = _series_facts(outdir)
    assert rejected["id"] not in after
    assert after[corrected["id"]] == ("corrected", 999)
    added = [f for f in json.loads((outdir / "facts.json").read_text())["facts"]
             if f["source"]["origin"] == "review"]
    assert [(f["period"], f["value"]) for f in added] == [("2010", rejected["value"])]
    assert added[0]["id"] in after
    record = json.loads((outdir / "build.json").read_text())["review"]
    assert (record["applied"], record["unmatched"]) == (3, [])


def test_keys_after_choosing_a_report_and_a_filter(browser: Any, tmp_path: Path) -> None:
    _, outdir = build_corpus(tmp_path)
    with serving(outdir, tmp_path / "review.jsonl") as server:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(server.url)
        page.wait_for_selector(".card.selected")
        page.select_option("#report", "1")
        page.check("#f-todo")
        first = page.get_attribute(".card.selected", "data-id")
        page.keyboard.press("a")
        page.wait_for_selector("#count:text-matches('^1 of')")  # (the page's CSP forbids eval)
        second = page.get_attribute(".card.selected", "data-id")
        assert second != first  # on to the next fact not yet reviewed
        page.keyboard.press("k")  # the accepted one is filtered out: stays put
        assert page.get_attribute(".card.selected", "data-id") == second
        page.uncheck("#f-todo")
        page.keyboard.press("k")
        page.wait_for_selector(f'.card.accepted.selected[data-id="{first}"]')
    lines = (tmp_path / "review.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["fact_id"] for line in lines] == [first]
