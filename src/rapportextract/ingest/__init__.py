"""Reports in, `Document` out: PDF (text layer) or plain text, blocks in reading order,
sentences, and the edition (docs/outputs.md).

The only package that reads PDFs: with PDFium by default (`ingest.pdfium`, which hands its
letters and shapes to pdfplumber's word and table code), or with pdfplumber (`ingest.pdf`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from rapportextract.errors import EditionNotFoundError, InputError, NoTextLayerError
from rapportextract.ingest.edition import resolve_edition, title_lines
from rapportextract.limits import Deadline
from rapportextract.models import BlockKind, Document, Notice, NoticeCode, Page
from rapportextract.sentences import split_sentences

__all__ = ["DEFAULT_ENGINE", "ENGINES", "read_document"]

ENGINES = ("pdfium", "pdfplumber")
"""How a PDF's text layer is read: PDFium (`ingest.pdfium`, fast) or pdfplumber
(`ingest.pdf`, the reference the PDFium engine is checked against)."""
DEFAULT_ENGINE = "pdfium"

_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError("no such file", path=path, hint="check the path")
    if path.is_dir():
        raise InputError("is a directory, not a report file", path=path,
                         hint="name a PDF or text file (build takes folders)")
    if not path.is_file():
        # A named pipe or a device would be read for ever.
        raise InputError("not a regular file", path=path, hint="name a PDF or text file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", path=path,
                         hint="check the file's permissions") from exc
    if not data.strip():
        raise InputError("file is empty", path=path, hint="check the download or export")
    return data


def _is_pdf(path: Path, data: bytes) -> bool:
    # A PDF saved under a text name is still a PDF: its bytes start with the header.
    if data.lstrip()[:5] == b"%PDF-":
        return True
    if path.suffix.lower() in _TEXT_SUFFIXES:
        return False
    # The PDF header may follow some junk bytes; readers accept it within the first 1024.
    return b"%PDF-" in data[:1024] or path.suffix.lower() == ".pdf"


def _title(doc: Document) -> str | None:
    """The largest heading on page 1 (the first where sizes are unknown, as in text input),
    else its first title-like line."""
    if not doc.pages:
        return None
    best: tuple[float, int] | None = None
    title: str | None = None
    for i, block in enumerate(doc.pages[0].blocks):
        if block.kind is not BlockKind.HEADING or not block.text:
            continue
        sizes = [w.size for line in block.lines for w in line.words if w.size]
        key = (max(sizes, default=0.0), -i)
        if best is None or key > best:
            best, title = key, block.text
    if title is None:
        lines = title_lines(doc)
        title = lines[0] if lines else None
    return title


def _read_scans(
    path: Path, pages: list[Page], password: str | None, limit: Deadline, ocr: bool,
    workers: int,
) -> tuple[list[Notice], str]:
    """Read the pages without a text layer by OCR where it is on and installed. Returns the
    warnings about those pages, and the hint for a document none of whose pages could be
    read."""
    scans = [p for p in pages if not p.has_text_layer]
    if pages and not scans:
        return [], ""  # every page has its text: the OCR code is not even loaded
    from rapportextract.ingest.ocr import MISSING_HINT, find_engine, ocr_pages

    engine = find_engine() if ocr and scans else None
    if engine is None:
        hint = MISSING_HINT if ocr else (
            "read it without --no-ocr, or run OCR first (e.g. ocrmypdf) and read the OCR'd PDF")
        # A build leaves a report with such notices out of its cache.
        return [Notice(code=NoticeCode.UNREAD_SCAN, page=p.number,
                       message=f"{path.name}: page {p.number} has no text layer; run OCR first")
                for p in scans], hint
    read = ocr_pages(path, [p.number for p in scans], engine, password=password, limit=limit,
                     workers=workers)
    warnings: list[Notice] = []
    for page in scans:
        found = read[page.number]
        if isinstance(found, str):
            warnings.append(Notice(
                code=NoticeCode.OCR_FAILED, page=page.number,
                message=f"{path.name}: page {page.number} has no text layer, and its image "
                        f"could not be read by OCR ({found}); it is left empty"))
        elif not found:
            warnings.append(Notice(
                code=NoticeCode.OCR_EMPTY, page=page.number,
                message=f"{path.name}: page {page.number} has no text layer, and OCR found "
                        "no text on it"))
        else:
            # Table cells came from the unreadable text; drawn bars and rules stay for charts.
            page.words, page.tables, page.ocr = found, [], True
            warnings.append(Notice(
                code=NoticeCode.OCR_PAGE, page=page.number,
                message=f"{path.name}: page {page.number} has no text layer; its text was read "
                        "by OCR (check its figures against the page)"))
    return warnings, ("OCR found no text on them either; check that the scan holds text, or "
                      "run OCR yourself (e.g. ocrmypdf) and read the OCR'd PDF")


def read_document(
    path: str | Path,
    *,
    edition: int | None = None,
    password: str | None = None,
    timeout: float | None = None,
    require_edition: bool = True,
    workers: int = 1,
    ocr: bool = True,
    progress: Callable[[int, int], None] | None = None,
    engine: str | None = None,
) -> Document:
    """Read one report into a `Document`.

    Raises an `errors.InputError` subclass (one line naming the file and what to do) for a
    missing, empty, damaged or encrypted file, a PDF without any text layer, a read that
    exceeds `timeout` seconds, or a document without an edition year. With
    `require_edition=False` (turning a report into text needs no edition) a missing edition
    leaves `edition` None and adds a notice instead. What a user should know about the read
    (pages left empty, pages read by OCR) is in `Document.notices`.
    With `ocr` (the default), pages without a text layer are read by OCR where Tesseract with
    Dutch data is installed (`ingest.ocr`, `workers` pages at once); their `Page.ocr` is set.
    `progress(done, total)` is called as a PDF's pages are read (`total` is 0 where the PDF
    does not say how many it has).
    `engine` names the PDF reader, one of `ENGINES` (None: `DEFAULT_ENGINE`, looked up at
    the call, so a program or test can set it for the processes a build starts).
    """
    from rapportextract.ingest.text import read_text_pages
    from rapportextract.layout import layout_pages
    from rapportextract.limits import deadline

    path = Path(path)
    data = _read_bytes(path)
    sha256 = hashlib.sha256(data).hexdigest()
    warnings: list[Notice] = []
    meta_title: str | None = None
    pages: list[Page]
    is_pdf = _is_pdf(path, data)
    if not is_pdf and b"\x00" in data[:4096]:
        raise InputError("not a PDF or text file (binary data)", path=path,
                         hint="give a PDF with a text layer or a UTF-8 text file")
    text_data = b"" if is_pdf else data
    del data  # a PDF is parsed from its file, page by page: its bytes need not stay in memory
    with deadline(timeout, path) as limit:
        if is_pdf:
            engine = engine or DEFAULT_ENGINE
            if engine == "pdfplumber":
                from rapportextract.ingest.pdf import read_pdf_pages
            elif engine == "pdfium":
                from rapportextract.ingest.pdfium import read_pdfium_pages as read_pdf_pages
            else:
                raise ValueError(f"unknown engine {engine!r}; one of {', '.join(ENGINES)}")

            pages, meta_title, page_warnings = read_pdf_pages(
                path, password=password, check=limit.check, progress=progress,
            )
            warnings.extend(page_warnings)
            source_type = "pdf"
            scan_warnings, hint = _read_scans(path, pages, password, limit, ocr, workers)
            warnings.extend(scan_warnings)
            if not any(p.has_text_layer or p.ocr for p in pages):
                raise NoTextLayerError(
                    f"no page of {len(pages)} has a text layer (scanned PDF?)", path=path,
                    hint=hint,
                )
            pages = layout_pages(pages)
        else:
            pages, text_warnings = read_text_pages(path, text_data)
            warnings.extend(Notice(code=NoticeCode.NOT_UTF8, message=w) for w in text_warnings)
            source_type = "text"
        limit.check()
    doc = Document(
        path=str(path), name=path.name, sha256=sha256, source_type=source_type,
        pages=pages, notices=warnings,
    )
    doc.title = _title(doc) or meta_title
    try:
        doc.edition, doc.edition_source = resolve_edition(doc, edition)
    except EditionNotFoundError:
        if require_edition:
            raise
    doc.sentences = split_sentences(doc.blocks())
    return doc
