"""Plots: what a drawn series shows (markers, legend, axis labels), that the image shows it,
and that it stays cheap."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from rapportextract.export.plots import (
    HEIGHT,
    WIDTH,
    DutchUnitFormatter,
    Mark,
    Plot,
    draw_series,
    edition_style,
    nice_ticks,
    plot_series,
)
from rapportextract.export.raster import axes_box, legend_layout, render
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


def _marker_lines(plot: Plot) -> list[Mark]:
    return [m for m in plot.marks if not m.line_width and m.xs]


def _handles(plot: Plot) -> dict[str, Mark]:
    return {m.label: m for m in plot.legend if m.label is not None}


def _labels(plot: Plot) -> list[str]:
    return [m.label or "" for m in plot.legend]


def test_every_point_is_drawn_once_in_a_few_artists() -> None:
    series = _differing_editions(periods=19, editions=3)
    fig = draw_series(series)
    marks = _marker_lines(fig)
    points = sorted((x, y) for mark in marks for x, y in zip(mark.xs, mark.ys, strict=True))
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
    styles = {(mark.color, mark.fill == mark.color) for mark in _marker_lines(fig)}
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
        assert (handle.fill == handle.color) == states


def test_many_editions_each_have_their_own_colour_and_marker() -> None:
    styles = [edition_style(i) for i in range(40)]
    assert len(set(styles)) == len(styles)
    fig = draw_series(_differing_editions(periods=19, editions=18))
    prefix = linking_words().plot["edition"].split("{")[0]
    seen = [(h.color, h.marker) for label, h in _handles(fig).items()
            if label.startswith(prefix)]
    assert len(seen) > 8 and len(set(seen)) == len(seen)


def test_a_legend_with_editions_sits_beside_the_plot_and_hides_no_point() -> None:
    plot = draw_series(_differing_editions(periods=19, editions=18))
    legend = legend_layout(plot)
    assert legend is not None
    assert legend.box.x0 >= axes_box(plot).x1
    assert legend.box.x1 <= WIDTH + 1  # and fits in the figure


def test_a_legend_of_the_headline_alone_stays_inside_the_plot() -> None:
    series = _series([(str(2015 + i), 100 + i, "reported", [_vintage(2016 + i, 100 + i)])
                      for i in range(8)])
    plot = draw_series(series)
    assert _labels(plot) == [linking_words().plot["headline"]]
    legend, box = legend_layout(plot), axes_box(plot)
    assert legend is not None
    assert box.contains(legend.box.x0, legend.box.y0) and box.contains(legend.box.x1,
                                                                      legend.box.y1)


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
    labels = [label for _, label in draw_series(series).yticks]
    assert len(labels) >= 3 and len(set(labels)) == len(labels)
    path = plot_series(series, tmp_path / "reeks.png")
    assert path.read_bytes()[:4] == b"\x89PNG"


def test_a_plot_is_the_same_image_whatever_was_drawn_before(tmp_path: Path) -> None:
    change = _series([(str(2010 + i), 5 - 3 * i, "reported", [_vintage(2011 + i, 5 - 3 * i)])
                      for i in range(5)], unit="percent", kind="change")
    one_value = _series([("2020", 7, "reported", [_vintage(2021, 7)])], unit="EUR")
    many = _differing_editions(periods=12, editions=9)
    order = [many, change, one_value, _differing_editions(periods=3, editions=1)]
    first = [plot_series(s, tmp_path / f"a-{i}.png").read_bytes() for i, s in enumerate(order)]
    again = [plot_series(s, tmp_path / f"b-{i}.png").read_bytes()
             for i, s in reversed(list(enumerate(order)))]
    assert first == again[::-1]


def _pixel(plot: Plot, x: float, y: float) -> tuple[int, int, int]:
    """The colour of the image of `plot` at data point (x, y)."""
    box = axes_box(plot)
    (xlo, xhi), (ylo, yhi) = plot.xlim, plot.ylim
    px = box.x0 + (x - xlo) / (xhi - xlo) * box.width
    py = box.y1 - (y - ylo) / (yhi - ylo) * box.height
    colour = render(plot).getpixel((int(px), int(py)))
    assert isinstance(colour, tuple)
    return colour[0], colour[1], colour[2]


def test_the_image_shows_every_point_in_its_colour_and_hollow_points_hollow() -> None:
    # Headline values rising, one other edition's falling far from them.
    rows = [(str(2010 + i), 1000 + 100 * i, "derived" if i % 3 == 2 else "reported",
             [_vintage(2030, 3000 - 100 * i), _vintage(2031, 1000 + 100 * i,
                                                       "derived" if i % 3 == 2 else "reported")])
            for i in range(6)]
    series = _series(rows)
    plot = draw_series(series)
    image = render(plot)
    assert image.size == (WIDTH, HEIGHT)
    headline = (0x1F, 0x4E, 0x79)
    stated = [o for o in series.observations if o.status == "reported"]
    derived = [o for o in series.observations if o.status == "derived"]
    assert stated and derived
    for obs in stated:
        assert _pixel(plot, float(obs.period), float(obs.value)) == headline
    for obs in derived:  # the middle of a hollow marker is white
        assert _pixel(plot, float(obs.period), float(obs.value)) == (255, 255, 255)
    legend = legend_layout(plot)
    assert legend is not None
    keys = image.crop((int(legend.box.x0), int(legend.box.y0), int(legend.box.x1),
                       int(legend.box.y1)))
    colours = {c for _, c in keys.getcolors(1 << 16) or []}
    assert headline in colours and (0xD9, 0x5F, 0x02) in colours  # the first edition's colour


def test_plots_are_drawn_without_loading_matplotlib(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from rapportextract.export.plots import plot_series\n"
        "from rapportextract.models import Series\n"
        "s = Series(id='x', concept='x', label='X', unit='count', kind='level',"
        " observations=[])\n"
        f"plot_series(s, {str(tmp_path / 'x.png')!r})\n"
        "assert 'matplotlib' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert (tmp_path / "x.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(
    ("lo", "hi", "steps", "integer", "expected"),
    [
        pytest.param(800, 8900, (1, 2, 5, 10), False,
                     [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000], id="thousands"),
        pytest.param(-20.5, 11.5, (1, 2, 5, 10), False,
                     [-20, -15, -10, -5, 0, 5, 10], id="percent-change-around-zero"),
        pytest.param(2006.5, 2022.5, (1, 2, 2.5, 5, 10), True,
                     [2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022], id="years"),
        pytest.param(2012.0, 2016.0, (1, 2, 2.5, 5, 10), True,
                     [2012, 2013, 2014, 2015, 2016], id="few-years-whole"),
        pytest.param(0, 2_125_000, (1, 2, 5, 10), False,
                     [0, 500_000, 1_000_000, 1_500_000, 2_000_000], id="millions"),
    ],
)
def test_ticks_are_round_steps_inside_the_axis(
    lo: float, hi: float, steps: tuple[float, ...], integer: bool, expected: list[float]
) -> None:
    assert nice_ticks(lo, hi, steps, integer) == pytest.approx(expected)


def _numbered(count: int) -> list[Series]:
    return [_differing_editions(periods=3 + i, editions=1).model_copy(update={"id": f"reeks-{i}"})
            for i in range(count)]


def test_a_build_draws_each_changed_plot_once_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import rapportextract.export.plots as plots
    from rapportextract.batch.cache import ExtractionCache
    from rapportextract.batch.run import _write_plots
    from rapportextract.models import SeriesFile

    drawn: list[tuple[int, str]] = []
    real = plots.plot_series

    def recording(series: Series, path: Path) -> Path:
        drawn.append((os.getpid(), series.id))
        return real(series, path)

    monkeypatch.setattr(plots, "plot_series", recording)
    folder = tmp_path / "plots"
    with ExtractionCache(tmp_path / "cache.sqlite") as cache:
        written = _write_plots(SeriesFile(series=_numbered(4)), folder, cache, True)
        again = _write_plots(SeriesFile(series=_numbered(5)), folder, cache, True)
    assert drawn == [(os.getpid(), f"reeks-{i}") for i in [0, 1, 2, 3, 4]]  # reeks-4 is new
    assert [p.name for p in again[:4]] == [p.name for p in written]
    assert all(p.read_bytes()[:4] == b"\x89PNG" for p in again)


def test_a_plot_that_fails_in_a_build_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rapportextract.export.plots as plots
    from rapportextract.batch.cache import ExtractionCache
    from rapportextract.batch.run import _write_plots
    from rapportextract.models import SeriesFile

    real = plots.plot_series

    def plot_or_fail(series: Series, path: Path) -> Path:
        if series.id == "reeks-2":
            raise OSError(f"schijf vol bij {series.id}")
        return real(series, path)

    monkeypatch.setattr(plots, "plot_series", plot_or_fail)
    with ExtractionCache(tmp_path / "cache.sqlite") as cache, \
            pytest.raises(OSError, match="schijf vol bij reeks-2"):
        _write_plots(SeriesFile(series=_numbered(4)), tmp_path / "plots", cache, True)


def test_many_plots_are_drawn_by_local_processes_to_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import rapportextract.export.plots as plots
    from rapportextract.batch.cache import ExtractionCache
    from rapportextract.batch.run import PARALLEL_PLOTS, _write_plots
    from rapportextract.models import SeriesFile

    log = tmp_path / "drawn.log"
    real = plots.plot_series

    def recording(series: Series, path: Path) -> Path:  # in whichever process draws it
        with log.open("a") as f:
            f.write(f"{os.getpid()} {series.id}\n")
        return real(series, path)

    series_file = SeriesFile(series=_numbered(PARALLEL_PLOTS))
    with ExtractionCache(tmp_path / "cache.sqlite") as cache:
        alone = _write_plots(series_file, tmp_path / "alone", cache, True, 1)
        monkeypatch.setattr(plots, "plot_series", recording)
        shared = _write_plots(series_file, tmp_path / "shared", cache, True, 2)
    lines = [line.split() for line in log.read_text().splitlines()]
    assert sorted(name for _, name in lines) == sorted(s.id for s in series_file.series)
    assert str(os.getpid()) not in {pid for pid, _ in lines}
    assert [p.read_bytes() for p in shared] == [p.read_bytes() for p in alone]


# --- plots an analyst can read ---------------------------------------------------------------


def _headline_lines(plot: Plot) -> list[list[float]]:
    """The x values of each line drawn through headline values."""
    return [list(m.xs) for m in plot.marks if m.line_width and m.xs]


def test_one_observation_is_a_dot_on_a_few_years_around_it() -> None:
    fig = draw_series(_series([("2014", 1700, "reported", [_vintage(2015, 1700)])]))
    lo, hi = fig.xlim
    assert lo < 2014 < hi and 4 <= hi - lo <= 5
    assert _headline_lines(fig) == []  # no line, the dot alone
    ylo, yhi = fig.ylim
    assert ylo == 0 and yhi > 1700


def test_no_line_runs_across_a_year_without_data() -> None:
    rows = [(str(y), 100 + y % 7, "reported", [_vintage(y + 1, 100 + y % 7)])
            for y in (2012, 2014, 2015, 2016, 2018, 2022, 2023)]
    fig = draw_series(_series(rows))
    assert _headline_lines(fig) == [[2014.0, 2015.0, 2016.0], [2022.0, 2023.0]]
    lo, hi = fig.xlim
    assert 2011 <= lo < 2012 and 2023 < hi <= 2024


def _texts(plot: Plot) -> list[str]:
    return [note.text for note in plot.notes]


def test_qualifiers_part_years_and_sources_are_written_on_the_plot() -> None:
    words = linking_words().plot
    qualified = Observation(period="2020", value=Decimal(150000), qualifier="more_than",
                            status="reported", edition=2021, fact_ids=["q"],
                            vintages=[_vintage(2021, 150000)])
    part = Observation(period="2022-01/2022-05", value=Decimal(49200), status="reported",
                       edition=2022, fact_ids=["p"], vintages=[_vintage(2022, 49200)])
    series = _series([("2019", 140000, "reported", [_vintage(2020, 140000)])])
    series.observations += [qualified, part]
    fig = draw_series(series)
    assert words["q_more_than"] in _texts(fig)
    assert words["part_year"].format(period="2022-01/2022-05") in _labels(fig)
    source = fig.source
    assert "2020, 2021, 2022" in source and "3" in source


def test_every_value_of_an_edition_that_disagrees_with_itself_is_marked() -> None:
    from rapportextract.models import Alternative

    vintage = _vintage(2010, 420)
    vintage.alternatives = [
        Alternative(value=Decimal(420), fact_ids=["a"], page=2, text="420"),
        Alternative(value=Decimal(201), fact_ids=["b"], page=2, text="201"),
    ]
    fig = draw_series(_series([("2009", 420, "reported", [vintage])]))
    crosses = [mark for mark in fig.marks if mark.marker == "x"]
    (cross,) = crosses
    assert list(zip(cross.xs, cross.ys, strict=True)) == [(2009.0, 201.0)]
    assert linking_words().plot["alternative"] in _labels(fig)
