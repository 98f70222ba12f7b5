"""Dutch sentence boundaries and word boxes."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rapportextract.models import Block, BlockKind, Line, Word
from rapportextract.sentences import abbreviations, sentence_spans, split_sentences

CASES = [
    ("abbreviation ca.", "Het ging om ca. 25% van de huurders. Dat is veel.",
     ["Het ging om ca. 25% van de huurders.", "Dat is veel."]),
    ("abbreviation o.a.", "Corporaties werken o.a. samen met gemeenten. Ook met wijkteams.",
     ["Corporaties werken o.a. samen met gemeenten.", "Ook met wijkteams."]),
    ("abbreviation bijv. before a capital", "Zie bijv. Tabel 2 voor de cijfers. Daarna volgt meer.",
     ["Zie bijv. Tabel 2 voor de cijfers.", "Daarna volgt meer."]),
    ("mln. before an opener ends the sentence, pct. before a lower-case word does not",
     "Het bedrag was € 12 mln. Dat is 3 pct. minder dan in 2021.",
     ["Het bedrag was € 12 mln.", "Dat is 3 pct. minder dan in 2021."]),
    ("mln. before a capitalised noun does not end the sentence",
     "Er wonen 2,1 mln. Nederlanders in een huurhuis.",
     ["Er wonen 2,1 mln. Nederlanders in een huurhuis."]),
    ("nr.", "Zie voetnoot nr. 4 hieronder. Die legt het uit.",
     ["Zie voetnoot nr. 4 hieronder.", "Die legt het uit."]),
    ("decimal comma", "De achterstand was 1,1% van de huur. Vorig jaar 1,3%.",
     ["De achterstand was 1,1% van de huur.", "Vorig jaar 1,3%."]),
    ("thousands dot", "Het ging om 117.000 huurders. Dat zijn er 18.000 minder.",
     ["Het ging om 117.000 huurders.", "Dat zijn er 18.000 minder."]),
    ("sentence starting with a figure", "Het beeld is gemengd. 36% van de corporaties belt.",
     ["Het beeld is gemengd.", "36% van de corporaties belt."]),
    ("initial", "Volgens J. de Vries daalde het aantal. Dat klopt.",
     ["Volgens J. de Vries daalde het aantal.", "Dat klopt."]),
    ("question and quote", "Wat betekent dat? ‘Meer hulp’, zeggen zij.",
     ["Wat betekent dat?", "‘Meer hulp’, zeggen zij."]),
    ("bracket after stop", "Er waren er 2.300 (tegen 2.100.) Een kleine stijging.",
     ["Er waren er 2.300 (tegen 2.100.)", "Een kleine stijging."]),
    ("numbered heading", "2. Resultaten van de enquête",
     ["2. Resultaten van de enquête"]),
    ("year before a stop still ends", "Dat gold tot 2023. Daarna niet meer.",
     ["Dat gold tot 2023.", "Daarna niet meer."]),
    ("lower case after stop is no boundary", "Het aantal steeg t.o.v. vorig jaar. Ook nu.",
     ["Het aantal steeg t.o.v. vorig jaar.", "Ook nu."]),
    ("doubled ASCII quote opens the next sentence",
     "Zij noemt 2021 ,,een lastig jaar'', want er vertrokken twee klanten. ''We groeien weer.''",
     ["Zij noemt 2021 ,,een lastig jaar'', want er vertrokken twee klanten.",
      "''We groeien weer.''"]),
    ("low quote opens the next sentence", "Dat zei de wethouder. „Het moet anders.”",
     ["Dat zei de wethouder.", "„Het moet anders.”"]),
    ("mis-decoded quote opens the next sentence",
     "Dat zei de wethouder. â€œHet moet anders.â€ Daarna stemde de raad.",
     ["Dat zei de wethouder.", "â€œHet moet anders.â€", "Daarna stemde de raad."]),
    ("quote printed as a full stop opens the next sentence",
     "Dat zei de wethouder. .Het moet anders. Daarna stemde de raad.",
     ["Dat zei de wethouder.", ".Het moet anders.", "Daarna stemde de raad."]),
    ("full stop inside brackets is no boundary",
     "Het aantal daalde (zie par. 3. Daar staat de uitleg.) en bleef laag. Dat is goed.",
     ["Het aantal daalde (zie par. 3. Daar staat de uitleg.) en bleef laag.", "Dat is goed."]),
    ("stop inside a quoted title is no boundary",
     "Het staat in de nota „Wonen in de wijk. Plan 2024”, die 14 maatregelen noemt.",
     ["Het staat in de nota „Wonen in de wijk. Plan 2024”, die 14 maatregelen noemt."]),
    ("exclamation inside a quoted name is no boundary",
     "Het project 'Doe mee! Buurt' trok 60 bewoners. Dat was meer dan gedacht.",
     ["Het project 'Doe mee! Buurt' trok 60 bewoners.", "Dat was meer dan gedacht."]),
    ("quotes printed as question marks hold the name together",
     "De aanpak ?Thuis Blijven? Werkt goed voor 30 gezinnen. Daarna volgt meer.",
     ["De aanpak ?Thuis Blijven? Werkt goed voor 30 gezinnen.", "Daarna volgt meer."]),
    ("a quotation of two sentences still ends each",
     "Zij zei: “We zijn blij. Er zijn 8 woningen bij.” Daarna stemde de raad.",
     ["Zij zei: “We zijn blij.", "Er zijn 8 woningen bij.”", "Daarna stemde de raad."]),
    ("'s opens no quotation", "Hij kwam 's ochtends. Daarna ging hij. Zo was 't.",
     ["Hij kwam 's ochtends.", "Daarna ging hij.", "Zo was 't."]),
    ("bracket that never closes does not hold the text together",
     "Er waren er 40 (ruim. Daarna kwamen er 12 bij. Dat is alles.",
     ["Er waren er 40 (ruim.", "Daarna kwamen er 12 bij.", "Dat is alles."]),
    ("a numbered programme in a table row is no boundary",
     "Programma 3. Wonen en leefomgeving 7.412 5.080 -2.332",
     ["Programma 3. Wonen en leefomgeving 7.412 5.080 -2.332"]),
    ("a number with a full stop after a plain noun still ends the sentence",
     "De teller stond op 5. Daarna viel hij uit.",
     ["De teller stond op 5.", "Daarna viel hij uit."]),
    ("a scale abbreviation glued to its number is no boundary",
     "Bedrijfsresultaat (x 1mln.) 12,4 9,8", ["Bedrijfsresultaat (x 1mln.) 12,4 9,8"]),
    ("a row's number after the column years is no boundary",
     "(x € 1.000) 2022 2021 9. Overige lasten (1.204) (1.187)",
     ["(x € 1.000) 2022 2021 9. Overige lasten (1.204) (1.187)"]),
    # text whose line breaks were lost: a headline or tile runs on into the next sentence
    ("a headline with a figure runs on into a sentence that opens with 'Op'",
     "Tekort jeugdzorg Zeewolde 2,3 miljoen Op een budget van 9 miljoen euro is dat veel.",
     ["Tekort jeugdzorg Zeewolde 2,3 miljoen", "Op een budget van 9 miljoen euro is dat veel."]),
    ("a headline ending in a unit runs on into a sentence that opens with 'De'",
     "Lasten stijgen met 4 procent De gemeente betaalde in 2022 meer voor de Wmo.",
     ["Lasten stijgen met 4 procent", "De gemeente betaalde in 2022 meer voor de Wmo."]),
    ("a headline in words runs on into a sentence that opens with 'In' and a year",
     "Drie keer zoveel aanvragen in Epe In 2023 vroegen 90 gezinnen om hulp.",
     ["Drie keer zoveel aanvragen in Epe", "In 2023 vroegen 90 gezinnen om hulp."]),
    ("a table row ending on its variance letter runs on into a sentence",
     "Resultaat 0 2.410 2.410 V Het resultaat van € 2,4 mln is incidenteel.",
     ["Resultaat 0 2.410 2.410 V", "Het resultaat van € 2,4 mln is incidenteel."]),
    ("a numbered heading without a figure stays with its first sentence",
     "3.4 Ontruimingen In 2022 werden 12 woningen ontruimd.",
     ["3.4 Ontruimingen In 2022 werden 12 woningen ontruimd."]),
    ("a name that opens with 'De' is no sentence start",
     "Volgens woonstichting De Kern waren er 14 ontruimingen.",
     ["Volgens woonstichting De Kern waren er 14 ontruimingen."]),
    ("a title after 'rapport' is no sentence start",
     "In 2022 verscheen het rapport De staat van de wijk met 40 aanbevelingen.",
     ["In 2022 verscheen het rapport De staat van de wijk met 40 aanbevelingen."]),
    ("a headline in capitals ends before a word in lower case",
     "VIJF MILJOEN EXTRA VOOR SCHULDHULP Het kabinet trekt 5 miljoen euro uit.",
     ["VIJF MILJOEN EXTRA VOOR SCHULDHULP", "Het kabinet trekt 5 miljoen euro uit."]),
    ("a semicolon before a capital ends a list item",
     "Het aantal aanvragen is 1.240; In het tweede kwartaal waren het er 310;",
     ["Het aantal aanvragen is 1.240;", "In het tweede kwartaal waren het er 310;"]),
    ("a semicolon before a lower-case word does not",
     "In 2021 waren het er 40; in 2020 nog 52.", ["In 2021 waren het er 40; in 2020 nog 52."]),
    ("a colon before a numbered list ends the sentence",
     "Het resultaat van € 12 mln bestaat uit: 1. rente € 4 mln 2. grond € 8 mln",
     ["Het resultaat van € 12 mln bestaat uit:", "1. rente € 4 mln 2. grond € 8 mln"]),
    ("a footnote number glued to the full stop still ends the sentence",
     "In 2021 waren er 500 daklozen.2 Dat zijn er meer dan ooit.",
     ["In 2021 waren er 500 daklozen.2", "Dat zijn er meer dan ooit."]),
    ("key figures of a list each stand alone",
     "Aantal woningen: 8.412 Gemiddelde huur: € 612",
     ["Aantal woningen: 8.412", "Gemiddelde huur: € 612"]),
    ("a key-figure tile ends after last year's figure in brackets",
     "1,2% Huurachterstand (2022: 1,4%) 0,3% Afgeboekte huur",
     ["1,2% Huurachterstand (2022: 1,4%)", "0,3% Afgeboekte huur"]),
    ("a scale abbreviation before an opener ends the sentence",
     "De omzet kwam uit op 2,4 mld. De kosten stegen licht.",
     ["De omzet kwam uit op 2,4 mld.", "De kosten stegen licht."]),
    ("two lines of a table of contents",
     "2 Schulden in de regio 7 2.1 Eén op de acht huishoudens heeft schulden 8",
     ["2 Schulden in de regio 7", "2.1 Eén op de acht huishoudens heeft schulden 8"]),
    ("the accounts column 'Rek.' is an abbreviation",
     "Bedragen x € 1.000 Rek. 2019 Begroot 2020 € 812 € 790",
     ["Bedragen x € 1.000 Rek. 2019 Begroot 2020 € 812 € 790"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text)] == expected


def test_abbreviations_come_from_the_data_file() -> None:
    abbr = abbreviations()
    assert {"ca.", "o.a.", "bijv.", "mln.", "pct.", "nr.", "etc."} <= abbr
    assert all(a.endswith(".") for a in abbr)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abc DE.,!?0123456789%€\n", max_size=120))
def test_spans_cover_the_text_in_order(text: str) -> None:
    spans = sentence_spans(text)
    assert all(a < b for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in pairwise(spans))
    assert "".join(text[a:b] for a, b in spans).replace(" ", "").replace("\n", "") == \
        "".join(text.split())


def _word(text: str, x0: float, top: float = 100.0) -> Word:
    return Word(text=text, bbox=(x0, top, x0 + 6 * len(text), top + 10), size=10)


def _block(lines: list[list[Word]], kind: BlockKind = BlockKind.PARAGRAPH, index: int = 3,
           text: str | None = None) -> Block:
    line_models = [Line(text=" ".join(w.text for w in ws), bbox=ws[0].bbox, words=ws)
                   for ws in lines]
    return Block(id=f"p2-b{index}", kind=kind, page=2,
                 text=text or " ".join(m.text for m in line_models), lines=line_models)


def test_words_map_spans_to_boxes_across_a_hyphenated_break() -> None:
    line1 = [_word("Ruim", 10), _word("9.000", 50), _word("huur-", 100)]
    line2 = [_word("achterstanden.", 10, top=115), _word("Dat", 110, top=115),
             _word("is", 140, top=115), _word("veel.", 160, top=115)]
    block = _block([line1, line2], text="Ruim 9.000 huurachterstanden. Dat is veel.")
    first, second = split_sentences([block])
    assert first.text == "Ruim 9.000 huurachterstanden."
    assert first.id == "p2-b3-s0" and second.id == "p2-b3-s1"
    start = first.text.index("9.000")
    assert first.bbox_of(start, start + 5) == line1[1].bbox
    start = first.text.index("huurachterstanden")
    box = first.bbox_of(start, start + len("huurachterstanden"))
    assert box is not None and box[1] == 100.0 and box[3] == 125.0  # both halves
    assert second.offset == len("Ruim 9.000 huurachterstanden. ")
    assert second.bbox_of(0, 3) == line2[1].bbox


def test_marker_words_are_skipped_and_heading_is_the_nearest_above() -> None:
    heading = _block([[_word("Uitzettingen", 10, top=50)]], BlockKind.HEADING, index=0)
    marker = Word(text="1", bbox=(80, 98, 83, 104), size=6, superscript=True)
    body = _block([[_word("Zo", 10), _word("gaat", 30), marker, _word("het.", 90)]], index=1,
                  text="Zo gaat het.")
    chart = _block([[_word("135", 10, top=300)]], BlockKind.CHART, index=2)
    sentences = split_sentences([heading, body, chart])
    assert [s.text for s in sentences] == ["Uitzettingen", "Zo gaat het."]
    assert sentences[0].heading is None and sentences[1].heading == "Uitzettingen"
    assert sentences[1].bbox_of(8, 12) == body.lines[0].words[3].bbox


def test_a_word_with_a_glued_note_number_still_maps_to_its_box() -> None:
    words = [_word("Dat", 10), _word("geldt", 40), _word("landelijk.1", 80), _word("Ook", 150)]
    block = _block([words], text="Dat geldt landelijk. Ook")
    first, _ = split_sentences([block])
    start = first.text.index("landelijk")
    assert first.bbox_of(start, start + 9) == words[2].bbox


def test_a_sentence_cut_by_a_page_break_is_one_sentence() -> None:
    first = Block(id="p1-b4", kind=BlockKind.PARAGRAPH, page=1,
                  text="Het aantal daalde. Corporaties bieden vaker een betalings-")
    footer = Block(id="p1-b5", kind=BlockKind.FOOTER, page=1, text="3")
    header = Block(id="p2-b0", kind=BlockKind.HEADER, page=2, text="Monitor 2023")
    second = Block(id="p2-b1", kind=BlockKind.PARAGRAPH, page=2,
                   text="regeling aan dan vroeger. Dat helpt.")
    texts = [(s.id, s.text) for s in split_sentences([first, footer, header, second])]
    assert texts == [
        ("p1-b4-s0", "Het aantal daalde."),
        ("p1-b4-s1", "Corporaties bieden vaker een betalingsregeling aan dan vroeger."),
        ("p2-b1-s0", "Dat helpt."),
    ]


def test_a_new_paragraph_on_the_next_page_is_not_joined() -> None:
    first = Block(id="p1-b0", kind=BlockKind.PARAGRAPH, page=1, text="Zie de tabel hieronder")
    second = Block(id="p2-b0", kind=BlockKind.PARAGRAPH, page=2, text="Het aantal steeg.")
    assert [s.text for s in split_sentences([first, second])] == [
        "Zie de tabel hieronder", "Het aantal steeg."
    ]


def test_a_table_head_with_a_note_column_is_not_cut_at_ref() -> None:
    text = "(bedragen x € 1.000) Ref. 2023 2022 Servicekosten 1.204 1.187"
    assert [text[a:b] for a, b in sentence_spans(text)] == [text]
