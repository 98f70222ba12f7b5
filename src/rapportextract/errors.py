"""One small exception hierarchy.

Every error a user can meet carries the file it is about and what to do, and prints as one
line (`str(error)`); the CLI shows that line and goes on with the next file. A traceback that
reaches a user is a bug.
"""

from __future__ import annotations

from pathlib import Path


class RapportExtractError(Exception):
    """Base of every error rapportextract raises on purpose."""

    def __init__(self, message: str, *, path: str | Path | None = None, hint: str = "") -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        self.hint = hint
        super().__init__(self.line())

    def line(self) -> str:
        parts = [f"{self.path}: {self.message}" if self.path else self.message]
        if self.hint:
            parts.append(self.hint)
        return "; ".join(parts)


class InputError(RapportExtractError):
    """The input file cannot be read as a report (missing, empty, damaged, wrong type)."""


class EncryptedPDFError(InputError):
    """The PDF is encrypted and no (or a wrong) password was given."""


class NoTextLayerError(InputError):
    """The PDF has pages without a text layer (scanned); OCR is needed."""


class EditionNotFoundError(InputError):
    """No edition year in the option, the title or the file name."""


class ExtractionTimeout(InputError):
    """Reading the document took longer than the per-document time limit."""


class CatalogueError(RapportExtractError):
    """A concept catalogue file is malformed."""


class LanguageDataError(RapportExtractError):
    """A Dutch language data file shipped with the package is malformed (a packaging bug)."""

