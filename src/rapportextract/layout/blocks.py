"""Blocks: lines of one column grouped by gap and style, typed as heading, paragraph, caption
or footnote; table and chart regions as blocks of their own."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from itertools import pairwise

import regex

from rapportextract.lang.nl.words import layout_words
from rapportextract.layout.columns import Item
from rapportextract.layout.params import LAYOUT, LayoutParams
from rapportextract.layout.rows import Frag, word_rows
from rapportextract.layout.text import (
    BULLET,
    SUPERSCRIPT_TO_DIGIT,
    join_lines,
    normalise_text,
    split_superscript_marker,
)
from rapportextract.models import (
    BBox,
    Block,
    BlockKind,
    Line,
    TableGrid,
    Word,
    union_bbox,
)


def body_font_size(words: Iterable[Word], params: LayoutParams = LAYOUT) -> float:
    """The size most characters are set in."""
    counts: Counter[float] = Counter()
    for w in words:
        if w.size:
            counts[round(w.size, 1)] += len(w.text)
    return counts.most_common(1)[0][0] if counts else params.body_size


def is_caption(text: str, params: LayoutParams = LAYOUT) -> bool:
    """"Grafiek 3: ..." or "Tabel 2 Vonnissen per jaar", but not a sentence that starts with
    the label ("Tabel 1 vat de uitkomsten samen. ...")."""
    match = layout_words().caption.match(text)
    if not match:
        return False
    rest = text[match.end():]
    if rest[:2].strip()[:1] in (":", ".", "-", "–", "—"):
        return True
    short = len(text) <= params.caption_length
    return short and ". " not in rest and not rest.rstrip().endswith(".")


def line_pitches(items: Sequence[Item], params: LayoutParams = LAYOUT) -> dict[float, float]:
    """The usual distance from one line's top to the next, per font size: the lower quartile
    of the distances between successive lines of one column, so paragraph spacing does not
    count; never more than 1.5 times the size (a page of one-line paragraphs), unless lines
    that go on in lower case stand further apart."""
    by_size: dict[float, list[float]] = {}
    going_on: dict[float, list[float]] = {}
    lines = sorted(
        (it for it in items if it.frag is not None),
        key=lambda it: (it.column if it.column is not None else -1, it.box[1]),
    )
    for a, b in pairwise(lines):
        fa, fb = a.frag, b.frag
        assert fa is not None and fb is not None
        if a.column != b.column or abs(fa.size - fb.size) > params.same_size:
            continue
        pitch = fb.top - fa.top
        if params.pitch_min * fa.size <= pitch <= params.pitch_max * fa.size:
            by_size.setdefault(round(fa.size), []).append(pitch)
            if fb.text[:1].islower():
                going_on.setdefault(round(fa.size), []).append(pitch)
    result: dict[float, float] = {}
    for size, pitches in by_size.items():
        pitches.sort()
        result[size] = min(pitches[len(pitches) // 4], params.pitch_cap * size)
        # a line that goes on in lower case goes on its paragraph: where such lines stand
        # wider apart than the cap (loose leading, prose set double-spaced), theirs is the
        # pitch; a page of one-line paragraphs has few of them
        inside = sorted(going_on.get(size, []))
        if len(inside) >= params.pitch_pairs:
            result[size] = max(result[size], inside[len(inside) // 4])
    return result


def starts_block(
    prev: Frag, frag: Frag, pitches: dict[float, float], params: LayoutParams = LAYOUT,
    *, titles: bool = True, before: Frag | None = None, ragged_left: bool = False,
    hanging: bool = False,
) -> bool:
    """Whether `frag` starts a new block after `prev` (`before` is the line above `prev` in
    the same block, if any). In a column set flush right (`ragged_left`) every line starts
    elsewhere: no start is an indent. In a column whose paragraphs hang (`hanging`) a line
    set in goes on the one above, and one set out again starts the next."""
    size = max(prev.size, frag.size)
    if frag.top - prev.bottom < -params.overlap_break * size:
        return True
    if abs(frag.size - prev.size) > params.size_change or frag.bold != prev.bold:
        return True
    # lines of one paragraph overlap side to side; a title centred over a number set right
    # or a name set left (the heading block of a judgment, a letter) do not
    if frag.x0 > prev.x1 or frag.x1 < prev.x0:
        return True
    pitch = pitches.get(round(prev.size), params.pitch_default * prev.size)
    if frag.top - prev.top > pitch + params.pitch_slack * size:
        return True
    if titles and prev.heading_like:
        return True
    if hanging and not ragged_left:
        if prev.x0 - frag.x0 >= params.indent_min * size:
            return True
    elif not ragged_left and first_line_indent(prev, frag, params, before=before):
        return True
    if not ragged_left and hanging_item(before, prev, frag, params):
        return True
    if url_entry(prev, frag):
        return True
    # "Tabel 2 is zonder lijnen gezet." after a line break is prose, not a caption.
    return bool(BULLET.match(frag.text) or is_caption(frag.text, params))


def column_edges(items: Sequence[Item], params: LayoutParams = LAYOUT
                 ) -> dict[int | None, tuple[float, float]]:
    """Where the lines of each column start and end: the edges most lines reach (a tenth of
    the lines may stand out, a web address past the right edge, a centred title)."""
    by_column: dict[int | None, list[Frag]] = {}
    for it in items:
        if it.frag is not None:
            by_column.setdefault(it.column, []).append(it.frag)
    edges: dict[int | None, tuple[float, float]] = {}
    for column, frags in by_column.items():
        if len(frags) < params.edge_lines:
            continue
        lefts = sorted(f.x0 for f in frags)
        rights = sorted(f.x1 for f in frags)
        edges[column] = (lefts[len(lefts) // 10], rights[-1 - len(rights) // 10])
    return edges


_SENTENCE_END = regex.compile(r"[.!?:][\"'”’)\]]*$")


def ends_sentence(text: str) -> bool:
    """The text ends on a full stop, a question or exclamation mark or a colon (a closing
    quote or bracket may follow)."""
    return bool(_SENTENCE_END.search(text))


def ends_paragraph(prev: Frag, frag: Frag, edges: tuple[float, float] | None,
                   params: LayoutParams = LAYOUT) -> bool:
    """A paragraph set with neither a gap nor an indent ends on a line that ends its
    sentence well short of the column's right edge, and the next starts at the left edge
    with a capital (or a figure); a justified line runs to the edge, a ragged one falls
    short of it by a word at most."""
    if edges is None:
        return False
    left, right = edges
    width = right - left
    return (
        width > 0
        and prev.x1 <= right - params.short_line * width
        and bool(_SENTENCE_END.search(prev.text))
        and abs(frag.x0 - left) <= params.tail_edge
        and abs(prev.x0 - left) <= params.tail_edge
        and (frag.text[:1].isupper() or frag.text[:1].isdigit())
        and abs(frag.size - prev.size) <= params.same_size
    )


_ENUMERATOR = regex.compile(r"^\(?(?:\d{1,2}|[a-zA-Z])[.)]\s+\S")
"""An item's number or letter and its text: "a. Eerste", "B. Tweede", "3) Derde"."""


def starts_item(prev: Frag, frag: Frag, reach: float | None,
                params: LayoutParams = LAYOUT) -> bool:
    """Where a list goes on with no gap and no outdent to mark its items, under a line that
    did not wrap (it ends well short of `reach`, where the column's longest line ends):

    - a line that starts with an item's number or letter is the next item when the line
      above ends its sentence or is an item of its own ("● Soorten woningen" / "a. Eerste
      soort." set under its text, "a. ..." / "b. ...");
    - under an item of one line that ends its sentence, a line set at the item's text that
      starts with a capital and no marker is a paragraph of its own, not the item's tail.

    A wrapped line runs on to the edge, so an item's own second line never starts one."""
    if reach is None:
        return False
    size = max(prev.size, frag.size)
    if prev.x1 > reach - params.short_line * max(reach - prev.x0, size):
        return False
    if abs(frag.size - prev.size) > params.same_size:
        return False
    if _ENUMERATOR.match(frag.text):
        return bool(_SENTENCE_END.search(prev.text) or _LIST_MARKER.match(prev.text))
    return (
        bool(BULLET.match(prev.text) or _ENUMERATOR.match(prev.text))
        and bool(_SENTENCE_END.search(prev.text))
        and frag.x0 - prev.x0 >= params.indent_min * size
        and frag.text[:1].isupper()
        and not _LIST_MARKER.match(frag.text)
    )


def column_reach(items: Sequence[Item]) -> dict[int | None, float]:
    """Where the longest line of each column ends (a list of short items in a column has
    no paragraph edge that most lines reach)."""
    reach: dict[int | None, float] = {}
    for it in items:
        if it.frag is not None:
            reach[it.column] = max(reach.get(it.column, it.frag.x1), it.frag.x1)
    return reach


def indented_one_liner(before: Frag | None, prev: Frag, frag: Frag,
                       edges: tuple[float, float] | None,
                       params: LayoutParams = LAYOUT) -> bool:
    """Two lines one under the other, both set in by a paragraph's indent from the line
    above them, the first ending its sentence and the second running on to the right edge:
    the first is a paragraph of one line (a block quote set in stays whole: its lines end
    short of the edge; a run-in title of a few words on a line of its own goes on)."""
    if before is None or edges is None:
        return False
    size = max(prev.size, frag.size)
    return (
        first_line_indent(before, prev, params)
        and abs(frag.x0 - prev.x0) <= params.paragraph_edge
        and bool(_SENTENCE_END.search(prev.text))
        and len(prev.text.split()) > params.title_words
        and frag.x1 >= edges[1] - size
        and frag.text[:1].isupper()
    )


_LIST_MARKER = regex.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[*•·▪◦●○■□◆◇▸‣⁃➢►–—-])(?:\s|$)")


def first_line_indent(
    prev: Frag, frag: Frag, params: LayoutParams = LAYOUT, *, before: Frag | None = None
) -> bool:
    """A line that starts an em or more to the right of the one above, with its middle
    elsewhere (not centred text): the first line of a paragraph set with an indent. The
    second line of a list item stands as far in, after its marker: that goes on; but a line
    that goes on the sentence of the line above it, at the same edge, is no item's first
    line, whatever it starts with ("(e) V8, the ...")."""
    size = max(prev.size, frag.size)
    indent = frag.x0 - prev.x0
    item = bool(_LIST_MARKER.match(prev.text)) and not (
        before is not None and abs(before.x0 - prev.x0) <= params.paragraph_edge
        and not _SENTENCE_END.search(before.text) and not _LIST_MARKER.match(before.text)
    )
    return (
        params.indent_min * size <= indent <= params.indent_max * size
        and abs((frag.x0 + frag.x1) - (prev.x0 + prev.x1)) / 2 > params.indent_centred * size
        and not item
    )


_URL_START = regex.compile(r"^(?:https?://|www\.)\S")
_ADDRESS_TAIL = regex.compile(r"^\S{4,}[/_%.]\S+$")
"""The wrapped tail of a web address: one word with a slash, underscore, escape or dot in it."""


def url_entry(prev: Frag, frag: Frag) -> bool:
    """A list of web addresses, one a line: a line that is all one address (or the wrapped
    tail of one) is followed by the next address, or by a line of words starting with a
    capital (the list's note); the wrapped tail of an address goes on it."""
    if " " in prev.text.strip():
        return False
    if _URL_START.match(frag.text):
        return True
    return (bool(_URL_START.match(prev.text) or _ADDRESS_TAIL.match(prev.text))
            and " " in frag.text.strip() and frag.text[:1].isupper())


def hanging_item(before: Frag | None, prev: Frag, frag: Frag,
                 params: LayoutParams = LAYOUT) -> bool:
    """A line that starts with an item's number or marker ("2)", "3.", "b)") an indent to the
    left of the line above, which goes on the item before it at its hanging indent: the next
    item of a list or of notes set with hanging indents and no gap. The first line of an
    indented paragraph is no item's second line: it has no line above it in its block."""
    if before is None or not _LIST_MARKER.match(frag.text):
        return False
    size = max(prev.size, frag.size)
    outdent = prev.x0 - frag.x0
    return (
        params.indent_min * size <= outdent <= params.indent_max * size
        and (abs(before.x0 - prev.x0) <= params.paragraph_edge
             or (abs(before.x0 - frag.x0) <= params.paragraph_edge
                 and bool(_LIST_MARKER.match(before.text))))
    )


_OPEN_LINE_END = regex.compile(r"[.,;:!?…\-–—)\]\"'”’]$")


def title_line(prev: Frag, frag: Frag, params: LayoutParams = LAYOUT) -> bool:
    """A short line that ends no sentence over a full line that starts with a capital: a
    heading in the body's own style ("Telefonisch spreekuur" / "In 2022 belden ..."). A
    paragraph's short line is its last, and ends its sentence."""
    words = prev.text.split()
    return (
        0 < len(words) <= params.title_words
        and prev.x1 - prev.x0 < params.title_width * (frag.x1 - frag.x0)
        and abs(prev.x0 - frag.x0) <= params.paragraph_edge
        and not _OPEN_LINE_END.search(prev.text)
        and prev.text[:1].isupper()
        and frag.text[:1].isupper()
        and not BULLET.match(prev.text)
    )


def _is_heading(
    frags: Sequence[Frag], text: str, body: float, params: LayoutParams = LAYOUT
) -> bool:
    lines = params.heading_lines
    if len(frags) > lines or not text:
        return False
    size = statistics.median(f.size for f in frags)
    letters = [c for c in text if c.isalpha()]
    if size >= params.heading_size * body:
        return True
    ends_sentence = text.rstrip().endswith((".", ":", ";"))
    if len(frags) == 1 and frags[0].heading_like:
        return True
    if all(f.bold for f in frags) and len(frags) <= 2 and not ends_sentence:
        return len(text.split()) <= params.heading_words
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(frags) <= lines


def _line_model(frag: Frag) -> Line:
    return Line(text=frag.text, bbox=frag.bbox, words=list(frag.words))


def _markers(frags: Sequence[Frag]) -> list[str]:
    refs: list[str] = []
    for f in frags:
        for w in f.words:
            marker: str | None
            if w.superscript:
                marker = w.text.translate(SUPERSCRIPT_TO_DIGIT).rstrip(")")
            else:
                marker = split_superscript_marker(w.text)[1]
            if marker and marker not in refs:
                refs.append(marker)
    return refs


_CLOSING = regex.compile(r"^[)\]}.,;:!?”’»]")
"""Punctuation that closes onto the word before it."""


def _line_text(frag: Frag, params: LayoutParams = LAYOUT) -> str:
    """The line's words without its raised markers; where a marker stood between a word and
    the punctuation set right after it ("XFA[23])"), the punctuation closes onto the word
    ("XFA)"), as it would have with no marker."""
    parts: list[str] = []
    marker_end: float | None = None
    for w in frag.words:
        if w.superscript:
            marker_end = w.bbox[2] if parts else None
            continue
        text = split_superscript_marker(w.text)[0]
        if (marker_end is not None and _CLOSING.match(text)
                and w.bbox[0] - marker_end <= params.marker_overlap):
            parts[-1] += text
        else:
            parts.append(text)
        marker_end = None
    return " ".join(parts)


def _frag_text_lines(frags: Sequence[Frag]) -> list[str]:
    return [_line_text(f) for f in frags]


def make_block(frags: list[Frag], kind: BlockKind | None, column: int | None,
                body: float, params: LayoutParams = LAYOUT,
                spelled: Collection[str] = frozenset()) -> Block:
    """The block of these lines; `spelled` is how the document spells its words, which
    settles a hyphen at a line end (`join_lines`)."""
    text = join_lines(_frag_text_lines(frags), spelled)
    refs = _markers(frags)
    if kind is None:
        if is_caption(text, params):
            kind = BlockKind.CAPTION
        elif _is_heading(frags, text, body, params):
            kind = BlockKind.HEADING
        else:
            kind = BlockKind.PARAGRAPH
    if kind is BlockKind.FOOTNOTE:
        text, own = _footnote_marker(frags, text)
        refs = [own] if own else refs
    return Block(
        id="", kind=kind, page=0, bbox=union_bbox([f.bbox for f in frags]), text=text,
        lines=[_line_model(f) for f in frags], column=column, footnote_refs=refs,
    )


_FOOTNOTE_START = regex.compile(r"^(\d{1,3}|[*†])\)?\s+(?=\S)")


def _footnote_marker(frags: Sequence[Frag], text: str) -> tuple[str, str | None]:
    first = frags[0].words[0]
    if first.superscript:
        return text, first.text.translate(SUPERSCRIPT_TO_DIGIT).rstrip(")")
    match = _FOOTNOTE_START.match(text)
    if match:
        return text[match.end():], match.group(1)
    return text, None


def starts_footnote(frag: Frag) -> bool:
    return frag.words[0].superscript or bool(_FOOTNOTE_START.match(frag.text))


def footnote_frags(
    frags: list[Frag], body: float, params: LayoutParams = LAYOUT
) -> list[list[Frag]]:
    """Small print under the body that starts with a marker: the page's footnotes."""
    small = params.footnote_size * body
    body_bottom = max((f.bottom for f in frags if f.size > small and f.kind is None),
                      default=0.0)
    zone = sorted(
        (f for f in frags if f.kind is None and f.top > body_bottom and f.size <= small),
        key=lambda f: (f.top, f.x0),
    )
    notes: list[list[Frag]] = []
    for frag in zone:
        if starts_footnote(frag):
            notes.append([frag])
        elif notes:
            notes[-1].append(frag)
    return notes


def table_block(table: TableGrid) -> Block:
    rows = [
        "\t".join(normalise_text(c.text) if c else "" for c in row) for row in table.rows
    ]
    return Block(id="", kind=BlockKind.TABLE, page=0, bbox=table.bbox, text="\n".join(rows))


def chart_block(box: BBox, words: list[Word], params: LayoutParams = LAYOUT) -> Block:
    rows = word_rows(words, params)
    lines = [Line(text=" ".join(w.text for w in r), bbox=union_bbox([w.bbox for w in r]) or box,
                  words=r) for r in rows]
    bbox = union_bbox([box, *[w.bbox for w in words]]) or box
    return Block(id="", kind=BlockKind.CHART, page=0, bbox=bbox,
                 text="\n".join(line.text for line in lines), lines=lines)


def group_lines(frags: list[Frag]) -> list[list[Frag]]:
    return [[f] for f in sorted(frags, key=lambda f: (f.top, f.x0))]


def merge_title_lines(blocks: list[Block]) -> None:
    """A heading that ends on "EN" or "VAN" goes on in the heading right under it."""
    words = layout_words()
    i = 0
    while i + 1 < len(blocks):
        a, b = blocks[i], blocks[i + 1]
        last = a.text.rsplit(" ", 1)[-1].lower() if a.text else ""
        if (
            a.kind is BlockKind.HEADING and b.kind is BlockKind.HEADING
            and last in words.heading_continuation and a.column == b.column
        ):
            blocks[i] = a.model_copy(update={
                "text": f"{a.text} {b.text}", "lines": a.lines + b.lines,
                "bbox": union_bbox([x for x in (a.bbox, b.bbox) if x is not None]),
            })
            del blocks[i + 1]
            continue
        i += 1


_OPEN_END = regex.compile(r"[.!?:;…][\"'”’»)\]]*$")


def _size(block: Block) -> float:
    sizes = [w.size for line in block.lines for w in line.words if w.size]
    return statistics.median(sizes) if sizes else 0.0


def _aside(block: Block, para: Block, blocks: Sequence[Block], params: LayoutParams) -> bool:
    """A block that may stand between the two parts of a paragraph broken by a column
    break: a chart, table or caption, or smaller print (a notice in a box at the foot of the
    column), in the paragraph's column and below it; a chart with its labels and caption at
    the head of the next column (blocks that end their sentence), or a listing there (short
    lines, set in or not reaching the column's right edge)."""
    if block.bbox is None or para.bbox is None or para.column is None:
        return False
    if block.column == para.column + 1:
        # a figure at the head of the next column, before the paragraph goes on: its chart,
        # labels and caption (a whole block, ending its sentence), a code listing
        return block.kind in (BlockKind.CHART, BlockKind.TABLE, BlockKind.CAPTION,
                              BlockKind.HEADING) or (
            block.text[:1].isupper() and bool(_OPEN_END.search(block.text))) or (
            len(block.lines) > 1 and not _starts_flush(block, blocks, params))
    if block.column != para.column or block.bbox[1] < para.bbox[3] - 1:
        return False
    if block.kind in (BlockKind.CHART, BlockKind.TABLE, BlockKind.CAPTION):
        return True
    return block.kind is BlockKind.PARAGRAPH and 0 < _size(block) < (
        _size(para) - params.size_change)


def _ends_full(para: Block, blocks: Sequence[Block], params: LayoutParams) -> bool:
    """The paragraph's last line runs on to near the right edge of its column, as a line
    does that a column break cuts off, or breaks its last word ("betalings-"); a short last
    line ends its paragraph (a note, a label of a form)."""
    if not para.lines:
        return False
    if para.text.endswith(("-", "\u00ad")):
        return True
    left, right = _column_edges(para.column, blocks)
    last = para.lines[-1].bbox
    size = _size(para) or params.body_size
    short = right - last[2]
    return short <= max((1 - params.full_line) * (right - left), params.full_line_word * size)


def _column_edges(column: int | None, blocks: Sequence[Block]) -> tuple[float, float]:
    edges = [(line.bbox[0], line.bbox[2]) for b in blocks if b.column == column
             and b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) for line in b.lines]
    return min(x0 for x0, _ in edges), max(x1 for _, x1 in edges)


def _starts_flush(para: Block, blocks: Sequence[Block], params: LayoutParams) -> bool:
    """The paragraph's first line starts at its column's left edge and runs on to near the
    right one, as the rest of a paragraph does after a column break; an indented first line
    starts a paragraph, and text set in from the edge or short lines are a figure's (a table
    without rules or a listing at the column's head)."""
    if not para.lines:
        return False
    left, right = _column_edges(para.column, blocks)
    first = para.lines[0].bbox
    full = len(para.lines) == 1 or first[2] - left >= params.full_line * (right - left)
    return full and first[0] - left <= params.tail_edge


def merge_across_columns(blocks: list[Block], params: LayoutParams = LAYOUT,
                         spelled: Collection[str] = frozenset()) -> None:
    """A paragraph that ends the left column without ending its sentence goes on at the top
    of the right column, also past a chart, table, caption or small print at the foot of
    the left column or at the head of the right one, when the right column goes on in lower
    case (those then follow the whole paragraph)."""
    i = 0
    while i + 1 < len(blocks):
        a = blocks[i]
        j = i + 1
        while (j < len(blocks) and a.kind is BlockKind.PARAGRAPH
               and _aside(blocks[j], a, blocks, params)):
            j += 1
        if j >= len(blocks):
            i += 1
            continue
        b = blocks[j]
        if (
            a.kind is BlockKind.PARAGRAPH and b.kind is BlockKind.PARAGRAPH
            and a.column is not None and b.column == a.column + 1
            and not _OPEN_END.search(a.text)
            and (j == i + 1 or not b.text[:1].isupper())
            and _ends_full(a, blocks, params)
            and _starts_flush(b, blocks, params)
        ):
            blocks[i] = a.model_copy(update={
                "text": join_lines([a.text, b.text], spelled), "lines": a.lines + b.lines,
                "bbox": union_bbox([x for x in (a.bbox, b.bbox) if x is not None]),
                "footnote_refs": list(dict.fromkeys(a.footnote_refs + b.footnote_refs)),
            })
            del blocks[j]
            continue
        i += 1
