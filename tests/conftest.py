"""Shared pytest options and fixtures."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

# CI runs the property and fuzz tests on a fixed set of examples, so a red run always means a
# change broke something, never that a new random input turned up an old weakness. Runs
# elsewhere draw new examples each time: that is where new weaknesses are found, and each one
# found becomes an explicit @example of its test.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the expected facts files under tests/golden/ from the current output "
        "(review the diff like code before committing it)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True where the run was asked to rewrite golden files instead of comparing."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def without_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine without Tesseract: scanned pages stay unread, as they do there."""
    import rapportextract.ingest.ocr as ocr

    monkeypatch.setattr(ocr, "find_engine", lambda: None)
