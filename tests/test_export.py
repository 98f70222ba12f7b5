"""Outputs: atomic writes, series.csv, datapackage.json, series.json, plots."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

from rapportextract.export import (
    atomic_open,
    atomic_write_text,
    datapackage,
    write_datapackage,
    write_facts_csv,
    write_facts_json,
    write_series_csv,
    write_series_json,
)
from rapportextract.export.plots import (
    format_number_nl,
    format_value_nl,
    plot_all,
    plot_file_name,
)
from rapportextract.models import Fact, SeriesFile, Source
from rapportextract.series import build_series

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _fact(fid: str, edition: int, value: str, text: str, period: str, **kw: object) -> Fact:
    defaults: dict[str, object] = {"concept": "total_rent_arrears_eur", "unit": "EUR",
                                   "confidence": 0.9}
    defaults.update(kw)
    return Fact(
        id=fid, document=f"rapport-{edition}.txt", edition=edition, subject="huurachterstand",
        value=Decimal(value), period=period,
        source=Source(page=2, sentence=f"Het bedrag was {text}.", text=text, start=15,
                      end=15 + len(text)),
        **defaults,
    )


@pytest.fixture
def series_file() -> SeriesFile:
    facts = [
        _fact("a", 2022, "226000000", "€ 226 miljoen", "2020"),
        _fact("b", 2024, "227000000", "€ 227 miljoen", "2020"),
        _fact("c", 2024, "173000000", "€ 9 miljoen minder", "2022", derived=True),
        _fact("d", 2024, "164000000", "€ 164 miljoen", "2023"),
        _fact("e", 2024, "1.1", "1,1%", "2023", concept="rent_arrears_share_of_rent_income_pct",
              unit="percent"),
        _fact("f", 2024, "-18000", "18.000 minder", "2023", concept="tenants_with_arrears",
              unit="count", kind="change", base_period="2022"),
    ]
    return build_series(facts)


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def test_csv_has_one_row_per_vintage_with_the_contract_columns(
    tmp_path: Path, series_file: SeriesFile
) -> None:
    path = write_series_csv(tmp_path / "series.csv", series_file)
    header, rows = _read_csv(path)
    required = ["series_id", "concept", "period", "value", "unit", "qualifier", "status",
                "edition", "document", "page", "conflict", "headline"]
    assert [c for c in header if c in required] == required
    vintages = sum(len(o.vintages) for s in series_file.series for o in s.observations)
    assert len(rows) == vintages == 6

    arrears_2020 = [r for r in rows if r["series_id"] == "total_rent_arrears_eur"
                    and r["period"] == "2020"]
    assert [(r["edition"], r["value"], r["headline"], r["conflict"]) for r in arrears_2020] == [
        ("2022", "226000000", "false", "true"),
        ("2024", "227000000", "true", "true"),
    ]
    share = next(r for r in rows if r["unit"] == "percent")
    assert share["value"] == "1.1" and share["document"] == "rapport-2024.txt"
    assert share["page"] == "2"
    derived = next(r for r in rows if r["period"] == "2022" and r["kind"] == "level")
    assert derived["status"] == "derived"
    change = next(r for r in rows if r["kind"] == "change")
    assert (change["series_id"], change["value"], change["base_period"]) == (
        "tenants_with_arrears.change", "-18000", "2022")
    # Exactly one headline row per observation.
    observations = {(r["series_id"], r["period"], r["base_period"]) for r in rows}
    assert sum(r["headline"] == "true" for r in rows) == len(observations)


def _cast(value: str, field: dict[str, object]) -> object:
    if value in field.get("missingValues", [""]):  # type: ignore[operator]
        return None
    kind = field["type"]
    if kind == "integer":
        return int(value)
    if kind == "number":
        return Decimal(value)
    if kind == "boolean":
        if value in field["trueValues"]:  # type: ignore[operator]
            return True
        assert value in field["falseValues"], value  # type: ignore[operator]
        return False
    assert kind == "string"
    return value


def test_datapackage_describes_the_csv_field_by_field(
    tmp_path: Path, series_file: SeriesFile
) -> None:
    csv_path = write_series_csv(tmp_path / "series.csv", series_file)
    dp_path = write_datapackage(tmp_path / "datapackage.json")
    descriptor = json.loads(dp_path.read_text(encoding="utf-8"))

    assert descriptor["profile"] == "tabular-data-package"
    assert descriptor["name"].islower() and " " not in descriptor["name"]
    resource, facts_resource = descriptor["resources"]
    assert facts_resource["path"] == "facts.csv"
    assert facts_resource["schema"]["primaryKey"] == ["fact_id"]
    assert resource["schema"]["primaryKey"] == [
        "series_id", "period", "base_period", "edition", "alternative"]
    assert resource["path"] == "series.csv" and (tmp_path / resource["path"]).exists()
    assert resource["profile"] == "tabular-data-resource"
    fields = resource["schema"]["fields"]
    header, rows = _read_csv(csv_path)
    assert [f["name"] for f in fields] == header
    allowed = {"string", "number", "integer", "boolean"}
    for field in fields:
        assert field["type"] in allowed and field["description"]
    value_field = next(f for f in fields if f["name"] == "value")
    assert "EUR" in value_field["description"] and "percent" in value_field["description"]

    # Every cell casts to its declared type and meets its constraints.
    for row in rows:
        for field in fields:
            cell = _cast(row[field["name"]], {**field, **resource["schema"]})
            constraints = field.get("constraints", {})
            if constraints.get("required"):
                assert cell is not None, (field["name"], row)
            if "enum" in constraints and cell is not None:
                assert cell in constraints["enum"], (field["name"], cell)


def test_datapackage_descriptor_is_a_valid_json_schema_shape() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    # The parts of the Data Package / Table Schema profiles the descriptor relies on.
    schema = {
        "type": "object",
        "required": ["name", "resources"],
        "properties": {
            "name": {"type": "string", "pattern": "^[a-z0-9._-]+$"},
            "resources": {
                "type": "array", "minItems": 1,
                "items": {
                    "type": "object", "required": ["name", "path", "schema"],
                    "properties": {
                        "schema": {
                            "type": "object", "required": ["fields"],
                            "properties": {"fields": {"type": "array", "items": {
                                "type": "object", "required": ["name", "type"],
                                "properties": {"type": {"enum": [
                                    "string", "number", "integer", "boolean", "date", "year",
                                ]}},
                            }}},
                        },
                    },
                },
            },
        },
    }
    jsonschema.validate(datapackage(), schema)


def test_series_and_facts_json_round_trip(tmp_path: Path, series_file: SeriesFile) -> None:
    path = write_series_json(tmp_path / "series.json", series_file)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] and isinstance(data["series"], list)
    assert SeriesFile.model_validate_json(path.read_text(encoding="utf-8")) == series_file
    facts_path = write_facts_json(tmp_path / "facts.json", [], [])
    assert json.loads(facts_path.read_text(encoding="utf-8"))["facts"] == []


@pytest.mark.parametrize("count", [0, 1, 3])
def test_facts_json_written_fact_by_fact_is_pydantics_text(tmp_path: Path, count: int) -> None:
    from rapportextract.models import DocumentSummary, ExtractOutput

    facts = [_fact(f"f{i}", 2020 + i, f"{i}000000", f"\u20ac {i} mln \"ruim\"\n", "2019",
                   diagnostics=["a", "b"] if i else [])
             for i in range(count)]
    documents = [DocumentSummary(path="a/rapport.pdf", name="rapport.pdf", sha256="0" * 64,
                                 source_type="pdf", edition=2021, pages=3, facts=count)]
    path = write_facts_json(tmp_path / "facts.json", facts, documents)
    whole = ExtractOutput(documents=documents, facts=facts).model_dump_json(indent=2) + "\n"
    assert path.read_text(encoding="utf-8") == whole


def test_plots_are_written_one_png_per_series(tmp_path: Path, series_file: SeriesFile) -> None:
    written = plot_all(series_file.series, tmp_path / "plots")
    assert sorted(p.name for p in written) == sorted(
        plot_file_name(s.id) for s in series_file.series
    )
    for path in written:
        assert path.read_bytes()[:8] == PNG_MAGIC and path.stat().st_size > 2000
    assert not [p for p in (tmp_path / "plots").iterdir() if p.suffix != ".png"]


def test_plot_file_names_are_safe() -> None:
    assert plot_file_name("total_rent_arrears_eur") == "total_rent_arrears_eur.png"
    assert plot_file_name("a/b c.change") == "a_b_c.change.png"
    assert plot_file_name("../x") == "x.png"


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "millions", "expected"),
    [
        (117000, "count", 0, False, "117.000"),
        (1234567.5, "count", 1, False, "1.234.567,5"),
        (1.1, "percent", 1, False, "1,1%"),
        (164_000_000, "EUR", 0, True, "€ 164 mln"),
        (2_500_000, "EUR", 1, True, "€ 2,5 mln"),
        (1250, "EUR", 0, False, "€ 1.250"),
    ],
)
def test_dutch_number_formatting(
    value: float, unit: str, decimals: int, millions: bool, expected: str
) -> None:
    assert format_value_nl(value, unit, decimals, millions=millions) == expected  # type: ignore[arg-type]
    assert format_number_nl(-18000) == "-18.000"


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "series.csv"
    atomic_write_text(target, "oud\n")
    with pytest.raises(RuntimeError), atomic_open(target) as fh:
        fh.write("half geschreven")
        raise RuntimeError("schijf vol")
    assert target.read_text() == "oud\n"
    assert [p.name for p in tmp_path.iterdir()] == ["series.csv"]


def test_atomic_write_replaces_and_keeps_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "facts.json"
    atomic_write_text(target, "{}\n")
    atomic_write_text(target, '{"a": 1}\n')
    assert target.read_text() == '{"a": 1}\n'
    assert target.stat().st_mode & 0o044  # readable by others, not 0600 like a temp file


def _disagreeing_edition() -> SeriesFile:
    """One edition that gives 2014 two judgment counts far apart (the second concept found
    only from the sentence before), and a later edition that agrees with the first."""
    return build_series([
        _fact("j1", 2015, "23500", "23.500", "2014", concept="court_judgments_total",
              unit="count"),
        _fact("j2", 2015, "1700", "1.700", "2014", concept="court_judgments_total",
              unit="count", confidence=0.8),
        _fact("j3", 2016, "23500", "23.500", "2014", concept="court_judgments_total",
              unit="count"),
    ])


def test_csv_has_a_row_for_every_value_an_edition_gives(tmp_path: Path) -> None:
    path = write_series_csv(tmp_path / "series.csv", _disagreeing_edition())
    _header, rows = _read_csv(path)
    assert [(r["edition"], r["alternative"], r["value"], r["headline"], r["conflict_kind"],
             r["text"], r["fact_ids"]) for r in rows] == [
        ("2015", "0", "23500", "false", "within_edition", "23.500", "j1"),
        ("2015", "1", "1700", "false", "within_edition", "1.700", "j2"),
        ("2016", "0", "23500", "true", "within_edition", "", "j3"),
    ]


def test_facts_csv_has_one_row_per_fact_with_its_provenance(tmp_path: Path) -> None:
    fact = _fact("p1", 2024, "164000000", "€ 164 miljoen", "2023", scope="organisation",
                 scope_name="Woonstad")
    fact.source.bbox = (10.0, 20.5, 110.25, 32.0)
    path = write_facts_csv(tmp_path / "facts.csv", [fact])
    _header, (row,) = _read_csv(path)
    assert (row["fact_id"], row["document"], row["page"], row["bbox"], row["origin"],
            row["scope"], row["scope_name"], row["text"]) == (
        "p1", "rapport-2024.txt", "2", "10 20.5 110.25 32", "text", "organisation", "Woonstad",
        "€ 164 miljoen")
    assert row["sentence"] == "Het bedrag was € 164 miljoen."


def test_frictionless_validates_the_package(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    series_file = _disagreeing_edition()
    write_series_csv(tmp_path / "series.csv", series_file)
    write_facts_csv(tmp_path / "facts.csv", [
        _fact("j1", 2015, "23500", "23.500", "2014", concept=None, base_period=None)])
    dp = write_datapackage(tmp_path / "datapackage.json")
    report = frictionless.validate(str(dp))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])

    # A repeated key is what the primary key is there to catch.
    rows = (tmp_path / "series.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "series.csv").write_text("\n".join([*rows, rows[1]]) + "\n", encoding="utf-8")
    report = frictionless.validate(str(dp))
    assert not report.valid
    assert "primary-key" in {kind for (kind,) in report.flatten(["type"])}


def test_a_plot_is_written_whole_without_a_flush_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Plots skip fsync (a plot lost in a power cut fails its hash check and is drawn again);
    # the other outputs are flushed to disk before they replace the old file.
    import os

    from rapportextract.export import atomic_write_bytes, atomic_write_text

    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd))
    target = tmp_path / "reeks.png"
    target.write_bytes(b"oud")
    atomic_write_bytes(target, b"nieuw", sync=False)
    assert target.read_bytes() == b"nieuw" and synced == []
    assert [p.name for p in tmp_path.iterdir()] == ["reeks.png"]  # no temporary file left
    atomic_write_text(tmp_path / "series.csv", "a,b\n")
    assert len(synced) == 1
