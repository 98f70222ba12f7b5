"""The one reader and validator of the Dutch data files of this folder.

Every stage reads its Dutch words through `DataFile`: a file that is missing, not valid TOML,
or has a key of the wrong shape raises `errors.LanguageDataError` naming the file and the key,
so a damaged installation fails the same way whichever stage meets it first.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, cast

from rapportextract.errors import LanguageDataError

DATA_DIR = Path(__file__).resolve().parent

_HINT = "the package data is damaged: reinstall rapportextract or fix that file"


def read_toml(name: str) -> dict[str, Any]:
    """Parse one data file of this folder (``name`` like ``"scales.toml"``)."""
    path = DATA_DIR / name
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise LanguageDataError("language data file is missing", path=path, hint=_HINT) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LanguageDataError(_not_toml(exc), path=path, hint=_HINT) from None


def _not_toml(exc: Exception) -> str:
    return f"not valid TOML ({str(exc).splitlines()[0]})"


class DataFile:
    """Typed access to one parsed file; every failure names the file and the key.

    `text` replaces the packaged file's content (tests of the validation use it).
    """

    def __init__(self, name: str, text: str | None = None) -> None:
        self.path = DATA_DIR / name
        if text is None:
            self.data = read_toml(name)
            return
        try:
            self.data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise LanguageDataError(_not_toml(exc), path=self.path, hint=_HINT) from None

    def fail(self, key: str, problem: str) -> LanguageDataError:
        return LanguageDataError(f"[{key}] {problem}", path=self.path, hint=_HINT)

    def get(self, key: str) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise self.fail(key, "is missing")
            node = node[part]
        return node

    def has(self, key: str) -> bool:
        try:
            self.get(key)
        except LanguageDataError:
            return False
        return True

    def table(self, key: str, problem: str = "must be a non-empty table") -> dict[str, Any]:
        """The table at `key`, which must hold at least one entry; else fail with `problem`."""
        value = self.get(key)
        if not isinstance(value, dict) or not value:
            raise self.fail(key, problem)
        return value

    def words(self, key: str) -> tuple[str, ...]:
        value = self.get(key)
        if not isinstance(value, list) or not value:
            raise self.fail(key, "must be a non-empty list of words")
        for item in value:
            if not isinstance(item, str) or not item.strip() or item != item.strip():
                raise self.fail(key, f"has an empty or padded entry {item!r}")
        return tuple(cast(list[str], value))

    def lower_words(self, key: str) -> tuple[str, ...]:
        return tuple(w.lower() for w in self.words(key))

    def word(self, key: str) -> str:
        value = self.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "must be a non-empty string")
        return value

    def strings(self, key: str) -> dict[str, str]:
        """A table of key = "text" (labels, message templates)."""
        table = self.table(key)
        if not all(isinstance(v, str) for v in table.values()):
            raise self.fail(key, "must map names to strings")
        return {str(k): str(v) for k, v in table.items()}

    def integer(self, key: str, *, minimum: int = 0) -> int:
        value = self.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise self.fail(key, f"must be an integer >= {minimum}")
        return value

    def int_table(self, key: str, *, minimum: int = 1) -> dict[str, int]:
        table = self.table(key, "must be a non-empty table of word = integer")
        for word, value in table.items():
            if not word.strip() or not isinstance(value, int) or isinstance(value, bool):
                raise self.fail(key, f"entry {word!r} must map a word to an integer")
            if value < minimum:
                raise self.fail(key, f"entry {word!r} must be >= {minimum}")
        return dict(table)

    def decimal_table(self, key: str) -> dict[str, Decimal]:
        table = self.table(key, "must be a non-empty table of phrase = \"decimal\"")
        return {phrase: self.decimal(f"{key}.{phrase}", value) for phrase, value in table.items()}

    def decimal(self, key: str, value: Any) -> Decimal:
        if not isinstance(value, str):
            raise self.fail(key, "must be a decimal written as a string, e.g. \"33.33\"")
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise self.fail(key, f"{value!r} is not a decimal number") from None
        if not number.is_finite() or number < 0 or number > 100:
            raise self.fail(key, f"{value!r} must be a percentage between 0 and 100")
        return number
