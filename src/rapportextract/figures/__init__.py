"""Figures that live in charts and tables, read as facts with origin "chart" or "table".

`charts` reads vector charts from their caption and drawn bars, lines and labels; `tables`
reads grids with years as a header row or column. Both share `numbers` (a figure read the
Dutch way) and `concepts` (the catalogue and fact ids).
"""

from __future__ import annotations

from rapportextract.figures.charts import chart_facts, read_charts
from rapportextract.figures.tables import read_table, table_facts

__all__ = ["chart_facts", "read_charts", "read_table", "table_facts"]
