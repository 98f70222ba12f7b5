"""Reading built series back: `load_series(path)` for analysts.

Long format, one row per vintage, with the columns of series.csv. With pandas installed (the
``pandas`` extra) a DataFrame with typed columns (value as float, edition and page as nullable
integers, conflict and headline as booleans); without it a list of dicts whose values are
``Decimal``, exact as the reports state them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rapportextract.errors import InputError
from rapportextract.export.csvout import series_records
from rapportextract.models import SeriesFile

SERIES_FILE_NAME = "series.json"


def _series_path(path: str | Path) -> Path:
    path = Path(path)
    if path.is_dir():
        path = path / SERIES_FILE_NAME
    if not path.is_file():
        raise InputError(
            "no series file here", path=path,
            hint="give series.json or the output folder of `rapportextract build`",
        )
    return path


def read_series_file(path: str | Path) -> SeriesFile:
    """The series file (series.json, or the one in an output folder) as models."""
    source = _series_path(path)
    try:
        return SeriesFile.model_validate_json(source.read_bytes())
    except ValueError as exc:
        raise InputError(
            f"not a rapportextract series file ({type(exc).__name__})", path=source,
            hint="rebuild it with `rapportextract build`",
        ) from exc


def load_series(path: str | Path) -> Any:
    """Series of a build (series.json or its folder) in long format: a pandas DataFrame where
    pandas is installed, else a list of dicts. Raises `errors.InputError` where there is no
    readable series file."""
    records = series_records(read_series_file(path))
    try:
        import pandas as pd
    except ImportError:
        return records
    from rapportextract.export.csvout import FIELD_NAMES

    columns = list(records[0]) if records else list(FIELD_NAMES)
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame["value"] = frame["value"].astype(float)
    frame["edition"] = frame["edition"].astype("Int64")
    frame["alternative"] = frame["alternative"].astype("Int64")
    frame["page"] = frame["page"].astype("Int64")
    frame["conflict"] = frame["conflict"].astype(bool)
    frame["headline"] = frame["headline"].astype(bool)
    return frame
