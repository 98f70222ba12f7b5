"""Shared pytest options and fixtures."""

from __future__ import annotations

import pytest


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
