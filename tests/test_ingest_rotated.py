"""Text turned a quarter (axis titles, margin labels) and fonts embedded in several subsets:
letters that belong together come out as one word."""

from __future__ import annotations

import os
from itertools import pairwise
from pathlib import Path

import matplotlib
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from rapportextract.ingest import read_document
from rapportextract.ingest.pdf import read_pdf_pages
from rapportextract.models import BBox, Word

matplotlib.use("Agg")

PROSE = [
    "Het aantal huishoudens met een achterstand in de huur nam in 2021 af.",
    "Verhuurders maakten vaker een afspraak over aflossen met de huurder.",
    "Daardoor bleef het aantal ontruimingen lager dan twee jaar eerder.",
]


def _words(path: Path) -> list[Word]:
    pages, _, _ = read_pdf_pages(path)
    return pages[0].words


def _contains(outer: BBox, inner: BBox, pad: float = 0.5) -> bool:
    return (outer[0] - pad <= inner[0] and outer[1] - pad <= inner[1]
            and inner[2] <= outer[2] + pad and inner[3] <= outer[3] + pad)


def _matplotlib_chart(path: Path) -> None:
    import matplotlib.pyplot as plt

    with matplotlib.rc_context({"pdf.fonttype": 42}):
        fig, ax = plt.subplots(figsize=(5, 3.5))
        ax.bar(["2019", "2020", "2021"], [3100, 2900, 2600])
        ax.set_ylabel("Aantal huisuitzettingen")
        ax.set_title("Ontruimingen per jaar")
        fig.savefig(path)
        plt.close(fig)


def _page_with_turned_labels(path: Path, *, labels: bool) -> None:
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Helvetica", 10)
    y = 780.0
    for line in PROSE:
        canvas.drawString(72, y, line)
        y -= 14
    if labels:
        canvas.saveState()  # read upwards, along the left margin
        canvas.translate(40, 600)
        canvas.rotate(90)
        canvas.setFont("Helvetica-Bold", 12)
        canvas.drawString(0, 0, "Zijbalk met uitleg")
        canvas.restoreState()
        canvas.saveState()  # read downwards, along the right margin
        canvas.translate(560, 700)
        canvas.rotate(-90)
        canvas.setFont("Helvetica", 9)
        canvas.drawString(0, 0, "Omlaag gelezen tekst")
        canvas.restoreState()
    canvas.showPage()
    canvas.save()


def test_axis_title_of_a_matplotlib_chart_is_whole_words(tmp_path: Path) -> None:
    path = tmp_path / "grafiek_2021.pdf"
    _matplotlib_chart(path)
    words = _words(path)
    texts = [w.text for w in words]
    assert "Aantal" in texts and "huisuitzettingen" in texts
    assert not [t for t in texts if len(t) == 1 and t.isalpha()], texts
    title = next(w for w in words if w.text == "Aantal")
    rest = next(w for w in words if w.text == "huisuitzettingen")
    # The boxes cover the turned words: tall and narrow, the longer word the taller box, and
    # read upwards the first word stands lower on the page.
    for word in (title, rest):
        assert word.bbox[3] - word.bbox[1] > 2 * (word.bbox[2] - word.bbox[0])
    assert rest.bbox[3] - rest.bbox[1] > 2 * (title.bbox[3] - title.bbox[1])
    assert title.bbox[1] > rest.bbox[3]
    assert title.size == pytest.approx(10.0, abs=0.2)  # matplotlib's default label size
    # Upright text of the chart is read as before.
    assert {"2019", "2020", "2021", "Ontruimingen", "per", "jaar"} <= set(texts)


def test_turned_margin_labels_are_words_in_reading_order(tmp_path: Path) -> None:
    path = tmp_path / "zijbalk_2021.pdf"
    _page_with_turned_labels(path, labels=True)
    words = _words(path)
    up = [w for w in words if w.bbox[0] < 50]
    down = [w for w in words if w.bbox[0] > 550]
    assert [w.text for w in up] == ["Zijbalk", "met", "uitleg"]
    assert [w.text for w in down] == ["Omlaag", "gelezen", "tekst"]
    # Upwards: each next word higher on the page; downwards: each next word lower.
    assert all(a.bbox[1] > b.bbox[3] for a, b in pairwise(up))
    assert all(a.bbox[3] < b.bbox[1] for a, b in pairwise(down))
    assert {w.size for w in up} == {12.0} and {w.size for w in down} == {9.0}
    assert all(w.bold for w in up) and not any(w.bold for w in down)


def test_turned_labels_leave_the_prose_of_the_page_unchanged(tmp_path: Path) -> None:
    plain, labelled = tmp_path / "tekst_2021.pdf", tmp_path / "zijbalk_2021.pdf"
    _page_with_turned_labels(plain, labels=False)
    _page_with_turned_labels(labelled, labels=True)
    before = read_document(plain)
    after = read_document(labelled)
    upright = [w for w in _words(labelled) if 50 < w.bbox[0] < 550]
    assert [(w.text, w.bbox) for w in upright] == [(w.text, w.bbox) for w in _words(plain)]
    prose = [b.text for b in before.blocks()]
    assert prose == [" ".join(PROSE)]
    assert [b.text for b in after.blocks() if b.text in prose] == prose
    assert [s.text for s in after.sentences if s.text in {t.text for t in before.sentences}] == [
        s.text for s in before.sentences
    ]
    # No block is made of loose letters of the turned labels.
    assert not [b.text for b in after.blocks() if len(b.text.replace(" ", "")) <= 2]


def _dejavu() -> str:
    path = os.path.join(matplotlib.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")
    if not os.path.exists(path):
        pytest.skip("DejaVuSans.ttf not shipped with this matplotlib")
    return path


def test_one_font_in_two_subsets_does_not_cut_a_word(tmp_path: Path) -> None:
    # A font embedded with more than 256 letters is split into subsets, each with its own
    # tag ("AAAAAA+DejaVuSans", "AAAAAB+DejaVuSans"). The ligature below lands in the second
    # subset, in the middle of a word set in the first.
    pdfmetrics.registerFont(TTFont("DejaVuSubsets", _dejavu()))
    path = tmp_path / "subsets_2021.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("DejaVuSubsets", 10)
    filler = "".join(chr(0x0400 + i) for i in range(256))
    for i in range(4):
        canvas.drawString(72, 780 - 14 * i, filler[64 * i:64 * (i + 1)])
    canvas.drawString(72, 700, "Gra\ufb01ek van het aantal ontruimingen")
    canvas.showPage()
    canvas.save()
    words = _words(path)
    texts = [w.text for w in words]
    assert texts[-5:] == ["Grafiek", "van", "het", "aantal", "ontruimingen"]
    assert all(w.fontname == "DejaVuSans" for w in words)


def test_mirrored_line_across_the_page_is_read_as_words(tmp_path: Path) -> None:
    # Flipped upside down (a mirrored text matrix): pdfminer calls these letters not upright,
    # yet the line still runs across the page.
    path = tmp_path / "spiegel_2021.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 780, PROSE[0])
    canvas.saveState()
    canvas.translate(72, 700)
    canvas.scale(1, -1)
    canvas.drawString(0, 0, "Gespiegelde regel onder de grafiek")
    canvas.restoreState()
    canvas.showPage()
    canvas.save()
    words = _words(path)
    flipped = [w for w in words if w.bbox[1] > 100]
    assert [w.text for w in flipped] == ["Gespiegelde", "regel", "onder", "de", "grafiek"]
    assert {w.size for w in flipped} == {10.0}
    assert " ".join(w.text for w in words if w.bbox[1] < 100) == PROSE[0]
