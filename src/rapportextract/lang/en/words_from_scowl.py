"""Derive `words.txt` from the English word list of SCOWL (Spell Checker Oriented Word Lists,
Kevin Atkinson), as Debian packages it in wamerican (size 50: common words with their
inflected forms, about 100,000 entries).

Run by hand when the list should be refreshed (Debian/Ubuntu: ``apt install wamerican``):

    python src/rapportextract/lang/en/words_from_scowl.py /usr/share/dict/american-english

Nothing reads the dictionary at run time: the package ships only the derived file. Kept are
the entries in lower case of two letters or more, without the possessives ("word's"):
proper names are left out, so that a name does not pass for a word when a line-end hyphen
is judged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = """\
# English words (lower case, inflected forms included), one a line: the layout reader joins
# a line-end hyphen where the halves make one of these ("vari-" / "able") and keeps it in an
# English paragraph where both halves are words but their join is not ("source-" / "level").
# Source: SCOWL (Spell Checker Oriented Word Lists), size 50, as packaged by Debian in
# wamerican 2020.12.07-2, derived by src/rapportextract/lang/en/words_from_scowl.py: the
# entries in lower case of two letters or more, possessives left out.
# Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute and sell
# these word lists, the associated scripts, the output created from the scripts, and its
# documentation for any purpose is hereby granted without fee, provided that the above
# copyright notice appears in all copies and that both that copyright notice and this
# permission notice appear in supporting documentation. Kevin Atkinson makes no
# representations about the suitability of this array for any purpose. It is provided "as
# is" without express or implied warranty. (Parts of SCOWL are from other lists under like
# terms; see the copyright file of Debian's wamerican package.)
"""


def derive(lines: list[str]) -> list[str]:
    """The entries kept, sorted and without repeats."""
    return sorted({
        w for w in (line.strip() for line in lines)
        if len(w) >= 2 and "'" not in w and w == w.lower() and w.isalpha()
    })


def main(source: Path, out: Path) -> None:
    kept = derive(source.read_text(encoding="utf-8").splitlines())
    out.write_text(HEADER + "".join(f"{w}\n" for w in kept), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).resolve().parent / "words.txt")
