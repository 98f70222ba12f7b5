"""Compiled `regex` patterns kept between runs, so that a process does not compile the same
large patterns again on its first sentence.

The quantity patterns are large alternations with full case folding: compiling them took
most of a process's start-up (0.2 to 0.4 s), while `regex` builds a pattern from its compiled
code in microseconds. The code of every pattern compiled here is kept in one file in the
user's cache folder (``$XDG_CACHE_HOME/rapportextract``, else ``~/.cache/rapportextract``),
named for the versions of rapportextract, `regex` and Python: a pattern read back is the
very pattern `regex.compile` gives, and where the file is missing, unreadable or of another
version, patterns are compiled as usual. The file is a checksum line and JSON (the compiled
code, group names and lists with their types written out), never code: nothing in it is
evaluated or unpickled; an entry is decoded only when its pattern is asked for.
``RAPPORTEXTRACT_PATTERN_CACHE=0`` turns the cache off.
"""

from __future__ import annotations

import atexit
import base64
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable
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
    # "v2": a checksum line before the JSON (the first files checked a checksum inside it)
    return Path(root) / "rapportextract" / f"patterns-v2-{version}.json"


def compile_cached(pattern: str, flags: int) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, from the cache where it holds the pattern."""
    global _new
    known = _load()
    key = (pattern, int(flags))
    _used.add(key)
    data = known.get(key)
    if data is not None:
        try:
            if isinstance(data, _Stored):  # decoded on first use: a file holds many
                data = known[key] = data.decoded(pattern)
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


class _Stored:
    """An entry as the file holds it (tagged JSON), decoded only when its pattern is asked
    for: a process uses a third of the patterns of a file that several versions of the code
    wrote to."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def decoded(self, pattern: str) -> Any:
        decoded = _decode(self.value)
        if not isinstance(decoded, tuple) or decoded[:1] != (pattern,):
            raise ValueError("entry")
        return decoded


def _decode_file(raw: bytes) -> dict[tuple[str, int], Any]:
    """The entries of a cache file: its checksum on the first line, then the JSON list of
    (pattern, flags, tagged data); the data decoded on first use (`_Stored`)."""
    digest, _, body = raw.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode("ascii") != digest:
        raise ValueError("checksum")
    out: dict[tuple[str, int], Any] = {}
    for pattern, flags, data in json.loads(body):
        if not isinstance(pattern, str) or type(flags) is not int:
            raise TypeError("entry")
        out[(pattern, flags)] = _Stored(data)
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
    if _known is not None:
        _write(cache_file(), _known, _used)


def _write(path: Path | None, known: dict[tuple[str, int], Any],
           used: Iterable[tuple[str, int]]) -> None:
    """`known` written to `path` whole or not at all; past `_LIMIT` patterns only those of
    `used`. Never fails."""
    if path is None:
        return
    try:
        kept = known if len(known) <= _LIMIT else {k: known[k] for k in used if k in known}
        entries = [[pattern, flags, data.value if isinstance(data, _Stored) else _encode(data)]
                   for (pattern, flags), data in kept.items()]
    except TypeError:
        return
    _write_entries(path, entries)


def _write_entries(path: Path, entries: list[Any]) -> None:
    """A cache file of `entries`: their checksum on a line, then their JSON; never fails."""
    try:
        body = json.dumps(entries, separators=(",", ":")).encode("utf-8")
    except (ValueError, TypeError):
        return
    _write_bytes(path, hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body)


def _write_bytes(path: Path, data: bytes) -> None:
    """`data` written to `path` whole or not at all, also where processes race; never fails."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(temp, path)  # whole or not at all, also where processes race
    except OSError:
        Path(temp).unlink(missing_ok=True)


# --- the standard library's `re` ------------------------------------------------------------
#
# `re.compile` parses a pattern into its code (a list of integers) in Python, then builds the
# pattern object from that code in C (`_sre.compile`). The code is kept here as for `regex`,
# in a file of its own named for the Python version and `_sre`'s magic number (the code's
# format): the pattern read back is built by the very call `re.compile` ends with.

_known_re: dict[tuple[str, int], Any] | None = None
_new_re = False


def re_cache_file() -> Path | None:
    """Where the compiled `re` patterns are kept, or None where the cache is off."""
    path = cache_file()
    if path is None:
        return None
    version = f"{sys.implementation.name}{sys.version_info[0]}.{sys.version_info[1]}"
    return path.with_name(f"re-patterns-{version}-{_sre().MAGIC}.json")


def compile_std(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the cache where it holds the pattern."""
    global _new_re
    known = _load_re()
    key = (pattern, int(flags))
    data = known.get(key)
    if data is not None:
        try:
            return _build_re(data)
        except Exception:  # a damaged entry: compiled as usual below
            del known[key]
    try:
        data = _parse_re(pattern, int(flags))
        compiled = _build_re(data)
    except re.error:
        raise
    except Exception:  # another Python's internals: as usual, not kept
        return re.compile(pattern, flags)
    if re_cache_file() is not None:
        known[key] = data
        if not _new_re:
            _new_re = True
            atexit.register(_save_re)
    return compiled


def _parse_re(pattern: str, flags: int) -> tuple[Any, ...]:
    """What `re._compiler.compile` builds a pattern from (pattern, flags, code, groups,
    group index, index group)."""
    from re import _compiler, _parser  # type: ignore[attr-defined,unused-ignore]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    index: dict[str, int] = dict(parsed.state.groupdict)
    names: list[str | None] = [None] * parsed.state.groups
    for name, i in index.items():
        names[i] = name
    return (pattern, flags | parsed.state.flags, list(code), parsed.state.groups - 1, index,
            tuple(names))


def _sre() -> Any:
    """The C core of `re` (no type stubs)."""
    import importlib

    return importlib.import_module("_sre")


def _build_re(data: tuple[Any, ...]) -> re.Pattern[str]:
    pattern, flags, code, groups, index, names = data
    built: re.Pattern[str] = _sre().compile(pattern, flags, code, groups, index, names)
    return built


def _load_re() -> dict[tuple[str, int], Any]:
    global _known_re
    if _known_re is None:
        _known_re = {}
        path = re_cache_file()
        if path is not None:
            with suppress(OSError, ValueError, TypeError, KeyError, IndexError):
                _known_re.update(_decode_re_file(path.read_bytes()))
    return _known_re


def _decode_re_file(raw: bytes) -> dict[tuple[str, int], Any]:
    """The entries of an `re` cache file: its checksum on the first line, then plain JSON
    lists (pattern, the flags asked for, the pattern's flags, code, groups, group index,
    index group). `_sre.compile` checks the code itself (it refuses code that is not sound)."""
    digest, _, body = raw.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode("ascii") != digest:
        raise ValueError("checksum")
    out: dict[tuple[str, int], Any] = {}
    for key, asked, flags, code, groups, index, names in json.loads(body):
        if not (isinstance(key, str) and type(asked) is int and type(flags) is int
                and type(groups) is int and isinstance(code, list)
                and isinstance(index, dict) and isinstance(names, list)):
            raise TypeError("entry")
        out[(key, asked)] = (key, flags, code, groups, index, tuple(names))
    return out


def _save_re() -> None:
    """Write the `re` cache at exit where this process compiled new patterns; never fails."""
    path = re_cache_file()
    if path is None or _known_re is None:
        return
    _write_entries(path, [[pattern, asked, data[1], data[2], data[3], data[4], list(data[5])]
                          for (pattern, asked), data in _known_re.items()])
