"""Dutch sentence boundaries for prose blocks, with the boxes of every word carried along.

A sentence ends at ".", "!" or "?" (with any closing quote or bracket) followed by a space
and a capital, a digit or an opening quote or bracket; not after a known abbreviation
(`lang/nl/abbreviations.toml`) or an initial, and not inside brackets that close a little
later. Quotes count in the forms PDFs and web pages print them ('' ,, „ "â€œ"). Decimal
commas and thousands dots ("1,1", "117.000") have no space after the mark, so they never end
a sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

import regex

from rapportextract.lang.nl.files import DataFile
from rapportextract.lang.nl.skipwords import skip_words
from rapportextract.lang.nl.words import abbreviations
from rapportextract.layout import join_lines, split_superscript_marker
from rapportextract.models import PROSE_KINDS, BBox, Block, BlockKind, Sentence, WordSpan

__all__ = ["abbreviations", "sentence_spans", "split_sentences", "word_spans"]

# Quotes as PDFs and web pages print them: typographic, doubled ASCII ('' `` ,,), the low
# ones („ ‚), UTF-8 read as Latin-1 ("â€œ"), the replacement character, and an opening quote
# that came out as a full stop glued to the next word (".We").
_OPEN_QUOTE = r"(?:''|``|,,|â€œ|â€˜|â€ž|[\"'“‘«„‚(\[\ufffd]|\.(?=\p{Lu}))"
_CLOSE_QUOTE = r"(?:''|â€\u009d|â€™|â€|[\"'”’»)\]\ufffd])*"
_CANDIDATE = regex.compile(rf"[.!?…]+{_CLOSE_QUOTE}(?=\s+{_OPEN_QUOTE}?[\p{{Lu}}\d€])")
# How far ahead a bracket opened before a full stop may close for the stop to lie inside it.
_BRACKET_REACH = 300
# A quotation opened in this sentence that closes a little later holds a title together:
# „Huurders in beeld. Resultaten 2022”, 'Samen! Sterk', and the "?" a page printed for each
# typographic quote ("?Vliegende Brigade? Die ..."). "'s" and "'t" open nothing.
_QUOTE_REACH = 80
_QUOTE_OPENS = regex.compile(
    r"(?<![^\s(\[])(?:,,|``|â€œ|â€˜|â€ž|[„“‘«‚]|['\"?\ufffd](?=\p{L})(?!['\"][st]\s))"
)
_QUOTE_CLOSES = regex.compile(
    r"(?<=\S)(?:''|â€\u009d|â€™|â€|[\"”’»'?\ufffd])(?!\p{L})"
)
_ANY_END = regex.compile(r"[.!?…](?!\d)")
_TOKEN_BEFORE = regex.compile(r"(\S+)\s*$")
_INITIAL = regex.compile(r"^\(?\p{Lu}\.$")
_GLUED_NUMBER = regex.compile(r"(?<=\p{L}[.,;:!?)]?)\d{1,3}$")
_ENUMERATION = regex.compile(r"^(?:\d{1,2}\.)+$")


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` closes an abbreviation, an initial, or the number of
    a numbered heading or list item at the start of the text ("1. Inleiding")."""
    match = _TOKEN_BEFORE.search(text, 0, stop + 1)
    if not match:
        return False
    token = match.group(1).lstrip("([\"'“‘")
    if _ENUMERATION.match(token):
        # "1. Inleiding" opening the text; "Programma 5. Werk en inkomen": a numbered part;
        # "2020 2019 17. Vennootschapsbelasting": a table row's number after the column years
        before = _TOKEN_BEFORE.search(text, 0, match.start(1)) if match.start(1) else None
        return match.start(1) == 0 or bool(
            before and (before.group(1).lower() in skip_words().titled_references
                        or before.group(1).isdigit()))
    # "(x 1mln.)": a scale abbreviation glued to its number
    return token.lower().lstrip("0123456789") in abbreviations() or bool(_INITIAL.match(token))


def _inside_brackets(text: str, start: int, stop: int) -> bool:
    """Whether the stop at `stop` lies inside a bracket opened in this sentence and closed a
    little later: "(zie hoofdstuk 3. Daar staat het.)" is one sentence."""
    part = text[start:stop]
    if part.count("(") <= part.count(")"):
        return False
    ahead = text[stop : stop + _BRACKET_REACH]
    close = ahead.find(")")
    return close >= 0 and not 0 <= ahead.find("(") < close


def _inside_quote(text: str, start: int, mark: regex.Match[str]) -> bool:
    """Whether the stop `mark` lies inside a quotation opened in this sentence that closes
    within `_QUOTE_REACH` characters with no other stop before its close."""
    part = text[start : mark.end()]
    opens = list(_QUOTE_OPENS.finditer(part))
    if not opens:
        return False
    last = opens[-1]
    if last.group() == "?" and mark.group() == "?":
        return True  # the "?" closes the quote a "?" opened
    if _QUOTE_CLOSES.search(part, last.end()):
        return False
    ahead = text[mark.end() : mark.end() + _QUOTE_REACH]
    close = _QUOTE_CLOSES.search(ahead)
    if close is None:
        return False
    stop = _ANY_END.search(ahead, 0, close.start())
    return stop is None


@cache
def _run_on() -> tuple[tuple[regex.Pattern[str], ...], frozenset[str], frozenset[str],
                       regex.Pattern[str]]:
    """The patterns of a sentence start without a full stop before it (each match ends where
    the new sentence starts), the title nouns no opener splits after, the abbreviations that
    may end a sentence, and the opener that must follow such an abbreviation."""
    f = DataFile("sentences.toml")

    def alt(words: Sequence[str]) -> str:
        return "(?:" + "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"

    openers = alt(f.words("run_on.openers"))
    year_openers = alt(f.words("run_on.openers_before_a_year"))
    n = f.integer("run_on.capitals_min_words", minimum=2)
    compare = alt(f.lower_words("run_on.comparison_openers"))
    opener_next = rf"(?:{openers}\s+\p{{Ll}}|{year_openers}\s+(?:\p{{Ll}}|\d{{4}}(?!\d)))"
    patterns = (
        # "... vorig jaar 1,6 miljoen Op een begroting van ..."
        # (also after a table row's closing variance letter: "... 34.970 34.970 V Het ...")
        regex.compile(rf"(?<=[\p{{Ll}}\d%*)”’]|\d\s\p{{Lu}})\s+(?={opener_next})"),
        # "NEGEN MILJOEN JEUGDGELD VAN GEMEENTEN AFGESNOEPT Van de ..."
        regex.compile(rf"(?<=(?<!\S)\p{{Lu}}{{2,}}(?:\s+\p{{Lu}}{{2,}}){{{n - 1},}})\s+"
                      rf"(?=\p{{Lu}}\p{{Ll}})"),
        # "... is 14.067; In het eerste half jaar ..."
        regex.compile(r";\s+(?=\p{Lu}\p{Ll})"),
        # "... is onder te verdelen naar: 1. niet beïnvloedbaar resultaat ..."
        regex.compile(r":\s+(?=1[.)]\s)"),
        # "... te weinig waren.1 Hoewel dit aantal ..."
        regex.compile(r"(?<=\p{Ll}{2}[.!?]\d{1,2})\s+(?=[\p{Lu}“‘„\"'(])"),
        # "Aantal inwoners: 26.762 Aantal huishoudens: 10.520"
        regex.compile(r"(?<=:\s*€?\s*\d[\d.,]*%?)\s+"
                      r"(?=\p{Lu}\p{Ll}+(?:\s+[\p{L}'’-]+){0,4}:\s*[€\d])"),
        # a contents line ends in its page number before the next one's section number:
        # "3 Aantal huishoudens met schulden 9 3.1 Ruim 1 op de 12 huishoudens ... 9"
        regex.compile(r"(?<=\p{Ll}\s\d{1,3})\s+(?=\d{1,2}(?:\.\d{1,2})+\.?\s+\p{Lu})"),
        # "0,53% Huurachterstand (In 2018: 0,55%) 0,26% Huurachterstand vertrokken huurders"
        regex.compile(rf"(?<=\((?i:{compare}\s+)?\d{{4}}\s*:[^()]{{1,40}}\))\s+(?=[€\d])"),
    )
    ending = frozenset(f.lower_words("run_on.ending_abbreviations"))
    return (patterns, frozenset(f.lower_words("run_on.title_nouns")), ending,
            regex.compile(rf"\s+{opener_next}"))


_WORD_BEFORE = regex.compile(r"([\p{L}'’-]+)\W*$")
_SECTION_START = regex.compile(
    r"\s*\d{1,2}(?:(?:\.\d{1,2})+\.?(?:\s|$)|\.?(?:\s+(?=\p{Lu})|$))")
_NUMBER_WORD = regex.compile(r"\p{L}+")


def _holds_a_number(text: str) -> bool:
    """Whether a run-on part holds a number besides the number of its heading: a part
    without one ("2.7 Huurachterstanden", "Inleiding") stays with the sentence it heads."""
    head = _SECTION_START.match(text)
    rest = text[head.end():] if head else text
    if any(ch.isdigit() for ch in rest):
        return True
    words = {w for w in skip_words().small_numbers if w != "een"} | _run_on_scales()
    return any(m.group().lower() in words for m in _NUMBER_WORD.finditer(rest))


def run_on_starts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where a sentence in `text[start:end]` ends without a full stop and the next one
    begins, as (end of the one, start of the next); none inside brackets."""
    patterns, titles, _, _ = _run_on()
    cuts: dict[int, int] = {}
    for i, pattern in enumerate(patterns):
        for m in pattern.finditer(text, start, end):
            if m.end() >= end or m.start() <= start:
                continue
            if i == 0:
                word = _WORD_BEFORE.search(text, start, m.start())
                if word and word.group(1).lower() in titles:
                    continue  # "het rapport De staat van de volkshuisvesting"
            if _inside_brackets(text, start, m.start()) or not _holds_a_number(
                    text[max([start, *(n for c, n in cuts.items() if c <= m.start())]):m.start()]):
                continue
            cut = m.start() + (1 if text[m.start()] in ";:" else 0)
            cuts.setdefault(cut, m.end())
    return sorted(cuts.items())


@cache
def _run_on_scales() -> frozenset[str]:
    return frozenset(DataFile("sentences.toml").lower_words("run_on.scale_words"))


def _ending_abbreviation(text: str, match: regex.Match[str]) -> bool:
    """A scale abbreviation that ends its sentence: an opener follows ("8,1 mld. De ...")."""
    _, _, ending, opener = _run_on()
    token = _TOKEN_BEFORE.search(text, 0, match.start() + 1)
    if token is None:
        return False
    word = token.group(1).lower().lstrip("0123456789,.(€ ")
    return word in ending and opener.match(text, match.end()) is not None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text`, surrounding whitespace excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        mark = match.group()
        if mark.startswith(".") and not mark.startswith("..") and _is_abbreviation(
            text, match.start()
        ) and not _ending_abbreviation(text, match):
            continue
        if _inside_brackets(text, start, match.end()) or _inside_quote(text, start, match):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    split: list[tuple[int, int]] = []
    for a, b in spans:
        for cut, nxt in run_on_starts(text, a, b):
            split.append((a, cut))
            a = nxt
        split.append((a, b))
    spans = split
    result: list[tuple[int, int]] = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            result.append((a, b))
    return result


def word_spans(block: Block) -> list[WordSpan]:
    """Where each word of the block's lines stands in `block.text`, with its box.

    Words are found in order; a word split over two lines ("huur-" / "achterstand") maps both
    halves onto the joined word. Footnote markers are not in the text and are skipped.
    """
    spans: list[WordSpan] = []
    cursor = 0
    text = block.text
    for line in block.lines:
        for word in line.words:
            if word.superscript:
                continue
            token = split_superscript_marker(word.text)[0]
            candidates = [token]
            if token.endswith(("-", "\u00ad")):  # the first half of a word split over lines
                candidates.append(token.rstrip("-\u00ad"))
            glued = _GLUED_NUMBER.sub("", token)
            if glued != token:  # "sector.1" whose footnote number left the text
                candidates.append(glued)
            for candidate in candidates:
                if not candidate:
                    continue
                found = text.find(candidate, cursor)
                if found != -1 and found - cursor <= 3:
                    spans.append(WordSpan(start=found, end=found + len(candidate),
                                          bbox=word.bbox))
                    cursor = found + len(candidate)
                    break
    return spans


def _shift(spans: Sequence[WordSpan], start: int, end: int) -> list[WordSpan]:
    return [
        WordSpan(start=s.start - start, end=min(s.end, end) - start, bbox=s.bbox)
        for s in spans
        if s.start >= start and s.start < end
    ]


_OPEN_END = regex.compile(r"[.!?:;…][\"'”’»)\]]*$")


def _continuations(blocks: Sequence[Block]) -> dict[str, str]:
    """Paragraphs that run on over a page break: the last paragraph of a page that does not
    end its sentence, and the first paragraph of the next page (no heading before it) that
    starts in lower case. Maps the first block's id to the second's."""
    last_of_page: dict[int, Block] = {}
    first_of_page: dict[int, Block] = {}
    for block in blocks:
        last_of_page[block.page] = block
        first_of_page.setdefault(block.page, block)
    result: dict[str, str] = {}
    for page, block in last_of_page.items():
        nxt = first_of_page.get(page + 1)
        if (
            nxt is not None and block.kind is BlockKind.PARAGRAPH
            and nxt.kind is BlockKind.PARAGRAPH
            and not _OPEN_END.search(block.text) and nxt.text[:1].islower()
        ):
            result[block.id] = nxt.id
    return result


def split_sentences(blocks: Iterable[Block]) -> list[Sentence]:
    """The sentences of the prose blocks (headings, paragraphs, captions), in the order
    given; ids ``p{page}-b{block}-s{i}``; `heading` is the nearest heading above.

    A sentence cut by a page break is one sentence, kept with the page where it starts; its
    word boxes are those on that page (the rest of it has none)."""
    ordered = [b for b in blocks if b.kind in PROSE_KINDS and b.text.strip()]
    runs_on = _continuations(ordered)
    by_id = {b.id: b for b in ordered}
    consumed: dict[str, int] = {}  # block id -> characters taken by the page before
    sentences: list[Sentence] = []
    heading: str | None = None
    for block in ordered:
        spans = word_spans(block) if block.lines else []
        block_number = block.id.rsplit("-b", 1)[-1] if "-b" in block.id else block.id
        parts = [(a, b) for a, b in sentence_spans(block.text) if a >= consumed.get(block.id, 0)]
        for i, (start, end) in enumerate(parts):
            text = block.text[start:end]
            if i == len(parts) - 1 and block.id in runs_on:
                nxt = by_id[runs_on[block.id]]
                head = sentence_spans(nxt.text)[0]
                text = join_lines([text, nxt.text[: head[1]]])
                consumed[nxt.id] = head[1]
            sentences.append(
                Sentence(
                    id=f"p{block.page}-b{block_number}-s{i}",
                    page=block.page,
                    block_id=block.id,
                    block_kind=block.kind,
                    text=text,
                    offset=start,
                    words=_shift(spans, start, end),
                    heading=heading,
                )
            )
        if block.kind is BlockKind.HEADING:
            heading = block.text
    return sentences


def sentence_bbox(sentence: Sentence) -> BBox | None:
    """The box around the whole sentence (None for text input)."""
    return sentence.bbox_of(0, len(sentence.text))
