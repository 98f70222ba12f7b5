import json
from decimal import Decimal

from rapportextract.models import Fact, Source, union_bbox


def test_union_bbox_spans_all_boxes() -> None:
    assert union_bbox([(10, 20, 30, 40), (5, 25, 20, 45)]) == (5, 20, 30, 45)
    assert union_bbox([]) is None


def _fact(value: Decimal) -> Fact:
    return Fact(
        id="x", document="d.txt", edition=2024, subject="huurders", value=value,
        unit="count", period="2023", confidence=0.9,
        source=Source(page=1, sentence="s", text="t", start=0, end=1),
    )


def test_fact_values_leave_as_json_numbers_not_strings() -> None:
    data = json.loads(_fact(Decimal("164000000")).model_dump_json())
    assert data["value"] == 164000000 and isinstance(data["value"], int)
    data = json.loads(_fact(Decimal("1.1")).model_dump_json())
    assert data["value"] == 1.1


def test_models_made_with_the_same_fields_share_one_set_of_given_names() -> None:
    from rapportextract.models import Source

    a = Source(page=1, sentence="Er waren 12 zaken.", text="12", start=9, end=11)
    b = Source(page=2, sentence="Er waren 14 zaken.", text="14", start=9, end=11)
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    b.page = 3  # given at creation: still shared
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    b.note = "gelezen"  # not given: b gets a set of its own, a's stays as it was
    assert b.model_fields_set == {"page", "sentence", "text", "start", "end", "note"}
    assert a.model_fields_set == {"page", "sentence", "text", "start", "end"}
    c = Source(page=4, sentence="Er waren 16 zaken.", text="16", start=9, end=11)
    assert c.model_fields_set == a.model_fields_set
