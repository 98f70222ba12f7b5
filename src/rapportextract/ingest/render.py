"""Draw the recognised figures on the page images, so a person can check a report at a glance.

Each fact's box is outlined in the colour of its origin (prose, chart, table) and labelled with
the value it was read as; a page without facts is still written, so a missed figure shows as a
number without a box.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from PIL import ImageDraw

from rapportextract.errors import InputError
from rapportextract.export.atomic import atomic_open
from rapportextract.ingest.pdf import close_pdf, open_pdf, plumber_pages
from rapportextract.models import Fact, Notice

ORIGIN_COLOURS = {
    "text": (220, 40, 40),
    "chart": (30, 110, 220),
    "table": (20, 150, 70),
    "ocr": (200, 120, 0),
}


def _label(fact: Fact) -> str:
    value = f"{fact.value:,}".replace(",", ".") if fact.unit != "percent" else f"{fact.value}%"
    concept = fact.concept or "-"
    return f"{value} {fact.period} {concept}"


def draw_facts(
    path: str | Path,
    facts: Iterable[Fact],
    outdir: Path,
    *,
    password: str | None = None,
    resolution: int = 100,
) -> list[Path]:
    """Write ``<name>-p<N>.png`` for every page of the PDF at `path` with the facts drawn on
    it; returns the files written."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise InputError("drawing needs a PDF", path=path, hint="text input has no page images")
    by_page: dict[int, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.source.bbox is not None:
            by_page[fact.source.page].append(fact)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    scale = resolution / 72
    pdf = open_pdf(path, password)
    notices: list[Notice] = []
    try:
        # The same page walk as reading: a page the reader left out is left out here too.
        for _number, page in plumber_pages(pdf, path, notices):
            if page is None:
                continue
            try:
                image = page.to_image(resolution=resolution).annotated.convert("RGB")
            except Exception:  # a page pdfium cannot render gets no picture
                page.close()
                continue
            draw = ImageDraw.Draw(image)
            for fact in by_page.get(page.page_number, []):
                assert fact.source.bbox is not None
                x0, top, x1, bottom = (c * scale for c in fact.source.bbox)
                colour = ORIGIN_COLOURS.get(fact.source.origin, (0, 0, 0))
                draw.rectangle((x0 - 1, top - 1, x1 + 1, bottom + 1), outline=colour, width=2)
                # A white ground under the label keeps it legible over the page's own text.
                anchor = (x0, max(0.0, top - 11))
                draw.rectangle(draw.textbbox(anchor, _label(fact)), fill=(255, 255, 255))
                draw.text(anchor, _label(fact), fill=colour)
            # Named after the input file, never after anything inside it.
            target = outdir / f"{path.stem}-p{page.page_number}.png"
            with atomic_open(target, "wb") as fh:
                image.save(fh, format="PNG")
            written.append(target)
            page.close()
    finally:
        close_pdf(pdf)
    return written
