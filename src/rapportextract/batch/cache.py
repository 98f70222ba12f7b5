"""A SQLite cache of extractions, so a rebuild re-reads only the reports that changed.

An entry is keyed by the report's content (sha256 of its bytes, not its name or date), the code
that read it (the rapportextract version plus a fingerprint of the package's code and data
files, so an upgrade or an edited word list invalidates it), the catalogue (a hash of the
user's extra catalogue file) and the edition option. It holds the document summary and the
facts as JSON. The cache is disposable: a damaged file is set aside and started afresh.

The same database keeps a hash per drawn plot, so unchanged series are not drawn again.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import TracebackType

from pydantic import TypeAdapter, ValidationError

from rapportextract.models import DocumentSummary, Fact

CACHE_FILE_NAME = ".cache.sqlite"
_SCHEMA = 1
_FACTS = TypeAdapter(list[Fact])
_CHUNK = 1 << 20


def file_sha256(path: str | Path) -> str:
    """The sha256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@cache
def code_fingerprint() -> str:
    """The rapportextract version and a hash of every code and data file of the package."""
    from rapportextract import __version__

    root = Path(__file__).resolve().parent.parent  # the package, not this subpackage
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml", ".json") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def catalogue_hash(path: str | Path | None) -> str:
    """A hash of the user's extra catalogue file ("builtin" without one; the shipped catalogue
    is part of the code fingerprint)."""
    return "builtin" if path is None else file_sha256(path)


def cache_key(
    sha256: str, *, catalogue: str = "builtin", edition: int | None = None,
    fingerprint: str | None = None, ocr: bool = True,
) -> str:
    parts = [sha256, fingerprint or code_fingerprint(), catalogue, str(edition or ""),
             "ocr" if ocr else "no-ocr"]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


@dataclass
class CachedExtraction:
    summary: DocumentSummary
    facts: list[Fact]


class ExtractionCache:
    """Extractions by key, in one SQLite file. Use as a context manager, or call `close()`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError:
            self._set_aside()
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            # The cache is disposable (a damaged file is set aside and started afresh), so
            # it is not synced to disk at every commit: that took 20 ms a report and 60 ms
            # to create the file, a tenth of a rebuild.
            db.execute("PRAGMA synchronous = OFF")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, _SCHEMA):
                db.executescript("DROP TABLE IF EXISTS extractions; DROP TABLE IF EXISTS plots;")
            db.executescript(
                """
                CREATE TABLE IF NOT EXISTS extractions (
                    key TEXT PRIMARY KEY,
                    sha256 TEXT NOT NULL,
                    name TEXT NOT NULL,
                    stored REAL NOT NULL,
                    summary TEXT NOT NULL,
                    facts TEXT NOT NULL
                );
                CREATE TABLE IF NOT EXISTS plots (
                    folder TEXT NOT NULL,
                    series_id TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    PRIMARY KEY (folder, series_id)
                );
                """
            )
            db.execute(f"PRAGMA user_version = {_SCHEMA}")
            db.commit()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _set_aside(self) -> None:
        # Not deleted: a person may want to look at what went wrong with it.
        with contextlib.suppress(OSError):
            self.path.replace(self.path.with_name(self.path.name + ".damaged"))

    def get(self, key: str) -> CachedExtraction | None:
        """The cached extraction for `key`, or None (also where the entry cannot be read)."""
        try:
            row = self._db.execute(
                "SELECT summary, facts FROM extractions WHERE key = ?", (key,)
            ).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is None:
            return None
        try:
            return CachedExtraction(
                summary=DocumentSummary.model_validate_json(row[0]),
                facts=_FACTS.validate_json(row[1]),
            )
        except ValidationError:
            # Written by a version whose models differ: as good as absent.
            return None

    def put(self, key: str, summary: DocumentSummary, facts: list[Fact]) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO extractions (key, sha256, name, stored, summary, facts) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                key,
                summary.sha256,
                summary.name,
                time.time(),
                summary.model_dump_json(),
                _FACTS.dump_json(facts).decode("utf-8"),
            ),
        )
        self._db.commit()

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM extractions").fetchone()[0])

    def plot_drawn(self, digest: str) -> str | None:
        """The hash of the image last drawn for a plot of this content (a hash of its series
        and the plot code), or None: keyed by content, not by folder, so that a moved or
        copied output folder keeps its plots."""
        row = self._db.execute(
            "SELECT hash FROM plots WHERE folder = '' AND series_id = ?", (digest,)
        ).fetchone()
        return None if row is None else str(row[0])

    def set_plots_drawn(self, drawn: dict[str, str]) -> None:
        """Record the image hash of each plot content drawn (content digest to image hash)."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO plots (folder, series_id, hash) VALUES ('', ?, ?)",
                sorted(drawn.items()),
            )

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
