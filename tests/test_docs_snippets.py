"""Every example in README.md and docs/*.md runs, as a reader would run it.

The fenced blocks of each file are taken in order and run in one temporary folder that holds
what the examples name: `corpus/` (two of the bundled reports), `rapport-2024.pdf` and
`rapport-2024.txt`. A `python` block is executed (the blocks of a file share their names,
as in one session); in an `sh` block each command that calls `rapportextract` is run by the
shell, with `rapportextract` standing for this checkout's `python -m rapportextract`
(installing and the developer tools are left out). Blocks of other kinds are shown output
or data, listed in `SHOWN`; a block of a kind in neither list fails the test, so that no new
example goes untried.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "corpus"
OWN_REPORT = ROOT / "fixtures" / "text" / "headings-and-captions-2021.txt"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

RUN = frozenset({"python", "sh"})
SHOWN = frozenset({"", "json", "toml"})
"""Output shown to the reader (messages, a fact) and data files (a catalogue, checked by
test_docs.py); nothing to run."""

FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
COMMAND = re.compile(r"(^|\|\s*)rapportextract\s")


def _blocks(path: Path) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(path.read_text(encoding="utf-8"))]


def _commands(block: str) -> list[str]:
    """The commands of an sh block that call rapportextract (a `pip install ... &&` before
    one is left out), comments removed."""
    lines = block.replace("\\\n", " ").splitlines()
    commands = []
    for line in lines:
        line = re.sub(r"\s+#\s.*$", "", line).strip()
        parts = [part.strip() for part in line.split(" && ")]
        kept = [part for part in parts if COMMAND.search(part)]
        if kept:
            commands.append(" && ".join(kept))
    return commands


def _workspace(folder: Path) -> None:
    corpus = folder / "corpus"
    corpus.mkdir()
    for name in ("aedes-huurschulden-2022.pdf", "aedes-huurschulden-2023.pdf"):
        shutil.copy(CORPUS / name, corpus / name)
    shutil.copy(CORPUS / "aedes-huurschulden-2023.pdf", folder / "rapport-2024.pdf")
    shutil.copy(OWN_REPORT, folder / "rapport-2024.txt")


SERVES = re.compile(r"^rapportextract\s+review\s")
"""Commands that serve a page until stopped: started, their page fetched, then stopped."""


def _serve_and_stop(command: str, folder: Path) -> None:
    """Run a serving command as a reader would, open the address it prints, and stop it."""
    import signal
    import urllib.request

    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    args = command.split("#")[0].split()[1:]
    server = subprocess.Popen([sys.executable, "-m", "rapportextract", *args], cwd=folder,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/\S*", line)
        assert found, f"{command!r} printed no address: {line!r}"
        with urllib.request.urlopen(found.group(0), timeout=30) as response:
            assert response.status == 200
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _run_sh(command: str, folder: Path) -> None:
    if SERVES.match(command):
        _serve_and_stop(command, folder)
        return
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PY=sys.executable)
    script = 'set -eo pipefail\nrapportextract() { "$PY" -m rapportextract "$@"; }\n' + command
    done = subprocess.run(
        ["bash", "-c", script], cwd=folder, env=env, capture_output=True, text=True,
        timeout=600, check=False,
    )
    assert done.returncode == 0, f"{command!r} exited {done.returncode}: {done.stderr}"


@pytest.mark.parametrize("path", DOCS, ids=[str(p.relative_to(ROOT)) for p in DOCS])
def test_every_block_is_run_or_shown(path: Path) -> None:
    kinds = {kind for kind, _ in _blocks(path)}
    assert kinds <= RUN | SHOWN, f"{path.name}: blocks of kind {kinds - RUN - SHOWN} not run"


RUNNABLE = [p for p in DOCS if any(kind in RUN for kind, _ in _blocks(p))]


@pytest.mark.slow
@pytest.mark.parametrize("path", RUNNABLE, ids=[str(p.relative_to(ROOT)) for p in RUNNABLE])
def test_examples_run(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    ran = 0
    for number, (kind, block) in enumerate(_blocks(path), 1):
        if kind == "python":
            exec(compile(block, f"{path.name} block {number}", "exec"), namespace)
            ran += 1
        elif kind == "sh":
            for command in _commands(block):
                _run_sh(command, tmp_path)
                ran += 1
    assert ran
    capsys.readouterr()


def test_readme_python_api_example_names_the_functions() -> None:
    """The names the README imports are the functions, also once the submodule that shares a
    name with one of them was imported (as the command line and a build's workers do)."""
    code = (
        "import importlib, types\n"
        "importlib.import_module('rapportextract.batch.run')\n"
        "from rapportextract import read_document, extract, build, load_series\n"
        "assert all(isinstance(f, types.FunctionType) "
        "for f in (read_document, extract, build, load_series))\n"
        "import rapportextract\n"
        "assert rapportextract.build is build\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr


def test_the_readme_api_example_is_the_one_tested() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [block for kind, block in _blocks(ROOT / "README.md") if kind == "python"]
    assert any("from rapportextract import read_document, extract, build" in b for b in blocks)
    assert any('build(["corpus"], "out")' in b for b in blocks)
    assert "rapportextract build corpus -o out" in readme


@pytest.mark.parametrize(
    ("block", "commands"),
    [
        pytest.param("python -m pip install . && rapportextract build corpus -o out\n",
                     ["rapportextract build corpus -o out"], id="after-install"),
        pytest.param('python -m pip install ".[test]" && python -m pytest\n', [],
                     id="no-command"),
        pytest.param("cat a.txt | rapportextract text -  # from stdin\n",
                     ["cat a.txt | rapportextract text -"], id="pipe-and-comment"),
        pytest.param("rapportextract extract a.pdf \\\n  -o out.json\n",
                     ["rapportextract extract a.pdf    -o out.json"], id="continued-line"),
    ],
)
def test_commands_taken_from_an_sh_block(block: str, commands: list[str]) -> None:
    assert _commands(block) == commands
