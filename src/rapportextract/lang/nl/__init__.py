"""Dutch language data: the TOML files beside this module, read and validated in one place.

Each data file names its source in a header comment. `files.DataFile` is the one reader and
validator; `figures.load()` returns the figure vocabulary the quantity recogniser compiles its
patterns from; `words` holds the loaders of every other stage; `stems` the one stemmer.
"""

from rapportextract.lang.nl.figures import (
    QUALIFIER_NAMES,
    ChangeWords,
    Contexts,
    DutchData,
    Fractions,
    NumberWords,
    QualifierName,
    Ratios,
    Units,
    load,
)
from rapportextract.lang.nl.files import DATA_DIR, DataFile, read_toml
from rapportextract.lang.nl.stems import StemRule, stem, stem_rules
from rapportextract.lang.nl.words import (
    ChartWords,
    CueWords,
    LayoutWords,
    LinkingWords,
    PeriodWords,
    StopWords,
    abbreviations,
    alternation,
    chart_words,
    cue_words,
    layout_words,
    linking_words,
    period_words,
    read_period_words,
    stop_words,
)

__all__ = [
    "DATA_DIR", "QUALIFIER_NAMES", "ChangeWords", "ChartWords", "Contexts", "CueWords",
    "DataFile", "DutchData", "Fractions", "LayoutWords", "LinkingWords", "NumberWords",
    "PeriodWords", "QualifierName", "Ratios", "StemRule", "StopWords", "Units",
    "abbreviations", "alternation", "chart_words", "cue_words", "layout_words",
    "linking_words", "load", "period_words", "read_period_words", "read_toml", "stem",
    "stem_rules", "stop_words",
]
