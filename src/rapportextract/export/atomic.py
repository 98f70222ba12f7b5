"""Atomic file writes: a reader sees the old file or the whole new one, never half of it.

The data goes to a temporary file in the target's own folder (so the rename cannot cross file
systems), is flushed to disk, and then replaces the target with `os.replace`. Where anything
fails before that, the temporary file is removed and the target is left as it was. A file that
can be made again and is checked before it is used (a plot, by its hash) may skip the flush to
disk (`sync=False`): still whole or absent for a reader, it may be lost in a power cut.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal, overload


@overload
def atomic_open(
    path: str | Path, mode: Literal["w"] = "w", *, encoding: str = "utf-8"
) -> contextlib.AbstractContextManager[IO[str]]: ...


@overload
def atomic_open(
    path: str | Path, mode: Literal["wb"], *, encoding: str = "utf-8"
) -> contextlib.AbstractContextManager[IO[bytes]]: ...


def atomic_open(
    path: str | Path, mode: Literal["w", "wb"] = "w", *, encoding: str = "utf-8"
) -> contextlib.AbstractContextManager[IO[Any]]:
    """A context manager giving a file to write; on a clean exit it replaces `path`."""
    return _atomic(Path(path), mode, encoding)


@contextlib.contextmanager
def _atomic(path: Path, mode: str, encoding: str, sync: bool = True) -> Iterator[IO[Any]]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        binary = mode == "wb"
        with os.fdopen(fd, mode, encoding=None if binary else encoding,
                       newline=None if binary else "") as fh:
            yield fh
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
        # mkstemp creates the file 0600; a written output should carry the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(path: str | Path, data: bytes, *, sync: bool = True) -> None:
    """Write `data` to `path` atomically (`sync=False`: not flushed to disk first)."""
    with _atomic(Path(path), "wb", "utf-8", sync) as fh:
        fh.write(data)


def atomic_write_text(path: str | Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write `text` to `path` atomically (no newline translation)."""
    with atomic_open(path, "w", encoding=encoding) as fh:
        fh.write(text)
