"""Bounded fuzzing of extraction: damaged PDFs (made from the fixture PDFs by flipping bits,
cutting them short, inserting junk and copying objects) and random text. Whatever comes in,
only an `errors.RapportExtractError` may come out, and nothing hangs."""

from __future__ import annotations

import re
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rapportextract.catalogue import Catalogue, load_catalogue
from rapportextract.errors import RapportExtractError
from rapportextract.ingest import read_document
from rapportextract.pipeline import extract

ROOT = Path(__file__).resolve().parents[1] / "fixtures"
SEEDS = [
    ROOT / "broken" / "good-2016.pdf",
    ROOT / "broken" / "encrypted-2016.pdf",
    ROOT / "layout" / "table.pdf",
    ROOT / "layout" / "two_columns.pdf",
    ROOT / "charts" / "bars_multi_series.pdf",
]
PDF_EXAMPLES = 100
TEXT_EXAMPLES = 100
DOCUMENT_TIMEOUT = 5.0
"""The per-document limit handed to extraction (it covers reading the file)."""
WATCHDOG_CPU_SECONDS = 30
"""A case that burns this much CPU is a hang even if it would end some day."""

_OBJECT = re.compile(rb"\d+ \d+ obj\b.*?endobj", re.S)


class Hang(BaseException):
    """Not an Exception: no `except Exception` inside a parser can swallow it."""


@contextmanager
def watchdog(seconds: int) -> Iterator[None]:
    # The CPU-time timer leaves the wall-clock timer to the per-document deadline under test.
    def on_timer(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"still running after {seconds} s of CPU time")

    previous = signal.signal(signal.SIGVTALRM, on_timer)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


@cache
def _catalogue() -> Catalogue:
    return load_catalogue()


@cache
def _seed(index: int) -> bytes:
    return SEEDS[index].read_bytes()


_where = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
_mutation = st.one_of(
    st.tuples(st.just("flip"), _where, st.integers(0, 7)),
    st.tuples(st.just("cut"), _where),
    st.tuples(st.just("junk"), _where, st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("drop"), _where, st.integers(1, 400)),
    st.tuples(st.just("copy_object"), _where, _where),
    st.tuples(st.just("stutter"), _where, st.integers(2, 50)),
)


def mutate(data: bytes, mutations: list[tuple[object, ...]]) -> bytes:
    out = bytearray(data)
    for mutation in mutations:
        kind, where = mutation[0], mutation[1]
        assert isinstance(where, float)
        at = int(where * len(out)) if out else 0
        if kind == "flip" and out:
            out[min(at, len(out) - 1)] ^= 1 << int(str(mutation[2]))
        elif kind == "cut":
            del out[at:]
        elif kind == "junk":
            junk = mutation[2]
            assert isinstance(junk, bytes)
            out[at:at] = junk
        elif kind == "drop":
            del out[at:at + int(str(mutation[2]))]
        elif kind == "copy_object":
            # A second copy of an object elsewhere in the file: duplicated object numbers.
            objects = [m.group(0) for m in _OBJECT.finditer(bytes(out))]
            if objects:
                pick = objects[int(float(str(mutation[2])) * (len(objects) - 1))]
                out[at:at] = b"\n" + pick + b"\n"
        elif kind == "stutter" and out:
            # One byte many times over: long tokens, deep nesting where it is a bracket.
            out[at:at] = bytes([out[min(at, len(out) - 1)]]) * int(str(mutation[2]))
    return bytes(out)


def _only_our_errors(path: Path, *, read_only: bool = False) -> None:
    with watchdog(WATCHDOG_CPU_SECONDS):
        try:
            if read_only:
                read_document(path, timeout=DOCUMENT_TIMEOUT, require_edition=False)
            else:
                extract(path, edition=2016, catalogue=_catalogue(), timeout=DOCUMENT_TIMEOUT)
        except RapportExtractError as error:
            line = str(error)
            assert "\n" not in line and path.name in line


def test_mutation_changes_the_bytes() -> None:
    data = _seed(0)
    assert mutate(data, [("cut", 0.5)]) == data[: len(data) // 2]
    assert mutate(data, [("flip", 0.0, 0)])[0] == data[0] ^ 1
    assert len(mutate(data, [("copy_object", 0.3, 0.0)])) > len(data)


@settings(
    max_examples=PDF_EXAMPLES, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    seed=st.integers(0, len(SEEDS) - 1),
    mutations=st.lists(_mutation, min_size=1, max_size=4),
)
# Found in CI: a stuttered text matrix put letters 1e17 points apart, and the column-gutter
# scan ran out of memory.
@example(seed=3, mutations=[("stutter", 0.3014696047209094, 18)])
@example(seed=3, mutations=[("stutter", 0.3014696047209094, 8)])
def test_damaged_pdfs_raise_only_rapportextract_errors(
    seed: int, mutations: list[tuple[object, ...]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "beschadigd-2016.pdf"
        path.write_bytes(mutate(_seed(seed), mutations))
        _only_our_errors(path)


@settings(max_examples=TEXT_EXAMPLES, deadline=None, database=None)
@given(text=st.text(max_size=2000), as_bytes=st.binary(max_size=300), pick=st.integers(0, 2))
def test_random_text_raises_only_rapportextract_errors(
    text: str, as_bytes: bytes, pick: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("tekst-2016.txt", "tekst-2016.pdf", "tekst.md")[pick]
        path.write_bytes(text.encode("utf-8") if pick != 2 else text.encode("utf-8") + as_bytes)
        _only_our_errors(path)
        _only_our_errors(path, read_only=True)


@pytest.mark.parametrize("seed", range(len(SEEDS)), ids=[p.name for p in SEEDS])
def test_every_cut_of_the_first_kilobytes_is_handled(seed: int, tmp_path: Path) -> None:
    # The header, the first objects and the page tree: where a cut-short download ends.
    data = _seed(seed)
    for end in range(0, min(len(data), 1200), 97):
        path = tmp_path / f"kort-{end}-2016.pdf"
        path.write_bytes(data[:end] or b"%")
        _only_our_errors(path)
