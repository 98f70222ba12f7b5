"""Plain-text reports: form feed between pages, blank lines between blocks.

Text exported from a PDF keeps the hard line wraps of the page; lines are joined into
paragraphs here (with line-break hyphenation repaired). A page that starts without a form feed
shows only as a line with leading whitespace: that starts a new block where the text before it
ended a sentence, and is otherwise a paragraph running on across the page. A short line
written straight above a paragraph (no blank line between) that does not run on into it is a
heading of its own (see `_is_heading_line`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex

from rapportextract.ingest.text_tables import (
    cell_table,
    head_width,
    is_cell_line,
    is_head_note,
    is_year_table,
    rows_under,
    space_table_end,
    table_cells,
    table_grid,
)
from rapportextract.lang.nl.words import layout_words
from rapportextract.layout import (
    BULLET,
    is_caption,
    join_lines,
    normalise_text,
    strip_glued_markers,
)
from rapportextract.models import Block, BlockKind, Page, TableGrid

_URL_LINE = regex.compile(r"^(?:https?://|www\.)\S+$")
_FOOTNOTE_START = regex.compile(r"^(\d{1,3})\s+(?=\p{Lu})")
_SENTENCE_END = (".", "!", "?", ":", ";")


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM); anything else is read as cp1252 with a warning."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), [
            f"{name}: not UTF-8, read as cp1252; check accented letters"
        ]


def _is_caps_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


@dataclass
class _Draft:
    kind: BlockKind
    lines: list[str] = field(default_factory=list)
    starts_page_line: bool = False
    """The block's first line began with whitespace: in exported text, often a page start."""


def _drafts(page_text: str) -> list[_Draft]:
    continuation = layout_words().heading_continuation
    drafts: list[_Draft] = []
    current: _Draft | None = None

    def close() -> None:
        nonlocal current
        if current is not None and current.lines:
            if current.kind is BlockKind.TABLE and not is_year_table(current.lines):
                current.kind = BlockKind.PARAGRAPH  # bars, but no table the table stage reads
            drafts.append(current)
        current = None

    for raw in page_text.splitlines():
        line = normalise_text(raw) if raw.strip() else ""
        if not line:
            close()
            continue
        indented = raw[:1].isspace()
        if table_cells(line) is not None:  # a row of a table written with bars
            if current is None or current.kind is not BlockKind.TABLE:
                close()
                current = _Draft(BlockKind.TABLE, starts_page_line=indented)
            current.lines.append(line)
            continue
        if current is not None and current.kind is BlockKind.TABLE:
            close()
        if _is_caps_heading(line):
            prev = drafts[-1] if current is None and drafts else current
            if (
                prev is not None and prev.kind is BlockKind.HEADING
                and prev.lines[-1].rsplit(" ", 1)[-1].lower() in continuation
            ):
                prev.lines.append(line)
                continue
            close()
            current = _Draft(BlockKind.HEADING, [line], indented)
            close()
            continue
        if is_caption(line):
            close()
            current = _Draft(BlockKind.CAPTION, [line], indented)
            close()
            continue
        if _URL_LINE.match(line):
            if current is None or current.kind is not BlockKind.FOOTNOTE:
                close()
                current = _Draft(BlockKind.FOOTNOTE, starts_page_line=indented)
            current.lines.append(line)
            continue
        if current is not None and current.kind is BlockKind.FOOTNOTE:
            close()
        if current is not None and indented and current.lines[-1].endswith(_SENTENCE_END):
            close()
        if current is not None and BULLET.match(line):
            close()
        if current is None:
            current = _Draft(BlockKind.PARAGRAPH, starts_page_line=indented)
        current.lines.append(line)
    close()
    return drafts


_LINE_GOES_ON = (",", "-", "–", "—", "/", "&", "+", "(")
_HEADING_MAX_WORDS = 8
_HEADING_SHORTER = 0.8
"""A heading line is at most this part of the longest other line of its block."""


def _balanced(line: str) -> bool:
    return line.count("(") == line.count(")") and line.count("[") == line.count("]")


def _starts_sentence(line: str) -> bool:
    return line[:1].isupper() or line[:1].isdigit()


def _is_heading_line(line: str, rest: list[str]) -> bool:
    """Whether the first line of a block is a heading written right above its paragraph (no
    blank line between): short (at most eight words, and clearly shorter than the longest
    line under it), starting with a capital or a digit, not ending a sentence nor ending on
    a word or mark that runs on into the next line ("tot", "en", a comma, a hyphen), and
    followed by a line that starts a sentence (a capital or a figure). A hard-wrapped line
    of a paragraph breaks off mid-sentence: it fills the line and mostly leads on to a word
    in lower case."""
    if not rest or not _starts_sentence(line):
        return False
    if BULLET.match(line) or _FOOTNOTE_START.match(line) or not _balanced(line):
        return False
    words = line.split()
    if len(words) > _HEADING_MAX_WORDS or not any(c.isalpha() for c in line):
        return False
    if line.endswith(_SENTENCE_END) or line.endswith(_LINE_GOES_ON):
        return False
    if words[-1].lower() in layout_words().heading_continuation:
        return False
    if not _starts_sentence(rest[0]):
        return False
    return len(line) <= _HEADING_SHORTER * max(len(other) for other in rest)


def _split_heading_lines(drafts: list[_Draft]) -> list[_Draft]:
    """A heading line written straight above its paragraph becomes a heading block."""
    out: list[_Draft] = []
    for draft in drafts:
        if draft.kind is BlockKind.PARAGRAPH and _is_heading_line(draft.lines[0], draft.lines[1:]):
            out.append(_Draft(BlockKind.HEADING, [draft.lines[0]], draft.starts_page_line))
            out.append(_Draft(draft.kind, draft.lines[1:]))
        else:
            out.append(draft)
    return out


def _split_space_tables(drafts: list[_Draft]) -> list[_Draft]:
    """A head line of years and the rows of figures under it, written with spaces
    ("Kwijtschelding 2019 2020 2021" over "aantal verzoeken 164 115 115"), are a table block
    of their own, read by the table stage like a table written with bars; the lines around it
    stay their paragraph."""
    out: list[_Draft] = []
    for draft in drafts:
        if draft.kind is not BlockKind.PARAGRAPH:
            out.append(draft)
            continue
        current = _Draft(draft.kind, starts_page_line=draft.starts_page_line)
        i = 0
        while i < len(draft.lines):
            end = space_table_end(draft.lines, i)
            if end == i:
                current.lines.append(draft.lines[i])
                i += 1
                continue
            if current.lines:
                out.append(current)
            out.append(_Draft(BlockKind.TABLE, draft.lines[i:end],
                              draft.starts_page_line and i == 0))
            current = _Draft(draft.kind)
            i = end
        if current.lines:
            out.append(current)
    return out


def _join_cell_tables(drafts: list[_Draft]) -> list[_Draft]:
    """A table written a cell a line (each head, label and figure on a line of its own, often
    with blank lines between, as converters of web pages leave tables) is one table block:
    its rows are written with bars between the cells (`text_tables.cell_table`), so that the
    table stage reads it as any text table. The lines around it stay as they were."""
    out: list[_Draft] = []
    i = 0
    while i < len(drafts):
        if drafts[i].kind not in _CELL_KINDS:
            out.append(drafts[i])
            i += 1
            continue
        j = i
        while j < len(drafts) and drafts[j].kind in _CELL_KINDS:
            j += 1
        group = drafts[i:j]
        places = [(d, k) for d, draft in enumerate(group) for k in range(len(draft.lines))]
        lines = [group[d].lines[k] for d, k in places]
        done = 0
        for begin, end, rows in _cell_tables(lines):
            out.extend(_regroup(group, places[done:begin]))
            d, k = places[begin]
            out.append(_Draft(BlockKind.TABLE, ["| " + " | ".join(r) + " |" for r in rows],
                              group[d].starts_page_line and k == 0))
            done = end
        out.extend(_regroup(group, places[done:]))
        i = j
    return out


_CELL_KINDS = (BlockKind.PARAGRAPH, BlockKind.HEADING)


def _cell_tables(lines: list[str]) -> list[tuple[int, int, list[list[str]]]]:
    """The tables written a cell a line among `lines`: the first and end line of each, and
    its rows."""
    tables: list[tuple[int, int, list[list[str]]]] = []
    a = 0
    while a < len(lines):
        if not is_cell_line(lines[a]):
            a += 1
            continue
        b = a
        while b < len(lines) and is_cell_line(lines[b]):
            b += 1
        done = a
        while (found := cell_table(lines[done:b])) is not None:
            begin, end, rows = found
            tables.append((done + begin, done + end, rows))
            done += end
        a = b
    return tables


def _regroup(run: list[_Draft], places: list[tuple[int, int]]) -> list[_Draft]:
    """The drafts of `run` that hold the lines at `places`, each with only those lines."""
    groups: dict[int, list[int]] = {}
    for d, k in places:
        groups.setdefault(d, []).append(k)
    return [_Draft(run[d].kind, [run[d].lines[k] for k in lines],
                   run[d].starts_page_line and lines[0] == 0) for d, lines in groups.items()]


def _join_split_heads(drafts: list[_Draft]) -> list[_Draft]:
    """A head line of years written apart from its rows, by a blank line or a note in
    brackets ("(bedragen x € 1.000)"), heads the rows right after it that fit it: one table
    block (`text_tables.head_width`, `rows_under`). So do a table's head and the rows after
    blank lines between them (a converter that puts one between every two rows)."""
    drafts = list(drafts)
    out: list[_Draft] = []
    i = 0
    while i < len(drafts):
        draft = drafts[i]
        i += 1
        head = draft.lines[0]
        lone = draft.kind is BlockKind.PARAGRAPH and len(draft.lines) == 1
        if not (lone or draft.kind is BlockKind.TABLE) or not head_width(head):
            out.append(draft)
            continue
        lines = list(draft.lines)
        j = i
        if lone and j < len(drafts) and len(drafts[j].lines) == 1 \
                and is_head_note(drafts[j].lines[0]):
            lines += drafts[j].lines
            j += 1
        found = False
        while j < len(drafts) and drafts[j].kind is BlockKind.PARAGRAPH:
            count = rows_under(drafts[j].lines, head)
            if not count:
                break
            found = True
            lines += drafts[j].lines[:count]
            if count < len(drafts[j].lines):
                drafts[j] = _Draft(drafts[j].kind, drafts[j].lines[count:])
                break
            j += 1
        if not found:
            out.append(draft)
            continue
        out.append(_Draft(BlockKind.TABLE, lines, draft.starts_page_line))
        i = j
    return out


def _split_note_lines(drafts: list[_Draft]) -> list[_Draft]:
    """Footnotes printed one under the other without a blank line: each numbered line
    starts its own block."""
    out: list[_Draft] = []
    for draft in drafts:
        if draft.kind is not BlockKind.PARAGRAPH or not _FOOTNOTE_START.match(draft.lines[0]):
            out.append(draft)
            continue
        current = _Draft(draft.kind, [draft.lines[0]], draft.starts_page_line)
        for line in draft.lines[1:]:
            if _FOOTNOTE_START.match(line):
                out.append(current)
                current = _Draft(draft.kind, [line])
            else:
                current.lines.append(line)
        out.append(current)
    return out


def _mark_footnotes(drafts: list[_Draft]) -> list[str]:
    """The numbered blocks that end a page ("1 Doordat ...", "2 Zie ...") are its footnotes.

    The end of a page is the end of the text, or a block whose first line starts with
    whitespace (the page start of exported text); lines of web addresses may follow the
    notes."""
    markers: list[str] = []
    for end, _ in enumerate(drafts):
        if end + 1 < len(drafts) and not drafts[end + 1].starts_page_line:
            continue
        i = end
        while i >= 0:
            draft = drafts[i]
            match = _FOOTNOTE_START.match(draft.lines[0])
            if draft.kind is BlockKind.FOOTNOTE and not match:  # web addresses
                i -= 1
                continue
            if draft.kind is not BlockKind.PARAGRAPH or not match:
                break
            draft.kind = BlockKind.FOOTNOTE
            markers.insert(0, match.group(1))
            i -= 1
    return markers


_DIGITS = regex.compile(r"\d+")


def _edge_lines(chunk: str) -> tuple[str, str]:
    lines = [normalise_text(line) for line in chunk.splitlines() if line.strip()]
    return (lines[0], lines[-1]) if lines else ("", "")


def _running_lines(chunks: list[str]) -> set[str]:
    """First and last lines that repeat on at least two pages (digits ignored: a page number
    inside a running header), keyed as "top|..." or "bottom|..."."""
    if len(chunks) < 2:
        return set()
    seen: dict[str, int] = {}
    for chunk in chunks:
        first, last = _edge_lines(chunk)
        for key in {f"top|{_DIGITS.sub('#', first.lower())}",
                    f"bottom|{_DIGITS.sub('#', last.lower())}"}:
            seen[key] = seen.get(key, 0) + 1
    return {k for k, n in seen.items() if n >= 2 and not k.endswith("|")}


def _split_running(chunk: str, running: set[str], several_pages: bool
                   ) -> tuple[list[str], str, list[str]]:
    """A page's running header lines, body text and running footer lines."""
    page_number = layout_words().page_number
    lines = chunk.splitlines()
    filled = [i for i, line in enumerate(lines) if line.strip()]
    headers: list[str] = []
    footers: list[str] = []
    if filled and several_pages:
        first, last = filled[0], filled[-1]
        text = normalise_text(lines[first])
        if f"top|{_DIGITS.sub('#', text.lower())}" in running or page_number.match(text):
            headers.append(text)
            lines[first] = ""
        text = normalise_text(lines[last])
        if last != first and (
            f"bottom|{_DIGITS.sub('#', text.lower())}" in running or page_number.match(text)
        ):
            footers.append(text)
            lines[last] = ""
    return headers, "\n".join(lines), footers


def text_pages(text: str) -> list[Page]:
    pages: list[Page] = []
    chunks = text.split("\f")
    if len(chunks) > 1 and not chunks[-1].strip():
        chunks.pop()  # a form feed that ends the file opens no new page
    running = _running_lines(chunks)
    for number, chunk in enumerate(chunks, start=1):
        headers, page_text, footers = _split_running(chunk, running, len(chunks) > 1)
        drafts = _split_note_lines(_split_heading_lines(_split_space_tables(
            _join_split_heads(_join_cell_tables(_drafts(page_text))))))
        markers = _mark_footnotes(drafts)
        blocks: list[Block] = [
            Block(id="", kind=BlockKind.HEADER, page=number, text=h) for h in headers
        ]
        tables: list[tuple[int, list[str]]] = []  # a table's block and its rows
        for draft in drafts:
            if draft.kind is BlockKind.TABLE:
                tables.append((len(blocks), draft.lines))
                blocks.append(Block(id="", kind=BlockKind.TABLE, page=number,
                                    text="\n".join(draft.lines)))
                continue
            body = join_lines(draft.lines)
            refs: list[str] = []
            if draft.kind is BlockKind.FOOTNOTE:
                match = _FOOTNOTE_START.match(body)
                if match:
                    refs = [match.group(1)]
                    body = body[match.end():]
            else:
                body, refs = strip_glued_markers(body, markers)
            blocks.append(
                Block(id="", kind=draft.kind, page=number, text=body, footnote_refs=refs)
            )
        blocks += [Block(id="", kind=BlockKind.FOOTER, page=number, text=f) for f in footers]
        for i, block in enumerate(blocks):
            block.id = f"p{number}-b{i}"
        grids: list[TableGrid] = [table_grid(rows, blocks[i].id) for i, rows in tables]
        pages.append(Page(number=number, blocks=blocks, tables=grids))
    return pages


def read_text_pages(path: Path, data: bytes) -> tuple[list[Page], list[str]]:
    text, warnings = decode(data, path.name)
    return text_pages(text), warnings
