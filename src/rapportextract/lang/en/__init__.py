"""English words the layout reader needs to mend text: reports quote English, and PDFs of
English text go through the same reader.

`words()` is the English word list of `words.txt` (derived by `words_from_scowl.py`);
`function_words()` the short words that tell an English paragraph from a Dutch one and
`suspended_next()` the words after a suspended compound's hyphen (`function_words.toml`).
Both are read once, on first use.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from rapportextract.errors import LanguageDataError

DATA_DIR = Path(__file__).resolve().parent

_HINT = "the package data is damaged: reinstall rapportextract or fix that file"


@cache
def words() -> frozenset[str]:
    """The lower-case English words of `words.txt`, inflected forms included."""
    path = DATA_DIR / "words.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise LanguageDataError("language data file is missing", path=path, hint=_HINT) from None
    found = frozenset(w for w in (line.strip() for line in lines) if w and not w.startswith("#"))
    if not found:
        raise LanguageDataError("holds no words", path=path, hint=_HINT)
    return found


@cache
def _function_file() -> dict[str, object]:
    path = DATA_DIR / "function_words.toml"
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise LanguageDataError("language data file is missing", path=path, hint=_HINT) from None
    except tomllib.TOMLDecodeError as exc:
        message = f"not valid TOML ({str(exc).splitlines()[0]})"
        raise LanguageDataError(message, path=path, hint=_HINT) from None


def _listed(key: str) -> frozenset[str]:
    value = _function_file().get(key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) for w in value):
        raise LanguageDataError(f"[{key}] must be a non-empty list of words",
                                path=DATA_DIR / "function_words.toml", hint=_HINT)
    return frozenset(w.lower() for w in value)


def function_words() -> frozenset[str]:
    """English words that a Dutch sentence does not use ("the", "which")."""
    return _listed("words")


def suspended_next() -> frozenset[str]:
    """Words after a line-end hyphen that make it a suspended compound ("pre- and post-")."""
    return _listed("suspended_compound_next")
