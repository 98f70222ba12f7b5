"""Derive `hyphenated.toml` from the Dutch hunspell dictionary (OpenTaal's word list).

Run by hand when the list should be refreshed (Debian/Ubuntu: ``apt install hunspell-nl``):

    python src/rapportextract/lang/nl/hyphenated_from_hunspell.py /usr/share/hunspell/nl.dic

Nothing reads the dictionary at run time: the package ships only the derived file. Kept are
the dictionary's words spelled with a hyphen that start in lower case ("e-learning",
"cv-ketel", "niet-roker"; a capital after a hyphen keeps it by rule anyway).
"""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = """\
# Dutch words spelled with a hyphen: the layout reader keeps a hyphen at a line end where the
# two halves make one of these ("e-" / "learning", "cv-" / "ketels", an inflected form of an
# entry included) and otherwise joins the halves unless another rule keeps it (layout.toml).
# Source: derived from the Dutch hunspell dictionary of OpenTaal (https://github.com/OpenTaal/
# opentaal-hunspell, as packaged by Debian in hunspell-nl 2.20.19) by
# src/rapportextract/lang/nl/hyphenated_from_hunspell.py: the dictionary's lower-case
# words with a hyphen (flags dropped, the ligature "ĳ" written "ij").
# Licence of the word list: BSD (revised) or Creative Commons Attribution 3.0, at the user's
# choice; copyright (c) 1996 Nederlandstalige Tex Gebruikersgroep, (c) 2001-2005 Simon Brouwer
# e.a., (c) 2006-2010, 2020 OpenTaal (Simon Brouwer, Sander van Geloven). Used here under the
# BSD licence: "Redistributions ... must retain the above copyright notice".
"""


def _entries(dic: Path) -> list[str]:
    lines = dic.read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("/", 1)[0].strip().replace("ĳ", "ij").replace("Ĳ", "IJ")
            for line in lines]


def main(dic: Path, out: Path) -> None:
    entries = _entries(dic)
    hyphenated = sorted({
        w.lower() for w in entries
        if "-" in w and " " not in w and w[:1].islower() and not w.endswith("-")
        and not w.startswith("-")
    })

    def array(name: str, items: list[str]) -> str:
        body = "".join(f'  "{item}",\n' for item in items)
        return f"{name} = [\n{body}]\n"

    out.write_text(
        HEADER + "\n[hyphenated]\n" + array("words", hyphenated),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).resolve().parent / "hyphenated.toml")
