"""Chart and table captions ("Grafiek 1: ... (x miljoen euro)"): number, title, unit, scale."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rapportextract.figures.charts.fragments import Fragment, fragments, is_numeric_word
from rapportextract.lang.nl.words import chart_words
from rapportextract.layout.geometry import point_in
from rapportextract.models import (
    BBox,
    BlockKind,
    Page,
    Unit,
    union_bbox,
)

_CAPTION_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)[:.]?$")


@dataclass
class Caption:
    kind: Literal["chart", "table"]
    number: str
    text: str
    """The whole caption, whitespace collapsed."""
    title: str
    """The caption without its label and number and without the unit phrase."""
    unit: Unit | None
    scale: int
    bbox: BBox
    size: float = 0.0


def _clean(token: str) -> str:
    return token.strip("()[],;:").lower()


def parse_caption(text: str, bbox: BBox = (0, 0, 0, 0), size: float = 0.0) -> Caption | None:
    """ "Grafiek 1: Ontwikkeling ... (x miljoen euro)" -> number "1", unit EUR, scale 10**6."""
    words = chart_words()
    tokens = text.split()
    if len(tokens) < 2:
        return None
    first = tokens[0].lower()
    kind: Literal["chart", "table"]
    if first in words.chart_captions:
        kind = "chart"
    elif first in words.table_captions:
        kind = "table"
    else:
        return None
    number_match = _CAPTION_NUMBER.match(tokens[1])
    if number_match is None:
        return None
    rest = tokens[2:]
    if rest and rest[0] in (":", "-", "–"):
        rest = rest[1:]
    unit, scale = unit_and_scale(rest)
    return Caption(kind, number_match[1], " ".join(tokens), _title(rest), unit, scale, bbox, size)


def unit_and_scale(tokens: Sequence[str]) -> tuple[Unit | None, int]:
    """The unit and scale a caption or row label names: "(x miljoen euro)" -> EUR, 10**6;
    "in procenten" -> percent, 1; "(x 1.000)" -> None, 1000."""
    words = chart_words()
    unit: Unit | None = None
    scale = 1
    for i, token in enumerate(tokens):
        word = _clean(token)
        if word in words.units and unit is None:
            unit = words.units[word]
        # A scale word counts only after a marker: "(x 1.000)", "in miljoenen", "(mln euro)".
        after_marker = i > 0 and _clean(tokens[i - 1]) in words.markers
        if word in words.scales and (after_marker or token.startswith("(")):
            scale = words.scales[word]
    return unit, scale


def _title(tokens: list[str]) -> str:
    """The caption title without a trailing unit phrase ("(x miljoen euro)", "in procenten")."""
    words = chart_words()
    unit_words = set(words.units) | set(words.scales)
    cut = len(tokens)
    if tokens and tokens[-1].endswith(")"):
        opening = max((i for i, t in enumerate(tokens) if t.startswith("(")), default=-1)
        inner = {_clean(t) for t in tokens[opening:]} if opening >= 0 else set()
        if inner & unit_words:
            cut = opening
    elif (
        len(tokens) >= 2
        and _clean(tokens[-2]) in words.markers
        and _clean(tokens[-1]) in unit_words
    ):
        cut = len(tokens) - 2
    return " ".join(tokens[:cut]).strip(" :;,-–")


def find_captions(page: Page) -> list[Caption]:
    """Every chart and table caption on the page, continuation lines included."""
    lines = sorted(
        fragments(page.words, gap=1.6, numbers_alone=False), key=lambda f: (f.bbox[1], f.bbox[0])
    )
    used: set[int] = set()
    captions: list[Caption] = []
    for i, line in enumerate(lines):
        if i in used or parse_caption(line.text) is None:
            continue
        parts, box, last = [line.text], line.bbox, line
        # A caption wrapped in a narrow column goes on in lines that start where it starts.
        for j in range(i + 1, len(lines)):
            nxt = lines[j]
            if j in used or nxt.bbox[1] < last.bbox[3] - 1:
                continue
            if nxt.bbox[1] - last.bbox[3] > 0.9 * line.size:
                break
            if (
                abs(nxt.bbox[0] - line.bbox[0]) < 3
                and abs(nxt.size - line.size) < 0.6
                and not is_numeric_word(nxt.words[0].text)
                and parse_caption(nxt.text) is None
            ):
                parts.append(nxt.text)
                box = union_bbox([box, nxt.bbox]) or box
                used.add(j)
                last = nxt
        text = " ".join(parts)
        block = _caption_block(page, line)
        if block is not None and block[0].startswith(text[:20]) and len(block[0]) > len(text):
            text, box = block
        caption = parse_caption(text, box, line.size)
        if caption is not None:
            captions.append(caption)
    return captions


def _caption_block(page: Page, line: Fragment) -> tuple[str, BBox] | None:
    for block in page.blocks:
        inside = block.bbox is not None and point_in(block.bbox, (line.cx, line.cy))
        if block.kind is BlockKind.CAPTION and block.bbox is not None and inside:
            return " ".join(block.text.split()), block.bbox
    return None
