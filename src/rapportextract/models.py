"""The typed models every pipeline stage passes to the next.

The field names of `Fact`, `Source`, `Observation`, `Vintage` and `Series` are the product
contract (docs/outputs.md): analysts' code reads them, so a field keeps its name and meaning once
published. New fields may be added.

Coordinates are PDF points with the origin at the top-left of the page, as pdfplumber gives
them: a box is ``(x0, top, x1, bottom)``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any, Literal

from pydantic import Field, computed_field, model_validator

# the base types, re-exported: the pipeline imports them from here
from rapportextract.model_base import (
    SCHEMA_VERSION as SCHEMA_VERSION,
)
from rapportextract.model_base import (
    BBox as BBox,
)
from rapportextract.model_base import (
    JsonDecimal as JsonDecimal,
)
from rapportextract.model_base import (
    Kind as Kind,
)
from rapportextract.model_base import (
    Origin as Origin,
)
from rapportextract.model_base import (
    Period as Period,
)
from rapportextract.model_base import (
    Qualifier as Qualifier,
)
from rapportextract.model_base import (
    Scope as Scope,
)
from rapportextract.model_base import (
    Status as Status,
)
from rapportextract.model_base import (
    Unit as Unit,
)
from rapportextract.model_base import (
    _Model as _Model,
)
from rapportextract.model_base import (
    union_bbox as union_bbox,
)

# --------------------------------------------------------------------------------------------
# Layout: what ingestion produces
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Word:
    """A word on the page. A plain slotted dataclass, not a pydantic model: a long report holds
    hundreds of thousands of them, and this takes a third of the memory (pydantic still
    validates, serialises and documents it as a field of the models around it)."""

    text: str
    bbox: BBox
    fontname: str | None = None
    size: float | None = None
    bold: bool = False
    # Raised text (superscript), e.g. a footnote marker: its baseline sits above the line's.
    superscript: bool = False

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Word:
        """A copy with some fields changed, as the pydantic models around it offer."""
        return replace(self, **(update or {}))


class Line(_Model):
    text: str
    bbox: BBox
    words: list[Word] = Field(default_factory=list)


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CAPTION = "caption"
    FOOTNOTE = "footnote"
    HEADER = "header"
    FOOTER = "footer"
    CHART = "chart"
    TABLE = "table"


PROSE_KINDS = frozenset({BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.CAPTION})


class Block(_Model):
    id: str
    """Stable within a document: ``p{page}-b{index}``."""
    kind: BlockKind
    page: int
    bbox: BBox | None = None
    text: str
    """The block's text with line-break hyphenation repaired and whitespace normalised."""
    lines: list[Line] = Field(default_factory=list)
    column: int | None = None
    """0 for the left column, 1 for the right; None for full-width or unknown."""
    footnote_refs: list[str] = Field(default_factory=list)
    """Markers of footnotes this block refers to ("1"); on a footnote block, its own marker."""


class Rect(_Model):
    """A filled rectangle drawn on the page (chart bars, table shading)."""

    bbox: BBox
    fill: tuple[float, ...] | None = None


class Segment(_Model):
    """A drawn straight line (axes, gridlines, table rules, line-chart strokes)."""

    points: list[tuple[float, float]]
    stroke: tuple[float, ...] | None = None
    fill: tuple[float, ...] | None = None
    """The fill colour of a filled path (a chart bar drawn as a path with rounded corners);
    None where the path is not filled or the reader does not say."""


class TableCell(_Model):
    text: str
    bbox: BBox | None = None


class TableGrid(_Model):
    """A table as the PDF draws it: rows of cells, before any interpretation."""

    bbox: BBox | None = None
    rows: list[list[TableCell | None]]
    """None where a cell is merged into its neighbour."""
    block_id: str | None = None


class Page(_Model):
    number: int
    """1-based."""
    width: float | None = None
    height: float | None = None
    blocks: list[Block] = Field(default_factory=list)
    words: list[Word] = Field(default_factory=list)
    """Every word on the page, chart labels and table cells included, in no set order: the
    chart and table readers work from these. Not written by `text --format json`."""
    rects: list[Rect] = Field(default_factory=list)
    segments: list[Segment] = Field(default_factory=list)
    tables: list[TableGrid] = Field(default_factory=list)
    has_text_layer: bool = True
    ocr: bool = False
    """The page has no text layer, and its words were read by OCR from its image."""


@dataclass(slots=True)
class WordSpan:
    """Where a word of a sentence stands: character offsets in the sentence and its box.
    A slotted dataclass for the same reason as `Word`."""

    start: int
    end: int
    bbox: BBox


class Sentence(_Model):
    id: str
    """``p{page}-b{block}-s{index}``: stable for the same input."""
    page: int
    block_id: str
    block_kind: BlockKind
    text: str
    """Whitespace collapsed; footnote markers removed."""
    offset: int = 0
    """Offset of the sentence in the block text."""
    words: list[WordSpan] = Field(default_factory=list)
    """Empty for text input, where there are no boxes."""
    heading: str | None = None
    """The nearest heading above, for context."""

    def bbox_of(self, start: int, end: int) -> BBox | None:
        """The union of the boxes of the words that overlap characters [start, end)."""
        return union_bbox([w.bbox for w in self.words if w.start < end and w.end > start])


class NoticeCode(StrEnum):
    """What a notice is about: code branches on this, never on a notice's wording."""

    UNREAD_SCAN = "unread_scan"
    """A page without a text layer left unread (no OCR): `build` does not cache the report, so
    that it is read again once OCR is installed."""
    OCR_PAGE = "ocr_page"
    """A page without a text layer read by OCR: check its figures."""
    OCR_FAILED = "ocr_failed"
    """OCR could not read a page's image; the page is left empty."""
    OCR_EMPTY = "ocr_empty"
    """OCR found no text on a page without a text layer."""
    DAMAGED_PAGE = "damaged_page"
    """A page that could not be read; it is left empty."""
    PAGE_LIST_BROKEN = "page_list_broken"
    """The PDF's page list breaks off; the later pages are left out."""
    WIDTHLESS_LETTERS = "widthless_letters"
    """Letters without width (a damaged or missing font): the page's text may run together."""
    UNMAPPED_GLYPHS = "unmapped_glyphs"
    """Glyphs whose font gives no text ("(cid:12)"), left out of the page's text."""
    RIGHT_TO_LEFT = "right_to_left"
    """Text in a right-to-left script: its words are in reading order, its lines may not be."""
    NOT_UTF8 = "not_utf8"
    """A text file that is not UTF-8, read as cp1252."""
    NO_EDITION = "no_edition"
    """No edition year found (only where reading goes on without one)."""


class Notice(_Model):
    """Something a user should know about a document read: typed, with a one-line message."""

    code: NoticeCode
    page: int | None = None
    """The page it is about, where it is about one."""
    message: str
    """One line for a person, naming the file ("NAME: page N ...")."""


def notice_messages(notices: list[Notice]) -> list[str]:
    return [n.message for n in notices]


class Document(_Model):
    path: str
    name: str
    """File name, as `Fact.document` cites it."""
    sha256: str
    source_type: Literal["pdf", "text"]
    edition: int | None = None
    edition_source: Literal["option", "date", "title", "title_data_year", "filename"] | None = None
    """Which rule gave the edition: the --edition option, a publication date at the top of the
    body, the title year, a title year that is the data year ("... in 2012": the year after),
    or the file name."""
    title: str | None = None
    pages: list[Page] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    notices: list[Notice] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented pattern
    @property
    def warnings(self) -> list[str]:
        """The notices' messages (the JSON field `warnings` of earlier versions)."""
        return notice_messages(self.notices)

    @model_validator(mode="before")
    @classmethod
    def _drop_derived(cls, data: Any) -> Any:
        """A document read back from its JSON: `warnings` there is derived from `notices`."""
        if isinstance(data, dict) and "warnings" in data:
            return {k: v for k, v in data.items() if k != "warnings"}
        return data

    @property
    def data_year(self) -> int | None:
        return None if self.edition is None else self.edition - 1

    def blocks(self) -> list[Block]:
        return [b for p in self.pages for b in p.blocks]

    def text(self) -> str:
        """Clean text in reading order: body blocks only, a blank line between blocks,
        a form feed between pages. Running headers and footers are left out, and so are
        the labels of chart regions (axis ticks and data labels are not text to read);
        tables come as tab-separated rows, footnotes at the foot of their page."""
        skipped = (BlockKind.HEADER, BlockKind.FOOTER, BlockKind.CHART)
        parts: list[str] = []
        for page in self.pages:
            body = [b.text for b in page.blocks if b.kind not in skipped and b.text]
            parts.append("\n\n".join(body))
        return "\n\f".join(parts) + "\n"


# --------------------------------------------------------------------------------------------
# Quantities: a figure found in a sentence, before it is tied to a concept and a period
# --------------------------------------------------------------------------------------------


class Quantity(_Model):
    value: Decimal
    """Signed for changes (a decrease is negative); percent on a 0-100 scale."""
    unit: Unit
    qualifier: Qualifier = "exact"
    kind: Kind = "level"
    text: str
    """The figure as written, e.g. "€ 164 miljoen" or "een daling van 18.000"."""
    start: int
    end: int
    """Offsets of `text` in the sentence."""
    scale: int = 1
    """The multiplier a scale word applied (1_000_000 for "miljoen")."""
    form: Literal["digits", "words", "fraction", "ratio", "majority"] = "digits"
    ambiguous: bool = False
    """True where the written number allows two readings (e.g. "1.500" written in an
    English-style decimal context); the value is the Dutch reading."""
    notes: list[str] = Field(default_factory=list)


class SkippedNumber(_Model):
    """A number written in a sentence that is no figure, with the reason ("year", "date",
    "reference", "threshold", "score", "table multiplier"), for `draw` and `eval`."""

    text: str
    start: int
    end: int
    """Offsets of `text` in its sentence."""
    reason: str
    page: int | None = None
    """The page of its sentence, where the number was found in a document."""


# --------------------------------------------------------------------------------------------
# Facts: the product contract (docs/outputs.md)
# --------------------------------------------------------------------------------------------


class Source(_Model):
    page: int
    bbox: BBox | None = None
    sentence: str
    text: str
    start: int
    end: int
    origin: Origin = "text"
    sentence_id: str | None = None
    block_id: str | None = None
    note: str | None = None
    """How the figure was read where that is not plain, e.g. "estimated from bar height"."""


class Fact(_Model):
    id: str
    document: str
    edition: int
    concept: str | None = None
    subject: str
    value: JsonDecimal
    unit: Unit
    period: Period
    qualifier: Qualifier = "exact"
    kind: Kind = "level"
    base_period: Period | None = None
    derived: bool = False
    derived_from: list[str] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    source: Source
    statement: str | None = None
    """For facts outside the catalogue: a normalised statement key used to link editions."""
    scope: Scope = Field("national", description=(
        "Whom the figure is about: national (the whole country, the default for a report's own "
        "figures), organisation (one named corporation, court, agency or company, or the "
        "organisation speaking as 'wij' in its own report), region (one municipality, province "
        "or place), unknown (a group that is neither, 'de deurwaarders'). Series take national "
        "figures only."))
    """Whom the figure is about (`Scope`); series take national figures only."""
    scope_name: str | None = Field(None, description=(
        "The organisation or region as the text names it ('Woonrijk', 'gemeente Best'), where "
        "scope is organisation, region or unknown and a name is given; else null."))
    """The organisation or region the text names, where `scope` is one of those."""
    per: str | None = Field(
        None, exclude_if=lambda found: found is None,
        description="For a rate or an average: what the value is counted per, as written "
                    "('per 100.000 inwoners', 'per huurder'); the value's unit is that of what "
                    "is counted. Omitted where the figure is no rate.")
    """What a rate or an average is counted per ("per 100.000 inwoners"), or None."""
    diagnostics: list[str] = Field(
        default_factory=list, exclude_if=lambda found: not found,
        description="Why the extractor decided as it did where that is not plain (why a figure "
                    "has no concept, what its scope rests on); omitted when empty.")
    """Why the extractor decided as it did where that is not plain (e.g. why a figure has no
    concept), for `draw`, `eval` and the review page."""


class DocumentSummary(_Model):
    path: str
    name: str
    sha256: str
    source_type: Literal["pdf", "text"]
    edition: int | None
    edition_source: str | None = None
    title: str | None = None
    pages: int
    ocr_pages: list[int] = Field(default_factory=list)
    """The pages without a text layer whose words were read by OCR: check their figures."""
    facts: int = 0
    warnings: list[str] = Field(default_factory=list)
    """The notices' messages, one line each."""
    notices: list[Notice] = Field(default_factory=list, exclude_if=lambda notices: not notices)
    """The same as typed notices (code, page, message); left out of the JSON where there are
    none, so that the output of a report read without remarks is as before."""

    @classmethod
    def of(cls, doc: Document, facts: int) -> DocumentSummary:
        """The summary of a document read, with the number of facts found in it."""
        return cls(
            path=doc.path, name=doc.name, sha256=doc.sha256, source_type=doc.source_type,
            edition=doc.edition, edition_source=doc.edition_source, title=doc.title,
            pages=len(doc.pages), ocr_pages=[p.number for p in doc.pages if p.ocr],
            facts=facts, warnings=doc.warnings, notices=list(doc.notices),
        )


class ExtractOutput(_Model):
    """What `rapportextract extract` writes."""

    schema_version: str = SCHEMA_VERSION
    documents: list[DocumentSummary]
    facts: list[Fact]


# --------------------------------------------------------------------------------------------
# Series (docs/outputs.md)
# --------------------------------------------------------------------------------------------


class Alternative(_Model):
    """One distinct value an edition gives a period (`Vintage.alternatives`)."""

    value: JsonDecimal
    qualifier: Qualifier = "exact"
    status: Status = "reported"
    fact_ids: list[str]
    page: int | None = None
    text: str = ""
    """The figure as written (`Source.text`) of the alternative's first fact."""
    sentence: str = ""
    confidence: float | None = None


ConflictKind = Literal["between_editions", "within_edition", "both"]


class Vintage(_Model):
    edition: int
    value: JsonDecimal
    qualifier: Qualifier = "exact"
    status: Status
    fact_ids: list[str]
    document: str | None = None
    page: int | None = None
    alternatives: list[Alternative] = Field(
        default_factory=list, exclude_if=lambda found: not found
    )
    """Where the edition gives the period figures that differ beyond their rounding: every
    distinct value, the chosen one first (its `value` is the vintage's). Omitted where the
    edition's figures agree."""
    reason: str | None = Field(default=None, exclude_if=lambda found: found is None)
    """Where there are `alternatives`: which one the vintage takes, and why."""


class Observation(_Model):
    period: Period
    value: JsonDecimal
    qualifier: Qualifier = "exact"
    status: Status
    edition: int
    fact_ids: list[str]
    conflict: bool = False
    """True where any figures for the period disagree beyond their rounding."""
    conflict_kind: ConflictKind | None = None
    """Which figures disagree: editions with each other, figures within one edition, or both."""
    headline_reason: str = ""
    vintages: list[Vintage]
    base_period: Period | None = None
    """For an observation of a change series: the period the change is measured against."""


class Series(_Model):
    id: str
    concept: str | None
    label: str
    unit: Unit
    kind: Kind = "level"
    match_confidence: float | None = None
    """For statement series: how sure the cross-edition linking is (1.0 for catalogue series)."""
    observations: list[Observation]
    statements: list[str] = Field(default_factory=list)
    """For statement series: every statement key linked into the series, earliest edition first."""


class SeriesFile(_Model):
    schema_version: str = SCHEMA_VERSION
    series: list[Series]
    warnings: list[str] = Field(default_factory=list)
    """Facts left out of every series, and why (e.g. a unit that differs from the concept's), and
    editions that give one period two figures that disagree."""
    left_out_scope: int = 0
    """Facts left out of the series because they are not about the whole country (`Fact.scope`
    other than "national"): they stay facts."""
