"""Plots: what a drawn series shows (markers, legend, axis labels), and that it stays cheap."""

from __future__ import annotations

from decimal import Decimal
from importlib import import_module
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D

from rapportextract.export.plots import (
    DutchUnitFormatter,
    draw_series,
    edition_style,
    plot_series,
)
from rapportextract.lang.nl.words import linking_words
from rapportextract.models import Observation, Series, Vintage


def _vintage(edition: int, value: int, status: str = "reported") -> Vintage:
    return Vintage(edition=edition, value=Decimal(value), status=status,
                   fact_ids=[f"f-{edition}-{value}"])


def _series(
    rows: list[tuple[str, int, str, list[Vintage]]], unit: str = "count", kind: str = "level"
) -> Series:
    """Observations from (period, headline value, headline status, vintages); the headline
    edition is the latest vintage with the headline value."""
    observations = []
    for period, value, status, vintages in rows:
        edition = max(v.edition for v in vintages if v.value == value)
        observations.append(Observation(
            period=period, value=Decimal(value), status=status,
            edition=edition, fact_ids=[f"f-{edition}-{value}"], vintages=vintages,
        ))
    return Series(id="huurders", concept="tenants_with_arrears", label="Huurders met achterstand",
                  unit=unit, kind=kind, observations=observations)


def _differing_editions(periods: int, editions: int) -> Series:
    """Every period given differently by `editions` editions, and as the headline by a later
    one; every third headline derived, every fourth of the differing editions derived."""
    rows = []
    for i in range(periods):
        year = 2005 + i
        vintages = [_vintage(2030 + k, 1000 + 10 * i + k, "derived" if k % 4 == 3 else
                             "reported") for k in range(1, editions + 1)]
        vintages.append(_vintage(2031 + editions, 1000 + 10 * i,
                                 "derived" if i % 3 == 2 else "reported"))
        rows.append((str(year), 1000 + 10 * i, "derived" if i % 3 == 2 else "reported",
                     vintages))
    return _series(rows)


def _marker_lines(fig: Figure) -> list[Line2D]:
    ax = fig.axes[0]
    return [line for line in ax.lines
            if line.get_linestyle() == "None" and len(np.asarray(line.get_xydata()))]


def _legend(fig: Figure) -> Legend:
    legend = fig.axes[0].get_legend()
    assert legend is not None
    return legend


def _handles(fig: Figure) -> dict[str, Line2D]:
    legend = _legend(fig)
    handles = dict(zip([t.get_text() for t in legend.get_texts()], legend.legend_handles,
                       strict=True))
    return {label: h for label, h in handles.items() if isinstance(h, Line2D)}


def _labels(fig: Figure) -> list[str]:
    return [t.get_text() for t in _legend(fig).get_texts()]


def test_every_point_is_drawn_once_in_a_few_artists() -> None:
    series = _differing_editions(periods=19, editions=3)
    fig = draw_series(series)
    marks = _marker_lines(fig)
    points = sorted((float(x), float(y)) for line in marks
                    for x, y in np.asarray(line.get_xydata()))
    expected = sorted(
        [(float(o.period), float(o.value)) for o in series.observations]
        + [(float(o.period), float(v.value)) for o in series.observations for v in o.vintages
           if v.value != o.value]
    )
    assert points == expected
    # One artist per style, not per point: headline filled and hollow, and every edition
    # with its filled and hollow markers, however many periods there are.
    few = draw_series(_differing_editions(periods=4, editions=3))
    assert len(marks) == len(_marker_lines(few)) < 30


def test_legend_names_the_headline_each_differing_edition_and_derived_points() -> None:
    series = _differing_editions(periods=6, editions=3)
    words = linking_words().plot
    editions = sorted({v.edition for o in series.observations for v in o.vintages
                       if v.value != o.value})
    assert _labels(draw_series(series)) == [
        words["headline"],
        *(words["edition"].format(edition=e) for e in editions),
        words["derived"],
    ]


def test_derived_points_are_hollow_and_stated_points_filled() -> None:
    series = _differing_editions(periods=6, editions=4)
    fig = draw_series(series)
    styles = {(str(line.get_color()), line.get_markerfacecolor() == line.get_color())
              for line in _marker_lines(fig)}
    hollow = {color for color, filled in styles if not filled}
    filled = {color for color, filled in styles if filled}
    assert hollow and filled
    assert "#1f4e79" in hollow & filled  # the headline has both kinds in this series
    handles = _handles(fig)
    # An edition stating any of its values shows the filled marker in the legend, one that
    # only derives them the hollow one.
    edition = linking_words().plot["edition"]
    stating = {v.edition: False for o in series.observations for v in o.vintages
               if v.value != o.value}
    for o in series.observations:
        for v in o.vintages:
            if v.value != o.value and v.status == "reported":
                stating[v.edition] = True
    assert False in stating.values() and True in stating.values()
    for number, states in stating.items():
        handle = handles[edition.format(edition=number)]
        assert (handle.get_markerfacecolor() == handle.get_color()) == states


def test_many_editions_each_have_their_own_colour_and_marker() -> None:
    styles = [edition_style(i) for i in range(40)]
    assert len(set(styles)) == len(styles)
    fig = draw_series(_differing_editions(periods=19, editions=18))
    prefix = linking_words().plot["edition"].split("{")[0]
    seen = [(h.get_color(), h.get_marker()) for label, h in _handles(fig).items()
            if label.startswith(prefix)]
    assert len(seen) > 8 and len(set(seen)) == len(seen)


def test_a_legend_with_editions_sits_beside_the_plot_and_hides_no_point() -> None:
    fig = draw_series(_differing_editions(periods=19, editions=18))
    fig.canvas.draw()
    ax = fig.axes[0]
    legend_box = _legend(fig).get_window_extent()
    assert legend_box.x0 >= ax.get_window_extent().x1
    assert legend_box.x1 <= fig.bbox.x1 + 1  # and fits in the figure


def test_a_legend_of_the_headline_alone_stays_inside_the_plot() -> None:
    series = _series([(str(2015 + i), 100 + i, "reported", [_vintage(2016 + i, 100 + i)])
                      for i in range(8)])
    fig = draw_series(series)
    fig.canvas.draw()
    ax = fig.axes[0]
    assert _labels(fig) == [linking_words().plot["headline"]]
    assert ax.get_window_extent().contains(*_legend(fig).get_window_extent().get_points()[1])


@pytest.mark.parametrize(
    ("locs", "unit", "millions", "expected"),
    [
        ([157_500_000, 160_000_000, 162_500_000], "EUR", True,
         ["€ 157,5 mln", "€ 160,0 mln", "€ 162,5 mln"]),
        ([158_000_000, 160_000_000], "EUR", True, ["€ 158 mln", "€ 160 mln"]),
        ([0.25, 0.5, 0.75], "percent", False, ["0,25%", "0,50%", "0,75%"]),
        ([-2000, 0, 2000], "count", False, ["-2.000", "0", "2.000"]),
    ],
)
def test_tick_labels_tell_every_tick_apart(
    locs: list[float], unit: str, millions: bool, expected: list[str]
) -> None:
    formatter = DutchUnitFormatter(unit, millions)  # type: ignore[arg-type]
    formatter.set_locs(locs)
    assert [formatter(x) for x in locs] == expected


def test_y_ticks_of_a_plot_are_written_once_each(tmp_path: Path) -> None:
    series = _series([(str(2005 + i), 157_500_000 + 1_000_000 * i, "reported",
                       [_vintage(2006 + i, 157_500_000 + 1_000_000 * i)]) for i in range(19)],
                     unit="EUR")
    fig = draw_series(series)
    fig.canvas.draw()
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert len(labels) >= 3 and len(set(labels)) == len(labels)
    path = plot_series(series, tmp_path / "reeks.png")
    assert path.read_bytes()[:4] == b"\x89PNG"


def _idle_machine(monkeypatch: pytest.MonkeyPatch, load: float = 0.0) -> None:
    import os

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))


@pytest.mark.parametrize(("load", "helped"), [(0.0, True), (1.9, False)])
def test_a_build_draws_plots_here_and_on_an_idle_core_each_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, load: float, helped: bool
) -> None:
    import rapportextract.export.plots as plots
    from rapportextract.build import _write_plots
    from rapportextract.cache import ExtractionCache
    from rapportextract.models import SeriesFile

    series_list = [
        _differing_editions(periods=3 + i, editions=1).model_copy(update={"id": f"reeks-{i}"})
        for i in range(8)
    ]
    _idle_machine(monkeypatch, load)
    here: list[str] = []
    real = plots.plot_series
    monkeypatch.setattr(plots, "plot_series",
                        lambda s, p: (here.append(s.id), real(s, p))[1])  # type: ignore[func-returns-value]
    folder = tmp_path / "plots"
    with ExtractionCache(tmp_path / "cache.sqlite") as cache:
        written = _write_plots(SeriesFile(series=series_list), folder, cache, True, 2)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)
    assert all(p.read_bytes()[:4] == b"\x89PNG" for p in written)
    assert len(set(here)) == len(here)
    if helped:  # this process drew some of them (from the end of the list), a helper the rest
        assert 0 < len(here) < len(series_list)
        assert "reeks-7" in here and "reeks-0" not in here
    else:  # both cores busy already: no helper
        assert here == [s.id for s in series_list]


@pytest.mark.parametrize("failing", ["reeks-0", "reeks-7"])  # a helper's plot, this process's
def test_a_plot_that_fails_in_a_build_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    import rapportextract.export.plots as plots
    from rapportextract.build import _write_plots
    from rapportextract.cache import ExtractionCache
    from rapportextract.models import SeriesFile

    series_list = [
        _differing_editions(periods=3, editions=1).model_copy(update={"id": f"reeks-{i}"})
        for i in range(8)
    ]
    real = plots.plot_series

    def plot_or_fail(series: Series, path: Path) -> Path:
        if series.id == failing:
            raise OSError(f"schijf vol bij {series.id}")
        return real(series, path)

    monkeypatch.setattr(plots, "plot_series", plot_or_fail)
    _idle_machine(monkeypatch)
    with ExtractionCache(tmp_path / "cache.sqlite") as cache, \
            pytest.raises(OSError, match=f"schijf vol bij {failing}"):
        _write_plots(SeriesFile(series=series_list), tmp_path / "plots", cache, True, 2)


def _counting_plots_here(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Ids of the series drawn by this process (a forked helper counts in its own copy)."""
    import os

    import rapportextract.export.plots as plots

    parent = os.getpid()
    here: list[str] = []
    real = plots.plot_series

    def counting(series: Series, path: Path) -> Path:
        if os.getpid() == parent:
            here.append(series.id)
        return real(series, path)

    monkeypatch.setattr(plots, "plot_series", counting)
    return here


def _numbered(count: int) -> list[Series]:
    return [_differing_editions(periods=3 + i, editions=1).model_copy(update={"id": f"reeks-{i}"})
            for i in range(count)]


@pytest.mark.parametrize("count", [2, 10])
def test_an_early_helper_draws_the_same_plots(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    from rapportextract.build import _PLOTS_PER_IMPORT, PlotHelpers, _write_plots
    from rapportextract.cache import ExtractionCache
    from rapportextract.models import SeriesFile

    series_file = SeriesFile(series=_numbered(count))
    with ExtractionCache(tmp_path / "cache.sqlite") as cache:
        alone = _write_plots(series_file, tmp_path / "alone", cache, True, 1)
    here = _counting_plots_here(monkeypatch)
    helpers = PlotHelpers.early(2)
    assert helpers is not None
    try:
        with ExtractionCache(tmp_path / "cache.sqlite") as cache:
            shared = _write_plots(series_file, tmp_path / "shared", cache, True, 2, helpers)
    finally:
        helpers.close()
    assert [p.name for p in shared] == [p.name for p in alone]
    assert [p.read_bytes() for p in shared] == [p.read_bytes() for p in alone]
    assert len(set(here)) == len(here)
    if count <= _PLOTS_PER_IMPORT:  # not worth loading matplotlib here: the helper draws all
        assert here == []
    else:  # this process helps from the end of the list
        assert here and f"reeks-{count - 1}" in here and "reeks-0" not in here


def _dies_at_once(*args: object) -> None:
    import os

    os._exit(1)


def test_plots_of_an_early_helper_that_dies_are_drawn_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_module = import_module("rapportextract.build")  # the package's `build` is the function
    from rapportextract.cache import ExtractionCache
    from rapportextract.models import SeriesFile

    monkeypatch.setattr(build_module, "_plot_helper_main", _dies_at_once)
    here = _counting_plots_here(monkeypatch)
    helpers = build_module.PlotHelpers.early(2)
    assert helpers is not None
    try:
        with ExtractionCache(tmp_path / "cache.sqlite") as cache:
            written = build_module._write_plots(
                SeriesFile(series=_numbered(4)), tmp_path / "plots", cache, True, 2, helpers
            )
    finally:
        helpers.close()
    assert sorted(here) == [f"reeks-{i}" for i in range(4)]
    assert all(p.read_bytes()[:4] == b"\x89PNG" for p in written)


def test_a_plot_that_fails_in_an_early_helper_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rapportextract.export.plots as plots
    from rapportextract.build import PlotHelpers, _write_plots
    from rapportextract.cache import ExtractionCache
    from rapportextract.models import SeriesFile

    real = plots.plot_series

    def plot_or_fail(series: Series, path: Path) -> Path:
        if series.id == "reeks-1":
            raise OSError("schijf vol bij reeks-1")
        return real(series, path)

    monkeypatch.setattr(plots, "plot_series", plot_or_fail)
    helpers = PlotHelpers.early(2)
    assert helpers is not None
    try:
        with ExtractionCache(tmp_path / "cache.sqlite") as cache, \
                pytest.raises(OSError, match="schijf vol bij reeks-1"):
            _write_plots(SeriesFile(series=_numbered(3)), tmp_path / "plots", cache, True, 2,
                         helpers)
    finally:
        helpers.close()


def test_an_early_helper_draws_while_the_other_outputs_are_written(tmp_path: Path) -> None:
    import time

    from rapportextract.build import PlotHelpers, _write_plots
    from rapportextract.cache import ExtractionCache
    from rapportextract.models import SeriesFile

    folder = tmp_path / "plots"
    seen: list[str] = []

    def other_outputs() -> None:  # waits for the helper's first plot, which it drew meanwhile
        deadline = time.monotonic() + 60
        while not list(folder.glob("*.png")) and time.monotonic() < deadline:
            time.sleep(0.01)
        seen.extend(p.name for p in folder.glob("*.png"))

    helpers = PlotHelpers.early(2)
    assert helpers is not None
    try:
        with ExtractionCache(tmp_path / "cache.sqlite") as cache:
            written = _write_plots(SeriesFile(series=_numbered(3)), folder, cache, True, 2,
                                   helpers, meanwhile=other_outputs)
    finally:
        helpers.close()
    assert seen and set(seen) <= {p.name for p in written}
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)


def _recording_drawers(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Each plot drawn appends '<process id> <series id>' to `log`, in any process."""
    import os
    import time

    import rapportextract.export.plots as plots

    real = plots.plot_series

    def recording(series: Series, path: Path) -> Path:
        time.sleep(0.05)  # long enough for every helper to take a share
        with log.open("a") as f:
            f.write(f"{os.getpid()} {series.id}\n")
        return real(series, path)

    monkeypatch.setattr(plots, "plot_series", recording)


def test_plots_are_shared_by_every_helper_each_drawn_once_and_every_helper_reaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from rapportextract.build import PlotHelpers, _write_plots
    from rapportextract.cache import ExtractionCache
    from rapportextract.models import SeriesFile

    log = tmp_path / "drawn.log"
    _recording_drawers(monkeypatch, log)
    helpers = PlotHelpers.early(3)
    assert helpers is not None
    try:
        with ExtractionCache(tmp_path / "cache.sqlite") as cache:
            written = _write_plots(SeriesFile(series=_numbered(6)), tmp_path / "plots", cache,
                                   True, 3, helpers)
    finally:
        helpers.close()
    lines = [line.split() for line in log.read_text().splitlines()]
    drawers = {int(pid) for pid, _ in lines}
    assert sorted(name for _, name in lines) == sorted(f"reeks-{i}" for i in range(6))
    assert os.getpid() not in drawers  # six plots: not worth loading matplotlib here
    assert len(drawers) > 1  # the helpers the first one forked drew too
    assert all(p.read_bytes()[:4] == b"\x89PNG" for p in written)
    for pid in drawers:  # reaped, not left as zombies: the id is gone
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_helpers_given_no_plots_end_by_themselves_when_closed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build_module = import_module("rapportextract.build")  # the package's `build` is the function
    from rapportextract.forking import stop_helpers as real

    codes: list[int | None] = []

    def watching(processes: Any, *, grace: float = 0.0) -> None:
        processes = list(processes)
        for process in processes:
            process.join(grace)
            codes.append(process.exitcode)
        real(processes)

    monkeypatch.setattr(build_module, "stop_helpers", watching)
    helpers = build_module.PlotHelpers.early(3)
    assert helpers is not None
    helpers.close()
    assert codes == [0]  # the first helper ended (after its siblings), not killed
