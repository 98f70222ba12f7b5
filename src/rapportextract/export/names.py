"""File names of build outputs that come from data (a series id), made safe for any file system.

Kept apart from `plots.py` so that naming the plots of a build does not import the plot code.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def plot_file_name(series_id: str) -> str:
    """The PNG file name of a series: its id with anything unsafe for a file name replaced."""
    return f"{_UNSAFE.sub('_', series_id).strip('._') or 'series'}.png"


__all__ = ["plot_file_name"]
