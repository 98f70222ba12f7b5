"""The figure vocabulary: number words, scales, units, fractions, ratios, qualifiers, change
words and the contexts in which numbers are not figures, as plain typed values.

The patterns built from them live with the code that uses them (`rapportextract.quantities`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Literal, cast

from rapportextract.lang.nl.files import DataFile

QualifierName = Literal["approx", "more_than", "less_than", "at_least", "at_most"]
QUALIFIER_NAMES: tuple[QualifierName, ...] = (
    "approx",
    "more_than",
    "less_than",
    "at_least",
    "at_most",
)

@dataclass(frozen=True)
class NumberWords:
    units: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    hundred: str
    thousand: str
    joiners: tuple[str, ...]
    half: str
    a_half: str
    one_and_a_half: str
    approx_suffix: str
    coins: dict[str, int]
    plain_article: tuple[str, ...]
    stressed_one: tuple[str, ...]


@dataclass(frozen=True)
class Units:
    currency_prefix: tuple[str, ...]
    negative_prefix: tuple[str, ...]
    currency_suffix: tuple[str, ...]
    percent_suffix: tuple[str, ...]
    percent_points: tuple[str, ...]


@dataclass(frozen=True)
class Fractions:
    denominators: dict[str, int]
    phrases: dict[str, Decimal]
    compounds: dict[str, Decimal]
    ordinal_nouns: tuple[str, ...]
    majority: dict[str, tuple[Decimal, QualifierName]]


@dataclass(frozen=True)
class Ratios:
    op_connectors: tuple[str, ...]
    van_connectors: tuple[str, ...]
    op_max: int
    van_allowed: frozenset[int]


@dataclass(frozen=True)
class ChangeWords:
    decrease_nouns: tuple[str, ...]
    increase_nouns: tuple[str, ...]
    not_compound_nouns: tuple[str, ...]
    compound_only_decrease: tuple[str, ...]
    not_change_compounds: tuple[str, ...]
    noun_size_markers: tuple[str, ...]
    noun_articles: tuple[str, ...]
    intensifiers: tuple[str, ...]
    decrease_verbs: tuple[str, ...]
    increase_verbs: tuple[str, ...]
    decrease_particles: tuple[str, ...]
    increase_particles: tuple[str, ...]
    verb_size_marker: str
    finite_verbs: tuple[str, ...]
    decrease_comparatives: tuple[str, ...]
    increase_comparatives: tuple[str, ...]
    comparative_followers: tuple[str, ...]
    level_markers: tuple[str, ...]
    compound_min_length: int
    copulas: tuple[str, ...]
    subject_articles: tuple[str, ...]
    size_fillers: tuple[str, ...]
    separable_finite: tuple[str, ...]
    particle_not_before: tuple[str, ...]
    signed_level: tuple[str, ...]
    negative_after: tuple[str, ...]
    size_openers: tuple[str, ...]
    range_markers: tuple[str, ...]
    base_phrases: tuple[str, ...]
    multiples: dict[str, int]
    times: tuple[str, ...]
    as_much: tuple[str, ...]
    noun_alone: tuple[str, ...]
    adjective_comparatives: tuple[str, ...]
    adjective_followers: tuple[str, ...]
    money_adjective_followers: tuple[str, ...]
    money_cost_verbs: tuple[str, ...]
    follower_gap: int
    gap_followers: tuple[str, ...]
    bare_verb_gap: int
    bare_verb_not_after: tuple[str, ...]
    bare_verb_not_before: tuple[str, ...]
    bare_verb_not_between: tuple[str, ...]
    not_nouns: tuple[str, ...]
    apart_joiners: tuple[str, ...]
    apart_max_words: int
    apart_not_between: tuple[str, ...]
    apart_share_after: tuple[str, ...]
    colon_gap: int
    variance_nouns: tuple[str, ...]
    variance_adjective_nouns: tuple[str, ...]
    variance_decrease_adjectives: tuple[str, ...]
    variance_increase_adjectives: tuple[str, ...]
    variance_comparatives: tuple[str, ...]
    variance_noun_gap: int
    far_verb_gap: int
    inserted_openers: tuple[str, ...]
    split_copulas: tuple[str, ...]
    subject_prepositions: tuple[str, ...]
    subject_adjectives: tuple[str, ...]
    variance_words: tuple[str, ...]
    variance_row_markers: tuple[str, ...]
    variance_unfavourable_markers: tuple[str, ...]
    variance_marker_kinds: tuple[str, ...]
    variance_line_adjectives: tuple[str, ...]
    variance_line_outcome_particles: tuple[str, ...]
    result_nouns: tuple[str, ...]
    result_negative: tuple[str, ...]
    result_positive: tuple[str, ...]
    budget_bases: tuple[str, ...]
    budget_prepositions: tuple[str, ...]
    budget_compare_openers: tuple[str, ...]
    budget_compare_after_noun: tuple[str, ...]
    below_budget: tuple[str, ...]
    above_budget: tuple[str, ...]
    arrival_finite: tuple[str, ...]
    arrival_particles: tuple[str, ...]
    arrival_max_words: int
    arrival_joined: tuple[str, ...]
    arrival_money_openers: tuple[str, ...]
    separable_amount_not_after: tuple[str, ...]
    separable_bare_max_words: int
    separable_respects: tuple[str, ...]
    movement_from_words: tuple[str, ...]
    movement_to_words: tuple[str, ...]
    movement_end_followers: tuple[str, ...]
    spread_verbs: tuple[str, ...]
    spread_openers: tuple[str, ...]
    spread_max_words: int
    outcome_finite: tuple[str, ...]
    outcome_better: tuple[str, ...]
    outcome_worse: tuple[str, ...]
    bare_noun_openers: tuple[str, ...]
    bare_noun_after_comma: tuple[str, ...]
    rate_marker: str
    respectively: tuple[str, ...]
    met_level_predicates: tuple[str, ...]
    noun_adjective_endings: tuple[str, ...]
    noun_adjective_min_length: int
    noun_adjectives_max: int
    multiple_compared: tuple[str, ...]
    multiple_compared_gap: int
    multiple_time_words: tuple[str, ...]
    participle_gap: int


@dataclass(frozen=True)
class Contexts:
    year_first: int
    year_last: int
    year_before: tuple[str, ...]
    year_always_before: tuple[str, ...]
    year_wide_first: int
    year_wide_last: int
    duration_units: tuple[str, ...]
    duration_range_joiners: tuple[str, ...]
    range_joiners: tuple[str, ...]
    range_unordered_joiners: tuple[str, ...]
    reference_words: tuple[str, ...]
    reference_joiners: tuple[str, ...]
    reference_not_before: tuple[str, ...]
    caption_multipliers: tuple[str, ...]
    multiplier_markers: tuple[str, ...]
    multiplier_currency_markers: tuple[str, ...]
    multiplier_scales: dict[str, int]
    months: tuple[str, ...]
    count_nouns: tuple[str, ...]
    count_plural_endings: tuple[str, ...]
    not_count_words: tuple[str, ...]
    stressed_one_not_before: tuple[str, ...]
    factor_words: tuple[str, ...]
    factor_followers: tuple[str, ...]
    phone_service_prefixes: tuple[str, ...]
    url_tlds: tuple[str, ...]
    street_endings: tuple[str, ...]
    not_streets: tuple[str, ...]
    idioms: tuple[str, ...]
    threshold_openers: tuple[str, ...]
    threshold_markers: tuple[str, ...]
    score_after: tuple[str, ...]
    score_before: tuple[str, ...]
    page_counts: tuple[str, ...]
    weekdays: tuple[str, ...]
    heading_count_followers: tuple[str, ...]
    call_words: tuple[str, ...]
    dateline_place_words: int
    data_year_before: tuple[str, ...]
    sum_note_verbs: tuple[str, ...]
    sum_note_before: tuple[str, ...]
    sum_note_percent: tuple[str, ...]


@dataclass(frozen=True)
class DutchData:
    """Everything the quantity recogniser needs to know about written Dutch figures."""

    numbers: NumberWords
    scales: dict[str, int]
    units: Units
    fractions: Fractions
    ratios: Ratios
    qualifiers: dict[QualifierName, tuple[str, ...]]
    changes: ChangeWords
    contexts: Contexts
    small_scales: tuple[str, ...]
    """Scale words that multiply only a number below ten ("drie ton", not "1.400 ton")."""
    small_scales_not_before: tuple[str, ...]
    """Words after a small scale that make it a weight ("7 ton CO2")."""


def _numbers() -> NumberWords:
    r = DataFile("numbers.toml")
    return NumberWords(
        units=r.int_table("units"),
        teens=r.int_table("teens", minimum=10),
        tens=r.int_table("tens", minimum=20),
        hundred=r.word("parts.hundred"),
        thousand=r.word("parts.thousand"),
        joiners=r.words("parts.joiners"),
        half=r.word("parts.half"),
        a_half=r.word("parts.a_half"),
        one_and_a_half=r.word("parts.one_and_a_half"),
        approx_suffix=r.word("parts.approx_suffix"),
        coins=r.int_table("coins", minimum=1),
        plain_article=r.words("article.plain"),
        stressed_one=r.words("article.stressed"),
    )


def _units() -> Units:
    r = DataFile("units.toml")
    if r.word("currency.unit") != "EUR":
        raise r.fail("currency.unit", "must be \"EUR\"")
    return Units(
        currency_prefix=r.words("currency.prefix"),
        negative_prefix=r.words("currency.negative_prefix"),
        currency_suffix=r.words("currency.suffix"),
        percent_suffix=r.words("percent.suffix"),
        percent_points=r.words("percent.points"),
    )


def _fractions() -> Fractions:
    r = DataFile("fractions.toml")
    majority: dict[str, tuple[Decimal, QualifierName]] = {}
    for phrase, entry in r.table("majority", "must be a non-empty table").items():
        key = f"majority.{phrase}"
        if not isinstance(entry, dict) or set(entry) != {"value", "qualifier"}:
            raise r.fail(key, "must be { value = \"50\", qualifier = \"more_than\" }")
        qualifier = entry["qualifier"]
        if qualifier not in QUALIFIER_NAMES:
            raise r.fail(key, f"qualifier {qualifier!r} is not one of {QUALIFIER_NAMES}")
        majority[phrase] = (r.decimal(key, entry["value"]), cast(QualifierName, qualifier))
    return Fractions(
        denominators=r.int_table("denominators", minimum=2),
        phrases=r.decimal_table("phrases"),
        compounds=r.decimal_table("compounds"),
        ordinal_nouns=r.words("ordinal_nouns.words"),
        majority=majority,
    )


def _ratios() -> Ratios:
    r = DataFile("ratios.toml")
    allowed = r.get("denominators.van_allowed")
    if not isinstance(allowed, list) or not allowed or not all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 2 for n in allowed
    ):
        raise r.fail("denominators.van_allowed", "must be a non-empty list of integers >= 2")
    return Ratios(
        op_connectors=r.words("connectors.op"),
        van_connectors=r.words("connectors.van"),
        op_max=r.integer("denominators.op_max", minimum=2),
        van_allowed=frozenset(allowed),
    )


def _qualifiers() -> dict[QualifierName, tuple[str, ...]]:
    r = DataFile("qualifiers.toml")
    table = r.get("qualifiers")
    if not isinstance(table, dict):
        raise r.fail("qualifiers", "must be a table")
    unknown = set(table) - set(QUALIFIER_NAMES)
    if unknown:
        raise r.fail("qualifiers", f"unknown qualifier {sorted(unknown)[0]!r}")
    result = {name: r.words(f"qualifiers.{name}") for name in QUALIFIER_NAMES}
    seen: dict[str, str] = {}
    for name, phrases in result.items():
        for phrase in phrases:
            if phrase.lower() in seen:
                raise r.fail(f"qualifiers.{name}", f"{phrase!r} is also in {seen[phrase.lower()]}")
            seen[phrase.lower()] = name
    return result


def _changes() -> ChangeWords:
    r = DataFile("changes.toml")
    directed = {w.lower() for w in r.words("verbs.decrease") + r.words("verbs.increase")}
    for verb in r.words("verbs.finite"):
        if verb.lower() not in directed:
            raise r.fail("verbs.finite", f"{verb!r} is in neither verbs.decrease nor increase")
    return ChangeWords(
        decrease_nouns=r.words("nouns.decrease"),
        increase_nouns=r.words("nouns.increase"),
        not_compound_nouns=r.words("nouns.not_compound"),
        compound_only_decrease=r.words("nouns.compound_only_decrease"),
        not_change_compounds=r.words("nouns.not_change_compounds"),
        noun_size_markers=r.words("nouns.size_markers"),
        noun_articles=r.words("nouns.articles"),
        intensifiers=r.words("nouns.intensifiers"),
        decrease_verbs=r.words("verbs.decrease"),
        increase_verbs=r.words("verbs.increase"),
        decrease_particles=r.words("verbs.decrease_particles"),
        increase_particles=r.words("verbs.increase_particles"),
        verb_size_marker=r.word("verbs.size_marker"),
        finite_verbs=r.words("verbs.finite"),
        decrease_comparatives=r.words("comparatives.decrease"),
        increase_comparatives=r.words("comparatives.increase"),
        comparative_followers=r.words("comparatives.noun_followers"),
        level_markers=r.words("level_markers.words"),
        compound_min_length=r.integer("nouns.compound_min_length", minimum=3),
        copulas=r.words("nouns.copulas"),
        subject_articles=r.words("nouns.subject_articles"),
        size_fillers=r.words("verbs.size_fillers"),
        separable_finite=r.words("verbs.separable_finite"),
        particle_not_before=r.words("verbs.particle_not_before"),
        signed_level=r.words("level_markers.signed_level"),
        negative_after=r.words("level_markers.negative_after"),
        size_openers=r.words("verbs.size_openers"),
        range_markers=r.words("verbs.range_markers"),
        base_phrases=r.words("nouns.base_phrases"),
        multiples=r.int_table("multiples.words", minimum=-100),
        times=r.words("multiples.times"),
        as_much=r.words("multiples.as_much"),
        noun_alone=r.words("comparatives.noun_alone"),
        adjective_comparatives=r.words("comparatives.adjective"),
        adjective_followers=r.words("comparatives.adjective_followers"),
        money_adjective_followers=r.words("comparatives.money_adjective_followers"),
        money_cost_verbs=r.words("comparatives.money_cost_verbs"),
        follower_gap=r.integer("comparatives.follower_gap"),
        gap_followers=r.words("comparatives.gap_followers"),
        bare_verb_gap=r.integer("verbs_bare.max_gap"),
        bare_verb_not_after=r.words("verbs_bare.not_after"),
        bare_verb_not_before=r.words("verbs_bare.not_before"),
        bare_verb_not_between=r.words("verbs_bare.not_between"),
        not_nouns=r.words("comparatives.not_nouns") + r.words("comparatives.degree_adverbs"),
        apart_joiners=r.words("apart.joiners"),
        apart_max_words=r.integer("apart.max_words", minimum=1),
        apart_not_between=r.words("apart.not_between"),
        apart_share_after=r.words("apart.share_after"),
        colon_gap=r.integer("apart.colon_gap", minimum=1),
        variance_nouns=r.words("variances.nouns"),
        variance_adjective_nouns=r.words("variances.adjective_nouns"),
        variance_decrease_adjectives=r.words("variances.decrease_adjectives"),
        variance_increase_adjectives=r.words("variances.increase_adjectives"),
        variance_comparatives=r.words("variances.comparatives"),
        variance_noun_gap=r.integer("variances.noun_gap", minimum=1),
        far_verb_gap=r.integer("verbs.far_gap", minimum=1),
        inserted_openers=r.words("verbs.inserted_openers"),
        split_copulas=r.words("nouns.split_copulas"),
        subject_prepositions=r.words("nouns.subject_prepositions"),
        subject_adjectives=r.words("nouns.subject_adjectives"),
        variance_words=r.words("variances.words"),
        variance_row_markers=r.words("variances.row_markers"),
        variance_unfavourable_markers=r.words("variances.unfavourable_markers"),
        variance_marker_kinds=r.words("variances.marker_kinds"),
        variance_line_adjectives=r.words("variances.line_adjectives"),
        variance_line_outcome_particles=r.words("variances.line_outcome_particles"),
        result_nouns=r.words("variances.result_nouns"),
        result_negative=r.words("variances.result_negative"),
        result_positive=r.words("variances.result_positive"),
        budget_bases=r.words("variances.budget_bases"),
        budget_prepositions=r.words("variances.budget_prepositions"),
        budget_compare_openers=r.words("variances.budget_compare_openers"),
        budget_compare_after_noun=r.words("variances.budget_compare_after_noun"),
        below_budget=r.words("variances.below_budget"),
        above_budget=r.words("variances.above_budget"),
        arrival_finite=r.words("arrivals.finite"),
        arrival_particles=r.words("arrivals.particles"),
        arrival_max_words=r.integer("arrivals.max_words", minimum=1),
        arrival_joined=r.words("arrivals.joined"),
        arrival_money_openers=r.words("arrivals.money_openers"),
        separable_amount_not_after=r.words("separable_bare.amount_not_after"),
        separable_bare_max_words=r.integer("separable_bare.max_words"),
        separable_respects=r.words("separable_bare.respects"),
        movement_from_words=r.words("movement_unit.from_words"),
        movement_to_words=r.words("movement_unit.to_words"),
        movement_end_followers=r.words("movement_unit.end_followers"),
        spread_verbs=r.words("spreads.verbs"),
        spread_openers=r.words("spreads.openers"),
        spread_max_words=r.integer("spreads.max_words", minimum=1),
        outcome_finite=r.words("outcomes.finite"),
        outcome_better=r.words("outcomes.better"),
        outcome_worse=r.words("outcomes.worse"),
        bare_noun_openers=r.words("bare_noun.openers"),
        bare_noun_after_comma=r.words("bare_noun.after_comma"),
        rate_marker=r.word("rates.marker"),
        respectively=r.words("apart.respectively"),
        met_level_predicates=r.words("level_markers.after_met"),
        noun_adjective_endings=r.words("comparatives.noun_adjective_endings"),
        noun_adjective_min_length=r.integer("comparatives.noun_adjective_min_length", minimum=2),
        noun_adjectives_max=r.integer("comparatives.noun_adjectives_max", minimum=1),
        multiple_compared=r.words("multiples.compared_with"),
        multiple_compared_gap=r.integer("multiples.compared_gap", minimum=0),
        multiple_time_words=r.words("multiples.time_words"),
        participle_gap=r.integer("verbs.participle_gap", minimum=1),
    )


def _contexts() -> Contexts:
    r = DataFile("contexts.toml")
    first = r.integer("years.first", minimum=1000)
    last = r.integer("years.last", minimum=1000)
    if last < first:
        raise r.fail("years", "last must not be before first")
    return Contexts(
        year_first=first,
        year_last=last,
        year_before=r.words("years.before"),
        year_always_before=r.words("years.always_before"),
        year_wide_first=r.integer("years.wide_first", minimum=1000),
        year_wide_last=r.integer("years.wide_last", minimum=1000),
        duration_units=r.words("durations.units"),
        duration_range_joiners=r.words("durations.range_joiners"),
        range_joiners=r.words("ranges.joiners"),
        range_unordered_joiners=r.words("ranges.unordered_joiners"),
        reference_words=r.words("references.words"),
        reference_joiners=r.words("references.list_joiners"),
        reference_not_before=r.words("references.not_before"),
        caption_multipliers=r.words("references.caption_multipliers"),
        multiplier_markers=r.words("references.multiplier_markers"),
        multiplier_currency_markers=r.words("references.multiplier_currency_markers"),
        multiplier_scales=DataFile("scales.toml").int_table("multipliers", minimum=2),
        months=r.words("dates.months"),
        count_nouns=r.words("count_nouns.words"),
        count_plural_endings=r.words("count_nouns.plural_endings"),
        not_count_words=r.words("count_nouns.not_count_words"),
        stressed_one_not_before=r.words("stressed_one.not_before"),
        factor_words=r.words("factors.words"),
        factor_followers=r.words("factors.followed_by"),
        phone_service_prefixes=r.words("phones.service_prefixes"),
        url_tlds=r.words("urls.tlds"),
        street_endings=r.words("addresses.street_endings"),
        not_streets=r.words("addresses.not_streets"),
        idioms=r.words("idioms.phrases"),
        threshold_openers=r.words("not_figures.threshold_openers"),
        threshold_markers=r.words("not_figures.threshold_markers"),
        score_after=r.words("not_figures.score_after"),
        score_before=r.words("not_figures.score_before"),
        page_counts=r.words("not_figures.page_counts"),
        weekdays=r.words("not_figures.weekdays"),
        heading_count_followers=r.words("not_figures.heading_count_followers"),
        call_words=r.words("not_figures.call_words"),
        dateline_place_words=r.integer("edition.dateline_place_words", minimum=0),
        data_year_before=r.words("edition.data_year_before"),
        sum_note_verbs=r.words("sum_notes.verbs"),
        sum_note_before=r.words("sum_notes.before"),
        sum_note_percent=r.words("sum_notes.percent"),
    )


@cache
def load() -> DutchData:
    """Read and validate every figure data file once; later calls return the same object.

    Raises `errors.LanguageDataError` naming the file and key of the first problem.
    """
    return DutchData(
        numbers=_numbers(),
        scales=DataFile("scales.toml").int_table("scales", minimum=2),
        units=_units(),
        fractions=_fractions(),
        ratios=_ratios(),
        qualifiers=_qualifiers(),
        changes=_changes(),
        contexts=_contexts(),
        small_scales=DataFile("scales.toml").lower_words("small.words"),
        small_scales_not_before=DataFile("scales.toml").lower_words("small.not_before"),
    )
