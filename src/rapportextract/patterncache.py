"""Compiled `regex` patterns kept between runs, so that a process does not compile the same
large patterns again on its first sentence.

The quantity patterns are large alternations with full case folding: compiling them took
most of a process's start-up (0.2 to 0.4 s), while `regex` builds a pattern from its compiled
code in microseconds. The code of every pattern compiled here is kept in one file in the
user's cache folder (``$XDG_CACHE_HOME/rapportextract``, else ``~/.cache/rapportextract``),
named for the versions of rapportextract, `regex` and Python: a pattern read back is the
very pattern `regex.compile` gives, and where the file is missing, unreadable or of another
version, patterns are compiled as usual. The file holds plain data (`marshal`: strings,
numbers, lists and dicts), never code.
``RAPPORTEXTRACT_PATTERN_CACHE=0`` turns the cache off.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import regex

_OFF = "RAPPORTEXTRACT_PATTERN_CACHE"

_known: dict[tuple[str, int], Any] | None = None
"""(pattern, flags) -> the arguments `regex` builds the compiled pattern from."""
_new = False
_used: set[tuple[str, int]] = set()
_LIMIT = 2000
"""Past this many patterns the file keeps only those the last process used: patterns of
code since changed are not kept for ever."""


def cache_file() -> Path | None:
    """Where the compiled patterns are kept, or None where the cache is off."""
    if os.environ.get(_OFF, "1") == "0":
        return None
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    from rapportextract import __version__

    version = f"{__version__}-{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
    return Path(root) / "rapportextract" / f"patterns-{version}.marshal"


def compile_cached(pattern: str, flags: int) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, from the cache where it holds the pattern."""
    global _new
    known = _load()
    key = (pattern, int(flags))
    _used.add(key)
    data = known.get(key)
    if data is not None:
        try:
            return _build(data)
        except Exception:  # a damaged entry: compiled as usual below
            del known[key]
    compiled = regex.compile(pattern, flags)
    data = getattr(compiled, "_pickled_data", None)
    if data is not None and cache_file() is not None:
        known[key] = data
        if not _new:
            _new = True
            atexit.register(_save)
    return compiled


def _build(data: Any) -> regex.Pattern[str]:
    from regex import _regex  # regex's own compiled core

    built: regex.Pattern[str] = _regex.compile(*data)
    return built


def _load() -> dict[tuple[str, int], Any]:
    global _known
    if _known is None:
        _known = {}
        path = cache_file()
        if path is not None:
            try:
                loaded = marshal.loads(path.read_bytes())
            except (OSError, EOFError, ValueError, TypeError):
                loaded = None
            if isinstance(loaded, dict):
                _known.update(loaded)
    return _known


def _save() -> None:
    """Write the cache at exit where this process compiled new patterns; never fails."""
    path = cache_file()
    if path is None or _known is None:
        return
    try:
        kept = _known if len(_known) <= _LIMIT else {k: _known[k] for k in _used if k in _known}
        data = marshal.dumps(kept)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except (OSError, ValueError):
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(temp, path)  # whole or not at all, also where processes race
    except OSError:
        Path(temp).unlink(missing_ok=True)
