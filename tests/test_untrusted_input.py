"""Reports come from anywhere: nothing in a PDF is evaluated, unpickled or used to choose where
an output goes, and the PDF parser is a release without CVE-2025-64512."""

from __future__ import annotations

import ast
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rapportextract.cli import main
from rapportextract.export.plots import plot_file_name
from rapportextract.series import slug

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "rapportextract"

# CVE-2025-64512: pdfminer.six loaded pickled CMaps named by the PDF. 20251107 restricted the
# folder they may come from; GHSA-f83h-ghpp-7wcc showed that incomplete, and 20251230 replaced
# the pickles with JSON. pdfminer.six versions are dates, so they compare as integers.
SAFE_PDFMINER = 20251230

_FORBIDDEN_MODULES = frozenset({"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill"})
_FORBIDDEN_CALLS = frozenset({"eval", "exec", "__import__"})
_UNSAFE_YAML = frozenset({"load", "unsafe_load", "full_load", "load_all", "unsafe_load_all"})


def test_installed_pdfminer_is_at_or_above_the_fixed_release() -> None:
    installed = metadata.version("pdfminer.six")
    assert int(installed.split(".")[0]) >= SAFE_PDFMINER, (
        f"pdfminer.six {installed} is older than {SAFE_PDFMINER} (CVE-2025-64512)"
    )


def test_installed_pdfminer_ships_no_pickled_cmaps() -> None:
    import pdfminer

    cmap_folder = Path(pdfminer.__file__).parent / "cmap"
    assert list(cmap_folder.glob("*.json.gz")), "the CMaps moved: look again at this check"
    assert not list(cmap_folder.glob("*.pickle*"))


def test_the_declared_floor_is_the_fixed_release() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    floors = [
        dep.split(">=", 1)[1].split(",")[0].strip()
        for dep in project["project"]["dependencies"]
        if dep.replace(" ", "").startswith("pdfminer.six>=")
    ]
    assert floors and int(floors[0]) >= SAFE_PDFMINER


def _module_files() -> list[Path]:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 10
    return files


def _unsafe_uses(tree: ast.AST) -> list[str]:
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in _FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in _FORBIDDEN_MODULES:
                found.append(node.module)
        elif isinstance(node, ast.Name) and node.id in _FORBIDDEN_CALLS:
            found.append(node.id)
        elif isinstance(node, ast.Attribute):
            owner = node.value.id if isinstance(node.value, ast.Name) else ""
            if node.attr in _FORBIDDEN_CALLS and owner == "builtins":
                found.append(f"builtins.{node.attr}")
            if owner == "yaml" and node.attr in _UNSAFE_YAML:
                found.append(f"yaml.{node.attr}")
            if owner in _FORBIDDEN_MODULES:
                found.append(f"{owner}.{node.attr}")
    return found


@pytest.mark.parametrize(
    "source",
    [
        "import pickle",
        "from marshal import loads",
        "import shelve as s",
        "x = eval('1')",
        "exec('y = 1')",
        "import yaml\nyaml.load(text)",
        "import builtins\nbuiltins.eval('2')",
    ],
)
def test_the_scan_finds_what_it_looks_for(source: str) -> None:
    assert _unsafe_uses(ast.parse(source))


def test_no_module_evaluates_or_unpickles_anything() -> None:
    offenders = {
        str(path.relative_to(ROOT)): uses
        for path in _module_files()
        if (uses := _unsafe_uses(ast.parse(path.read_text(encoding="utf-8"), str(path))))
    }
    assert offenders == {}


# --- output names -----------------------------------------------------------------------------
# Where output names come from (docs/errors.md, "Untrusted input"): `text -o` and `draw` name
# files after the input file's own name; `extract -o` and `build -o` take the names the user
# typed; `build` writes fixed names, and plots/<series id>.png where a statement series' id is
# a slug of report text, reduced to [a-z0-9-] and then to a safe file name again.

_SAFE_NAME = r"[A-Za-z0-9][A-Za-z0-9._-]*\.png"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_a_plot_name_from_report_text_stays_a_plain_file_name(text: str) -> None:
    # A statement series' id is the slug; any other id still gets a name without a folder.
    assert re.fullmatch(_SAFE_NAME, plot_file_name(slug(text)))
    name = plot_file_name(text)
    assert Path(name).name == name and not name.startswith(".")
    assert "/" not in name and "\\" not in name and "\x00" not in name


@pytest.mark.parametrize(
    "hostile", ["../../etc/passwd", "/tmp/x", "..", "C:\\Windows\\win.ini", "a/../../b", "\x00"]
)
def test_hostile_series_ids_cannot_leave_the_plot_folder(hostile: str, tmp_path: Path) -> None:
    folder = tmp_path / "plots"
    target = (folder / plot_file_name(hostile)).resolve()
    assert target.parent == folder.resolve()
    assert (folder / plot_file_name(slug(hostile))).resolve().parent == folder.resolve()


def test_text_output_is_named_after_the_input_file_not_its_content(tmp_path: Path) -> None:
    report = tmp_path / "in" / "verslag_2021.txt"
    report.parent.mkdir()
    # A title and sentences that look like paths must not steer where output goes.
    report.write_text(
        "../../UIT/ontsnapt 2021\n\nZie /tmp/ontsnapt.txt en ..\\..\\ontsnapt voor meer.\n",
        encoding="utf-8",
    )
    outdir = tmp_path / "out"
    assert main(["text", str(report), "-o", str(outdir), "--quiet"]) == 0
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert written == ["in/verslag_2021.txt", "out/verslag_2021.txt"]
