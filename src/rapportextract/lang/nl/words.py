"""The Dutch words of every stage but the figure recogniser, read through `files.DataFile`.

Each loader reads and validates one data file once and returns plain typed values; a stage
that needs patterns compiles them from these values (layout and charts compile theirs here,
where the words and the pattern around them belong together).

| loader | file | used by |
|---|---|---|
| `layout_words` | `layout.toml` (+ `hyphenated.toml`) | layout, text ingestion |
| `chart_words` | `charts.toml` (+ `scales.toml`) | chart and table readers |
| `abbreviations` | `abbreviations.toml` | sentence splitting |
| `cue_words` | `cues.toml` | facts: references back, partitives, corporations |
| `period_words` | `periods.toml` | periods |
| `linking_words` | `series.toml` (+ `stopwords.toml`) | series: statement linking, labels, plots |
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

import regex

from rapportextract.lang.nl.files import DataFile
from rapportextract.lang.nl.stems import StemRule, stem, stem_rules

ChartUnit = Literal["EUR", "count", "percent"]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so "mln." wins over "mln")."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


# --------------------------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LayoutWords:
    """Dutch words the layout reader uses, compiled from `layout.toml`."""

    caption: regex.Pattern[str]
    suspended_next: frozenset[str]
    hyphen_abbreviations: frozenset[str]
    function_words: frozenset[str]
    """Dutch words that English does not use: they tell a Dutch paragraph from an English one."""
    hyphenated: dict[str, frozenset[str]]
    """Words spelled with a hyphen, by the part before it: "cv" -> {"ketel", ...}."""
    heading_continuation: frozenset[str]
    page_number: regex.Pattern[str]
    missing_cells: frozenset[str]


def _hyphenated(words: tuple[str, ...]) -> dict[str, frozenset[str]]:
    parts: dict[str, set[str]] = {}
    for word in words:
        first, _, rest = word.partition("-")
        parts.setdefault(first, set()).add(rest)
    return {first: frozenset(rest) for first, rest in parts.items()}


@cache
def layout_words() -> LayoutWords:
    f = DataFile("layout.toml")
    captions = f.words("captions.words")
    page_words = f.words("page_numbers.words")
    return LayoutWords(
        # "Grafiek 3:", "Tabel 2.1", "Figuur 4 -": the label word, then a number.
        caption=regex.compile(rf"^(?:{alternation(captions)})\s*\d+(?:[.,]\d+)*\b"),
        suspended_next=frozenset(f.lower_words("hyphenation.suspended_compound_next")),
        hyphen_abbreviations=frozenset(f.lower_words("hyphenation.abbreviations")),
        function_words=frozenset(f.lower_words("hyphenation.function_words")),
        hyphenated=_hyphenated(DataFile("hyphenated.toml").lower_words("hyphenated.words")),
        heading_continuation=frozenset(f.lower_words("headings.continuation_words")),
        # "12", "- 12 -", "pagina 12", "12 van 40", "12 | 40"
        page_number=regex.compile(
            rf"^[\s|–—-]*(?:(?:{alternation(page_words)})\s*)?\d{{1,4}}"
            rf"(?:\s*(?:[/|]|{alternation(page_words)})\s*\d{{1,4}})?[\s|–—-]*$",
            regex.IGNORECASE,
        ),
        missing_cells=frozenset(f.lower_words("tables.missing_cells")),
    )


# --------------------------------------------------------------------------------------------
# Charts and tables
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartWords:
    chart_captions: frozenset[str]
    table_captions: frozenset[str]
    units: dict[str, ChartUnit]
    scales: dict[str, int]
    markers: frozenset[str]
    totals: frozenset[str]


@cache
def chart_words() -> ChartWords:
    """Caption, unit, scale and totals words. The scale words are the one scale table of
    `scales.toml`, with the numerals a caption may print after its marker ("x 1.000")."""
    f = DataFile("charts.toml")
    units: dict[str, ChartUnit] = {}
    unit: ChartUnit
    for unit in ("EUR", "percent", "count"):
        for word in f.words(f"units.{unit}"):
            units[word.lower()] = unit
    scales = DataFile("scales.toml")
    table = {**scales.int_table("scales", minimum=2), **scales.int_table("after_marker",
                                                                       minimum=2)}
    return ChartWords(
        chart_captions=frozenset(f.lower_words("captions.chart")),
        table_captions=frozenset(f.lower_words("captions.table")),
        units=units,
        scales={k.lower(): v for k, v in table.items()},
        markers=frozenset(f.lower_words("markers.words")),
        totals=frozenset(f.lower_words("totals.words")),
    )


# --------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------


@cache
def abbreviations() -> frozenset[str]:
    """Lower-cased abbreviations, each with its final full stop."""
    f = DataFile("abbreviations.toml")
    items = f.lower_words("abbreviations")
    if not all(a.endswith(".") for a in items):
        raise f.fail("abbreviations", "every abbreviation must end in a full stop")
    return frozenset(items)


# --------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CueWords:
    """The words that tie a figure to what it counts (`cues.toml`), lower-cased."""

    openers: tuple[str, ...]
    not_before: tuple[str, ...]
    references: tuple[str, ...]
    time_shifting: tuple[str, ...]
    partitive_openers: tuple[str, ...]
    partitive_links: tuple[str, ...]
    partitive_modifiers: tuple[str, ...]
    corporation_nouns: tuple[str, ...]
    corporation_links: tuple[str, ...]
    statement_stopwords: frozenset[str]
    statement_stem: StemRule
    scope: dict[str, tuple[str, ...]]
    money_nouns: tuple[str, ...]
    money_after: tuple[str, ...]
    money_marker: str
    money_compound_ends: tuple[str, ...]
    money_count_heads: tuple[str, ...]
    money_plain_least: int
    money_plain_joiners: tuple[str, ...]
    money_plain_not_after: tuple[str, ...]
    money_plain_not_before: tuple[str, ...]
    """The ``[scope]`` lists by name (national, region_nouns, organisation_nouns, ...)."""


@cache
def cue_words() -> CueWords:
    f = DataFile("cues.toml")
    return CueWords(
        openers=f.lower_words("continuation.openers"),
        not_before=f.lower_words("continuation.not_before"),
        references=f.lower_words("continuation.references"),
        time_shifting=f.lower_words("continuation.time_shifting"),
        partitive_openers=f.lower_words("partitive.openers"),
        partitive_links=f.lower_words("partitive.links"),
        partitive_modifiers=f.lower_words("partitive.modifiers"),
        corporation_nouns=f.lower_words("corporations.nouns"),
        corporation_links=f.lower_words("corporations.links"),
        statement_stopwords=frozenset(stop_words().statement_keys),
        statement_stem=stem_rules()["statement_keys"],
        scope={key: f.lower_words(f"scope.{key}") for key in SCOPE_WORD_LISTS},
        money_nouns=f.lower_words("money.nouns"),
        money_after=f.lower_words("money.after"),
        money_marker=f.word("money.marker"),
        money_compound_ends=f.lower_words("money.compound_ends"),
        money_count_heads=f.lower_words("money.count_heads"),
        money_plain_least=f.integer("money.plain_least", minimum=1),
        money_plain_joiners=f.lower_words("money.plain_joiners"),
        money_plain_not_after=f.lower_words("money.plain_not_after"),
        money_plain_not_before=f.lower_words("money.plain_not_before"),
    )


SCOPE_WORD_LISTS = (
    "sector_nouns",
    "national", "place_prepositions", "region_nouns", "own_region", "organisation_nouns",
    "organisation_articles", "organisation_prepositions", "own_voice", "group_nouns",
    "not_names", "refers_back", "bodies", "name_joiners", "name_links", "source_nouns",
    "accounts_organisation", "accounts_region", "report_nouns", "plural_bodies",
    "acting_verbs", "places", "not_subjects", "region_adjective_nouns",
    "region_adjective_ends", "acting_verbs_plural", "speech_verbs", "stock_verbs",
    "member_nouns", "name_articles", "name_and", "benchmark_words", "benchmark_average",
    "subject_conjunctions", "clause_breaks", "country_size_nouns",
    "origin_prepositions", "region_documents", "membership_words",
    "national_sources",
)


# --------------------------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------------------------

PERIOD_WORD_LISTS = (
    "articles", "of", "year_end", "year_start", "early_months", "months_word", "half",
    "quarter", "range_open", "range_join", "since", "base_markers", "base_fillers",
    "clause_joiners", "movement_from", "movement_to", "compared_with", "present",
    "through", "year_period_open", "year_period_join", "month_in_focus", "compared_fillers",
    "same_period", "after_years", "after_alone", "yearly", "season_this", "season_last",
    "mid_year", "ago", "one", "past_years", "years_word", "decade", "year_pair_open",
    "school_year", "as_markers", "as_multiples", "as_word", "year_and_open", "year_and_join",
    "each_join",
    "base_chain", "last_quarter", "in_a_row", "previous_round", "range_to", "about_back",
    "last_months",
    "relative_pronouns", "scope_not",
    "record_words", "last_month", "years_time_open", "years_time_close", "reference_before",
    "years_span_open", "same_adjectives", "same_units",
)


@dataclass(frozen=True)
class PeriodWords:
    """The Dutch time words of `periods.toml`, lower-cased."""

    months: dict[str, int]
    ordinals: dict[str, int]
    counts: dict[str, int]
    seasons: dict[str, int]
    """The first of a season's three months."""
    words: dict[str, list[str]]
    relative: dict[str, int]
    anchored: dict[str, int]
    anchored_months: dict[str, int]
    """As `anchored`, in months: "een halfjaar eerder" is six months before."""
    previous: list[str]


def _lower_ints(f: DataFile, key: str) -> dict[str, int]:
    return {k.lower(): v for k, v in f.int_table(key, minimum=-10_000).items()}


def read_period_words(text: str | None = None) -> PeriodWords:
    """Read and validate the time words (the packaged file, or `text` for tests)."""
    f = DataFile("periods.toml", text)
    return PeriodWords(
        months=_lower_ints(f, "months"),
        ordinals=_lower_ints(f, "ordinals"),
        counts=_lower_ints(f, "counts"),
        seasons=_lower_ints(f, "seasons"),
        words={name: list(f.lower_words(f"words.{name}")) for name in PERIOD_WORD_LISTS},
        relative=_lower_ints(f, "relative"),
        anchored=_lower_ints(f, "anchored"),
        anchored_months=_lower_ints(f, "anchored_months"),
        previous=list(f.lower_words("previous.phrases")),
    )


@cache
def period_words() -> PeriodWords:
    return read_period_words()


# --------------------------------------------------------------------------------------------
# Series
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StopWords:
    """The one stop-word file: the general Dutch list and the list of statement keys."""

    general: frozenset[str]
    statement_keys: frozenset[str]


@cache
def stop_words() -> StopWords:
    f = DataFile("stopwords.toml")
    return StopWords(
        general=frozenset(f.lower_words("words")),
        statement_keys=frozenset(f.lower_words("statement_keys.words")),
    )


@dataclass(frozen=True)
class LinkingWords:
    stop: frozenset[str]
    keep: frozenset[str]
    stem: StemRule
    same: Mapping[str, str]
    labels: Mapping[str, str]
    plot: Mapping[str, str]


@cache
def linking_words() -> LinkingWords:
    """The words of `series.toml` joined with the general stop words."""
    f = DataFile("series.toml")
    keep = frozenset(f.lower_words("linking.keep"))
    stop = (stop_words().general - keep) | frozenset(f.lower_words("linking.stop"))
    rule = stem_rules()["linking"]
    same: dict[str, str] = {}
    groups = f.get("linking.same") if f.has("linking.same") else []
    if not isinstance(groups, list):
        raise f.fail("linking.same", "must be a list of tables")
    for n, group in enumerate(groups):
        if not isinstance(group, dict) or "words" not in group:
            raise f.fail(f"linking.same.{n}", "must be a table with words = [...]")
        words = [str(w).lower() for w in group["words"]]
        for word in words:
            # Keys may come stemmed ("beld" for "belde"): the stem names the group too.
            same[word] = words[0]
            same.setdefault(stem(word, rule), words[0])
    return LinkingWords(
        stop=stop,
        keep=keep,
        stem=rule,
        same=same,
        labels=f.strings("labels") if f.has("labels") else {},
        plot=f.strings("plot") if f.has("plot") else {},
    )
