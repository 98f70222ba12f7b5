"""rapportextract: Dutch yearly reports in, typed facts and time series out.

The library API (the CLI calls these, one call a command):

- `read_document(path)`: a report as pages, blocks and sentences in reading order.
- `extract(path)`: the document and every fact in its prose, charts and tables.
- `build(paths, outdir)`: many reports linked into series, written as JSON, CSV and plots.
- `load_series(path)`: a built series file as a pandas DataFrame (or a list of dicts).
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
"""The package version (pyproject.toml reads it from here)."""

if TYPE_CHECKING:
    from rapportextract.api import load_series
    from rapportextract.batch import build
    from rapportextract.ingest import read_document
    from rapportextract.pipeline import extract

__all__ = ["__version__", "build", "extract", "load_series", "read_document"]

_LAZY = {
    "read_document": "rapportextract.ingest",
    "extract": "rapportextract.pipeline",
    "build": "rapportextract.batch",
    "load_series": "rapportextract.api",
}


def __getattr__(name: str) -> Any:
    # Imported on first use: `import rapportextract` stays cheap for the CLI and for workers.
    if name in _LAZY:
        from importlib import import_module

        function = getattr(import_module(_LAZY[name]), name)
        globals()[name] = function
        return function
    raise AttributeError(f"module 'rapportextract' has no attribute {name!r}")


class _Package(ModuleType):
    """The package module, kept from letting a submodule shadow the function of its name.

    Importing a submodule sets it as an attribute of its package: once a submodule
    named like one of these functions is imported, `from rapportextract import build` would
    give the module, not the function, and `build([...], "out")` would fail. Here the
    function takes its place. The module itself stays in `sys.modules`
    (`importlib.import_module` finds it)."""

    def __setattr__(self, name: str, value: object) -> None:
        if (
            name in _LAZY
            and isinstance(value, ModuleType)
            and value.__name__ == _LAZY[name]
            and hasattr(value, name)
        ):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
