"""The one Dutch stemmer: a rough cut of plural and inflection endings, so that "vonnissen"
and "vonnis", "betalingsregelingen" and "betalingsregeling" meet.

Its rules are data (`stems.toml`): statement keys of facts and the linking of statements across
editions cut differently, and each names its rule there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rapportextract.lang.nl.files import DataFile

_VOWELS = frozenset("aeiou")


@dataclass(frozen=True)
class StemRule:
    suffixes: tuple[str, ...]
    """Cut the first (longest first) that leaves at least `min_stem` letters."""
    min_stem: int
    plural_ies: bool
    """"studies" -> "studie" before anything else."""
    undouble: bool
    """A doubled final consonant is halved ("vonniss" -> "vonnis")."""


def stem(word: str, rule: StemRule) -> str:
    if len(word) <= rule.min_stem:
        return word
    if rule.plural_ies and word.endswith("ies"):
        return word[:-1]
    for suffix in rule.suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= rule.min_stem:
            word = word[: -len(suffix)]
            break
    if (rule.undouble and len(word) > rule.min_stem and word[-1] == word[-2]
            and word[-1] not in _VOWELS):
        word = word[:-1]
    return word


@cache
def stem_rules() -> dict[str, StemRule]:
    f = DataFile("stems.toml")
    rules = {}
    for name in f.table("rules"):
        key = f"rules.{name}"
        flags = f.get(key)
        rules[name] = StemRule(
            suffixes=tuple(sorted(f.words(f"{key}.suffixes"), key=len, reverse=True)),
            min_stem=f.integer(f"{key}.min_stem", minimum=1),
            plural_ies=bool(flags.get("plural_ies", False)),
            undouble=bool(flags.get("undouble", False)),
        )
    for needed in ("statement_keys", "linking"):
        if needed not in rules:
            raise f.fail(f"rules.{needed}", "is missing")
    return rules
