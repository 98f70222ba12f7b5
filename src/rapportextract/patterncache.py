"""Compiled `regex` patterns kept between runs, so that a process does not compile the same
large patterns again on its first sentence.

The quantity patterns are large alternations with full case folding: compiling them took
most of a process's start-up (0.2 to 0.4 s), while `regex` builds a pattern from its compiled
code in microseconds. The code of every pattern compiled here is kept in one file in the
user's cache folder (``$XDG_CACHE_HOME/rapportextract``, else ``~/.cache/rapportextract``),
named for the versions of rapportextract, `regex` and Python: a pattern read back is the
very pattern `regex.compile` gives, and where the file is missing, unreadable or of another
version, patterns are compiled as usual. The file is JSON (the compiled code, group names
and lists with their types written out, and a checksum over the whole), never code: nothing
in it is evaluated or unpickled.
``RAPPORTEXTRACT_PATTERN_CACHE=0`` turns the cache off.
"""

from __future__ import annotations

import atexit
import base64
import hashlib
import json
import os
import sys
import tempfile
from contextlib import suppress
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
    return Path(root) / "rapportextract" / f"patterns-{version}.json"


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
            # missing or damaged: compiled as usual
            with suppress(OSError, ValueError, TypeError, KeyError, IndexError):
                _known.update(_decode_file(path.read_bytes()))
    return _known


def _decode_file(raw: bytes) -> dict[tuple[str, int], Any]:
    found = json.loads(raw)
    body = json.dumps(found["patterns"], separators=(",", ":"))
    if hashlib.sha256(body.encode("utf-8")).hexdigest() != found["sha256"]:
        raise ValueError("checksum")
    out: dict[tuple[str, int], Any] = {}
    for pattern, flags, data in found["patterns"]:
        decoded = _decode(data)
        if not isinstance(pattern, str) or not isinstance(flags, int):
            raise TypeError("entry")
        if not isinstance(decoded, tuple) or decoded[:1] != (pattern,):
            raise ValueError("entry")
        out[(pattern, flags)] = decoded
    return out


def _encode(value: Any) -> Any:
    """`value` as JSON with its type kept: tuples, sets, bytes and dicts of any keys tagged."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, bytes):
        return {"b": base64.b64encode(value).decode("ascii")}
    if isinstance(value, tuple):
        return {"t": [_encode(v) for v in value]}
    if isinstance(value, list):
        return {"l": [_encode(v) for v in value]}
    if isinstance(value, frozenset | set):
        tag = "f" if isinstance(value, frozenset) else "s"
        return {tag: sorted((_encode(v) for v in value), key=repr)}
    if isinstance(value, dict):
        return {"d": [[_encode(k), _encode(v)] for k, v in value.items()]}
    raise TypeError(f"cannot keep a {type(value).__name__}")


def _decode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if not isinstance(value, dict) or len(value) != 1:
        raise ValueError("not a tagged value")
    (tag, inner), = value.items()
    if tag == "b":
        return base64.b64decode(inner, validate=True)
    items = [_decode(v) for v in inner] if tag != "d" else None
    if tag == "t":
        return tuple(items or ())
    if tag == "l":
        return list(items or ())
    if tag == "f":
        return frozenset(items or ())
    if tag == "s":
        return set(items or ())
    if tag == "d":
        return {_decode(k): _decode(v) for k, v in inner}
    raise ValueError(f"unknown tag {tag!r}")


def _save() -> None:
    """Write the cache at exit where this process compiled new patterns; never fails."""
    path = cache_file()
    if path is None or _known is None:
        return
    try:
        kept = _known if len(_known) <= _LIMIT else {k: _known[k] for k in _used if k in _known}
        entries = [[pattern, flags, _encode(data)] for (pattern, flags), data in kept.items()]
        body = json.dumps(entries, separators=(",", ":"))
        text = json.dumps({"sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(),
                           "patterns": entries}, separators=(",", ":"))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except (OSError, ValueError, TypeError):
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(temp, path)  # whole or not at all, also where processes race
    except OSError:
        Path(temp).unlink(missing_ok=True)
