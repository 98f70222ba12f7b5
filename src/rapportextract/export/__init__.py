"""Writers of the build outputs: JSON, CSV with its Data Package descriptor, and plots.

Every writer goes through `atomic.py`: a file is either the old one or the whole new one.
"""

from __future__ import annotations

from rapportextract.export.atomic import atomic_open, atomic_write_bytes, atomic_write_text
from rapportextract.export.csvout import write_series_csv
from rapportextract.export.datapackage import datapackage, write_datapackage, write_facts_csv
from rapportextract.export.jsonout import write_facts_json, write_json, write_series_json

__all__ = [
    "atomic_open",
    "atomic_write_bytes",
    "atomic_write_text",
    "datapackage",
    "plot_series",
    "write_datapackage",
    "write_facts_csv",
    "write_facts_json",
    "write_json",
    "write_series_csv",
    "write_series_json",
]


def __getattr__(name: str) -> object:
    # The plot code (and Pillow) is imported only when a plot is drawn.
    if name in ("plot_series", "plot_all"):
        from rapportextract.export import plots

        return getattr(plots, name)
    raise AttributeError(f"module 'rapportextract.export' has no attribute {name!r}")
