"""Where the command line reads and writes: standard input and output, output names that stay
apart, the guard that no output replaces an input or another output, and the pages read of a
long document on a terminal.

The commands in `cli` call these before anything is read, so that a wrong command line costs
nothing and destroys nothing (exit code 2).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

STDIO = "-"
"""The file name that stands for standard input (as an input) or standard output."""

STDIN_NAME = "stdin"
"""The name a report read from standard input goes by (its outputs are `stdin.txt`, ...)."""

BUILD_FILES = ("facts.json", "series.json", "series.csv", "datapackage.json", "build.json")
"""The files `build` writes in its output folder (besides plots/ and its cache)."""


class UsageError(Exception):
    """A command line that would destroy a file or cannot be carried out; the CLI prints it
    in one line and exits with 2 before reading anything."""


# ----------------------------------------------------------------------------- the guard


def _key(path: Path) -> str:
    """One spelling per file: `./a.txt`, `a.txt` and a symbolic link to it are the same."""
    return os.path.normcase(os.path.realpath(path))


def check_outputs(inputs: Sequence[str], outputs: Sequence[Path]) -> None:
    """Raise `UsageError` where an output would be written over one of the inputs, or where
    two outputs share a path."""
    given = {_key(Path(name)): name for name in inputs if name != STDIO}
    seen: dict[str, Path] = {}
    for output in outputs:
        key = _key(output)
        if key in given:
            raise UsageError(
                f"{output}: the output would replace the input {given[key]}; "
                "give another output path"
            )
        if key in seen:
            raise UsageError(
                f"{output}: two outputs would share this path (inputs of the same name?); "
                "give each input once, or rename one"
            )
        seen[key] = output


def check_single_stdin(inputs: Sequence[str]) -> None:
    if sum(1 for name in inputs if name == STDIO) > 1:
        raise UsageError("'-' (standard input) is given more than once; give it once")


# ----------------------------------------------------------------------------- naming


def output_names(inputs: Sequence[str], suffix: str) -> list[str]:
    """The file name of each input's output, in the order given (docs: README, `text -o`).

    An output is named after its input, with `suffix` for the input's: `rapport.pdf` gives
    `rapport.txt`. Where several inputs would give the same name, each of those is named by
    its path from the folder they have in common, its own suffix kept and every `/` written
    as `__`: `2022/rapport.pdf` and `2023/rapport.pdf` give `2022__rapport.pdf.txt` and
    `2023__rapport.pdf.txt`; `rapport.pdf` and `rapport.txt` give `rapport.pdf.txt` and
    `rapport.txt.txt`. Standard input (`-`) is named `stdin`.
    """
    plain = [
        (STDIN_NAME if name == STDIO else Path(name).stem) + suffix for name in inputs
    ]
    names = list(plain)
    for target in set(plain):
        group = [i for i, name in enumerate(plain) if name == target]
        if len(group) < 2:
            continue
        real = [
            Path(STDIN_NAME) if inputs[i] == STDIO else Path(os.path.realpath(inputs[i]))
            for i in group
        ]
        files = [p for p in real if p.is_absolute()]
        common = Path(os.path.commonpath([p.parent for p in files])) if files else Path()
        for i, path in zip(group, real, strict=True):
            relative = path.relative_to(common) if path.is_absolute() else path
            names[i] = "__".join(relative.parts) + suffix
    return names


# ----------------------------------------------------------------------------- stdin, stdout


@contextlib.contextmanager
def readable(inputs: Sequence[str], stdin: TextIO | None = None) -> Iterator[list[str]]:
    """The inputs as paths the library can read: `-` becomes a temporary file holding what
    standard input gives (a PDF where it starts like one, else text), named `stdin.pdf` or
    `stdin.txt`, removed afterwards."""
    if STDIO not in inputs:
        yield list(inputs)
        return
    stream = stdin if stdin is not None else sys.stdin
    data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode()
    suffix = ".pdf" if data.lstrip()[:5] == b"%PDF-" else ".txt"
    with tempfile.TemporaryDirectory(prefix="rapportextract-") as folder:
        path = Path(folder) / (STDIN_NAME + suffix)
        path.write_bytes(data)
        yield [str(path) if name == STDIO else name for name in inputs]


class PageProgress:
    """The pages read of one document, on one line of stderr, shown only where stderr is a
    terminal: a long PDF takes a while, and a silent screen looks like a hang."""

    def __init__(self, name: str, *, quiet: bool, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.name = name
        self.enabled = not quiet and self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        of = f"/{total}" if total else ""
        self.stream.write(f"\r{self.name[:40]}: page {done}{of}\x1b[K")
        if total and done >= total:
            self.stream.write("\r\x1b[K")  # the line is cleared for what follows
        self.stream.flush()
