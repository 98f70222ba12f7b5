"""The words of `skips.toml`: numbers in report prose that are no figures (`quantities.masks`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rapportextract.lang.nl.files import DataFile


@dataclass(frozen=True)
class SkipWords:
    """Words around a number that make it an identifier, a threshold, a mark or a name."""

    reference_words: tuple[str, ...]
    titled_references: tuple[str, ...]
    paragraph_ordinals: tuple[str, ...]
    paragraph_word: str
    date_words: tuple[str, ...]
    file_words: tuple[str, ...]
    chambers: tuple[str, ...]
    class_variable: str
    names: tuple[str, ...]
    lettered_suffix: str
    age_persons: tuple[str, ...]
    age_titles: tuple[str, ...]
    name_particles: tuple[str, ...]
    document_parts: tuple[str, ...]
    part_holders: tuple[str, ...]
    parts_held: tuple[str, ...]
    small_numbers: tuple[str, ...]
    threshold_after: tuple[str, ...]
    threshold_signs: tuple[str, ...]
    share_of: tuple[str, ...]
    stated_level_verbs: tuple[str, ...]
    conditions: tuple[str, ...]
    comparisons: tuple[str, ...]
    condition_gap: int
    relative_pronouns: tuple[str, ...]
    bounds: tuple[str, ...]
    norm_words: tuple[str, ...]
    norm_gap: int
    norm_after_gap: int
    demand_directions: tuple[str, ...]
    bound_joiners: tuple[str, ...]
    cap_openers: tuple[str, ...]
    caps: tuple[str, ...]
    cap_gap: int
    idioms_before_no_plural: tuple[str, ...]
    plural_endings: tuple[str, ...]
    target_nouns: tuple[str, ...]
    target_gap: int
    group_nouns: tuple[str, ...]
    group_bounds: tuple[str, ...]
    group_bounds_direct: tuple[str, ...]
    phone_words: tuple[str, ...]
    bracket_marker_max_digits: int
    age_group_suffixes: tuple[str, ...]
    duration_adjectives: tuple[str, ...]
    period_adjectives: tuple[str, ...]
    period_units: tuple[str, ...]
    threshold_openers: tuple[str, ...]
    threshold_markers: tuple[str, ...]
    score_nouns: tuple[str, ...]
    score_article: str
    score_after_article: tuple[str, ...]
    score_not_after_article: tuple[str, ...]
    file_size_units: tuple[str, ...]
    measure_units: tuple[str, ...]
    rate_word: str
    rate_bases: tuple[str, ...]
    index_set: tuple[str, ...]
    idioms: tuple[str, ...]
    leader_chars: tuple[str, ...]
    leader_min: int
    list_item_articles: tuple[str, ...]
    identifier_min_digits: int
    example_subjects: tuple[str, ...]
    example_goods: tuple[str, ...]
    example_incomes: tuple[str, ...]
    norm_bases: tuple[str, ...]
    approximate_units: tuple[str, ...]
    limit_ends: tuple[str, ...]
    limit_verbs: tuple[str, ...]
    definition_verbs: tuple[str, ...]
    aims: tuple[str, ...]
    titled_prepositions: tuple[str, ...]
    titled_plurals: tuple[str, ...]
    rank_words: tuple[str, ...]
    month_abbreviations: tuple[str, ...]
    money_signs: tuple[str, ...]
    rank_article: str
    rank_adjectives: tuple[str, ...]
    rank_numbers: tuple[str, ...]
    frequency: tuple[str, ...]
    frequency_units: tuple[str, ...]
    definition_follows: tuple[str, ...]
    definition_gap: int
    income_shares: tuple[str, ...]
    cap_clauses: tuple[str, ...]
    section_prepositions: tuple[str, ...]
    aim_verbs: tuple[str, ...]
    assumptions: tuple[str, ...]
    defining_gap: int
    clause_start_bounds: tuple[str, ...]
    limit_subject_articles: tuple[str, ...]
    limit_prescribes: tuple[str, ...]
    bound_fillers: tuple[str, ...]
    condition_adverbs: tuple[str, ...]
    limit_nouns: tuple[str, ...]
    limit_markers: tuple[str, ...]
    limit_signs: tuple[str, ...]
    rule_bounds: tuple[str, ...]
    rule_per: tuple[str, ...]
    rule_nouns: tuple[str, ...]
    rule_units: tuple[str, ...]
    defining_pronouns: tuple[str, ...]
    relative_after_noun: tuple[str, ...]
    not_plural_nouns: tuple[str, ...]
    defining_bounds: tuple[str, ...]
    city_groups: tuple[str, ...]
    city_others: tuple[str, ...]
    conditionals: tuple[str, ...]
    conditionals_opening: tuple[str, ...]
    condition_subjects: tuple[str, ...]
    not_conditions: tuple[str, ...]
    negations: tuple[str, ...]
    copula_comparisons: tuple[str, ...]
    definers: tuple[str, ...]
    definition_bounds: tuple[str, ...]
    negation_fillers: tuple[str, ...]
    corrections: tuple[str, ...]


def read_skip_words(text: str | None = None) -> SkipWords:
    """Read and validate `skips.toml` (or ``text`` in its place, for tests)."""
    r = DataFile("skips.toml", text)
    return SkipWords(
        reference_words=r.words("references.words"),
        titled_references=r.words("references.titled"),
        paragraph_ordinals=r.words("references.paragraph_ordinals"),
        paragraph_word=r.word("references.paragraph_word"),
        date_words=r.words("references.date_words"),
        file_words=r.words("references.file_words"),
        chambers=r.words("references.chambers"),
        class_variable=r.word("references.class_variable"),
        names=r.words("names.phrases"),
        lettered_suffix=r.word("names.lettered_suffix"),
        age_persons=r.words("names.age_persons"),
        age_titles=r.words("names.age_titles"),
        name_particles=r.words("names.name_particles"),
        document_parts=r.words("document_parts.nouns"),
        part_holders=r.words("document_parts.holders"),
        parts_held=r.words("document_parts.held"),
        small_numbers=r.words("document_parts.small_numbers"),
        threshold_after=r.words("thresholds.after"),
        threshold_signs=r.words("thresholds.signs"),
        share_of=r.words("thresholds.share_of"),
        stated_level_verbs=r.words("thresholds.stated_level_verbs"),
        conditions=r.words("thresholds.conditions"),
        comparisons=r.words("thresholds.comparisons"),
        condition_gap=r.integer("thresholds.condition_gap_words", minimum=1),
        relative_pronouns=r.words("thresholds.relative_pronouns"),
        bounds=r.words("thresholds.bounds"),
        norm_words=r.words("thresholds.norm_words"),
        norm_after_gap=r.integer("thresholds.norm_after_gap_words", minimum=0),
        demand_directions=r.words("thresholds.demand_directions"),
        norm_gap=r.integer("thresholds.norm_gap_words", minimum=0),
        bound_joiners=r.words("thresholds.bound_joiners"),
        cap_openers=r.words("thresholds.cap_openers"),
        caps=r.words("thresholds.caps"),
        cap_gap=r.integer("thresholds.cap_gap_words", minimum=0),
        idioms_before_no_plural=r.words("idioms.before_no_plural"),
        plural_endings=r.words("idioms.plural_endings"),
        target_nouns=r.words("thresholds.target_nouns"),
        target_gap=r.integer("thresholds.target_gap_words", minimum=0),
        group_nouns=r.words("thresholds.group_nouns"),
        group_bounds=r.words("thresholds.group_bounds"),
        group_bounds_direct=r.words("thresholds.group_bounds_direct"),
        phone_words=r.words("phones.words"),
        bracket_marker_max_digits=r.integer("layout.bracket_marker_max_digits", minimum=1),
        age_group_suffixes=r.words("thresholds.age_group_suffixes"),
        duration_adjectives=r.words("thresholds.duration_adjectives"),
        period_adjectives=r.words("thresholds.period_adjectives"),
        period_units=r.words("thresholds.period_units"),
        threshold_openers=r.words("thresholds.openers"),
        threshold_markers=r.words("thresholds.markers"),
        score_nouns=r.words("scores.nouns"),
        score_article=r.word("scores.article"),
        score_after_article=r.words("scores.after_article"),
        score_not_after_article=r.words("scores.not_after_article"),
        file_size_units=r.words("files.size_units"),
        measure_units=r.words("measures.units"),
        rate_word=r.word("bases.rate_word"),
        rate_bases=r.words("bases.rate_bases"),
        index_set=r.words("bases.index_set"),
        idioms=r.words("idioms.phrases"),
        leader_chars=r.words("layout.leader_chars"),
        leader_min=r.integer("layout.leader_min", minimum=2),
        list_item_articles=r.words("layout.list_item_articles"),
        identifier_min_digits=r.integer("layout.identifier_min_digits", minimum=5),
        example_subjects=r.words("examples.subjects"),
        example_goods=r.words("examples.goods"),
        example_incomes=r.words("examples.incomes"),
        norm_bases=r.words("examples.norm_bases"),
        approximate_units=r.words("idioms.approximate_units"),
        limit_ends=r.words("thresholds.limit_ends"),
        limit_verbs=r.words("thresholds.limit_verbs"),
        definition_verbs=r.words("thresholds.definition_verbs"),
        aims=r.words("targets.aims"),
        aim_verbs=r.words("targets.aim_verbs"),
        assumptions=r.words("assumptions.words"),
        titled_prepositions=r.words("references.titled_prepositions"),
        titled_plurals=r.words("references.titled_plurals"),
        rank_words=r.words("references.rank_words"),
        month_abbreviations=r.words("references.month_abbreviations"),
        money_signs=r.words("thresholds.money_signs"),
        rank_article=r.word("thresholds.rank_article"),
        rank_adjectives=r.words("thresholds.rank_adjectives"),
        rank_numbers=r.words("thresholds.rank_numbers"),
        frequency=r.words("thresholds.frequency"),
        frequency_units=r.words("thresholds.frequency_units"),
        definition_follows=r.words("thresholds.definition_follows"),
        definition_gap=r.integer("thresholds.definition_gap_words", minimum=0),
        income_shares=r.words("thresholds.income_shares"),
        cap_clauses=r.words("thresholds.cap_clauses"),
        section_prepositions=r.words("layout.section_prepositions"),
        clause_start_bounds=r.words("precision.clause_start_bounds"),
        limit_subject_articles=r.words("precision.limit_subject_articles"),
        limit_prescribes=r.words("precision.limit_prescribes"),
        bound_fillers=r.words("precision.bound_fillers"),
        condition_adverbs=r.words("precision.condition_adverbs"),
        limit_nouns=r.words("precision.limit_nouns"),
        limit_markers=r.words("precision.limit_markers"),
        limit_signs=r.words("precision.limit_signs"),
        rule_bounds=r.words("precision.rule_bounds"),
        rule_per=r.words("precision.rule_per"),
        rule_nouns=r.words("precision.rule_nouns"),
        rule_units=r.words("precision.rule_units"),
        defining_pronouns=r.words("precision.defining_pronouns"),
        relative_after_noun=r.words("precision.relative_after_noun"),
        not_plural_nouns=r.words("precision.not_plural_nouns"),
        defining_bounds=r.words("precision.defining_bounds"),
        city_groups=r.words("precision.city_groups"),
        city_others=r.words("precision.city_others"),
        conditionals=r.words("precision.conditionals"),
        conditionals_opening=r.words("precision.conditionals_opening"),
        condition_subjects=r.words("precision.condition_subjects"),
        not_conditions=r.words("precision.not_conditions"),
        negations=r.words("precision.negations"),
        copula_comparisons=r.words("precision.copula_comparisons"),
        definers=r.words("precision.definers"),
        definition_bounds=r.words("precision.definition_bounds"),
        negation_fillers=r.words("precision.negation_fillers"),
        corrections=r.words("precision.corrections"),
        defining_gap=r.integer("precision.defining_gap_words", minimum=0),
    )


@cache
def skip_words() -> SkipWords:
    """`read_skip_words` of the packaged file, read once."""
    return read_skip_words()
