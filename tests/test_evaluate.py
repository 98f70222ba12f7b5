"""Matching and metrics of `rapportextract.evaluate`, on hand-built facts and gold."""

from __future__ import annotations

import json
import sys
import types
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rapportextract.errors import InputError
from rapportextract.evaluate import (
    EvalReport,
    GoldFact,
    evaluate,
    evaluate_corpus,
    evaluate_document,
    load_gold,
    values_match,
)
from rapportextract.models import Document, Fact, Sentence, Source

SENTENCE = "In 2016 zijn 4.800 woningen ontruimd, een daling van 14 procent."


def fact(
    value: str,
    *,
    unit: str = "count",
    kind: str = "level",
    period: str = "2016",
    concept: str | None = "evictions_total",
    qualifier: str = "exact",
    page: int = 1,
    origin: str = "text",
    text: str = "4.800",
    edition: int = 2017,
    derived: bool = False,
    sentence: str = SENTENCE,
    ident: str = "f",
) -> Fact:
    return Fact(
        id=ident, document=f"report-{edition}.pdf", edition=edition, concept=concept,
        subject="huisuitzettingen", value=Decimal(value), unit=unit,
        period=period, qualifier=qualifier, kind=kind, derived=derived,
        confidence=0.9,
        source=Source(page=page, sentence=sentence, text=text, start=0, end=len(text),
                      origin=origin),
    )


def gold(
    value: str,
    *,
    unit: str = "count",
    kind: str = "level",
    period: str = "2016",
    concept: str | None = "evictions_total",
    qualifier: str = "exact",
    page: int | None = 1,
    origin: str = "text",
    anchor: str = "4.800",
    edition: int = 2017,
) -> GoldFact:
    return GoldFact(
        edition=edition, anchor=anchor, value=Decimal(value), unit=unit,
        kind=kind, qualifier=qualifier, period=period, concept=concept,
        page=page, origin=origin,
    )


# --------------------------------------------------------------------------------------------
# Values within rounding
# --------------------------------------------------------------------------------------------

VALUE_CASES = [
    ("33.3333", "33.33", True),    # "een derde" computed vs written to two places
    ("33.33", "33.3", True),
    ("79", "79.3", True),          # a rounded figure matches the precise one
    ("66.6667", "66.67", True),
    ("6750", "6750", True),
    ("6755", "6750", False),
    ("6751", "6750", False),
    ("164000000", "164000000", True),
    ("164000001", "164000000", False),
    ("-15", "15", False),          # sign matters: a decrease is not an increase
    ("1.2", "1.1", False),
]


@pytest.mark.parametrize(("found", "expected", "ok"), VALUE_CASES,
                         ids=[f"{a}~{b}" for a, b, _ in VALUE_CASES])
def test_values_match_within_rounding(found: str, expected: str, ok: bool) -> None:
    assert values_match(Decimal(found), Decimal(expected)) is ok


# --------------------------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------------------------


def test_all_found_scores_one() -> None:
    facts = [fact("4800"), fact("-14", unit="percent", kind="change", text="14 procent")]
    golds = [gold("4800"), gold("-14", unit="percent", kind="change", anchor="14 procent")]
    doc = evaluate_document(facts, golds)
    assert (doc.scores.precision, doc.scores.recall, doc.scores.f1) == (1.0, 1.0, 1.0)
    assert doc.misses == [] and doc.false_positives == []


def test_one_miss_and_one_false_positive() -> None:
    facts = [fact("4800"), fact("2016", text="2016", concept=None)]  # a year read as a figure
    golds = [gold("4800"), gold("5500", period="2015", anchor="5.500")]
    doc = evaluate_document(facts, golds)
    assert doc.scores.matched == 1
    assert doc.scores.precision == pytest.approx(0.5)
    assert doc.scores.recall == pytest.approx(0.5)
    assert doc.scores.f1 == pytest.approx(0.5)
    assert [m.gold.anchor for m in doc.misses] == ["5.500"]
    assert [f.source.text for f in doc.false_positives] == ["2016"]


def test_precision_recall_f1_differ_when_counts_differ() -> None:
    facts = [fact("4800")]
    golds = [gold("4800"), gold("5500", anchor="5.500"), gold("6000", anchor="6.000")]
    scores = evaluate_document(facts, golds).scores
    assert scores.precision == 1.0
    assert scores.recall == pytest.approx(1 / 3)
    assert scores.f1 == pytest.approx(2 * (1 / 3) / (1 + 1 / 3))


def test_wrong_period_is_an_attribute_error_not_a_miss() -> None:
    facts = [fact("4800", period="2017", concept=None, qualifier="approx")]
    doc = evaluate_document(facts, [gold("4800")])
    assert doc.scores.recall == 1.0
    assert doc.scores.accuracy("period") == 0.0
    assert doc.scores.accuracy("concept") == 0.0
    assert doc.scores.accuracy("qualifier") == 0.0
    assert doc.matches[0].wrong() == {
        "period": ("2017", "2016"), "concept": (None, "evictions_total"),
        "qualifier": ("approx", "exact"),
    }


@pytest.mark.parametrize("field_value", [
    {"unit": "percent"},
    {"kind": "change"},
    {"page": 2},
], ids=["unit", "kind", "page"])
def test_unit_kind_and_page_must_agree(field_value: dict[str, Any]) -> None:
    doc = evaluate_document([fact("4800", **field_value)], [gold("4800")])
    assert doc.scores.matched == 0


def test_gold_without_page_matches_any_page() -> None:
    doc = evaluate_document([fact("4800", page=3)], [gold("4800", page=None)])
    assert doc.scores.matched == 1


def test_repeated_figure_pairs_by_origin_and_period() -> None:
    # The same value in the prose (2016) and as a chart bar (2016) and a table cell (2015's
    # 4.800 would be another year): each gold entry gets the fact that agrees with it best.
    facts = [
        fact("4800", origin="chart", period="2016", ident="chart"),
        fact("4800", origin="text", period="2016", ident="text"),
    ]
    golds = [gold("4800", origin="text"), gold("4800", origin="chart")]
    doc = evaluate_document(facts, golds)
    assert {(m.gold.origin, m.fact.id) for m in doc.matches} == {
        ("text", "text"), ("chart", "chart")}


def test_each_fact_matches_at_most_one_gold_entry() -> None:
    doc = evaluate_document([fact("4800")], [gold("4800"), gold("4800", origin="chart")])
    assert doc.scores.matched == 1 and len(doc.misses) == 1


def test_derived_facts_are_left_out_of_the_scores() -> None:
    facts = [fact("4800"), fact("5581", period="2015", derived=True)]
    doc = evaluate_document(facts, [gold("4800")])
    assert doc.scores.extracted == 1 and doc.scores.precision == 1.0
    assert doc.derived_skipped == 1


def test_no_facts_gives_zero_recall_and_no_precision() -> None:
    scores = evaluate_document([], [gold("4800")]).scores
    assert scores.recall == 0.0 and scores.precision is None and scores.f1 is None


def test_evaluate_scores_per_edition_and_overall() -> None:
    facts = [
        fact("4800", edition=2017),
        fact("3000", edition=2019, period="2018", text="3.000"),
        fact("9999", edition=2019, period="2018", text="9.999"),
        fact("1", edition=2030),  # no gold for this edition: not scored
    ]
    golds = [
        gold("4800", edition=2017),
        gold("3000", edition=2019, period="2018", anchor="3.000"),
    ]
    report = evaluate(facts, golds)
    assert [(d.edition, d.scores.matched, d.scores.extracted) for d in report.documents] == [
        (2017, 1, 1), (2019, 1, 2)]
    overall = report.overall
    assert (overall.gold, overall.extracted, overall.matched) == (2, 3, 2)
    assert overall.precision == pytest.approx(2 / 3)
    assert overall.recall == 1.0


def test_a_miss_shows_its_sentence_from_the_document() -> None:
    document = Document(
        path="r.pdf", name="r.pdf", sha256="0" * 64, source_type="pdf", edition=2017,
        sentences=[Sentence(id="p1-b0-s0", page=1, block_id="p1-b0", block_kind="paragraph",
                            text=SENTENCE)],
    )
    report = evaluate([], [gold("4800")], documents=[document])
    assert report.documents[0].misses[0].sentence == SENTENCE


def test_skipped_numbers_are_counted_by_reason_in_json_and_text() -> None:
    texts = ["Zie tabel 4 en noot 12 voor 2019.", "Bel altijd 112 bij nood.",
             "Het ging om 5.100 huurders.", "Een kop voor de rest", ]
    document = Document(
        path="r.pdf", name="r.pdf", sha256="0" * 64, source_type="pdf", edition=2020,
        sentences=[Sentence(id=f"p2-b{i}-s0", page=2, block_id=f"p2-b{i}",
                            block_kind="paragraph", text=t) for i, t in enumerate(texts)],
    )
    doc = evaluate([], [gold("4800", edition=2020)], documents=[document]).documents[0]
    assert doc.skipped_numbers == {"reference": 2, "year": 1, "phone number": 1}
    assert doc.to_dict()["skipped_numbers"] == doc.skipped_numbers
    text = EvalReport([doc]).to_text()
    assert "numbers skipped as no figures: reference 2, year 1, phone number 1" in text


def test_report_text_and_dict_list_misses_and_false_positives() -> None:
    facts = [fact("1234", text="1.234", sentence="Er waren 1.234 vonnissen.")]
    report = evaluate(facts, [gold("4800")])
    text = report.to_text()
    assert "overall" in text
    assert "'4.800'" in text  # the miss, by its anchor
    assert "Er waren 1.234 vonnissen." in text  # the false positive, with its sentence
    data = json.loads(json.dumps(report.to_dict()))
    doc = data["documents"][0]
    assert doc["misses"][0]["value"] == 4800
    assert doc["false_positives"][0]["sentence"] == "Er waren 1.234 vonnissen."
    assert data["overall"]["precision"] == 0.0 and data["overall"]["recall"] == 0.0


# --------------------------------------------------------------------------------------------
# Gold files
# --------------------------------------------------------------------------------------------

GOLD_YAML = """\
edition: 2013
document: report-2013.pdf
facts:
  - {anchor: "79,3%", value: 79.3, unit: percent, kind: level, qualifier: exact,
     period: 2012, concept: share_evictions_rent_arrears_pct, page: 2, origin: text}
  - {anchor: "ruim 10 procent meer", value: 10, unit: percent, kind: change,
     qualifier: more_than, period: "2012", base_period: 2011, concept: evictions_total,
     page: 1, origin: text}
"""


def test_load_gold_keeps_values_exact_and_periods_as_text(tmp_path: Path) -> None:
    path = tmp_path / "2013.yaml"
    path.write_text(GOLD_YAML, encoding="utf-8")
    facts = load_gold(path)
    assert [f.value for f in facts] == [Decimal("79.3"), Decimal("10")]
    assert facts[0].period == "2012" and facts[1].base_period == "2011"
    assert all(f.edition == 2013 and f.document == "report-2013.pdf" for f in facts)


@pytest.mark.parametrize(("content", "message"), [
    ("facts: [\n", "not valid YAML"),
    ("edition: 2013\n", "'facts' list"),
    ("facts: []\n", "'edition'"),
    ("edition: 2013\nfacts:\n  - {anchor: x, value: 1, unit: euro, period: '2012'}\n",
     "gold fact 1"),
    ("edition: 2013\nfacts:\n  - {anchor: x, value: 1, unit: count, period: '2012', "
     "colour: red}\n", "colour"),
], ids=["yaml", "no-facts", "no-edition", "bad-unit", "unknown-field"])
def test_load_gold_errors_name_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_gold(path)
    line = str(info.value)
    assert "broken.yaml" in line and message in line and "\n" not in line


def test_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read gold file"):
        load_gold(tmp_path / "absent.yaml")


# --------------------------------------------------------------------------------------------
# evaluate_corpus, with a stand-in extractor
# --------------------------------------------------------------------------------------------


@dataclass
class _Extraction:
    document: Document
    facts: list[Fact]


def test_evaluate_corpus_reads_the_manifest_and_matches_gold_by_edition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "manifest.json").write_text(json.dumps({"editions": [
        {"edition": 2017, "title": "t", "file": "report-2017.pdf", "sha256": "x"},
    ]}), encoding="utf-8")
    (tmp_path / "report-2017.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "gold" / "2017.yaml").write_text(
        "edition: 2017\nfacts:\n"
        "  - {anchor: '4.800', value: 4800, unit: count, period: '2016', page: 1}\n"
        "  - {anchor: '5.500', value: 5500, unit: count, period: '2015', page: 1}\n",
        encoding="utf-8")
    seen: list[Path] = []

    def fake_extract(path: Path, **_: object) -> _Extraction:
        seen.append(Path(path))
        doc = Document(path=str(path), name=Path(path).name, sha256="0" * 64,
                       source_type="pdf", edition=2017)
        return _Extraction(document=doc, facts=[fact("4800")])

    module = types.ModuleType("rapportextract.pipeline")
    module.extract = fake_extract  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "rapportextract.pipeline", module)

    report = evaluate_corpus(tmp_path)
    assert isinstance(report, EvalReport)
    assert seen == [tmp_path / "report-2017.pdf"]
    doc = report.documents[0]
    assert (doc.document, doc.edition, doc.scores.matched, doc.scores.gold) == (
        "report-2017.pdf", 2017, 1, 2)
    assert evaluate_corpus(tmp_path, paths=[Path("other.pdf")]).documents == []


def test_evaluate_corpus_without_manifest_or_gold_naming_a_document(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"manifest\.json"):
        evaluate_corpus(tmp_path)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "2016.yaml").write_text(  # names a report that is not there
        "edition: 2016\ndocument: elders-2016.txt\nfacts: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="no gold file names a document"):
        evaluate_corpus(tmp_path)


def test_evaluate_corpus_without_manifest_reads_the_reports_the_gold_names(
    tmp_path: Path,
) -> None:
    reports, gold = tmp_path / "rapporten", tmp_path / "goud"
    reports.mkdir()
    gold.mkdir()
    (reports / "jaarbericht-2016.txt").write_text(
        "HUISUITZETTINGEN 2016\n\nIn 2015 moesten 5.500 huishoudens hun huurwoning verlaten "
        "na een vonnis.\n", encoding="utf-8")
    (reports / "notities.txt").write_text("Geen gold voor dit bestand.\n", encoding="utf-8")
    (gold / "jaarbericht.yaml").write_text(  # any name: the file says its edition
        "edition: 2016\ndocument: jaarbericht-2016.txt\nfacts:\n"
        "  - {anchor: '5.500', value: 5500, unit: count, period: '2015',"
        " concept: evictions_total}\n"
        "  - {anchor: '7.000', value: 7000, unit: count, period: '2014'}\n",
        encoding="utf-8")
    (gold / "2017.yaml").write_text(  # its report is not in the folder: left out
        "edition: 2017\ndocument: jaarbericht-2017.txt\nfacts: []\n", encoding="utf-8")
    report = evaluate_corpus(reports, gold)
    assert [(d.document, d.edition) for d in report.documents] == [
        ("jaarbericht-2016.txt", 2016)]
    assert (report.documents[0].scores.matched, report.documents[0].scores.gold) == (1, 2)


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

_values = st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False,
                      allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(_values, _values)
def test_values_match_is_symmetric_and_reflexive(a: Decimal, b: Decimal) -> None:
    assert values_match(a, a)
    assert values_match(a, b) == values_match(b, a)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=-10**9, max_value=10**9), st.integers(min_value=1, max_value=10**6))
def test_whole_numbers_one_apart_never_match(n: int, gap: int) -> None:
    assert not values_match(Decimal(n), Decimal(n + gap))
