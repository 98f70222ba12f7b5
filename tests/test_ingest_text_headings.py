"""Plain text: a heading line written straight above its paragraph (no blank line between) is
a heading block of its own; a hard-wrapped line of a paragraph is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapportextract.ingest import read_document, text
from rapportextract.ingest.text import text_pages
from rapportextract.models import BlockKind

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_58a9799dcc4c8c90.txt"
OWN_REPORT = Path(__file__).parents[1] / "fixtures" / "text" / "headings-and-captions-2021.txt"
"""A whole report in plain text written for the tests: headings above their paragraphs."""

H, P = BlockKind.HEADING, BlockKind.PARAGRAPH

# (id, text, expected blocks as (kind, text))
SPLIT = [
    pytest.param(
        "Overlast en hennep\n"
        "Zeven procent van de uitzettingen had ernstige overlast als reden.\n",
        [(H, "Overlast en hennep"),
         (P, "Zeven procent van de uitzettingen had ernstige overlast als reden.")],
        id="heading-above-one-line-paragraph",
    ),
    pytest.param(
        "Vonnissen van de kantonrechter\n"
        "In 2019 sprak de rechter ruim 12.000 vonnissen uit over een achterstand in\n"
        "de huur. Lang niet elk vonnis leidde tot een uitzetting uit de woning.\n",
        [(H, "Vonnissen van de kantonrechter"),
         (P, "In 2019 sprak de rechter ruim 12.000 vonnissen uit over een achterstand in "
             "de huur. Lang niet elk vonnis leidde tot een uitzetting uit de woning.")],
        id="heading-above-wrapped-paragraph",
    ),
    pytest.param(
        "2.1 Betalingsregelingen\n"
        "Corporaties troffen dat jaar zo'n 80.000 regelingen met huurders die achterliepen.\n",
        [(H, "2.1 Betalingsregelingen"),
         (P, "Corporaties troffen dat jaar zo'n 80.000 regelingen met huurders die "
             "achterliepen.")],
        id="numbered-heading",
    ),
    pytest.param(
        "Kerncijfers\n"
        "3.900 huishoudens moesten in dat jaar hun woning verlaten na een vonnis.\n",
        [(H, "Kerncijfers"),
         (P, "3.900 huishoudens moesten in dat jaar hun woning verlaten na een vonnis.")],
        id="paragraph-opens-with-a-figure",
    ),
    pytest.param(
        "Huurachterstand in 2022\n"
        "De totale achterstand liep op tot ongeveer 180 miljoen euro bij alle corporaties.\n",
        [(H, "Huurachterstand in 2022"),
         (P, "De totale achterstand liep op tot ongeveer 180 miljoen euro bij alle "
             "corporaties.")],
        id="heading-ends-with-a-year",
    ),
    pytest.param(
        "Tekst van de eerste alinea, die met een punt eindigt.\n"
        "\n"
        "Vroeg erbij zijn\n"
        "Steeds meer gemeenten krijgen een seintje zodra een huurder twee maanden achterloopt.\n",
        [(P, "Tekst van de eerste alinea, die met een punt eindigt."),
         (H, "Vroeg erbij zijn"),
         (P, "Steeds meer gemeenten krijgen een seintje zodra een huurder twee maanden "
             "achterloopt.")],
        id="heading-after-a-blank-line",
    ),
]

KEPT = [
    pytest.param(
        "Het aantal ontruimingen daalde in de jaren na de invoering van de aanpak tot\n"
        "7.100 in 2008.\n",
        id="wrapped-line-ends-on-tot-next-starts-with-figure",
    ),
    pytest.param(
        "Het aantal daalde tot\n"
        "7.100 huishoudens in 2008, een daling van ruim tien procent in twee jaar.\n",
        id="short-wrapped-line-ending-on-a-preposition",
    ),
    pytest.param(
        "Het aantal uitzettingen bedroeg in 2019\n"
        "2.800, tegen 3.000 een jaar eerder.\n",
        id="line-ends-with-a-year-next-with-a-figure",
    ),
    pytest.param(
        "Corporaties en gemeenten werken samen\n"
        "aan het voorkomen van schulden bij huurders met een laag inkomen.\n",
        id="next-line-lower-case",
    ),
    pytest.param(
        "Alleenstaanden, gezinnen en ouderen,\n"
        "Iedere groep kreeg een eigen aanpak van de corporatie en van de gemeente zelf.\n",
        id="line-ends-with-a-comma",
    ),
    pytest.param(
        "Huurders met een achterstand en\n"
        "Woningcorporaties vinden elkaar steeds vaker aan tafel bij de schuldhulp.\n",
        id="line-ends-with-a-conjunction",
    ),
    pytest.param(
        "De trend zette door.\n"
        "Daarna bleef het aantal gelijk, omdat er vaker een regeling werd getroffen.\n",
        id="line-ends-a-sentence",
    ),
    pytest.param(
        "De grootste groep van de uitgezette huishoudens bestond opnieuw uit\n"
        "Alleenstaanden zonder kinderen.\n",
        id="long-line-next-capital",
    ),
    pytest.param(
        "Een regeling voor aflossing (in termijnen\n"
        "Van zes tot twaalf maanden) werd vaak aangeboden aan huurders met een schuld.\n",
        id="open-bracket",
    ),
    pytest.param(
        "Huurders met een schuld van meer dan duizend euro bij hun eigen corporatie\n"
        "Nemen vaker contact op.\n",
        id="more-than-eight-words",
    ),
]


def _blocks(source: str) -> list[tuple[BlockKind, str]]:
    return [(b.kind, b.text) for b in text_pages(source)[0].blocks]


@pytest.mark.parametrize(("source", "expected"), SPLIT)
def test_heading_line_above_its_paragraph_is_a_heading(
    source: str, expected: list[tuple[BlockKind, str]]
) -> None:
    assert _blocks(source) == expected


@pytest.mark.parametrize("source", KEPT)
def test_wrapped_paragraph_lines_stay_one_paragraph(source: str) -> None:
    assert _blocks(source) == [(P, " ".join(source.split()))]


def test_bullet_list_items_are_no_headings() -> None:
    source = (
        "Corporaties noemen drie redenen:\n"
        "- Een achterstand in de huur\n"
        "- Overlast voor de buren\n"
        "- Een hennepkwekerij in de woning\n"
    )
    blocks = _blocks(source)
    assert [kind for kind, _ in blocks] == [P, P, P, P]
    assert blocks[1][1] == "- Een achterstand in de huur"


def test_paragraph_sentence_no_longer_starts_with_the_heading(tmp_path: Path) -> None:
    path = tmp_path / "monitor_2007.txt"
    path.write_text(
        "HUURSCHULDEN 2007\n"
        "\n"
        "Overlast en hennep\n"
        "Zeven procent van de uitzettingen had ernstige overlast als reden. Bij vier\n"
        "procent ging het om een hennepkwekerij.\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    body = [s for s in doc.sentences if s.block_kind is P]
    assert body[0].text.startswith("Zeven procent van de uitzettingen")
    assert body[0].heading == "Overlast en hennep"
    assert [s.text for s in doc.sentences if s.block_kind is H] == [
        "HUURSCHULDEN 2007", "Overlast en hennep"
    ]


@pytest.mark.parametrize(
    ("report", "splits"),
    [pytest.param(OWN_REPORT, 5, id="own-report"),
     pytest.param(SEED, 0, id="reference-edition", marks=pytest.mark.seed)],
)
def test_a_whole_report_only_changes_where_a_heading_is_split_off(
    report: Path, splits: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not report.exists():
        pytest.skip("reference text ../shared/seeds not present")
    after = read_document(report).sentences
    with monkeypatch.context() as patch:
        patch.setattr(text, "_split_heading_lines", lambda drafts: drafts)
        before = [s.text for s in read_document(report).sentences]
    assert len(after) - len(before) == splits  # the headings written above their paragraph
    i = j = 0
    while i < len(before) and j < len(after):
        if before[i] == after[j].text:
            i, j = i + 1, j + 1
            continue
        # The only change allowed: "Heading First sentence" became "Heading", "First sentence".
        assert after[j].block_kind is H and j + 1 < len(after), (before[i], after[j].text)
        assert before[i] == f"{after[j].text} {after[j + 1].text}"
        # A split inside a wrapped sentence would leave a tail in lower case.
        assert after[j + 1].text[:1].isupper() or after[j + 1].text[:1].isdigit()
        i, j = i + 1, j + 2
    assert (i, j) == (len(before), len(after))
