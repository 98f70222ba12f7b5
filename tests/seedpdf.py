"""Render the reference edition's text as a report-like PDF, one or two columns, at test time.

The text is read from ../shared/seeds when the tests run; nothing of it is stored here. Every
word is drawn on its own, so its box is known exactly and the boxes of extracted facts can be
checked against what was drawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

PAGE_W, PAGE_H = A4
MARGIN = 56.0
GUTTER = 20.0
BODY, BOLD = "Helvetica", "Helvetica-Bold"


@dataclass(frozen=True)
class Block:
    kind: str  # "title", "heading", "caption", "paragraph"
    text: str


@dataclass(frozen=True)
class Drawn:
    page: int
    text: str
    bbox: tuple[float, float, float, float]


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def seed_blocks(text: str) -> list[Block]:
    """The reference text as blocks: title, ALL-CAPS headings, chart captions, paragraphs.
    Footnotes and bare URLs are left out; the footnote marker after a full stop goes too."""
    lines = text.replace("\f", "\n").splitlines()
    blocks: list[Block] = []
    para: list[str] = []
    title: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("paragraph", " ".join(" ".join(para).split())))
            para.clear()

    skip_next_indented = False
    for raw in lines:
        line = raw.strip()
        if skip_next_indented and raw.startswith("  ") and line:
            skip_next_indented = False
            continue
        skip_next_indented = False
        if not line:
            flush()
            continue
        if len(blocks) == 0 and not para and _is_heading(line) and len(title) < 2:
            title.append(line)
            if len(title) == 2:
                blocks.append(Block("title", " ".join(title)))
            continue
        if line.startswith("http"):
            continue
        if re.match(r"^\d+\s+[A-Z]", line):  # a footnote
            flush()
            skip_next_indented = True
            continue
        if _is_heading(line):
            flush()
            blocks.append(Block("heading", line))
            continue
        if line.startswith("Grafiek"):
            flush()
            blocks.append(Block("caption", line))
            continue
        para.append(re.sub(r"(?<=[a-z])\.\d\s*$", ".", line))
    flush()
    return blocks


def render(blocks: list[Block], path: Path, columns: int) -> list[Drawn]:
    """Draw the blocks in `columns` columns; return every drawn word with its box
    (x0, top, x1, bottom in points from the top-left, as pdfplumber gives them)."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    col_w = (PAGE_W - 2 * MARGIN - (columns - 1) * GUTTER) / columns
    drawn: list[Drawn] = []
    page, col = 1, 0
    y = MARGIN  # top of the next line, from the top of the page

    def next_column() -> None:
        nonlocal page, col, y
        col += 1
        y = MARGIN
        if col == columns:
            canvas.showPage()
            page, col = page + 1, 0

    for block in blocks:
        font, size, gap = {
            "title": (BOLD, 16.0, 14.0), "heading": (BOLD, 10.5, 4.0),
            "caption": (BODY, 8.5, 10.0), "paragraph": (BODY, 10.0, 10.0),
        }[block.kind]
        leading = size * 1.35
        width = PAGE_W - 2 * MARGIN if block.kind == "title" else col_w
        lines: list[list[str]] = [[]]
        for word in block.text.split():
            trial = " ".join([*lines[-1], word])
            if lines[-1] and stringWidth(trial, font, size) > width:
                lines.append([word])
            else:
                lines[-1].append(word)
        # A paragraph stays in one column (a sentence cut by a column break is a layout
        # matter, not what this check is about); a heading stays with the text under it.
        needed = len(lines) + (3 if block.kind == "heading" else 0)
        if y > MARGIN and y + leading * needed > PAGE_H - MARGIN:
            next_column()
        for words in lines:
            if y + leading > PAGE_H - MARGIN:
                next_column()
            x = MARGIN + col * (col_w + GUTTER)
            baseline = y + size
            for word in words:
                w = stringWidth(word, font, size)
                canvas.setFont(font, size)
                canvas.drawString(x, PAGE_H - baseline, word)
                drawn.append(Drawn(page, word, (x, baseline - size, x + w, baseline)))
                x += w + stringWidth(" ", font, size)
            y += leading
        y += gap
        if block.kind == "title" and columns > 1:
            y += 6
    canvas.showPage()
    canvas.save()
    return drawn


def figure_boxes(drawn: list[Drawn], page: int, text: str) -> list[tuple[float, ...]]:
    """The union box of every run of drawn words on `page` that spells `text`, as the
    figure's word boxes give it (punctuation attached to a word is part of its box)."""
    tokens = text.split()
    words = [d for d in drawn if d.page == page]
    boxes: list[tuple[float, ...]] = []
    for i in range(len(words) - len(tokens) + 1):
        run = words[i:i + len(tokens)]
        # A drawn word carries its punctuation ("miljoen,"); its box is the word's box.
        if [d.text.rstrip(".,;:)") for d in run] == [t.rstrip(".,;:)") for t in tokens]:
            boxes.append((min(d.bbox[0] for d in run), min(d.bbox[1] for d in run),
                          max(d.bbox[2] for d in run), max(d.bbox[3] for d in run)))
    return boxes
