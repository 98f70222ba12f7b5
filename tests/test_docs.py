"""The user documentation shows what the code does: its examples run."""

from __future__ import annotations

import re
from pathlib import Path

from rapportextract.catalogue import load_catalogue
from rapportextract.cli import build_parser

ROOT = Path(__file__).parent.parent


def test_catalogue_example_in_docs_loads_and_matches(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "outputs.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", text, re.S)
    assert block is not None
    own = tmp_path / "eigen.toml"
    own.write_text(block.group(1), encoding="utf-8")
    catalogue = load_catalogue(own)
    match = catalogue.match(
        "Vorig jaar werden 4.200 huurders doorverwezen naar schuldhulpverlening.", unit="count"
    )
    assert match is not None and match.concept.id == "referrals_debt_assistance"
    assert catalogue.get("evictions_total") is not None  # the shipped concepts stay


def test_every_command_in_the_readme_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`rapportextract (\w+)", readme))
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices or {}
    assert named and named <= set(commands)
