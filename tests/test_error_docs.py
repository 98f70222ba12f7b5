"""docs/errors.md lists the messages a user can meet. Every message and hint it quotes must be
one the code can print (so the page cannot go stale), and every error and warning raised while
reading a report must be on the page (so a new one is not forgotten)."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

from rapportextract.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, main

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "errors.md"
PACKAGE = ROOT / "src" / "rapportextract"
GAP = "…"
QUOTED_COLUMNS = {"message", "hint", "warning"}
_CODE = re.compile(r"``\s?(.+?)\s?``|`([^`]+)`")


def _template(node: ast.AST) -> str | None:
    """A string literal as a template: each `{…}` of an f-string becomes `…`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            str(v.value) if isinstance(v, ast.Constant) else GAP for v in node.values
        )
    return None


@cache
def source_templates() -> tuple[str, ...]:
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = _template(node)
            if text and len(text) >= 4:
                found.append(text)
    return tuple(found)


def _pattern(quoted: str) -> re.Pattern[str]:
    return re.compile(".*?".join(re.escape(part) for part in quoted.split(GAP)), re.S)


def documented() -> list[tuple[str, str]]:
    """(column, quoted text) for every quoted message, hint and warning of the page's tables."""
    quoted: list[tuple[str, str]] = []
    header: list[str] = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            header = []
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not header:
            header = [c.lower() for c in cells]
            continue
        if set(line) <= set("|- "):
            continue
        for name, cell in zip(header, cells, strict=False):
            if name in QUOTED_COLUMNS:
                quoted += [(name, a or b) for a, b in _CODE.findall(cell)]
    return quoted


def test_the_page_quotes_many_messages() -> None:
    columns = {name for name, _ in documented()}
    assert columns == QUOTED_COLUMNS
    assert len(documented()) > 40


@pytest.mark.parametrize(("column", "quoted"), documented())
def test_each_documented_message_is_in_the_code(column: str, quoted: str) -> None:
    pattern = _pattern(quoted)
    assert any(pattern.search(t) for t in source_templates()), (
        f"docs/errors.md quotes a {column} the code no longer prints: {quoted!r}"
    )


def _reading_messages() -> list[str]:
    """The messages and hints of the errors raised and the warnings added while reading a
    report (ingest and the time limit)."""
    files = [*sorted((PACKAGE / "ingest").glob("*.py")), PACKAGE / "limits.py"]
    found: list[str] = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else (
                node.func.attr if isinstance(node.func, ast.Attribute) else "")
            texts: list[ast.AST] = []
            if name.endswith(("Error", "Timeout")):
                texts = [*node.args[:1], *(k.value for k in node.keywords if k.arg == "hint")]
            elif name == "append" and isinstance(node.func, ast.Attribute) and (
                isinstance(node.func.value, ast.Name) and node.func.value.id == "warnings"
            ):
                texts = list(node.args[:1])
            for text in texts:
                template = _template(text)
                if template:
                    # A warning starts with the file's name: "…: page … has no text layer".
                    found.append(template.removeprefix(f"{GAP}: "))
    return found


def test_every_reading_error_and_warning_is_documented() -> None:
    messages = _reading_messages()
    assert len(messages) > 15
    patterns = [_pattern(q) for _, q in documented()]
    missing = [m for m in messages if not any(p.fullmatch(m) for p in patterns)]
    assert missing == []


def test_exit_codes_are_the_documented_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = DOC.read_text(encoding="utf-8")
    for code in (EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE):
        assert f"| {code} |" in text
    good = ROOT / "fixtures" / "broken" / "good-2016.pdf"
    assert main(["text", str(good), "--quiet"]) == EXIT_OK
    assert main(["text", str(good), str(tmp_path / "weg.pdf"), "--quiet"]) == EXIT_SOME_FAILED
    with pytest.raises(SystemExit) as info:
        main(["text", "--no-such-option", str(good)])
    assert info.value.code == EXIT_USAGE
    capsys.readouterr()
