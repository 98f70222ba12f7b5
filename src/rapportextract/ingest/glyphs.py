"""Letters of the text layer that are not the text they show, put right before words are made.

Both PDF readers (`ingest.pdf`, `ingest.pdfium`) hand their letter dicts (pdfplumber's keys)
through `clean_letters`:

- a glyph code the font gives no Unicode for reaches the text layer as "(cid:12)" (pdfminer)
  or PDFium's code with a mapping error: such a letter is dropped (inside a word, its room
  goes to the letter before it), and `placeholders` counts them so the reader can say so in
  a notice; a font's word space without text (its most frequent code, in a font that gives
  text for its other letters) is read as a space instead, so its words stay apart;
- a letter outside Unicode's basic plane that PDFium gives as two UTF-16 halves is made
  one character (a lone half, which no file can hold as UTF-8, becomes U+FFFD);
- a typographic fraction is set as a small raised numerator, the fraction slash and a small
  denominator ("¹⁄₄"): the word builder parts the three by size and baseline, and the layout
  takes the raised numerator for a footnote marker, so "1⁄4 inch" came out as "⁄ 4 inch".
  The digits that touch a fraction slash take the slash's size and line here, so the three
  make one word;
- words set right to left (Hebrew, Arabic) reach the word builder in the order of the page,
  left to right: `reverse_right_to_left` turns such a word's letters back into reading order,
  and `has_right_to_left` tells the reader to warn that the order of words in those lines
  may still be the page's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import regex

from rapportextract.models import Notice, NoticeCode, Word

LetterTuple = tuple[str, float, float, float, float, float, bool, str, float, tuple[float, ...]]
"""`pdfium_words.Letter` (named here, where PDFium's letters are mended before words)."""

FRACTION_SLASH = "\u2044"

_SURROGATE = regex.compile(r"[\ud800-\udfff]")

_PLACEHOLDER = regex.compile(r"\(cid:\d+\)")

_RTL_SCRIPTS = r"\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}"

_RIGHT_TO_LEFT = regex.compile(rf"[{_RTL_SCRIPTS}]")

_ALL_RIGHT_TO_LEFT = regex.compile(rf"^[{_RTL_SCRIPTS}\p{{M}}\p{{P}}]+$")

_SLASH_REACH = 0.25
"""Share of the slash's size: how far a digit may stand from a fraction slash and still be
part of the fraction (the digits of a set fraction touch the slash or overlap it; the boxes a
reader gives for a substituted font are a little off)."""


_TWIN_SHARE = 0.05
"""Share of the size: a letter printed again this close to itself is the same letter (a
fake bold, a shadow or outline set under the letters: on a 50-point logo the copies stand
1 to 2 points apart), never less than a point."""


def twin_reach(size: float | None) -> float:
    """How far (points, each way) a copy of a letter of this size may stand from it and
    still be that letter printed again (`_TWIN_SHARE`)."""
    return max(1.0, _TWIN_SHARE * (size or 0.0))


_TO_CLEAN = regex.compile(r"[\ud800-\udfff\u2044]|\(cid:\d+\)")


def needs_cleaning(text: str) -> bool:
    """Whether letters with this text hold anything `clean_letters` mends: halves of a code
    point, a set fraction's slash, glyph codes without text."""
    return bool(_TO_CLEAN.search(text))


_CODE = regex.compile(r"\(cid:(\d+)\)")

_GLYPH_NUMBERS = 0.05
"""Share of a font's flagged codes: more control characters than this, and its codes are
glyph numbers (on the pdf.js test files: 7 to 94 percent where they are, under 1 percent
where PDFium's guess is the text)."""


def encoded_letters(letters: list[LetterTuple]) -> list[LetterTuple]:
    """PDFium's letters (`pdfium_words.Letter` tuples) with the text its font's encoding gives
    put back where PDFium flagged a mapping error but the font's codes are text: PDFium then
    still gives the letter its guess through the encoding or the glyph names, right for
    whole pages of real files ("Factuurdatum:"). A font whose flagged codes hold control
    characters (more than `_GLYPH_NUMBERS` of them) gives glyph numbers, not text (an
    embedded subset without a table to text): its letters stay glyph codes, which
    `clean_letters` drops with a notice, as it drops any control character."""
    flagged: dict[str, list[int]] = {}
    for letter in letters:
        for code in _CODE.findall(letter[0]):
            counts = flagged.setdefault(letter[7], [0, 0])
            counts[0] += 1
            counts[1] += not chr(int(code)).isprintable()
    text_fonts = {name for name, (n, control) in flagged.items() if control <= _GLYPH_NUMBERS * n}
    if not text_fonts:
        return letters

    def decoded(match: regex.Match[str]) -> str:
        char = chr(int(match.group(1)))
        return char if char.isprintable() else match.group(0)

    return [
        (_CODE.sub(decoded, c[0]), *c[1:]) if c[7] in text_fonts and "(cid:" in c[0] else c
        for c in letters
    ]


def is_placeholder(letter: dict[str, Any]) -> bool:
    """A glyph the font gives no text for ("(cid:12)"), alone or with the letters drawn at
    the same place (PDFium gives the letters of one glyph one by one)."""
    return bool(_PLACEHOLDER.search(str(letter.get("text", ""))))


def placeholders(letters: Iterable[dict[str, Any]]) -> int:
    """How many glyph codes without text the letters hold."""
    return sum(len(_PLACEHOLDER.findall(str(c.get("text", "")))) for c in letters)


def without_placeholders(text: str) -> str:
    """Text with its glyph codes without text taken out (a table cell's text, which the
    table finder reads from the letters as they came)."""
    return str(_PLACEHOLDER.sub("", text))


_GLUED = 0.05
"""Share of the size: a glyph without text that starts this close after the letter before
it is drawn as part of that letter's word."""


TEX_T1_CODES = {
    16: "\u201c", 17: "\u201d", 18: "\u201e", 19: "\u00ab", 20: "\u00bb", 21: "\u2013",
    22: "\u2014", 25: "\u0131", 26: "\u0237", 27: "ff", 28: "fi", 29: "fl", 30: "ffi",
    31: "ffl",
}
"""The codes below 32 of TeX's T1 (Cork) font encoding that are text: quotes, guillemets,
dashes, the dotless i and j, the f-ligatures (23, the compound word mark, and 24, the
per-mille zero, give none)."""

_NAMELESS = frozenset({"", "unknown"})
"""The font name a reader gives a font that names none: PDFium "", pdfminer "unknown"."""


def _tex_fonts(letters: Sequence[dict[str, Any]]) -> set[Any]:
    """The fonts whose codes without text are read by TeX's T1 encoding (`TEX_T1_CODES`):
    nameless fonts (the Type 3 fonts dvips makes of TeX's bitmap fonts name neither font nor
    glyphs, "a28"), whose letters mostly have text (`_MAPPED_SHARE`: their codes from 32 up
    are ASCII, as T1 is), and whose codes without text are all below 32."""
    fonts: dict[Any, list[int]] = {}
    for c in letters:
        name = c.get("fontname")
        if name not in _NAMELESS and name is not None:
            continue
        counts = fonts.setdefault(name, [0, 0, 0])  # letters, codes, codes of T1 text
        counts[0] += 1
        codes = _CODE.findall(str(c.get("text", "")))
        counts[1] += len(codes)
        counts[2] += sum(int(code) in TEX_T1_CODES for code in codes)
    return {name for name, (n, codes, tex) in fonts.items()
            if codes and tex == codes and n - codes >= _MAPPED_SHARE * n}


def _tex_text(text: str) -> str:
    return str(_CODE.sub(lambda m: TEX_T1_CODES.get(int(m.group(1)), m.group(0)), text))


def _without_placeholders(letters: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The letters without glyph codes that give no text. A glyph dropped from inside a word
    (a ligature "fi" of a font without text for it: "signi" "fi" "er") leaves its room to
    the letter before it, whose box then reaches where the next letter starts: the word is
    not cut in two at the hole ("signier", as other readers give it, not "signi er"; a
    quote without text after a bracket: "(call", not "( call")."""
    out: list[dict[str, Any]] = []
    tex = _tex_fonts(letters)
    if tex:
        letters = [{**c, "text": _tex_text(str(c.get("text", "")))}
                   if c.get("fontname") in tex and is_placeholder(c) else c for c in letters]
    spaces = _space_codes(letters)
    for c in letters:
        if not is_placeholder(c):
            out.append(c)
            continue
        if (c.get("fontname"), c.get("text")) in spaces:
            out.append({**c, "text": " "})
            continue
        rest = _PLACEHOLDER.sub("", str(c.get("text", "")))
        if rest:
            out.append({**c, "text": rest})
        elif out and _glued_after(out[-1], c):
            out[-1] = {**out[-1], "x1": c["x1"], "width": float(c["x1"]) - float(out[-1]["x0"])}
    return out


_SPACE_SHARE = 0.07
"""Share of a font's letters: a glyph code without text this frequent in a font whose other
letters have text, and which has no space of its own, is its word space (a space is one
letter in six or seven of prose; a ligature without text, "fi", one in a hundred)."""

_SPACE_MIN = 40
"""A font with fewer letters than this on the page says too little to tell its space."""

_MAPPED_SHARE = 0.6
"""A font whose letters have text at least this often names its letters; one with fewer
gives glyph numbers, and any of its codes may be a letter."""


def _space_codes(letters: Sequence[dict[str, Any]]) -> set[tuple[Any, Any]]:
    """The (font, code) of glyph codes without text that are the word space of their font:
    its most frequent code, at least `_SPACE_SHARE` of its letters, in a font of at least
    `_SPACE_MIN` letters that has no space letter and gives text for most of its letters
    (`_MAPPED_SHARE`). Dropping such a
    code glued the words of a line ("JournaloftheAssociation"); it is a space."""
    fonts: dict[Any, dict[str, int]] = {}
    for c in letters:
        text = str(c.get("text", ""))
        counts = fonts.setdefault(c.get("fontname"), {})
        key = text if _PLACEHOLDER.fullmatch(text) else " " if text.isspace() else ""
        counts[key] = counts.get(key, 0) + 1
    spaces: set[tuple[Any, Any]] = set()
    for font, counts in fonts.items():
        total = sum(counts.values())
        codes = {k: n for k, n in counts.items() if k.startswith("(cid:")}
        if (
            not codes or " " in counts or total < _SPACE_MIN
            or counts.get("", 0) < _MAPPED_SHARE * total
        ):
            continue
        code, n = max(codes.items(), key=lambda item: item[1])
        if n >= _SPACE_SHARE * total:
            spaces.add((font, code))
    return spaces


def _glued_after(prev: dict[str, Any], glyph: dict[str, Any]) -> bool:
    size = float(glyph.get("size") or 0.0) or float(glyph["bottom"]) - float(glyph["top"])
    return (
        bool(str(prev.get("text", "")).strip())
        and prev.get("upright", True) and glyph.get("upright", True)
        and abs(float(prev["top"]) - float(glyph["top"])) <= _GLUED * size
        and -_GLUED * size <= float(glyph["x0"]) - float(prev["x1"]) <= _GLUED * size
        and float(glyph["x1"]) > float(prev["x1"])
    )


def _whole_code_points(letter: dict[str, Any]) -> dict[str, Any]:
    """A letter outside the basic plane reaches the text as two UTF-16 halves (PDFium gives
    code units): the halves made one character, a lone half the replacement character (a
    string with halves in it cannot be written out as UTF-8)."""
    text = str(letter.get("text", ""))
    if not _SURROGATE.search(text):
        return letter
    whole = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return {**letter, "text": whole}


def clean_letters(letters: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The letters without glyph placeholders, with whole code points, the digits of set
    fractions on the slash's line (copies; the dicts given are left as they are)."""
    kept = [_whole_code_points(c) for c in _without_placeholders(letters)]
    slashes = [c for c in kept if c.get("text") == FRACTION_SLASH and c.get("upright", True)]
    if not slashes:
        return kept
    out = list(kept)
    anchors = list(slashes)
    moved = True
    while moved:  # "11⁄16": each digit touches the slash or a digit already moved
        moved = False
        for i, c in enumerate(out):
            text = str(c.get("text", ""))
            if not text.isdigit() or not c.get("upright", True) or c.get("_fraction"):
                continue
            slash = _touching_slash(c, anchors)
            if slash is not None:
                out[i] = {**c, "top": slash["top"], "bottom": slash["bottom"],
                          "doctop": slash["doctop"], "size": slash.get("size"),
                          "fontname": slash.get("fontname"), "_fraction": True}
                anchors.append(out[i])
                moved = True
    return out


def _touching_slash(
    digit: dict[str, Any], slashes: Sequence[dict[str, Any]]
) -> dict[str, Any] | None:
    """The fraction slash this digit is the numerator or denominator of: the digit ends where
    the slash starts or starts where it ends, and lies within the slash's height."""
    x0, x1 = float(digit["x0"]), float(digit["x1"])
    top, bottom = float(digit["top"]), float(digit["bottom"])
    for slash in slashes:
        sx0, sx1 = float(slash["x0"]), float(slash["x1"])
        stop, sbottom = float(slash["top"]), float(slash["bottom"])
        reach = _SLASH_REACH * (sbottom - stop)
        level = top >= stop - reach and bottom <= sbottom + reach
        beside = abs(x1 - sx0) <= reach or abs(x0 - sx1) <= reach
        if level and beside:
            return slash
    return None


def glyph_notices(
    name: str, number: int, letters: Sequence[dict[str, Any]], words: Iterable[Word]
) -> list[Notice]:
    """What a reader should say about a page's letters: glyphs dropped for want of text (not
    a font's word space without text, which is read as a space), and words in a
    right-to-left script."""
    notices: list[Notice] = []
    spaces = _space_codes(letters)
    tex = _tex_fonts(letters)
    dropped = placeholders(
        c for c in letters
        if (c.get("fontname"), c.get("text")) not in spaces and c.get("fontname") not in tex
    )
    if dropped:
        notices.append(Notice(
            code=NoticeCode.UNMAPPED_GLYPHS, page=number,
            message=f"{name}: page {number} has {dropped} letters whose font gives no text "
                    "(left out); words there may miss letters",
        ))
    if any(has_right_to_left(w.text) for w in words):
        notices.append(Notice(
            code=NoticeCode.RIGHT_TO_LEFT, page=number,
            message=f"{name}: page {number} has text in a right-to-left script; its words "
                    "are read in order, but the order of words in its lines may be the "
                    "page's, left to right",
        ))
    return notices


def has_right_to_left(text: str) -> bool:
    """Whether the text has letters of a script written right to left."""
    return bool(_RIGHT_TO_LEFT.search(text))


def reverse_right_to_left(text: str) -> str:
    """A word wholly in a right-to-left script, given in the page's left-to-right order, in
    reading order; any other word as it is."""
    if _ALL_RIGHT_TO_LEFT.match(text) and has_right_to_left(text):
        return text[::-1]
    return text
