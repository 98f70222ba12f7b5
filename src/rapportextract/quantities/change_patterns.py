"""The patterns of the words that make a figure a change (a difference) instead of a level,
and of the qualifier words before a figure, compiled from ``lang/nl/changes.toml`` and
``qualifiers.toml`` (a part of `patterns.patterns`)."""

from __future__ import annotations

from typing import Any

from rapportextract.lang import nl
from rapportextract.quantities.phrases import alt, bare_alt, caseless, compile_pattern, phrase


def change_nouns(ch: nl.ChangeWords, *, variances: bool = True) -> str:
    """A change noun, or a compound ending on a long one ("omzetgroei", "prijsstijging");
    with `variances`, the neutral nouns of a variance too ("verschil")."""
    nouns = ch.decrease_nouns + ch.increase_nouns + (ch.variance_nouns if variances else ())
    long = [n for n in nouns if len(n) >= ch.compound_min_length
            and n not in ch.not_compound_nouns] + list(ch.compound_only_decrease)
    head = caseless(r"[^\W\d_]{2,}?")
    results = alt(ch.not_change_compounds)
    return rf"(?:{alt(nouns)}|(?<!\w)(?!{results}(?!\w)){head}{bare_alt(long)}(?!\w))"


def change_patterns(data: nl.DutchData) -> dict[str, Any]:
    """Qualifier words before a figure, and the words that make it a change."""
    ch = data.changes
    nouns = change_nouns(ch)
    # a variance ("verschil") is a change after its adjective or before "van", not as subject
    plain_nouns = change_nouns(ch, variances=False)
    variance_adjectives = ch.variance_decrease_adjectives + ch.variance_increase_adjectives
    verbs = alt(ch.decrease_verbs + ch.increase_verbs)
    particles = alt(ch.decrease_particles + ch.increase_particles)
    comparatives = alt(ch.decrease_comparatives + ch.increase_comparatives)
    met = phrase(ch.verb_size_marker)
    fill = rf"(?:\s+{alt(ch.size_fillers)})*"
    openers = alt(ch.size_openers)
    # a word between a finite verb and "met": letters (an abbreviation such as "t.o.v." too)
    # or a year ("daalde in 2017 met 23 procent", "steeg t.o.v. 2020 met 20%")
    # or a day before a month ("daalden op 1 juli met 0,4 procent")
    day = rf"\d{{1,2}}(?=\s+{alt(data.contexts.months)})"
    gap = r"(?:\s+(?:" + caseless(r"[^\W\d_][\w.-]*") + rf"|\d{{4}}|{day}))"
    # the verb before the size: "daalde", "steeg in een jaar", "nam vorig jaar verder af",
    # "daalde, in 2014" (a year after the comma), "nam af, en wel" (an opener)
    verb_lead = (
        rf"(?:(?P<word>{verbs})[,:]?|(?P<word>{alt(ch.finite_verbs)}){gap}{{1,8}}?[,:]?"
        rf"|{alt(ch.separable_finite)}{gap}{{0,7}}?\s+(?P<word>{particles}),?"
        rf"|(?P<word>{verbs}),\s+{alt(data.contexts.year_always_before)}\s+\d{{4}}"
        # "daalde: in 2020 met 10 procent en in 2021 met 4 procent": a list after a colon
        rf"|(?P<word>{verbs}):{gap}{{1,3}}?)"
    )
    # "gingen omhoog: in 2020 2,6 procent en ...": the year of the first after the colon
    colon_year = rf"(?:\s+{alt(data.contexts.year_always_before)}\s+\d{{4}})?"
    word = caseless(r"[^\W\d_]+")
    adjective = caseless(rf"[^\W\d_]{{{ch.noun_adjective_min_length - 1},}}?") \
        + rf"{bare_alt(ch.noun_adjective_endings)}(?!\w)"
    inverted = "|".join(
        rf"{phrase(head)}\s+{alt(ch.subject_articles)}\s+(?P<word>{plain_nouns})"
        rf"(?:\s+{word}){{0,5}}?\s+{phrase(tail)}"
        for head, tail in (c.split(" ... ", 1) for c in ch.split_copulas))
    # a plain word (no copula, other verb or conjunction) or a year between a figure and the
    # participle that ends its clause: "is 12 procent ten opzichte van 2020 gedaald"
    plain = rf"(?!{alt(ch.copulas + ch.bare_verb_not_between)}(?!\w)){word}|\d{{4}}"
    return {
        "qualifier_any_left": compile_pattern(rf"{alt(all_qualifiers(data))}\s*$"),
        # "een forse daling van", "een toename met", "een afname van het aantal klachten met"
        "change_noun_left": compile_pattern(
            rf"(?:{alt(ch.noun_articles)}\s+)?(?:{alt(ch.intensifiers + variance_adjectives)}\s+)?"
            rf"(?:(?P<word>{nouns})|(?<=(?<!\w){alt(variance_adjectives)}\s+)"
            rf"(?P<word>{alt(ch.variance_adjective_nouns)}))"
            rf"(?:(?:\s*\(\s*|\s+){alt(ch.noun_size_markers)}"
            # "was de daling het sterkst, met 3,3 procent"
            rf"|(?:\s+{word}){{0,3}}?,\s+{alt(ch.noun_size_markers)}"
            rf"|\s+{alt(ch.noun_size_markers)}(?:\s+{word}){{1,5}}?\s+{met}"
            # "een lichte daling te zien van 3 procent"
            rf"|(?!\s+{alt(ch.base_phrases)})(?:\s+{word}){{1,3}}?\s+{phrase(ch.noun_size_markers[0])}"
            # "een stijging ten opzichte van 2021 met 14 procent"
            rf"|\s+{alt(ch.base_phrases)}{gap}{{1,3}}?\s+(?:{met}|{alt(ch.noun_size_markers)}))"
            # "een stijging van tussen de 20 en 50 procent"
            rf"(?:\s+{alt(ch.range_markers)})?{fill}\s*$"
        ),
        # "daalde met", "is toegenomen, met", "steeg in een jaar met": a finite verb may
        # stand up to eight words (no figures but years, no punctuation) before
        # "met" ("daalde ten opzichte van een jaar eerder met 7 procent"); a separable verb
        # takes its direction from its particle ("nam vorig jaar verder af met 33 procent")
        "change_verb_left": compile_pattern(
            # "stegen de omzet (met 3,7 procent)": the size in brackets
            rf"{verb_lead}(?:\s+{openers})?(?:\s+|\s*\(\s*){met}{fill}\s*$"
        ),
        # "stegen tussen de 20 en 50 procent" (a pattern of its own: one that ends on either
        # "met" or "tussen" has no fixed word to look for first and is ten times slower)
        "change_verb_range_left": compile_pattern(
            rf"{verb_lead}\s+{alt(ch.range_markers)}\s*$"
        ),
        "change_bare_left": compile_pattern(rf"{met}{fill}\s*$"),
        # "De huren stegen vorig jaar 5,5 procent" (for a percentage only)
        "change_verb_bare_left": compile_pattern(
            rf"(?P<word>{alt(ch.finite_verbs)})"
            rf"(?:(?!\s+{alt(ch.copulas + ch.bare_verb_not_between)}(?!\w)){gap})"
            rf"{{0,{ch.bare_verb_gap}}}?{fill}"
            rf"(?<!{alt(ch.bare_verb_not_after)})\s*$"
        ),
        "change_verb_bare_not_right": compile_pattern(rf"\s+{alt(ch.bare_verb_not_before)}"),
        # "gingen dit jaar flink omhoog: 9,5 procent" (for a percentage only)
        "change_colon_left": compile_pattern(
            rf"(?:(?P<word>{verbs})|{alt(ch.separable_finite)}{gap}{{0,7}}?\s+(?P<word>{particles}))"
            rf"(?:\s+[^\s:;.]+){{0,{ch.colon_gap}}}?\s*:{colon_year}{fill}\s*$"
        ),
        "separable_verb": compile_pattern(alt(ch.separable_finite)),
        "apart_joiner": compile_pattern(alt(ch.apart_joiners)),
        "apart_not_between": compile_pattern(alt(ch.apart_not_between)),
        "apart_share_right": compile_pattern(rf"\s+{alt(ch.apart_share_after)}"),
        # "was deze stijging nog 7,2 procent", "de daling bedroeg 3%"
        "change_subject_left": compile_pattern(
            rf"(?:{alt(ch.copulas)}\s+{alt(ch.subject_articles)}\s+(?P<word>{plain_nouns})"
            # "was de groei op Rotterdam The Hague Airport 0,2 procent" (the figure right after:
            # "Er was een stijging bij gezinnen met 3 kinderen" counts children)
            rf"(?:\s+{alt(ch.subject_prepositions)}(?:\s+(?!{met}(?!\w)){word}){{1,5}}?(?=\s*$))?"
            # "de huurverhoging bedroeg dit jaar 3,4 procent" (not "Na de verhoging bedraagt de
            # huur € 612": an article after the copula opens another subject)
            rf"|{alt(ch.subject_articles)}\s+(?P<word>{plain_nouns})\s+{alt(ch.copulas)}"
            rf"(?!\s+{alt(ch.noun_articles)}\s){gap}{{0,3}}?"
            # "is de daling het grootst, te weten 15 procent"
            rf"|{alt(ch.subject_articles)}\s+(?P<word>{plain_nouns})(?:\s+{word}){{0,3}},?\s+{openers}"
            # "Daarmee komt de groei uit op 2,1 procent": a split copula around the subject
            rf"|{inverted})"
            rf"{fill}\s*$"
        ),
        "level_left": compile_pattern(rf"{alt(ch.level_markers)}\s*$"),
        "signed_level_left": compile_pattern(rf"{alt(ch.signed_level)}\s*$"),
        # a table row read as text whose label is a change: "Omzetgroei 6,5% 5,9% -10,0%"
        "change_row_label": compile_pattern(
            rf"(?:^|\s)(?P<word>{nouns})(?:\s+[-+−–]?\d[\d.,]*\s*%)+\s*$"
        ),
        # a row of amounts labelled with a variance noun with a capital and words in lower
        # case: "Mutatie liquide middelen -412.118 1.204.560" (a change in every column)
        "variance_row_label": compile_pattern(
            rf"(?:^|\s)(?-i:(?=\p{{Lu}}))(?P<word>{alt(ch.variance_nouns)})"
            r"(?:\s+(?-i:\p{Ll})[\w-]*){0,4}(?:\s+(?:€\s*)?(?:-/-\s*)?[-+−–]?\d[\d.,]*"
            rf"(?:\s*{alt(list(data.scales))})?)+\s*$"
        ),
        # "minder", "lager", "gestegen" right after the figure, or a change noun
        # ("151 procent prijsstijging")
        "change_right": compile_pattern(
            rf"^\s*(?P<word>{comparatives}|{verbs}|{plain_nouns})"
        ),
        # "zeshonderd vonnissen meer dan", "2 corporaties minder.": a counted noun between;
        # any noun where a comparison follows ("54 faillissementen minder dan")
        # "120 sociale huurwoningen minder bij": adjectives before the noun
        "change_after_noun": compile_pattern(
            rf"^(?P<adjectives>(?:\s+(?!{alt(ch.not_nouns)}){adjective}){{0,{ch.noun_adjectives_max}}})"
            rf"\s+(?!{alt(ch.not_nouns)})(?P<noun>[^\W\d_]+)\s+"
            rf"(?:(?P<word>{alt(ch.noun_alone)})(?P<alone>)|(?P<word>{comparatives})"
            rf"(?=\s+(?P<follow>{alt(ch.comparative_followers)})"
            # "9 bedrijven minder failliet verklaard dan in april"
            rf"|(?:\s+{word}){{1,{ch.follower_gap}}}?\s+(?P<follow>{alt(ch.gap_followers)})"
            # "kwamen er 340 aanvragen meer binnen.", "werden 736 klachten minder ingediend": a
            # verb or its particle ending the clause
            # or three after a preposition ("150 000 hennepplanten minder in beslag genomen.";
            # not "5.000 huurders meer betalingsproblemen gaan ervaren")
            rf"|(?P<follow>(?:\s+{word}){{1,2}}|\s+{alt(ch.adjective_followers)}(?:\s+{word}){{2}})"
            rf"\s*(?:[.,;:]|$)"
            rf"|\s*[.,;:]|\s*$))"
        ),
        # "met 8% toe", "met 10 procent gestegen": up to three words in between; a particle
        # before an article is a preposition ("met 4.100 op het laagste niveau")
        "change_particle_right": compile_pattern(
            rf"^(?:\s+(?!\d)\w+){{0,3}}?\s+"
            rf"(?P<word>{verbs}|{particles}"
            rf"(?!\s+{alt(ch.noun_articles + ch.particle_not_before)}))"
        ),
        # the particle of a separable verb before "met" up to seven words on, ending the
        # clause: "nam het aantal met 3 procent naar verhouding het minst snel toe"
        # "zijn 6 procent in een jaar gestegen", "8 procent boven de inflatie gestegen": a verb
        # form ending the clause a few plain words after the figure (not "van de": a share)
        "change_participle_far_right": compile_pattern(
            rf"^(?!\s+{alt(ch.bare_verb_not_before)}(?!\w))(?:\s+(?:{plain})){{1,{ch.participle_gap}}}?"
            rf"\s+(?P<word>{verbs})(?=\s*(?:[.,;:]|$))"
        ),
        "change_particle_far_right": compile_pattern(
            rf"^(?:\s+(?!\d)\w+){{4,7}}?\s+(?P<word>{particles})(?=\s*(?:[.,;:]|$))"
        ),
    }


def all_qualifiers(data: nl.DutchData) -> list[str]:
    return [w for words in data.qualifiers.values() for w in words]
