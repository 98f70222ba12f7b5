"""Reports in, `Document` out: PDF (text layer) or plain text, blocks in reading order,
sentences, and the edition (docs/outputs.md).

The only package that imports pdfplumber (in `ingest.pdf`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from rapportextract.errors import EditionNotFoundError, InputError, NoTextLayerError
from rapportextract.ingest.edition import resolve_edition, title_lines
from rapportextract.models import BlockKind, Document, Page
from rapportextract.sentences import split_sentences

__all__ = ["read_document"]

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


def read_document(
    path: str | Path,
    *,
    edition: int | None = None,
    password: str | None = None,
    timeout: float | None = None,
    require_edition: bool = True,
    workers: int = 1,
) -> Document:
    """Read one report into a `Document`.

    Raises an `errors.InputError` subclass (one line naming the file and what to do) for a
    missing, empty, damaged or encrypted file, a PDF without any text layer, a read that
    exceeds `timeout` seconds, or a document without an edition year. With
    `require_edition=False` (turning a report into text needs no edition) a missing edition
    leaves `edition` None and adds a warning instead. `workers` > 1 reads a long PDF's pages in
    that many processes at once (`ingest.pdf.read_pdf_pages`); the document is the same.
    """
    from rapportextract.ingest.text import read_text_pages
    from rapportextract.layout import layout_pages
    from rapportextract.limits import deadline

    path = Path(path)
    data = _read_bytes(path)
    sha256 = hashlib.sha256(data).hexdigest()
    warnings: list[str] = []
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
            from rapportextract.ingest.pdf import read_pdf_pages

            pages, meta_title, page_warnings = read_pdf_pages(
                path, password=password, check=limit.check, workers=workers,
                seconds=limit.remaining(),
            )
            warnings.extend(page_warnings)
            source_type = "pdf"
            for page in pages:
                if not page.has_text_layer:
                    warnings.append(
                        f"{path.name}: page {page.number} has no text layer; run OCR first"
                    )
            if not any(p.has_text_layer for p in pages):
                raise NoTextLayerError(
                    f"no page of {len(pages)} has a text layer (scanned PDF?)", path=path,
                    hint="run OCR first (e.g. ocrmypdf) and read the OCR'd PDF",
                )
            layout_pages(pages)
        else:
            pages, text_warnings = read_text_pages(path, text_data)
            warnings.extend(text_warnings)
            source_type = "text"
        limit.check()
    doc = Document(
        path=str(path), name=path.name, sha256=sha256, source_type=source_type,
        pages=pages, warnings=warnings,
    )
    doc.title = _title(doc) or meta_title
    try:
        doc.edition, doc.edition_source = resolve_edition(doc, edition)
    except EditionNotFoundError as exc:
        if require_edition:
            raise
        doc.warnings.append(f"{path.name}: {exc.message}; {exc.hint}")
    doc.sentences = split_sentences(doc.blocks())
    return doc
